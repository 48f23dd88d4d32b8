"""Scanned PDF -> Document, by our own image pipeline and Tesseract.

Page by page, two pages side by side:
  the page's own image at its real dpi (readers.page_image) -> grey, the seal's ink dropped,
  straightened, light marks whitened (readers.ink) -> ruled grids found in the pixels
  (readers.grid), their rules wiped -> words with boxes and confidences (readers.tesseract),
  cells Tesseract's layout skipped read again in one strip -> a page turned 90 or 180 degrees
  in its pixels (words read with low confidence, or standing taller than wide) is turned
  upright by Tesseract's orientation detection and read again -> words in grid cells make
  tables, the others lines (readers.layout).

A PDF may be scanned in part only (a born-digital plan with a signed page scanned back in, or
pages whose fonts give no readable text): only those pages are OCR'd, the others keep their
text layer (readers.pdf).
"""

from __future__ import annotations

from collections.abc import Collection
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import cv2
import numpy as np

from extractors.model import Cell, Document, Provenance, Table
from extractors.readers import ink, tesseract
from extractors.readers.grid import MM_PER_INCH, Grid, find_grids
from extractors.readers.layout import PageContent, Word, assemble, is_page_number, lines_of
from extractors.readers.page_image import POINTS_PER_INCH, PageImage, page_images
from extractors.readers.pdf import read_pdf
from normalizers.ocr import decimal_misread, lone_stroke, section_sign_digit, split_eleven

OCR_JOBS = 2
# mean word confidence under which a page may be turned: upright print reads at 85-96, a page
# turned 90 or 180 degrees at about 45
UPRIGHT_CONFIDENCE = 70.0
LONG_WORD = 4  # letters: a word this long is wider than tall when upright
# a word's font size from its line's box: the box runs from accents to descenders
LINE_TO_SIZE = 0.8
MIN_INK_PIXELS = 12  # a cell with less ink than this is blank (a speck, a rule's end)
STRIP_GAP_MM = 4.0  # white between the cells stacked for a second reading
RULE_WIPE_MM = 0.8  # the width wiped along a grid's rules: a rule and the skew left in it
REMNANT_MM = 1.2  # rule marks closer than this to a cell's edge are what is left of a rule
STANDING_MARKS = frozenset("|¡!")
LYING_MARKS = frozenset("_~¬-—–")
RULE_MARKS = STANDING_MARKS | LYING_MARKS | frozenset("'`\".,:;/\\")


def read_scan(path: Path, pages: Collection[int] | None = None) -> Document:
    """pages: the 1-based numbers of the pages to OCR; None for all of them."""
    with ThreadPoolExecutor(OCR_JOBS) as pool:  # threads that wait on Tesseract processes
        read = {
            content.number: content for content in pool.map(read_page, page_images(path, pages))
        }
    if pages is None:
        return Document(
            blocks=assemble(list(read.values())), file_format="pdf_scanned", pages=len(read)
        )
    document = read_pdf(path, read)
    document.file_format = "pdf_mixed"
    return document


