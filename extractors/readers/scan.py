"""Scanned PDF -> Document: OCRmyPDF (Tesseract, Vietnamese) adds a text layer, then the PDF
reader reads it like any other PDF. Ruled tables drawn in the page image are found by the
PDF reader's camelot fallback (camelot's lattice looks at the rendered page).

A PDF may be scanned in part only (a born-digital plan with a signed page scanned back in, or
pages whose fonts give no readable text): only those pages are OCR'd, the others keep their
text layer. A page turned by a `/Rotate` flag or in its pixels is read upright: Tesseract's
orientation detection (OSD) on a small rendering of each page tells how far to turn it, and
the turn is drawn into the page before OCR, so that every reader after sees it upright.
(OCRmyPDF's own rotate-pages left some pages of a /Rotate-flagged scan sideways.)
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
import tempfile
from collections.abc import Collection
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pikepdf
import pypdfium2

from extractors.model import Document
from extractors.readers.pdf import read_pdf

LANGUAGE = "vie"
OCR_JOBS = 2
OSD_DPI = 150  # enough for Tesseract to tell a page's orientation, at a third of 300 dpi's cost
# OSD's confidence below which a page stays as it is: an upright text page scores 10 or more
# at OSD_DPI, a page of a few lines (a signature) may score low either way
OSD_CONFIDENCE = 5.0
_OSD = re.compile(r"Rotate: (\d+)\s+Orientation confidence: ([\d.]+)")


def read_scan(path: Path, pages: Collection[int] | None = None) -> Document:
    """pages: the 1-based numbers of the pages to OCR; None for all of them."""
    import ocrmypdf  # on first need: it loads its plugin system

    logging.getLogger("ocrmypdf").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory(prefix="cchc-ocr-") as work:
        upright = Path(work) / "upright.pdf"
        count = _turn_upright(path, upright, pages)
        searchable = Path(work) / "ocr.pdf"
        ocrmypdf.ocr(
            upright,
            searchable,
            language=LANGUAGE,
            # a scan may carry a stamp or a page number as text; a page whose text layer is
            # unreadable is drawn to an image and read again
            force_ocr=True,
            pages=None if pages is None else ",".join(map(str, sorted(pages))),
            deskew=True,
            output_type="pdf",
            optimize=0,
            progress_bar=False,
            jobs=OCR_JOBS,
            use_threads=True,  # the reader runs in a worker process, which may not fork its own
        )
        document = read_pdf(searchable, scanned=range(1, count + 1) if pages is None else pages)
    document.file_format = "pdf_scanned" if pages is None else "pdf_mixed"
    return document


def _turn_upright(source: Path, target: Path, pages: Collection[int] | None) -> int:
    """source with each page to OCR (all when pages is None) turned upright, the turn drawn
    into its content (no /Rotate flag left for a reader to overlook). Returns the page count."""
    with pikepdf.open(source) as pdf, tempfile.TemporaryDirectory(prefix="cchc-osd-") as work:
        numbers = range(1, len(pdf.pages) + 1) if pages is None else sorted(pages)
        images = _render(source, numbers, Path(work))
        with ThreadPoolExecutor(OCR_JOBS) as pool:  # threads that wait on Tesseract processes
            turns = dict(zip(numbers, pool.map(_turn, images), strict=True))
        for number, page in enumerate(pdf.pages, start=1):
            if turns.get(number):
                page.rotate(turns[number], relative=True)
            if page.rotation % 360:
                page.flatten_rotation()
        pdf.save(target)
        return len(pdf.pages)


def _render(path: Path, numbers: Collection[int], folder: Path) -> list[Path]:
    """Pages (1-based) as shown (their /Rotate flag applied), in grey at OSD_DPI, as PNG files.
    One thread only: PDFium is not thread-safe."""
    pdf = pypdfium2.PdfDocument(str(path))
    out = []
    try:
        for number in numbers:
            image = folder / f"{number}.png"
            bitmap = pdf[number - 1].render(scale=OSD_DPI / 72, grayscale=True)
            bitmap.to_pil().save(image, dpi=(OSD_DPI, OSD_DPI))
            out.append(image)
    finally:
        pdf.close()
    return out


def _turn(image: Path) -> int:
    """Degrees clockwise that make the page image upright, by Tesseract's OSD; 0 when OSD is
    unsure."""
    result = subprocess.run(
        ["tesseract", str(image), "-", "--psm", "0", "-l", "osd", "--dpi", str(OSD_DPI)],
        capture_output=True,
        text=True,
        env={**os.environ, "OMP_THREAD_LIMIT": "1"},  # the pages run in parallel already
    )
    found = _OSD.search(result.stdout)
    if found is None or float(found[2]) < OSD_CONFIDENCE:
        return 0
    return int(found[1])
