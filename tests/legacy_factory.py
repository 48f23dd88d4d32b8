"""Plans typed in the legacy Vietnamese fonts, made from Unicode plans: the encoder is the inverse
of normalizers.legacy's tables.

- `legacy_docx`: a DOCX re-encoded run by run, each run's font set to what it is typed in
  (.VnTime, .VnTimeH for a run in capitals, VNI-Times), mixed with runs left in Unicode.
- `legacy_pdf`: a document's paragraphs and tables drawn by reportlab, each paragraph or cell in
  one of those fonts (made from a Unicode TrueType font: named like the legacy font, drawing its
  characters as the letters they stand for) or in Unicode.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Callable
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from unittest import mock
from xml.sax.saxutils import escape

import docx
from docx.oxml.ns import qn

from extractors.model import Document, Paragraph, Table
from normalizers import legacy
from tests.pdf_factory import FONTS, vietnamese_font

UNICODE = "unicode"
FONT_NAMES = {"tcvn3": ".VnTime", "tcvn3-capitals": ".VnTimeH", "vni": "VNI-Times"}


@cache
def _inverse(encoding: str) -> dict[str, str]:
    return {letter: sequence for sequence, letter in legacy.table(encoding).items()}


def encodable(text: str, encoding: str) -> bool:
    """Whether every letter of text has a code in the encoding (TCVN3 has no capitals with a
    tone mark: those are typed in its capitals-only fonts)."""
    inverse = _inverse(encoding)
    return all(c.isascii() or c in inverse for c in unicodedata.normalize("NFC", text))


def encode(text: str, encoding: str) -> str:
    """Unicode text as a legacy font's user typed it ('Thực' -> 'Thùc' in TCVN3)."""
    inverse = _inverse(encoding)
    return "".join(inverse.get(c, c) for c in unicodedata.normalize("NFC", text))


def typist(text: str, encoding: str) -> tuple[str, Callable[[str], str]] | None:
    """(font, how text is typed in it) for a run in the encoding; None where the encoding
    cannot type the run (it stays in Unicode)."""
    if encoding == UNICODE or not any(c.isalpha() for c in text):
        return None
    if encoding == "tcvn3" and text == text.upper():  # a heading in the capitals-only font
        return FONT_NAMES["tcvn3-capitals"], lambda piece: encode(piece.lower(), "tcvn3")
    if not encodable(text, encoding):
        return None
    return FONT_NAMES[encoding], lambda piece: encode(piece, encoding)


def legacy_docx(source: Path, path: Path, mix: tuple[str, ...]) -> Path:
    """source re-encoded run by run, the runs taking the encodings of mix in turn."""
    document = docx.Document(str(source))
    turns = itertools.cycle(mix)
    for run in document.element.body.iter(qn("w:r")):
        pieces = list(run.iter(qn("w:t")))
        found = typist("".join(t.text or "" for t in pieces), next(turns))
        if found is None:
            continue
        font, type_ = found
        for piece in pieces:
            piece.text = type_(piece.text or "")
        _set_font(run, font)
    document.save(str(path))
    return path


def _set_font(run, font: str) -> None:
    fonts = run.get_or_add_rPr().get_or_add_rFonts()
    for name in list(fonts.attrib):
        del fonts.attrib[name]
    for slot in ("ascii", "hAnsi", "cs"):
        fonts.set(qn(f"w:{slot}"), font)


# ---- PDF ----------------------------------------------------------------------------------


