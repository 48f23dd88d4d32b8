"""PDF throughput: our reader + record extraction against raw pdfplumber on the same pages.

The floor is measured in the same run: pdfplumber's extract_text + extract_tables on every page
of the same files. Prints pages/s for both and their ratio (goal: ours <= 1.5x the floor).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pdfplumber

from extractors.plan import extract_plan
from extractors.readers.pdf import read_pdf

GOAL = 1.5


def raw_pdfplumber(path: Path) -> int:
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.extract_tables()
        return len(pdf.pages)


def ours(path: Path) -> int:
    document = read_pdf(path)
    extract_plan(document)
    return document.pages


def best_of(runs: int, work, paths: list[Path]) -> tuple[float, int]:
    best = float("inf")
    pages = 0
    for _ in range(runs):
        started = time.perf_counter()
        pages = sum(work(p) for p in paths)
        best = min(best, time.perf_counter() - started)
    return best, pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path, nargs="?", default=Path("data/raw/samples/pdf"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    paths = sorted(args.folder.glob("*.pdf"))
    if not paths:
        print(f"no PDF files in {args.folder}", file=sys.stderr)
        return 1
    floor, pages = best_of(args.runs, raw_pdfplumber, paths)
    mine, _ = best_of(args.runs, ours, paths)
    ratio = mine / floor
    print(f"{len(paths)} PDF files, {pages} pages, best of {args.runs} runs")
    print(f"raw pdfplumber (extract_text + extract_tables): {pages / floor:6.1f} pages/s")
    print(f"cchc-extract (read_pdf + extract_plan):          {pages / mine:6.1f} pages/s")
    print(
        f"ratio: {ratio:.2f}x the floor (goal <= {GOAL}x): {'met' if ratio <= GOAL else 'NOT met'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
