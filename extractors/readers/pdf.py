"""Born-digital PDF -> Document, with pdfplumber.

A visible chain of small steps, page by page:
  words -> lines (by baseline) -> segments (a wide gap splits a line into columns: the header
  and signature blocks) -> reading order (a two-column region is read column by column) ->
  paragraphs (a marker, an indented first line, a short last line or a change of weight starts
  a new one) ; ruled tables (pdfplumber's lattice) -> cells with their spans.
Page numbers are dropped; a table that runs on over a page break becomes one table. Text drawn
in a legacy Vietnamese font (TCVN3 .VnTime, VNI-Times) is converted to Unicode by the font of
each character (normalizers.legacy).
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber
import pypdfium2

from extractors.model import Block, Cell, Document, Paragraph, Provenance, Table
from normalizers import legacy
from normalizers.text import UPPER

MIN_TEXT_CHARS = 20  # fewer characters on a page: no text layer (stamps and page numbers aside)
GLYPH_CODES = 0.05  # of a page's characters left as glyph codes: its fonts lack a Unicode map
MIN_WORDS = 30  # words on a page that are enough to tell its language
VIETNAMESE_WORDS = 0.1  # of a page's words, fewer spelt with Vietnamese letters: glyph garbage
# why a page is read by OCR
SCANNED = "an image"
NO_UNICODE = "fonts without a Unicode map"
NO_VIETNAMESE = "a text layer with no Vietnamese words"
LINE_TOLERANCE = 3.0  # points between the tops of words on one line
COLUMN_GAP = 3.0  # a gap wider than this many font sizes splits a line into columns
INDENT = 6.0  # points right of the margin that make a first line
# a line ending this share of the text width before the right margin is a paragraph's last
SHORT_LINE = 0.12
FLUSH = 1.5  # points from the right margin within which a line ends on it
JUSTIFIED_SHARE = 0.3  # of the body lines ending on the right margin: the text is justified
COLUMN_SHARE = 0.25  # of the text width right of the margin where a second column starts
LEFT_PERCENTILE = 0.1
TOUCHING = 0.6  # points between two words that are one word
FALLBACK_GAP = 0.12  # of the font size: words in two fonts this close are one word
MARGIN_BAND = 0.08  # the share of the page height at top and bottom where page numbers stand
TABLE_ROWS = 3  # rows split into three or more columns that make a borderless table
FALLBACK_FLAVORS = ("lattice", "hybrid", "stream")  # camelot, for tables pdfplumber misses
_MARKER = re.compile(r"^(?:[IVX]{1,4}[.)]|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|[-+*•–])\s*\S")
# "1.5. Cải cách", "d) Để thực hiện", "II. TỔ CHỨC": a numbered or lettered item, even where
# OCR lost the bold and the indent that would tell it
# a line broken after a hyphen inside a word ("2246/QĐ-" / "UBND"); a spaced dash ("kinh tế -"
# / "xã hội") is a word of its own and keeps its space
_WRAPPED_AT_HYPHEN = re.compile(r"(?<=\w)(-)\n(?=\w)")
_HEADING_START = re.compile(
    rf"^(?:[IVX]{{1,4}}\.|\d{{1,2}}(?:\.\d{{1,2}})*\.|[a-zđ]\))\s+[{UPPER}]"
)
_PAGE_NUMBER = re.compile(r"^(?:-?\s*\d{1,3}\s*-?|trang \d{1,3}(?:/\d{1,3})?)$", re.IGNORECASE)
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


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    font: str = ""


@dataclass
class Line:
    words: list[Word]
    page: int

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def bold(self) -> bool:
        return sum(w.bold for w in self.words) * 2 > len(self.words)

    @property
    def size(self) -> float:
        return statistics.median(w.size for w in self.words)


@dataclass
class _Layout:
    """The body text's margins, measured over the whole document."""

    left: float
    right: float
    pitch: float
    justified: bool = False  # most full lines end on the right margin


@dataclass
class _PageContent:
    number: int
    lines: list[Line] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    # words of the page as printed -> as their legacy font draws them, for text read without
    # fonts (camelot's tables)
    spellings: dict[str, str] = field(default_factory=dict)


