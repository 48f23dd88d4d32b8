"""A run over a folder: every file found gets a documents row, whatever happens to it.

    inventory (hash, type from content) -> parse each distinct file in a worker process with a
    wall-clock timeout and a memory cap, on this machine or a Dask cluster (or take it from the
    cache) -> criterion codes for the whole run -> each unit placed in the gazetteer ->
    validation -> Parquet tables, written atomically: all but the parsing on this machine.

A file that hangs, crashes its worker, runs out of memory or raises becomes that file's `failed`
row with a reason a user can act on; the run goes on.
"""

from __future__ import annotations

import hashlib
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

from pebble import ProcessExpired, ProcessPool

from extractors.criteria.coding import code_run, read_overrides
from extractors.model import Document, Extraction, Finding
from extractors.plan import extract_plan
from extractors.plan.lexicon import DATA_DIR
from extractors.readers.docx import read_docx
from extractors.readers.office import read_converted
from extractors.readers.pdf import SCANNED, probe_pdf, read_pdf
from extractors.readers.scan import read_scan
from normalizers.deadlines import parse_deadline, plan_year
from normalizers.legacy import NAMES
from normalizers.units import lead_key
from pipeline import __version__
from pipeline.cache import ResultCache
from pipeline.errors import explain
from pipeline.gazetteer import locate
from pipeline.inventory import CONVERTED, FileEntry, inventory
from pipeline.output import write_coding, write_tables
from pipeline.validate import validate

STATUSES = ("ok", "partial", "failed", "skipped")
log = logging.getLogger(__name__)
DEFAULT_OVERRIDES = DATA_DIR / "overrides.csv"


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
    started = time.perf_counter()
    try:
        parsed = _parse(Path(path), kind)
    except Exception as error:  # MemoryError included: the worker's memory cap
        parsed = Parsed(kind, "failed", explain(error))
    parsed.seconds = time.perf_counter() - started
    return parsed


def _parse(path: Path, kind: str) -> Parsed:
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
    out.mkdir(parents=True, exist_ok=True)
    documents = [(r.source_path, r.extraction) for r in summary.results if r.extraction]
    for _, extraction in documents:  # first: where a plan is chooses its criterion catalog
        extraction.findings.extend(locate(extraction.info))
    write_coding(code_run(documents, read_overrides(overrides or DEFAULT_OVERRIDES)), out)
    for _, extraction in documents:
        extraction.findings.extend(validate(extraction))
    rows = to_rows(summary.results)
    write_tables(rows, out)
    _write_report(out, folder, rows)
    summary.seconds = time.perf_counter() - started
    return summary


def _write_report(out: Path, folder: Path, rows: dict[str, list[dict]]) -> None:
    """OUT/report.html from the tables just written; the tables are the run's result, so a
    report that cannot be drawn is a warning, not a failed run. The same tables on the same
    day draw the same page: an unchanged re-run keeps the one it has."""
    key = _report_key(out, folder, rows)
    stamp = out / ".cache" / "report.key"
    if (out / "report.html").exists() and stamp.exists() and stamp.read_text() == key:
        return
    from pipeline.report import write_report  # pandas, Matplotlib: not for the workers

    try:
        write_report(out, folder)
    except Exception as error:
        log.warning("report.html was not written: %s: %s", type(error).__name__, error)
        return
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(key)


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
