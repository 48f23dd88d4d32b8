"""Born-digital PDF -> Document, with pdfplumber.

Page by page: the text layer's words with their fonts, ruled tables (pdfplumber's lattice) ->
cells with their spans, and tables pdfplumber misses by camelot; then readers.layout makes
lines, reading order and paragraphs of them. Text drawn in a legacy Vietnamese font (TCVN3
.VnTime, VNI-Times) is converted to Unicode by the font of each character (normalizers.legacy).
Pages read by OCR (readers.scan) come in as their content, in place of their text layer.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping
from functools import cache
from pathlib import Path

import pdfplumber
import pypdfium2
from pdfminer.layout import LTChar
from pdfplumber.page import ALL_ATTRS, Page
from pdfplumber.utils import resolve_and_decode

from extractors.model import Cell, Document, Provenance, Table
from extractors.readers.layout import (
    LINE_TOLERANCE,
    Line,
    PageContent,
    Word,
    assemble,
    contains,
    is_page_number,
    lines_of,
    rows,
)
from normalizers import legacy

MIN_TEXT_CHARS = 20  # fewer characters on a page: no text layer (stamps and page numbers aside)
GLYPH_CODES = 0.05  # of a page's characters left as glyph codes: its fonts lack a Unicode map
MIN_WORDS = 30  # words on a page that are enough to tell its language
VIETNAMESE_WORDS = 0.1  # of a page's words, fewer spelt with Vietnamese letters: glyph garbage
# why a page is read by OCR
SCANNED = "an image"
NO_UNICODE = "fonts without a Unicode map"
NO_VIETNAMESE = "a text layer with no Vietnamese words"
TABLE_ROWS = 3  # rows split into three or more columns that make a borderless table
FALLBACK_FLAVORS = ("lattice", "hybrid", "stream")  # camelot, for tables pdfplumber misses
_WORD = re.compile(r"\S+")
_LETTERS = re.compile(r"[^\W\d_]+")


def probe_pdf(path: Path) -> tuple[int, dict[int, str]]:
    """(pages, the pages to read by OCR: 1-based number -> why). A page is read by OCR when it
    is an image (a scan, a signed page scanned back into a born-digital PDF) or when its text
    layer cannot be read; every page of a PDF without any text is."""
    try:
        pdf = pypdfium2.PdfDocument(str(path))
    except pypdfium2.PdfiumError as error:
        # PDFium refuses a document without pages; pdfminer opens it and counts none
        if "password" in str(error).lower() or _pages_by_pdfminer(path) != 0:
            raise
        return 0, {}
    try:
        texts = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
        if all(len(text.strip()) < MIN_TEXT_CHARS for text in texts):
            return len(texts), dict.fromkeys(range(1, len(texts) + 1), SCANNED)
        why = {
            n: text_problem(text) if len(text.strip()) >= MIN_TEXT_CHARS else _image(pdf[n - 1])
            for n, text in enumerate(texts, start=1)
        }
    finally:
        pdf.close()
    return len(texts), {n: reason for n, reason in why.items() if reason}


def _image(page: pypdfium2.PdfPage) -> str | None:
    """A page without text that draws an image is a scan; one drawing none is blank."""
    images = page.get_objects(filter=[pypdfium2.raw.FPDF_PAGEOBJ_IMAGE])
    return SCANNED if next(images, None) is not None else None


def text_problem(text: str) -> str | None:
    """Why a page's text layer cannot be read, None when it can: glyph codes where letters
    should be (fonts without a ToUnicode map), or letters that spell no Vietnamese."""
    if sum(map(_glyph_code, text)) > GLYPH_CODES * len(text):
        return NO_UNICODE
    words = _LETTERS.findall(legacy.convert(text, legacy.detect(text)))
    vietnamese = sum(not word.isascii() for word in words)
    if len(words) >= MIN_WORDS and vietnamese < VIETNAMESE_WORDS * len(words):
        return NO_VIETNAMESE
    return None


def _glyph_code(char: str) -> bool:
    """A character a font without a Unicode map leaves: a control, private-use or unassigned
    code, or the replacement character."""
    category = unicodedata.category(char)
    return (category == "Cc" and not char.isspace()) or category in ("Co", "Cn") or char == "\ufffd"


def _pages_by_pdfminer(path: Path) -> int | None:
    try:
        with pdfplumber.open(str(path)) as pdf:
            return len(pdf.pages)
    except Exception:
        return None


def read_pdf(path: Path, read: Mapping[int, PageContent] | None = None) -> Document:
    """read: pages (1-based) already read by OCR, which take the place of their text layer."""
    read = read or {}
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            page.process_object = _Objects(page)
        convert = legacy.Converter.for_fonts(_font_texts(pdf.pages))
        pages = []
        for number, page in enumerate(pdf.pages, start=1):
            if number in read:
                pages.append(read[number])
                continue
            content = _read_page(page, number, convert)
            if not content.tables:
                _fallback_tables(path, page, content)
            pages.append(content)
    return Document(
        blocks=assemble(pages), file_format="pdf", pages=len(pages), legacy_runs=dict(convert.runs)
    )


def _font_texts(pages) -> dict[str | None, str]:
    """All the characters of the document by their font: a font whose name does not say it is
    legacy is told by its text."""
    texts: dict[str | None, list[str]] = defaultdict(list)
    for page in pages:
        for char in page.chars:
            texts[char["fontname"]].append(char["text"])
    return {font: "".join(chars) for font, chars in texts.items()}


# ---- one page ------------------------------------------------------------------------------


class _Objects:
    """pdfplumber's Page.process_object, making the same dicts, with a page's characters (nearly
    all its objects) made in a fraction of the time: pdfplumber resolves every attribute of every
    character as if it could be a PDF reference, and decodes its colour space's name each time.
    Set on a page, it is what pdfplumber's parse_objects calls (tests/test_pdf_objects.py holds it
    to pdfplumber's own dicts)."""

    def __init__(self, page):
        self.page = page
        self.number = page.page_number
        self.height = page.height
        self.doctop = page.initial_doctop
        self.x0, self.top = page.mediabox[:2]

    def __call__(self, obj) -> dict:
        if type(obj) is not LTChar or self.page.pdf.unicode_norm is not None:
            return Page.process_object(self.page, obj)
        # a character's attributes are numbers and names from the content stream, which holds
        # no references: resolve_all would give each back as it is
        attr = {k: v for k, v in vars(obj).items() if k in ALL_ATTRS}
        if isinstance(attr["fontname"], bytes):  # a rare byte-encoded name: pdfplumber fixes it
            return Page.process_object(self.page, obj)
        attr["object_type"] = "char"
        attr["page_number"] = self.number
        for space in ("ncs", "scs"):
            if hasattr(obj, space):
                attr[space] = _space_name(getattr(obj, space).name)
        attr["text"] = obj.get_text()
        state = obj.graphicstate
        attr["stroking_color"] = (
            state.scolor if isinstance(state.scolor, tuple) else (state.scolor,)
        )
        attr["non_stroking_color"] = (
            state.ncolor if isinstance(state.ncolor, tuple) else (state.ncolor,)
        )
        # the same arithmetic as pdfplumber's, in its order: the same floats
        attr["top"] = (self.height - attr["y1"]) + self.top
        attr["bottom"] = (self.height - attr["y0"]) + self.top
        attr["doctop"] = self.doctop + attr["top"]
        if self.x0 != 0:
            attr["x0"] = attr["x0"] + self.x0
            attr["x1"] = attr["x1"] + self.x0
        return attr