def read_page(image: PageImage) -> PageContent:
    tones = ink.grey(image.pixels)
    reading = _read(tones, image.dpi)
    if _maybe_turned(reading.words):
        turn = tesseract.orientation(reading.clean, image.dpi)
        if turn:
            # straightened and cut again once upright: a sideways page's skew is not its own
            again = _read(np.ascontiguousarray(np.rot90(tones, -(turn // 90))), image.dpi)
            better = tesseract.mean_confidence(again.words) > tesseract.mean_confidence(
                reading.words
            )
            if better or not _maybe_turned(again.words):
                reading = again
    words = reading.words + _missed_in_cells(reading.wiped, reading.grids, reading.words, image.dpi)
    words = _elevens_joined(words, reading.grids)
    return _content(image.number, words, reading.grids, image.dpi, reading.clean.shape[0])


def _maybe_turned(words: list[tesseract.OcrWord]) -> bool:
    """A page turned 180 degrees reads with low confidence; one turned 90, Tesseract reads
    line by line standing up (confidently): its words are taller than wide."""
    if tesseract.mean_confidence(words) < UPRIGHT_CONFIDENCE:
        return True
    long = [w.box for w in words if len(w.text) >= LONG_WORD]
    standing = sum(bottom - top > right - left for left, top, right, bottom in long)
    return standing > len(long) / 2


@dataclass
class _Reading:
    clean: np.ndarray  # the page straightened, light marks whitened
    grids: list[Grid]
    wiped: np.ndarray  # the clean page with its grids' rules wiped
    words: list[tesseract.OcrWord]


def _read(tones: np.ndarray, dpi: float) -> _Reading:
    """The page cleaned, its grids, and its words read with the grids' rules wiped (OCR reads a
    rule beside a number as a character: "1.375 |")."""
    clean = ink.straighten(tones, ink.skew(tones))
    clean = ink.whiten(clean, ink.whitening_cut(clean))
    grids = find_grids(clean, dpi)
    wiped = clean
    if grids:
        wiped = clean.copy()
        for grid in grids:
            for cell in grid.cells:
                x0, top, x1, bottom = cell.box
                cv2.rectangle(wiped, (x0, top), (x1, bottom), 255, _wipe(dpi))
    return _Reading(clean, grids, wiped, tesseract.read_words(wiped, dpi))


def _wipe(dpi: float) -> int:
    return max(1, round(RULE_WIPE_MM / MM_PER_INCH * dpi))


def _missed_in_cells(
    wiped: np.ndarray, grids: list[Grid], words: list[tesseract.OcrWord], dpi: float
) -> list[tesseract.OcrWord]:
    """Words in cells that hold ink but got no word: Tesseract's page layout drops lone
    numbers in a column of white ("0", "-1"). Those cells are cut out, stacked into one strip
    and read as one block of lines, in one call; each word goes back to its cell's place."""
    margin = _wipe(dpi)
    crops = []
    for grid in grids:
        for cell in grid.cells:
            x0, top, x1, bottom = cell.box
            if any(_inside(cell.box, word.box) for word in words):
                continue
            inner = wiped[top + margin : bottom - margin, x0 + margin : x1 - margin]
            if inner.size and np.count_nonzero(inner < ink.INK) >= MIN_INK_PIXELS:
                crops.append((x0 + margin, top + margin, inner))
    if not crops:
        return []
    gap = round(STRIP_GAP_MM / MM_PER_INCH * dpi)
    height = sum(crop.shape[0] + gap for _, _, crop in crops) + gap
    strip = np.full((height, max(crop.shape[1] for _, _, crop in crops) + 2 * gap), 255, np.uint8)
    places, y = [], gap
    for x, top, crop in crops:
        strip[y : y + crop.shape[0], gap : gap + crop.shape[1]] = crop
        places.append((y, y + crop.shape[0], x - gap, top - y))
        y += crop.shape[0] + gap
    found = []
    for word in tesseract.read_words(strip, dpi, tesseract.BLOCK):
        middle = (word.box[1] + word.box[3]) / 2
        place = next((p for p in places if p[0] <= middle < p[1]), None)
        if place is not None:
            shifted = _shift(word.box, place[2], place[3])
            found.append(replace(word, box=shifted, line_box=shifted))
    return found


def _elevens_joined(words: list[tesseract.OcrWord], grids: list[Grid]) -> list[tesseract.OcrWord]:
    """Words OCR split after the first 1 of an 11 ('1 1,25', 'điểm/1 1,00') made one again:
    the two are on one line, no further apart than the digits are tall (a column's gap is
    wider), and in the same grid cell if any."""
    cells = [cell.box for grid in grids for cell in grid.cells]
    out: list[tesseract.OcrWord] = []
    for word in words:
        last = out[-1] if out else None
        if last is not None and last.line == word.line:
            joined = split_eleven(last.text, word.text)
            gap = word.box[0] - last.box[2]
            if joined and gap <= word.box[3] - word.box[1] and _same_cell(last, word, cells):
                box = (
                    last.box[0],
                    min(last.box[1], word.box[1]),
                    word.box[2],
                    max(last.box[3], word.box[3]),
                )
                out[-1] = replace(last, text=joined, box=box)
                continue
        out.append(word)
    return out


def _same_cell(a: tesseract.OcrWord, b: tesseract.OcrWord, cells: list[tuple[int, ...]]) -> bool:
    return [_inside(c, a.box) for c in cells] == [_inside(c, b.box) for c in cells]


def _shift(box: tuple[int, int, int, int], dx: int, dy: int) -> tuple[int, int, int, int]:
    return box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy


def _content(
    number: int, found: list[tesseract.OcrWord], grids: list[Grid], dpi: float, height: int
) -> PageContent:
    """The page's words in points, those in a grid's cells as its table, the others as lines."""
    scale = POINTS_PER_INCH / dpi
    words = [(_word(w, scale), w.box) for w in found]
    content = PageContent(number, ocr=True)
    outside = []
    for word, box in words:
        if not any(_inside(grid.box, box) for grid in grids):
            outside.append(word)
    content.lines = [
        line for line in lines_of(outside, number) if not is_page_number(line, height * scale)
    ]
    content.tables = [_table(grid, words, number, scale) for grid in grids]
    return content


def _word(word: tesseract.OcrWord, scale: float) -> Word:
    x0, _, x1, _ = word.box
    _, top, _, bottom = word.line_box  # the words of a line share its top, as printed text does
    size = (bottom - top) * scale * LINE_TO_SIZE
    text = section_sign_digit(word.text)
    return Word(text, x0 * scale, x1 * scale, top * scale, bottom * scale, size, bold=False)


def _inside(box: tuple[int, ...], word: tuple[int, int, int, int]) -> bool:
    """The word's middle is within the box."""
    cx, cy = (word[0] + word[2]) / 2, (word[1] + word[3]) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def _remnant(text: str, box: tuple[int, ...], cell: tuple[int, ...], near: float) -> bool:
    """A word of rule marks next to a cell's edge: what wiping left of a rule. A standing mark
    ("|") is left of a column's rule, a lying one ("_", "-") of a row's; a "1" standing near
    the rule under it is a digit."""
    across = min(box[0] - cell[0], cell[2] - box[2])  # to the column rules
    along = min(box[1] - cell[1], cell[3] - box[3])  # to the row rules
    marks = set(text)
    if marks <= STANDING_MARKS:
        return across < near
    if marks <= LYING_MARKS:
        # a dash as tall as a digit, away from the column rules, holds a '1' OCR lost ('-1')
        flat = box[3] - box[1] < near
        return along < near and (flat or across < near)
    return marks <= RULE_MARKS and min(across, along) < near


def _table(
    grid: Grid, words: list[tuple[Word, tuple[int, int, int, int]]], page: int, scale: float
) -> Table:
    near = REMNANT_MM / MM_PER_INCH * POINTS_PER_INCH / scale
    cells = []
    for cell in grid.cells:
        inside = [
            word
            for word, box in words
            if _inside(cell.box, box) and not _remnant(word.text, box, cell.box, near)
        ]
        lines = lines_of(inside, page)
        lines.sort(key=lambda line: (round(line.top), line.x0))
        texts = [decimal_misread(line.text) for line in lines]
        cells.append(
            Cell(
                cell.row,
                cell.col,
                [lone_stroke(texts[0])] if len(texts) == 1 else texts,
                cell.row_span,
                cell.col_span,
                tuple(v * scale for v in cell.box),
                page,
            )
        )
    return Table(
        cells=cells,
        n_rows=grid.n_rows,
        n_cols=grid.n_cols,
        prov=Provenance(block=0, page=page, bbox=tuple(v * scale for v in grid.box)),
        method="image-grid",
        ocr=True,
    )
