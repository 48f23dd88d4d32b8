"""A run over a folder: every file found gets a documents row, whatever happens to it.

    inventory (hash, type from content) -> parse each distinct file in a worker process with a
    wall-clock timeout and a memory cap, on this machine or a Dask cluster (or take it from the
    cache) -> criterion codes for the whole run -> each unit placed in the gazetteer ->
    validation -> Parquet tables, written atomically: all but the parsing on this machine.

A file that hangs, crashes its worker, runs out of memory or raises becomes that file's `failed`
row with a reason a user can act on; the run goes on. An unchanged re-run (the same files, rules,
overrides and day, and the outputs as the last run left them) writes nothing.

The readers, the record extraction and the writing are imported where they are first needed: an
unchanged re-run loads none of them (pdfplumber, OpenCV, underthesea, pandas, pyarrow).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import resource
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import TimeoutError as Timeout
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

from extractors.model import Document, Extraction, Finding
from pipeline import __version__
from pipeline.atomic import replacing
from pipeline.cache import ROOT, ResultCache, fingerprint
from pipeline.inventory import CONVERTED, FileEntry, inventory

STATUSES = ("ok", "partial", "failed", "skipped")
log = logging.getLogger(__name__)
# lexicon.DATA_DIR / "overrides.csv", without importing the record extraction to learn it
DEFAULT_OVERRIDES = Path(os.environ.get("CCHC_DATA", ROOT / "data")) / "overrides.csv"


@dataclass(frozen=True)
class Limits:
    timeout: float = 300.0  # seconds one file may take
    memory_mb: int = 4096  # address space of one worker
    workers: int = min(2, os.cpu_count() or 1)


@dataclass
class Parsed:
    """What reading one file gave (kept in the cache)."""

    file_format: str
    status: str
    error: str | None = None
    pages: int | None = None
    extraction: Extraction | None = None
    transient: bool = False  # a timeout or a crash: worth trying again next run
    seconds: float = 0.0  # how long reading it took


@dataclass
class FileResult:
    source_path: str
    sha256: str
    file_format: str
    status: str
    error: str | None = None
    pages: int | None = None
    extraction: Extraction | None = None
    source_name: str | None = None

    @property
    def doc_id(self) -> str:
        return self.sha256[:16]


@dataclass
class RunSummary:
    results: list[FileResult] = field(default_factory=list)
    parsed: int = 0
    cached: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        counts = Counter(r.status for r in self.results)
        parts = ", ".join(f"{counts.get(s, 0)} {s}" for s in STATUSES)
        return (
            f"{len(self.results)} files: {parts} (parsed {self.parsed}, from cache {self.cached})"
            f" in {self.seconds:.1f} s"
        )


# ---- one file, in a worker process ---------------------------------------------------------


def parse(path: str, kind: str) -> Parsed:
    """Read one file and extract its records; every exception becomes a reason."""
    from pipeline.errors import explain  # before reading: a worker out of memory still explains

    started = time.perf_counter()
    try:
        parsed = _parse(Path(path), kind)
    except Exception as error:  # MemoryError included: the worker's memory cap
        parsed = Parsed(kind, "failed", explain(error))
    parsed.seconds = time.perf_counter() - started
    return parsed


def _parse(path: Path, kind: str) -> Parsed:
    from extractors.readers.docx import read_docx
    from extractors.readers.office import read_converted
    from extractors.readers.pdf import probe_pdf, read_pdf
    from extractors.readers.scan import read_scan

    if kind == "docx":
        return _extract(Parsed("docx", "ok"), read_docx(path))
    if kind in CONVERTED:
        return _extract(Parsed(kind, "ok"), read_converted(path, kind))
    pages, to_ocr = probe_pdf(path)
    if pages == 0:
        return Parsed("pdf", "failed", "the PDF has no pages: download or export it again", 0)
    if not to_ocr:
        return _extract(Parsed("pdf", "ok", pages=pages), read_pdf(path))
    document = read_scan(path, None if len(to_ocr) == pages else to_ocr)
    if not document.blocks:
        return Parsed(document.file_format, "failed", (
            "OCR found no text in this scan: check that its pages are not blank or too "
            "faint, and scan again at 300 dpi"
        ), pages)  # fmt: skip
    parsed = _extract(Parsed(document.file_format, "ok", pages=pages), document)
    parsed.extraction.findings.extend(_ocr_findings(to_ocr, pages))
    return parsed


def _ocr_findings(to_ocr: dict[int, str], pages: int) -> list[Finding]:
    """What was read by OCR in a PDF that is not a plain scan, and why: a text layer ignored
    or a page image in a born-digital file is worth knowing when a value looks off."""
    from extractors.readers.pdf import SCANNED

    if len(to_ocr) == pages and set(to_ocr.values()) == {SCANNED}:
        return []
    by_reason: dict[str, list[int]] = {}
    for page, reason in sorted(to_ocr.items()):
        by_reason.setdefault(reason, []).append(page)
    return [
        Finding(
            "info",
            "read_by_ocr",
            f"page{'s' if len(numbers) > 1 else ''} {', '.join(map(str, numbers))} of {pages} "
            f"read by OCR: {reason}",
            "documents",
        )
        for reason, numbers in by_reason.items()
    ]


def _extract(parsed: Parsed, document: Document) -> Parsed:
    from extractors.plan import extract_plan
    from normalizers.legacy import NAMES

    parsed.extraction = extract_plan(document)
    parsed.extraction.findings.extend(
        Finding(
            "info",
            "legacy_encoding_converted",
            f"text in a legacy font converted to Unicode: {NAMES[encoding]}, {runs} runs",
            "documents",
            encoding,
        )
        for encoding, runs in sorted(document.legacy_runs.items())
    )
    return _judge(parsed)


def _judge(parsed: Parsed) -> Parsed:
    """A file that parses but yields nothing is never ok."""
    extraction = parsed.extraction
    if extraction.is_empty and extraction.info.doc_kind is None:
        parsed.status = "skipped"
        parsed.error = "not a plan: no KẾ HOẠCH / BÁO CÁO heading, scores or tasks were found"
    elif extraction.is_empty:
        parsed.status = "partial"
        parsed.error = "no scores, deductions or tasks were found in this plan"
    return parsed


def limit_memory(megabytes: int) -> None:
    size = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (size, size))


def timed_out(kind: str, timeout: float) -> Parsed:
    return Parsed(kind, "failed", (
        f"reading this file took longer than {timeout:g} s: check that it opens, or run again "
        "with a larger --timeout"
    ), transient=True)  # fmt: skip


def crashed(kind: str, exitcode: int | None) -> Parsed:
    return Parsed(kind, "failed", (
        f"the reader crashed on this file (exit code {exitcode}; out of memory?): check that it "
        "opens, or run again with a larger --memory"
    ), transient=True)  # fmt: skip


class Executor(Protocol):
    """Where files are read: `parse` on each, under the limits; yields each file with what
    reading it gave as it is done, a timeout or a crash as that file's transient failure."""

    def map(
        self, entries: list[FileEntry], limits: Limits
    ) -> Iterator[tuple[FileEntry, Parsed]]: ...