@cache
def _space_name(name: str) -> str:
    return resolve_and_decode(name)


def _read_page(page, number: int, convert: legacy.Converter) -> PageContent:
    found = page.find_tables(_page_break_rules(page))
    content = PageContent(number)
    words = []
    # a word is in one font: pdfplumber splits words where the font changes
    for w in page.extract_words(extra_attrs=["fontname", "size"], y_tolerance=LINE_TOLERANCE):
        text = convert(w["text"], w["fontname"])
        if text != w["text"]:
            content.spellings[w["text"]] = text
        font = w["fontname"]
        words.append(
            Word(text, w["x0"], w["x1"], w["top"], w["bottom"], w["size"], "Bold" in font, font)
        )
    inside: list[list[Word]] = [[] for _ in found]
    outside: list[Word] = []
    for word in words:
        holder = next((i for i, t in enumerate(found) if contains(t.bbox, word)), None)
        (outside if holder is None else inside[holder]).append(word)
    content.lines = [
        line for line in lines_of(outside, number) if not is_page_number(line, page.height)
    ]
    content.tables = [_table(t, inside[i], number) for i, t in enumerate(found)]
    return content


def _page_break_rules(page) -> dict:
    """A browser leaves a table row broken by a page open (no rule under its part on one page,
    none over its part on the next): rules where the table's column rules end close it."""
    rules = [e for e in page.edges if e["orientation"] == "v"]
    if not rules:
        return {}
    ends = [min(e["top"] for e in rules), max(e["bottom"] for e in rules)]
    return {"explicit_horizontal_lines": ends}


