"""Scanned PDF -> Document: OCRmyPDF (Tesseract, Vietnamese) adds a text layer, then the PDF
reader reads it like any other PDF. Ruled tables drawn in the page image are found by the
PDF reader's camelot fallback (camelot's lattice looks at the rendered page)."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from extractors.model import Document
from extractors.readers.pdf import read_pdf

LANGUAGE = "vie"
OCR_JOBS = 2


def read_scan(path: Path) -> Document:
    import ocrmypdf  # on first need: it loads its plugin system

    logging.getLogger("ocrmypdf").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory(prefix="cchc-ocr-") as work:
        searchable = Path(work) / "ocr.pdf"
        ocrmypdf.ocr(
            path,
            searchable,
            language=LANGUAGE,
            force_ocr=True,  # a scan may carry a stamp or a page number as text
            rotate_pages=True,
            deskew=True,
            output_type="pdf",
            optimize=0,
            progress_bar=False,
            jobs=OCR_JOBS,
            use_threads=True,  # the reader runs in a worker process, which may not fork its own
        )
        document = read_pdf(searchable, scanned=True)
    document.file_format = "pdf_scanned"
    return document