class LocalPool:
    """The default executor: a pebble process pool on this machine."""

    def map(self, entries: list[FileEntry], limits: Limits) -> Iterator[tuple[FileEntry, Parsed]]:
        from pebble import ProcessPool

        workers = max(1, min(limits.workers, len(entries)))
        with ProcessPool(
            max_workers=workers, initializer=limit_memory, initargs=(limits.memory_mb,)
        ) as pool:
            futures = [
                (
                    entry,
                    pool.schedule(
                        parse, args=(str(entry.path), entry.kind), timeout=limits.timeout
                    ),
                )
                for entry in entries
            ]
            for entry, future in futures:
                yield entry, _outcome(entry, future, limits)


def _outcome(entry: FileEntry, future, limits: Limits) -> Parsed:
    from pebble import ProcessExpired

    try:
        return future.result()
    except Timeout:
        return timed_out(entry.kind, limits.timeout)
    except ProcessExpired as error:
        return crashed(entry.kind, error.exitcode)


def _parse_all(
    entries: list[FileEntry], limits: Limits, executor: Executor, progress
) -> dict[str, Parsed]:
    out: dict[str, Parsed] = {}
    if not entries:
        return out  # no pool, no cluster started for an unchanged folder
    for entry, parsed in executor.map(entries, limits):
        out[entry.sha256] = parsed
        if progress:
            progress(entry.source_path, parsed)
    return out


