"""PDF files: what can be told of one before its text is read (pages, whether it has text)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2

MIN_TEXT_CHARS = 20  # fewer characters on every page: a scan (stamps and page numbers aside)


def probe_pdf(path: Path) -> tuple[int, bool]:
    """(pages, has a text layer)."""
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        pages = len(pdf)
        has_text = any(
            len(pdf[i].get_textpage().get_text_range().strip()) >= MIN_TEXT_CHARS
            for i in range(pages)
        )
    finally:
        pdf.close()
    return pages, has_text
