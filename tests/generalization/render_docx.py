"""Blocks -> a Word file, laid out as communes type them (python-docx)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from .blocks import Block, Para, Section, Table

FONT = "Times New Roman"
STAMP = "2020-01-01T00:00:00Z"
ALIGN = {
    "title": WD_ALIGN_PARAGRAPH.CENTER,
    "subtitle": WD_ALIGN_PARAGRAPH.CENTER,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "italic": WD_ALIGN_PARAGRAPH.CENTER,
    "heading": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "body": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def write(blocks: list[Block], path: Path) -> Path:
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(13)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    style.paragraph_format.space_after = Pt(3)
    _page(document.sections[0], landscape=False)
    for block in blocks:
        if isinstance(block, Para):
            _paragraph(document, block)
        elif isinstance(block, Table):
            _table(document, block)
        elif isinstance(block, Section):
            _page(document.add_section(WD_SECTION.NEW_PAGE), block.landscape)
    document.save(str(path))
    _fix_stamps(path)
    return path


def _fix_stamps(path: Path) -> None:
    """Same plan, same bytes: the package's dates are fixed, so a run's cache (keyed by the
    file's hash) serves a suite written again with the same seed."""
    with zipfile.ZipFile(path) as source:
        members = [(info.filename, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members:
            if name == "docProps/core.xml":
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", STAMP.encode(), data)
            target.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), data)


def _page(section, landscape: bool) -> None:
    short, long = Cm(21), Cm(29.7)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long, short) if landscape else (short, long)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)


def _paragraph(document, block: Para) -> None:
    p = document.add_paragraph()
    p.alignment = ALIGN[block.style]
    if block.style == "body" and block.indent:
        p.paragraph_format.first_line_indent = Cm(1)
    run = p.add_run(block.text)
    run.bold = block.style in ("title", "subtitle", "heading")
    run.italic = block.style == "italic"
    if block.style == "title":
        run.font.size = Pt(14)


def _table(document, block: Table) -> None:
    n_rows, n_cols = len(block.rows), len(block.rows[0])
    table = document.add_table(rows=n_rows, cols=n_cols)
    if block.borders:
        table.style = document.styles["Table Grid"]
    section = document.sections[-1]
    usable = section.page_width - section.left_margin - section.right_margin
    widths = block.widths or [1.0] * n_cols
    table.autofit = False  # LibreOffice and Word keep the grid's widths only without autofit
    for c, share in enumerate(widths):
        width = int(usable * share / sum(widths))
        table.columns[c].width = width
        for cell in table.columns[c].cells:
            cell.width = width
    for r, values in enumerate(block.rows):
        for c, value in enumerate(values):
            if value:
                _cell_text(table.cell(r, c), value, bold=r in block.bold_rows, plain=block.borders)
    for (r1, c1), (r2, c2) in block.merges:
        table.cell(r1, c1).merge(table.cell(r2, c2))
    if block.repeat_header:
        for row in table.rows[: block.header_rows]:
            row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def _cell_text(cell, text: str, *, bold: bool, plain: bool) -> None:
    lines = text.split("\n")
    for i, line in enumerate(lines):
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        p.paragraph_format.space_after = Pt(0)
        if not plain:  # header and signature blocks: centred, their first lines bold
            p.alignment = (
                WD_ALIGN_PARAGRAPH.LEFT if line.startswith(("-", "Nơi")) else
                WD_ALIGN_PARAGRAPH.CENTER
            )  # fmt: skip
        run = p.add_run(line)
        run.font.size = Pt(12)
        run.bold = bold or (not plain and (line.isupper() or line.startswith("Độc lập")))
