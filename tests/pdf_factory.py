"""Builds small PDFs for tests with reportlab, in a font that has the Vietnamese letters."""

from __future__ import annotations

from pathlib import Path

import pytest

FONTS = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"),
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
)


def vietnamese_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    font = next((f for f in FONTS if f.exists()), None)
    if font is None:
        pytest.fail("a DejaVu font is needed to build test PDFs: apt-get install fonts-dejavu-core")
    pdfmetrics.registerFont(TTFont("Viet", str(font)))
    return "Viet"


def build(path: Path, flow: list) -> Path:
    """flow: str (a paragraph) or list of rows (a table without borders)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

    font = vietnamese_font()
    style = ParagraphStyle("body", fontName=font, fontSize=12, leading=16)
    story = []
    for item in flow:
        if isinstance(item, str):
            story.append(Paragraph(item, style))
        else:
            table = Table(item, colWidths=[30, 220, 120, 110])
            table.setStyle(
                [("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 11)]
            )
            story.extend([Spacer(1, 12), table, Spacer(1, 12)])
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path