# ---- the run -------------------------------------------------------------------------------


def run(
    folder: Path,
    out: Path,
    progress=None,  # called with each file's source path and what reading it gave (None: cached)
    overrides: Path | None = None,
    limits: Limits = Limits(),
    force: bool = False,
    executor: Executor | None = None,  # where files are read; default: a local process pool
) -> RunSummary:
    started = time.perf_counter()
    entries = inventory(folder)
    cache = ResultCache(out / ".cache", enabled=not force)
    first: dict[str, FileEntry] = {}
    parsed: dict[str, Parsed] = {}
    todo: list[FileEntry] = []
    for entry in entries:
        if not entry.parse or entry.sha256 in first:
            continue
        first[entry.sha256] = entry
        hit = cache.get(entry.sha256)
        if hit is None:
            todo.append(entry)
        else:
            parsed[entry.sha256] = hit
            if progress:
                progress(entry.source_path, None)  # from the cache
    fresh = _parse_all(todo, limits, executor or LocalPool(), progress)
    for sha256, result in fresh.items():
        if not result.transient:
            cache.put(sha256, result)
    parsed.update(fresh)
    summary = RunSummary(
        results=[_result(e, first, parsed) for e in entries],
        parsed=len(todo),
        cached=len(first) - len(todo),
    )
    overrides = overrides or DEFAULT_OVERRIDES
    stamp = _RunStamp(out, _run_key(entries, folder, overrides))
    # every file from the cache, and the outputs are the ones the same inputs made: writing
    # them again would give the same tables (the results keep the findings as cached)
    if not force and not todo and stamp.holds():
        summary.seconds = time.perf_counter() - started
        return summary
    in_place = _write_outputs(folder, out, summary.results, overrides)
    # a file that timed out or crashed is read again next run: its row is not the last word
    if in_place and not any(result.transient for result in fresh.values()):
        stamp.write()
    summary.seconds = time.perf_counter() - started
    return summary


def _write_outputs(folder: Path, out: Path, results: list[FileResult], overrides: Path) -> bool:
    """The steps over the whole run, then its tables, CSVs and report; False when the report
    could not be drawn."""
    from extractors.criteria.coding import code_run, read_overrides
    from pipeline.gazetteer import locate
    from pipeline.output import write_coding, write_tables
    from pipeline.validate import validate

    out.mkdir(parents=True, exist_ok=True)
    documents = [(r.source_path, r.extraction) for r in results if r.extraction]
    for _, extraction in documents:  # first: where a plan is chooses its criterion catalog
        extraction.findings.extend(locate(extraction.info))
    write_coding(code_run(documents, read_overrides(overrides)), out)
    for _, extraction in documents:
        extraction.findings.extend(validate(extraction))
    rows = to_rows(results)
    write_tables(rows, out)
    return _write_report(out, folder, rows)


def _run_key(entries: list[FileEntry], folder: Path, overrides: Path) -> str:
    """What a run's outputs are made of besides its files' readings (which their hashes and the
    rules decide): the files found, the rules (code and data), the overrides, the folder (the
    report links into it) and the day (the report is drawn for it)."""
    found = [(e.source_path, e.source_name, e.sha256, e.kind, e.status, e.reason) for e in entries]
    digest = hashlib.sha256(pickle.dumps((found, fingerprint(), str(folder), date.today())))
    digest.update(overrides.read_bytes() if overrides.is_file() else b"")
    return digest.hexdigest()