def _table(found, words: list[Word], page: int) -> Table:
    """A pdfplumber table as cells with spans, each cell's lines as its paragraphs."""
    xs = sorted({round(c[0], 1) for c in found.cells})
    ys = sorted({round(c[1], 1) for c in found.cells})
    cells = []
    for bbox in found.cells:
        x0, top, x1, bottom = bbox
        col = _position(xs, x0)
        row = _position(ys, top)
        col_span = max(1, sum(1 for x in xs if x0 - 0.5 <= x < x1 - 0.5))
        row_span = max(1, sum(1 for y in ys if top - 0.5 <= y < bottom - 0.5))
        lines = lines_of([w for w in words if contains(bbox, w)], page)
        lines.sort(key=lambda line: (round(line.top), line.x0))
        cells.append(
            Cell(row, col, [line.text for line in lines], row_span, col_span, tuple(bbox), page)
        )
    return Table(
        cells=sorted(cells, key=lambda c: (c.row, c.col)),
        n_rows=len(ys),
        n_cols=len(xs),
        prov=Provenance(block=0, page=page, bbox=tuple(found.bbox)),
        method="pdfplumber-lattice",
    )


def _position(edges: list[float], value: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - value))


def _fallback_tables(path: Path, page, content: PageContent) -> None:
    """Tables pdfplumber's lattice cannot see, within the region where our own lines find rows
    of three or more columns: ruled ones whose rules are drawn as images, by camelot's lattice
    on the rendered page, then borderless ones by camelot's hybrid and stream. The tables'
    lines leave the text flow."""
    region = _tabular_region(content.lines)
    if region is None:
        return
    import camelot  # on first need only: it loads OpenCV, half a second per process

    for flavor in FALLBACK_FLAVORS:
        areas = {} if flavor == "lattice" else {"table_areas": [_area(region, page.height)]}
        found = camelot.read_pdf(str(path), pages=str(content.number), flavor=flavor, **areas)
        if found.n:
            content.tables = [_camelot_table(t, content, flavor, page.height) for t in found]
            boxes = [t.prov.bbox for t in content.tables]
            content.lines = [
                line for line in content.lines
                if not any(b[1] - 1 <= line.top <= b[3] + 1 for b in boxes)
            ]  # fmt: skip
            return


def _area(region: tuple[float, float, float, float], height: float) -> str:
    """A region (top-based) in camelot's PDF space: 'x1,y1,x2,y2', y growing upwards."""
    x0, top, x1, bottom = region
    return f"{x0 - 2},{height - top + 2},{x1 + 2},{height - bottom - 2}"


def _tabular_region(lines: list[Line]) -> tuple[float, float, float, float] | None:
    ordered = rows(lines)
    wide = [i for i, row in enumerate(ordered) if len(row) >= 3]
    if len(wide) < TABLE_ROWS:
        return None
    width = max(line.x1 for line in ordered[wide[0]]) - min(line.x0 for line in ordered[wide[0]])
    end = wide[-1]
    # the last rows may have too little between their cells to split: take the rows below
    # while they follow closely and are no full-width paragraph
    while end + 1 < len(ordered):
        below = ordered[end + 1]
        gap = min(line.top for line in below) - max(line.bottom for line in ordered[end])
        span = max(line.x1 for line in below) - min(line.x0 for line in below)
        if gap > below[0].size or (len(below) == 1 and span > 0.7 * width):
            break
        end += 1
    first, last = ordered[wide[0]][0].top, max(line.bottom for line in ordered[end])
    inside = [line for line in lines if first - 1 <= line.top <= last]
    return (
        min(line.x0 for line in inside),
        first,
        max(line.x1 for line in inside),
        last,
    )


def _camelot_table(found, content: PageContent, flavor: str, height: float) -> Table:
    """camelot's grid as cells; a row whose one filled cell is in capitals heads the rows below
    (camelot's stream tables carry no spans). camelot reads text without its fonts: a word the
    page prints in a legacy font is spelt as that font draws it."""
    page = content.number
    grid = [
        [_WORD.sub(lambda m: content.spellings.get(m.group(), m.group()), v) for v in values]
        for values in found.df.values.tolist()
    ]
    n_cols = len(grid[0]) if grid else 0
    cells = []
    for r, values in enumerate(grid):
        filled = [(c, v) for c, v in enumerate(values) if v.strip()]
        if len(filled) == 1 and filled[0][1].isupper() and n_cols > 2:
            c, value = filled[0]
            cells.append(Cell(r, c, value.split("\n"), col_span=n_cols - c, page=page))
            continue
        cells.extend(Cell(r, c, v.split("\n"), page=page) for c, v in enumerate(values))
    x0, y0, x1, y1 = found._bbox  # PDF space: y grows upwards
    return Table(
        cells=cells,
        n_rows=len(grid),
        n_cols=n_cols,
        prov=Provenance(block=0, page=page, bbox=(x0, height - y1, x1, height - y0)),
        method=f"camelot-{flavor}",
        rows_from_text=flavor != "lattice",
    )