@cache
def _legacy_fonts(folder: Path) -> None:
    """Register fonts drawn like the legacy ones, made from the Unicode test font: each legacy
    character is mapped to the glyph of the letter it stands for (a VNI mark to a zero-width
    combining mark), the capitals-only font's lower case to capitals. The PDF names the font a
    clerk typed in, its text layer holds the legacy characters, and it is laid out as its twin."""
    from fontTools.ttLib import TTFont as FontFile
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    source = next(f for f in FONTS if f.exists())
    for name, drawn in _legacy_glyphs().items():
        font = FontFile(str(source))
        for record in font["name"].names:
            if record.nameID in (1, 4, 6, 16):
                record.string = name
        glyphs = dict(font.getBestCmap())  # before any change: the subtables may share one
        for table in font["cmap"].tables:
            if table.isUnicode():
                table.cmap.update({ord(c): glyphs[ord(letter)] for c, letter in drawn.items()})
        path = folder / f"{name.strip('.')}.ttf"
        font.save(str(path))
        pdfmetrics.registerFont(TTFont(name, str(path)))


def _legacy_glyphs() -> dict[str, dict[str, str]]:
    """For each legacy font, character -> the Unicode character whose glyph it draws."""
    tcvn3 = legacy.table("tcvn3")
    capitals = {c: letter.upper() for c, letter in tcvn3.items()}
    capitals.update({c: c.upper() for c in "abcdefghijklmnopqrstuvwxyz"})
    vni = {key: letter for key, letter in legacy.table("vni").items() if len(key) == 1}
    vni.update({key[1]: "\u0301" for key in legacy.table("vni") if len(key) == 2})
    drawn = {"tcvn3": tcvn3, "tcvn3-capitals": capitals, "vni": vni}
    return {FONT_NAMES[kind]: glyphs for kind, glyphs in drawn.items()}


@contextmanager
def _soft_hyphens_drawn():
    """reportlab's Paragraph takes U+00AD for an invisible soft hyphen, but in TCVN3 that byte
    is the letter ư, which a .VnTime font draws."""
    from reportlab.platypus import paragraph

    with mock.patch.object(paragraph, "_shy", "\uffff"):
        yield


def legacy_pdf(
    document: Document, path: Path, mix: tuple[str, ...], fonts: Path, ruled: bool = True
) -> Path:
    """document's blocks drawn by reportlab, paragraphs and table cells taking the encodings of
    mix in turn (mix=("unicode",) draws the Unicode twin). fonts: a folder for the font files;
    ruled: tables drawn with their rules (else borderless)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph as Flowing
    from reportlab.platypus import SimpleDocTemplate, Spacer
    from reportlab.platypus import Table as Grid

    unicode_font = vietnamese_font()
    _legacy_fonts(fonts)
    style = ParagraphStyle("body", fontName=unicode_font, fontSize=11, leading=14)
    cell_style = ParagraphStyle("cell", parent=style, fontSize=9, leading=11)
    turns = itertools.cycle(mix)

    def markup(text: str) -> str:
        found = typist(text, next(turns))
        if found is None:
            return escape(text)
        font, type_ = found
        return f'<font face="{font}">{escape(type_(text))}</font>'

    story = []
    width = A4[0] - 144
    for block in document.blocks:
        if isinstance(block, Paragraph):
            if block.text.strip():
                story.append(Flowing(markup(block.text), style))
            continue
        story.append(Spacer(1, 8))
        story.append(_grid(block, markup, cell_style, width, ruled, Flowing, Grid))
        story.append(Spacer(1, 8))
    with _soft_hyphens_drawn():
        SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def _grid(table: Table, markup, style, width: float, ruled: bool, Flowing, Grid):
    rows = [["" for _ in range(table.n_cols)] for _ in range(table.n_rows)]
    spans = []
    for cell in table.cells:
        text = "<br/>".join(markup(p) for p in cell.paragraphs if p.strip())
        rows[cell.row][cell.col] = Flowing(text, style)
        if cell.row_span > 1 or cell.col_span > 1:
            last = (cell.col + cell.col_span - 1, cell.row + cell.row_span - 1)
            spans.append(("SPAN", (cell.col, cell.row), last))
    grid = Grid(rows, colWidths=[width / table.n_cols] * table.n_cols, repeatRows=0)
    grid.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP")])
    if ruled:
        grid.setStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")])
    grid.setStyle(spans)
    return grid