def read_pdf(path: Path, scanned: Collection[int] = ()) -> Document:
    """scanned: the pages (1-based) whose text layer is OCR over a page image, where ruled
    tables are pixels."""
    with pdfplumber.open(str(path)) as pdf:
        convert = legacy.Converter.for_fonts(_font_texts(pdf.pages))
        pages = [_read_page(page, n, convert) for n, page in enumerate(pdf.pages, start=1)]
        page_count = len(pdf.pages)
        for content, page in zip(pages, pdf.pages, strict=True):
            if not content.tables:
                _fallback_tables(path, page, content, content.number in scanned)
    layout = _measure(pages)
    blocks: list[Block] = []
    for item in _paragraphs(_stream(pages), layout):
        if isinstance(item, Table):
            _add_table(item, blocks)
        else:
            blocks.append(_paragraph(item, len(blocks)))
    return Document(
        blocks=blocks, file_format="pdf", pages=page_count, legacy_runs=dict(convert.runs)
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


def _read_page(page, number: int, convert: legacy.Converter) -> _PageContent:
    found = page.find_tables(_page_break_rules(page))
    content = _PageContent(number)
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
        holder = next((i for i, t in enumerate(found) if _contains(t.bbox, word)), None)
        (outside if holder is None else inside[holder]).append(word)
    content.lines = [
        line for line in _lines(outside, number) if not _is_page_number(line, page.height)
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


def _contains(bbox, word: Word) -> bool:
    x0, top, x1, bottom = bbox
    cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom


def _lines(words: list[Word], page: int) -> list[Line]:
    """Words on one baseline, split where a gap wider than a few font sizes separates columns."""
    lines = []
    for row in _rows(sorted(words, key=lambda w: (round(w.top), w.x0))):
        row.sort(key=lambda w: w.x0)
        row = _join_touching(row)
        segment = [row[0]]
        for word in row[1:]:
            if word.x0 - segment[-1].x1 > COLUMN_GAP * word.size:
                lines.append(Line(segment, page))
                segment = []
            segment.append(word)
        lines.append(Line(segment, page))
    return lines


def _rows(items: list) -> list[list]:
    """Consecutive items (words or lines, in top order) whose tops are within a line's
    tolerance of the row's first."""
    rows: list[list] = []
    for item in items:
        if rows and abs(rows[-1][0].top - item.top) <= LINE_TOLERANCE:
            rows[-1].append(item)
        else:
            rows.append([item])
    return rows


def _join_touching(row: list[Word]) -> list[Word]:
    """Words that touch are one word: OCR letter-spaces some words ("V ũ V ă n S ữ a") with
    spaces between letters that touch; a real space is never this narrow."""
    out = [row[0]]
    for word in row[1:]:
        last = out[-1]
        # a glyph the font lacks is drawn from a fallback font ("đi" + "ể" + "m"), and a font
        # change splits a word; a real space is wider than this share of the font size
        fallback = word.font != last.font and word.x0 - last.x1 < FALLBACK_GAP * word.size
        if word.x0 - last.x1 < TOUCHING or fallback:
            out[-1] = Word(last.text + word.text, last.x0, word.x1, min(last.top, word.top),
                           max(last.bottom, word.bottom), last.size, last.bold,
                           word.font)  # fmt: skip
        else:
            out.append(word)
    return out


def _is_page_number(line: Line, height: float) -> bool:
    in_band = line.top < height * MARGIN_BAND or line.bottom > height * (1 - MARGIN_BAND)
    return in_band and bool(_PAGE_NUMBER.match(line.text.strip()))


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
        lines = _lines([w for w in words if _contains(bbox, w)], page)
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


def _fallback_tables(path: Path, page, content: _PageContent, scanned: bool) -> None:
    """Tables pdfplumber's lattice cannot see: ruled tables that are part of a page image (a
    scan), read by camelot's lattice on the rendered page, then borderless ones (rows of three
    or more columns) by camelot's hybrid and stream within the region our own lines locate.
    The tables' lines leave the text flow."""
    region = _tabular_region(content.lines)
    if region is None and not scanned:
        return
    import camelot  # on first need only: it loads OpenCV, half a second per process

    for flavor in FALLBACK_FLAVORS:
        if flavor != "lattice" and region is None:
            break
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
    ordered = _rows(lines)
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


def _camelot_table(found, content: _PageContent, flavor: str, height: float) -> Table:
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


# ---- the whole document --------------------------------------------------------------------


def _measure(pages: list[_PageContent]) -> _Layout:
    lines = [line for page in pages for line in page.lines if len(line.words) > 3]
    if not lines:
        return _Layout(0.0, 0.0, 0.0)
    # the body's margin is where most wrapped lines start: a low percentile, since first
    # lines and list items (often the majority) are indented
    left = sorted(line.x0 for line in lines)[int(len(lines) * LEFT_PERCENTILE)]
    right = sorted(line.x1 for line in lines)[int(len(lines) * 0.9)]
    pitches = [
        b.top - a.top
        for page in pages
        for a, b in zip(page.lines, page.lines[1:], strict=False)
        if 0 < b.top - a.top < 3 * a.size
    ]
    flush = sum(abs(line.x1 - right) <= FLUSH for line in lines) / len(lines)
    pitch = statistics.median(pitches) if pitches else 0.0
    return _Layout(float(left), right, pitch, flush >= JUSTIFIED_SHARE)


def _stream(pages: list[_PageContent]) -> list[Line | Table]:
    """Lines in reading order across the document, each table before the first line below it."""
    out: list[Line | Table] = []
    for content in pages:
        tables = sorted(content.tables, key=lambda t: t.prov.bbox[1])
        for line in _reading_order(content.lines):
            while tables and tables[0].prov.bbox[1] < line.top:
                out.append(tables.pop(0))
            out.append(line)
        out.extend(tables)
    return out


def _add_table(table: Table, blocks: list[Block]) -> None:
    previous = blocks[-1] if blocks else None
    if _continues(previous, table):
        _append_rows(previous, table)
    else:
        table.prov = Provenance(block=len(blocks), page=table.prov.page, bbox=table.prov.bbox)
        blocks.append(table)


def _reading_order(lines: list[Line]) -> list[Line]:
    """Rows split into two columns (the header and signature blocks) are read column by column."""
    ordered: list[Line] = []
    region: list[Line] = []
    boundary = None
    for row in _rows(lines):
        if len(row) >= 2:
            # the right column starts where the row's second segment does
            start = sorted(line.x0 for line in row)[1] - INDENT
            boundary = start if boundary is None else boundary
            region.extend(row)
        elif boundary is not None and not (row[0].x0 < boundary < row[0].x1):
            region.extend(row)
        else:
            ordered.extend(_by_column(region, boundary))
            region, boundary = [], None
            ordered.extend(row)
    ordered.extend(_by_column(region, boundary))
    return ordered


def _by_column(region: list[Line], boundary: float | None) -> list[Line]:
    if boundary is None:
        return region
    left = [line for line in region if line.x0 < boundary]
    right = [line for line in region if line.x0 >= boundary]
    return left + right


def _paragraphs(stream: list[Line | Table], layout: _Layout) -> list[list[Line] | Table]:
    """Consecutive lines joined into paragraphs; a paragraph may run on over a page break."""
    out: list[list[Line] | Table] = []
    for item in stream:
        if isinstance(item, Table):
            out.append(item)
        elif out and isinstance(out[-1], list) and not _starts_paragraph(out[-1], item, layout):
            out[-1].append(item)
        else:
            out.append([item])
    return out


def _starts_paragraph(paragraph: list[Line], line: Line, layout: _Layout) -> bool:
    previous = paragraph[-1]
    width = max(layout.right - layout.left, 1.0)
    same_page = line.page == previous.page
    if same_page and line.top - previous.bottom > 1.5 * max(
        layout.pitch - previous.size, previous.size / 2
    ):
        return True
    if line.bold != previous.bold or line.x0 > layout.left + INDENT:
        return True
    # beside the line before, not under it: another column (a line left of an indented
    # first line is that paragraph's short last line)
    beside = line.x1 < previous.x0 and previous.x0 - layout.left > COLUMN_SHARE * width
    if same_page and (beside or line.x0 > previous.x1):
        return True
    # justified text ends every line but a paragraph's last on the margin; ragged text ends
    # a line up to a long word short of it
    slack = FLUSH * 2 if layout.justified else SHORT_LINE * width
    if previous.x1 < layout.right - slack:
        return True
    if _HEADING_START.match(line.text):
        return True
    # a dash at the margin after a full line is a wrapped "kinh tế – xã hội", unless the
    # paragraph before was itself a dash item at the margin (a list printed without indents)
    first = paragraph[0]
    return (
        _bullet(line) is not None
        and _bullet(line) == _bullet(first)
        and abs(first.x0 - line.x0) < 2
    )


def _bullet(line: Line) -> str | None:
    mark = line.words[0].text[:1]
    return mark if mark in "-+*•–" and _MARKER.match(line.text) else None


def _paragraph(lines: list[Line], block: int) -> Paragraph:
    bbox = (
        min(line.x0 for line in lines),
        min(line.top for line in lines),
        max(line.x1 for line in lines),
        max(line.bottom for line in lines),
    )
    text = _WRAPPED_AT_HYPHEN.sub(r"\1", "\n".join(line.text for line in lines)).replace("\n", " ")
    return Paragraph(text=text, prov=Provenance(block=block, page=lines[0].page, bbox=bbox))


def _continues(previous: Block | None, table: Table) -> bool:
    """A table at the top of a page that goes on from the table closing the page before."""
    return (
        isinstance(previous, Table)
        and previous.n_cols == table.n_cols
        and (table.prov.page or 0) == (_last_page(previous) or 0) + 1
    )


def _last_page(table: Table) -> int | None:
    return max((c.page for c in table.cells if c.page is not None), default=table.prov.page)


def _append_rows(table: Table, more: Table) -> None:
    offset = table.n_rows
    for cell in more.cells:
        cell.row += offset
        table.cells.append(cell)
    table.n_rows += more.n_rows
