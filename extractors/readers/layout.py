"""Words with their boxes -> the document's blocks: the layout steps every PDF page goes through,
whether its words come from a text layer (readers.pdf) or from OCR (readers.scan).

  words -> lines (by baseline) -> segments (a wide gap splits a line into columns: the header
  and signature blocks) -> reading order (a two-column region is read column by column) ->
  paragraphs (a marker, an indented first line, a short last line or a change of weight starts
  a new one). Page numbers are dropped; a table that runs on over a page break becomes one table.
Positions are in points from the page's top left.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from extractors.model import Block, Paragraph, Provenance, Table
from normalizers.text import UPPER

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
class PageContent:
    number: int
    lines: list[Line] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    # words of the page as printed -> as their legacy font draws them, for text read without
    # fonts (camelot's tables)
    spellings: dict[str, str] = field(default_factory=dict)
    ocr: bool = False  # the page was read by OCR


def contains(bbox, word: Word) -> bool:
    x0, top, x1, bottom = bbox
    cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom


def lines_of(words: list[Word], page: int) -> list[Line]:
    """Words on one baseline, split where a gap wider than a few font sizes separates columns."""
    lines = []
    for row in rows(sorted(words, key=lambda w: (round(w.top), w.x0))):
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


def rows(items: list) -> list[list]:
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


def is_page_number(line: Line, height: float) -> bool:
    in_band = line.top < height * MARGIN_BAND or line.bottom > height * (1 - MARGIN_BAND)
    return in_band and bool(_PAGE_NUMBER.match(line.text.strip()))


# ---- the whole document --------------------------------------------------------------------
def assemble(pages: list[PageContent]) -> list[Block]:
    """The pages' lines and tables as the document's paragraphs and tables, in reading order."""
    layout = _measure(pages)
    read_by_ocr = {page.number for page in pages if page.ocr}
    blocks: list[Block] = []
    for item in _paragraphs(_stream(pages), layout):
        if isinstance(item, Table):
            _add_table(item, blocks)
        else:
            blocks.append(_paragraph(item, len(blocks), read_by_ocr))
    return blocks


def _measure(pages: list[PageContent]) -> _Layout:
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


def _stream(pages: list[PageContent]) -> list[Line | Table]:
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
    for row in rows(lines):
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


def _paragraph(lines: list[Line], block: int, read_by_ocr: set[int]) -> Paragraph:
    bbox = (
        min(line.x0 for line in lines),
        min(line.top for line in lines),
        max(line.x1 for line in lines),
        max(line.bottom for line in lines),
    )
    text = _WRAPPED_AT_HYPHEN.sub(r"\1", "\n".join(line.text for line in lines)).replace("\n", " ")
    prov = Provenance(block=block, page=lines[0].page, bbox=bbox)
    return Paragraph(text=text, prov=prov, ocr=any(line.page in read_by_ocr for line in lines))


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
