"""Throughput of every form against a floor measured in the same run, on the same files.

- born-digital PDF: read_pdf + extract_plan against raw pdfplumber (extract_text + tables);
- DOCX: read_docx + extract_plan against python-docx loading the same files;
- scanned PDF: the pipeline's scan path against raw `tesseract -l vie` on the same page images
  at their own dpi, with the same number of processes;
- an unchanged re-run of a 100-file folder (copies of the samples made different, so that each
  has its own hash), and the peak memory of a worker.

Prints a table and writes it to data/out/bench.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import docx
import pikepdf

from benchmarks.bench_pdf import best_of, ours, raw_pdfplumber
from extractors.plan import extract_plan
from extractors.readers.docx import read_docx
from extractors.readers.scan import OCR_JOBS
from pipeline.runner import parse, run

SAMPLES = Path("data/raw/samples")
PROCESSES = 2
COPIES = 100
# one thread per Tesseract, as OCRmyPDF runs it: processes are the parallelism on both sides
ONE_THREAD = {**os.environ, "OMP_THREAD_LIMIT": "1"}


def docx_ours(path: Path) -> int:
    extract_plan(read_docx(path))
    return 1


def docx_floor(path: Path) -> int:
    docx.Document(str(path))
    return 1


def scan_ours(paths: list[Path]) -> float:
    """Seconds for the pipeline's scan path on every file, one file at a time: the scan reader
    OCRs OCR_JOBS (= PROCESSES) pages at once."""
    assert OCR_JOBS == PROCESSES, "compare at the same number of OCR processes"
    started = time.perf_counter()
    with ProcessPoolExecutor(1) as pool:
        results = list(pool.map(parse, [str(p) for p in paths], ["pdf"] * len(paths)))
    assert all(r.status == "ok" for r in results), [r.error for r in results]
    return time.perf_counter() - started


def page_images(paths: list[Path], folder: Path) -> list[tuple[Path, int]]:
    """Each page's own image, as the scanner stored it, with its dpi."""
    images = []
    for path in paths:
        with pikepdf.open(path) as pdf:
            for n, page in enumerate(pdf.pages):
                name, raw = next(iter(page.get_images().items()))
                image = pikepdf.PdfImage(raw)
                width_pt = float(page.mediabox[2]) - float(page.mediabox[0])
                dpi = round(image.width / (width_pt / 72))
                target = image.extract_to(fileprefix=str(folder / f"{path.stem}-{n}{name[1:]}"))
                images.append((Path(target), dpi))
    return images


def tesseract_floor(images: list[tuple[Path, int]]) -> float:
    """Seconds for raw Tesseract on the page images, PROCESSES at a time."""

    def ocr(item: tuple[Path, int]) -> None:
        image, dpi = item
        command = ["tesseract", str(image), "-", "-l", "vie", "--dpi", str(dpi)]
        subprocess.run(command, check=True, capture_output=True, env=ONE_THREAD)

    started = time.perf_counter()
    with ThreadPoolExecutor(PROCESSES) as pool:
        list(pool.map(ocr, images))
    return time.perf_counter() - started


def hundred_files(folder: Path) -> None:
    """COPIES plans made from the DOCX and PDF samples, each with bytes of its own."""
    sources = sorted((SAMPLES / "docx").glob("*.docx")) + sorted((SAMPLES / "pdf").glob("*.pdf"))
    for i in range(COPIES):
        source = sources[i % len(sources)]
        target = folder / f"{i:03d}-{source.name}"
        if source.suffix == ".docx":
            document = docx.Document(str(source))
            document.core_properties.comments = f"copy {i}"
            document.save(str(target))
        else:
            target.write_bytes(source.read_bytes() + f"\n% copy {i}\n".encode())


def rerun_seconds(folder: Path, out: Path) -> float:
    command = [sys.executable, "-m", "pipeline", "extract", str(folder), "--out", str(out)]
    subprocess.run(command, check=True, capture_output=True)
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("data/out/bench.json"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    pdfs = sorted((SAMPLES / "pdf").glob("*.pdf"))
    docxs = sorted((SAMPLES / "docx").glob("*.docx")) * 10
    scans = sorted((SAMPLES / "scan").glob("*.pdf"))
    rows = []

    floor, pages = best_of(args.runs, raw_pdfplumber, pdfs)
    mine, _ = best_of(args.runs, ours, pdfs)
    rows.append(("born-digital PDF", "pages/s", pages / mine, pages / floor, "raw pdfplumber"))
    floor, files = best_of(args.runs, docx_floor, docxs)
    mine, _ = best_of(args.runs, docx_ours, docxs)
    rows.append(("DOCX", "files/s", files / mine, files / floor, "python-docx load"))

    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        (scratch / "plans").mkdir()
        hundred_files(scratch / "plans")
        rerun = rerun_seconds(scratch / "plans", scratch / "out")
        run(scratch / "plans", scratch / "out-in-process", force=True)
        worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        mine = scan_ours(scans)
        (scratch / "images").mkdir()
        images = page_images(scans, scratch / "images")
        floor = tesseract_floor(images)
        shutil.rmtree(scratch / "images")
    rows.append(("scanned PDF", "pages/s", len(images) / mine, len(images) / floor,
                 f"raw tesseract -l vie, {PROCESSES} processes"))  # fmt: skip

    print(f"{'form':<18}{'unit':<9}{'ours':>9}{'floor':>9}{'ratio':>8}  floor")
    for form, unit, ours_rate, floor_rate, what in rows:
        ratio = floor_rate / ours_rate
        print(f"{form:<18}{unit:<9}{ours_rate:9.1f}{floor_rate:9.1f}{ratio:7.2f}x  {what}")
    print(f"unchanged re-run of {COPIES} files: {rerun:.2f} s wall")
    print(f"peak memory of a worker: {worker_mb:.0f} MB")
    report = {
        "forms": [
            {
                "form": f,
                "unit": u,
                "ours": round(o, 2),
                "floor": round(fl, 2),
                "ratio": round(fl / o, 2),
                "floor_is": w,
            }
            for f, u, o, fl, w in rows
        ],  # fmt: skip
        "unchanged_rerun_seconds": round(rerun, 2),
        "rerun_files": COPIES,
        "peak_worker_mb": round(worker_mb),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
