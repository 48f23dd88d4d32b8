"""A run over a folder: every file found gets a documents row, whatever happens to it.

Each file is read and extracted on its own; an exception in one file becomes that file's
`failed` row with a reason a user can act on, and the run goes on.
"""

from __future__ import annotations

import hashlib
import time
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from extractors.plan import extract_plan
from extractors.plan.lexicon import DATA_DIR
from extractors.readers.docx import read_docx
from extractors.readers.pdf import LegacyFontError, probe_pdf, read_pdf
from pipeline import __version__
from pipeline.coding import assign_codes, read_overrides
from pipeline.model import Extraction
from pipeline.output import write_tables

STATUSES = ("ok", "partial", "failed", "skipped")
DEFAULT_OVERRIDES = DATA_DIR / "overrides.csv"


@dataclass
class FileResult:
    source_path: str
    sha256: str
    file_format: str
    status: str
    error: str | None = None
    pages: int | None = None
    extraction: Extraction | None = None

    @property
    def doc_id(self) -> str:
        return self.sha256[:16]


@dataclass
class RunSummary:
    results: list[FileResult] = field(default_factory=list)
    seconds: float = 0.0

    def line(self) -> str:
        counts = Counter(r.status for r in self.results)
        parts = ", ".join(f"{counts.get(s, 0)} {s}" for s in STATUSES)
        return f"{len(self.results)} files: {parts} in {self.seconds:.1f} s"


def discover(folder: Path) -> list[Path]:
    """Every file under folder, recursively, in a stable order; hidden files are left out."""
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def sniff(data: bytes, path: Path) -> str:
    """The file's type from its content, not its name."""
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                if "word/document.xml" in archive.namelist():
                    return "docx"
        except zipfile.BadZipFile:
            return "zip-damaged"
        return "zip"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    return path.suffix.lower().lstrip(".") or "unknown"


def process_file(path: Path, root: Path) -> FileResult:
    data = path.read_bytes()
    result = FileResult(
        source_path=path.relative_to(root).as_posix(),
        sha256=hashlib.sha256(data).hexdigest(),
        file_format=sniff(data, path),
        status="failed",
    )
    try:
        _extract(path, result)
    except Exception as error:  # one bad file must not stop the run
        result.status = "failed"
        result.error = f"could not read this file ({type(error).__name__}: {error})"
    return result


def _extract(path: Path, result: FileResult) -> None:
    if result.file_format == "docx":
        result.extraction = extract_plan(read_docx(path))
        _judge(result)
    elif result.file_format == "pdf":
        result.pages, has_text = probe_pdf(path)
        if not has_text:
            result.file_format = "pdf_scanned"
            result.error = "scanned PDF (no text layer): reading scans is not supported yet"
            return
        try:
            result.extraction = extract_plan(read_pdf(path))
        except LegacyFontError as error:
            result.status, result.error = "partial", str(error)
            return
        _judge(result)
    elif result.file_format == "ole":
        result.error = "this is a legacy Word .doc file: save it as .docx and run again"
    elif result.file_format.startswith("zip"):
        result.error = "a zip archive that is not a Word document: unpack it into the folder"
    else:
        result.status = "skipped"
        result.error = "not a plan: only DOCX and PDF files are read"


def _judge(result: FileResult) -> None:
    extraction = result.extraction
    if extraction.is_empty and extraction.info.doc_kind is None:
        result.status = "skipped"
        result.error = "not a plan: no KẾ HOẠCH / BÁO CÁO heading, scores or tasks were found"
    elif extraction.is_empty:
        result.status = "partial"
        result.error = "no scores, deductions or tasks were found in this plan"
    else:
        result.status = "ok"


def run(folder: Path, out: Path, progress=None, overrides: Path | None = None) -> RunSummary:
    started = time.perf_counter()
    summary = RunSummary()
    paths = discover(folder)
    for path in paths:
        summary.results.append(process_file(path, folder))
        if progress:
            progress(path)
    out.mkdir(parents=True, exist_ok=True)
    documents = [(r.source_path, r.extraction) for r in summary.results if r.extraction]
    assign_codes(documents, read_overrides(overrides or DEFAULT_OVERRIDES), out)
    write_tables(to_rows(summary.results), out)
    summary.seconds = time.perf_counter() - started
    return summary


def to_rows(results: list[FileResult]) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {
        "documents": [],
        "scores": [],
        "deductions": [],
        "tasks": [],
        "issues": [],
    }
    for result in results:
        doc = {
            "doc_id": result.doc_id,
            "source_path": result.source_path,
            "sha256": result.sha256,
            "file_format": result.file_format,
            "pages": result.pages,
            "status": result.status,
            "error": result.error,
            "pipeline_version": __version__,
        }
        extraction = result.extraction
        if extraction is not None:
            info = extraction.info
            doc.update(vars(info))
            doc["decisions"] = [{"number": d.number, "date": d.date} for d in info.decisions]
            for name, records in (
                ("scores", extraction.scores),
                ("deductions", extraction.deductions),
                ("tasks", extraction.tasks),
                ("issues", extraction.findings),
            ):
                rows[name].extend({"doc_id": result.doc_id, **vars(r)} for r in records)
        rows["documents"].append(doc)
    return rows