class _RunStamp:
    """OUT/.cache/run.key: the key of the last run whose outputs are all in place, with the size
    and modification time of each file it left in OUT. A run of the same key that finds them as
    they were has nothing to write; one that finds any replaced, removed or added writes all."""

    def __init__(self, out: Path, key: str):
        self.out, self.key = out, key
        self.path = out / ".cache" / "run.key"

    def holds(self) -> bool:
        try:
            return json.loads(self.path.read_text()) == self._state()
        except (OSError, ValueError):
            return False

    def write(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with replacing(self.path) as temporary:
            temporary.write_text(json.dumps(self._state()))

    def _state(self) -> dict:
        files = sorted(p for p in self.out.iterdir() if p.is_file() and not p.name.startswith("."))
        stats = {p.name: [p.stat().st_size, p.stat().st_mtime_ns] for p in files}
        return {"key": self.key, "outputs": stats}


def _write_report(out: Path, folder: Path, rows: dict[str, list[dict]]) -> bool:
    """OUT/report.html from the tables just written; the tables are the run's result, so a
    report that cannot be drawn is a warning, not a failed run (False). The same tables on the
    same day draw the same page: an unchanged re-run keeps the one it has."""
    key = _report_key(out, folder, rows)
    stamp = out / ".cache" / "report.key"
    if (out / "report.html").exists() and stamp.exists() and stamp.read_text() == key:
        return True
    from pipeline.report import write_report  # pandas, Matplotlib: not for the workers

    try:
        write_report(out, folder)
    except Exception as error:
        log.warning("report.html was not written: %s: %s", type(error).__name__, error)
        return False
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(key)
    return True


def _report_key(out: Path, folder: Path, rows: dict[str, list[dict]]) -> str:
    review = out / "review.csv"
    digest = hashlib.sha256(pickle.dumps((rows, str(folder), __version__, date.today())))
    digest.update(review.read_bytes() if review.exists() else b"")
    return digest.hexdigest()


def _result(entry: FileEntry, first: dict[str, FileEntry], parsed: dict[str, Parsed]):
    result = FileResult(
        entry.source_path,
        entry.sha256,
        entry.kind,
        entry.status or "failed",
        entry.reason,
        source_name=entry.source_name,
    )
    if not entry.parse:
        return result
    if first[entry.sha256] is not entry:
        result.status = "skipped"
        result.error = f"same content as {first[entry.sha256].source_path}: extracted once there"
        return result
    done = parsed[entry.sha256]
    result.file_format, result.status, result.error = done.file_format, done.status, done.error
    result.pages, result.extraction = done.pages, done.extraction
    return result


def task_rows(doc_id: str, extraction: Extraction) -> list[dict]:
    """Tasks with the analyst's columns: the deadline's last day and kind, the lead's key."""
    from normalizers.deadlines import parse_deadline, plan_year
    from normalizers.units import lead_key

    year = plan_year((t.deadline for t in extraction.tasks), extraction.info.index_year)
    rows = []
    for task in extraction.tasks:
        deadline = parse_deadline(task.deadline, year)
        rows.append(
            {
                "doc_id": doc_id,
                **vars(task),
                "deadline_date": deadline.date,
                "deadline_kind": deadline.kind,
                "lead_key": lead_key(task.lead),
            }
        )
    return rows


def to_rows(results: list[FileResult]) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {
        t: [] for t in ("documents", "scores", "deductions", "tasks", "issues")
    }
    for result in results:
        doc = {
            "doc_id": result.doc_id,
            "source_path": result.source_path,
            "source_name": result.source_name,
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
                ("issues", extraction.findings),
            ):
                rows[name].extend({"doc_id": result.doc_id, **vars(r)} for r in records)
            rows["tasks"].extend(task_rows(result.doc_id, extraction))
        rows["documents"].append(doc)
    return rows
