"""extractors.readers.grid.find_grids: ruled tables found in page images.

Synthetic pages drawn here (fast, self-contained): grids with merged header and key cells,
section rows whose bold text runs over the missing rules, broken and light rules, JPEG noise,
a residual skew, a round stamp, an underlined heading, a signature, tables cut by a page break.
Then the corpus scans: each table page's grids against pdfplumber's tables on its born-digital
twin (same rows, columns and spans), skipped when the shared corpus is absent.
"""

from __future__ import annotations

import io
import math
import time
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFont

from extractors.readers.grid import Grid, find_grids

MM_PER_INCH = 25.4
A4_MM = (210, 297)
BREAK_EVERY_MM = 30  # a poor print's rules: a gap every 30 mm on average
CELL_PT = 11  # DejaVu Serif at 11 pt is about as tall as Times New Roman at 13 pt
FONT_FILES = {
    False: "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    True: "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",
}
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _font(size_px: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    try:
        return ImageFont.truetype(FONT_FILES[bold], size_px)
    except OSError:
        return ImageFont.load_default(size_px)


class Page:
    """A page drawn at a dpi, in mm from its top left corner."""

    def __init__(self, dpi: float, paper: int = 255, size_mm: tuple[float, float] = A4_MM):
        self.dpi = dpi
        self.image = Image.new("L", (self.px(size_mm[0]), self.px(size_mm[1])), paper)
        self.draw = ImageDraw.Draw(self.image)
        self.paper = paper
        self.rules: list[tuple[int, int, int, int]] = []  # boxes of the rules drawn

    def px(self, mm: float) -> int:
        return round(mm * self.dpi / MM_PER_INCH)

    def text(self, x: float, y: float, words: str, pt: float = 13, bold=False, ink=0) -> None:
        size = round(pt / 72 * self.dpi)
        self.draw.text((self.px(x), self.px(y)), words, fill=ink, font=_font(size, bold))

    def rule(self, x0: float, y0: float, x1: float, y1: float, thick: int = 2, ink=0) -> None:
        box = (self.px(x0), self.px(y0), self.px(x1) + thick - 1, self.px(y1) + thick - 1)
        self.draw.rectangle(box, ink)
        self.rules.append(box)

    def stamp(self, cx: float, cy: float, radius: float = 18, ink=120) -> None:
        """A round seal: two rings, letters around between them, a blot inside; pressed over
        what is printed (the darker ink shows), as a seal's ink is."""
        seal = Image.new("L", self.image.size, 255)
        draw = ImageDraw.Draw(seal)
        c, r = (self.px(cx), self.px(cy)), self.px(radius)
        width = max(2, self.px(0.9))
        draw.ellipse((c[0] - r, c[1] - r, c[0] + r, c[1] + r), outline=ink, width=width)
        r2 = round(r * 0.62)
        draw.ellipse((c[0] - r2, c[1] - r2, c[0] + r2, c[1] + r2), outline=ink, width=width // 2)
        font = _font(self.px(3.2), bold=True)
        for k, char in enumerate("ỦY BAN NHÂN DÂN XÃ SƠN BAO * "):
            angle = 2 * math.pi * k / 28
            x = c[0] + 0.8 * r * math.sin(angle)
            y = c[1] - 0.8 * r * math.cos(angle)
            draw.text((x, y), char, fill=ink, font=font, anchor="mm")
        draw.regular_polygon((c[0], c[1], r * 0.3), 5, fill=ink)
        self.image.paste(ImageChops.darker(self.image, seal))

    def signature(self, x: float, y: float) -> None:
        """A pen stroke: a long loop and a straight tail, as chairmen sign."""
        points = [
            (self.px(x + 40 * t), self.px(y + 6 * math.sin(9 * t) - 10 * t))
            for t in np.linspace(0, 1, 60)
        ]
        self.draw.line(points, fill=30, width=self.px(0.5))
        self.draw.line((points[-1], (points[-1][0], points[-1][1] + self.px(12))), 30, 3)

    def table(
        self,
        x: float,
        y: float,
        widths: list[float],
        heights: list[float],
        merged: tuple[tuple[int, int, int, int], ...] = (),
        thick: int = 2,
        ink: int = 0,
        open_top: bool = False,
        open_bottom: bool = False,
        text: dict[tuple[int, int], tuple[str, bool]] | None = None,
    ) -> list[tuple[int, int, int, int]]:
        """Rules of a table at (x, y) mm with its columns' widths and rows' heights; merged:
        (row, col, row_span, col_span) of the cells spanning more than one. open_top /
        open_bottom: no rule there (the page cut the table), the vertical rules run on. text:
        (row, col) -> (words, bold) written in the cell. Returns the cells the grid has."""
        xs = np.concatenate([[x], x + np.cumsum(widths)])
        ys = np.concatenate([[y], y + np.cumsum(heights)])
        n_rows, n_cols = len(heights), len(widths)
        owner = [[(r, c) for c in range(n_cols)] for r in range(n_rows)]
        for r, c, rs, cs in merged:
            for i in range(r, r + rs):
                for j in range(c, c + cs):
                    owner[i][j] = (r, c)
        for i in range(n_rows + 1):  # horizontal rules, edge by edge
            if (i == 0 and open_top) or (i == n_rows and open_bottom):
                continue
            for j in range(n_cols):
                if 0 < i < n_rows and owner[i - 1][j] == owner[i][j]:
                    continue
                self.rule(xs[j], ys[i], xs[j + 1], ys[i], thick, ink)
        for j in range(n_cols + 1):  # vertical rules
            for i in range(n_rows):
                if 0 < j < n_cols and owner[i][j - 1] == owner[i][j]:
                    continue
                self.rule(xs[j], ys[i], xs[j], ys[i + 1], thick, ink)
        for (r, c), (words, bold) in (text or {}).items():
            rs, cs = next(((rs, cs) for r0, c0, rs, cs in merged if (r0, c0) == (r, c)), (1, 1))
            at = (self.px(xs[c] + 1.2), self.px(ys[r] + 0.7))
            font = _font(round(CELL_PT / 72 * self.dpi), bold)
            left, top, right, bottom = self.draw.multiline_textbbox(at, words, font=font)
            # text that fits its cell, as a printed table's does, though close to its rules
            assert right < self.px(xs[c + cs]) and bottom < self.px(ys[r + rs]), words
            self.draw.multiline_text(at, words, fill=ink, font=font)
        cells = {owner[i][j] for i in range(n_rows) for j in range(n_cols)}
        spans = {(r, c): (rs, cs) for r, c, rs, cs in merged}
        return sorted((r, c, *spans.get((r, c), (1, 1))) for r, c in cells)

    def array(
        self,
        skew: float = 0.0,
        jpeg: int | None = None,
        breaks_mm: float = 0.0,
        speckle: float = 0.0,
        seed: int = 0,
    ) -> np.ndarray:
        """The page 'scanned': its rules broken by gaps breaks_mm long, one every
        BREAK_EVERY_MM on average (toner dropping out), turned by skew degrees, grain and dust,
        JPEG-compressed."""
        rng = np.random.default_rng(seed)
        pixels = np.asarray(self.image).copy()
        for x0, y0, x1, y1 in self.rules if breaks_mm else ():
            vertical = y1 - y0 > x1 - x0
            length = (y1 - y0) if vertical else (x1 - x0)
            count = rng.poisson(length / self.px(BREAK_EVERY_MM))
            for at in rng.integers(0, max(1, length), count):
                gap = max(1, self.px(breaks_mm * rng.uniform(0.5, 1.5)))
                if vertical:
                    pixels[y0 + at : y0 + at + gap, x0 : x1 + 1] = self.paper
                else:
                    pixels[y0 : y1 + 1, x0 + at : x0 + at + gap] = self.paper
        if skew:
            h, w = pixels.shape
            turn = cv2.getRotationMatrix2D((w / 2, h / 2), skew, 1.0)
            pixels = cv2.warpAffine(
                pixels, turn, (w, h), flags=cv2.INTER_LINEAR, borderValue=self.paper
            )
        if speckle:
            grain = rng.normal(0, speckle, pixels.shape)
            pixels = np.clip(pixels + grain, 0, 255).astype(np.uint8)
            dots = pixels.size // 40_000
            pixels[
                rng.integers(0, pixels.shape[0], dots), rng.integers(0, pixels.shape[1], dots)
            ] = 60
        if jpeg:
            buffer = io.BytesIO()
            Image.fromarray(pixels).save(buffer, format="JPEG", quality=jpeg)
            pixels = np.asarray(Image.open(buffer).convert("L"))
        return np.ascontiguousarray(pixels)


def _structure(grid: Grid) -> list[tuple[int, int, int, int]]:
    return [(c.row, c.col, c.row_span, c.col_span) for c in grid.cells]


# an appendix of criteria: TT | Nội dung | Điểm (Tối đa, Đạt, Bị trừ) over two header rows;
# a section row across all but TT, a key cell merged down over three rows
WIDTHS = [12, 70, 18, 18, 18, 40]
HEIGHTS = [6, 6, 5.5, 5.5, 11, 5.5, 11, 5.5, 5.5]
MERGED = (
    (0, 0, 2, 1),  # TT
    (0, 1, 2, 1),  # Nội dung
    (0, 2, 1, 3),  # Điểm, over Tối đa | Đạt | Bị trừ
    (0, 5, 2, 1),  # Ghi chú
    (2, 1, 1, 5),  # section row: CÔNG TÁC CHỈ ĐẠO ...
    (3, 0, 3, 1),  # key cell over three rows
    (7, 1, 1, 5),  # another section row
)
TEXT = {
    (0, 0): ("TT", True),
    (0, 1): ("Nội dung", True),
    (0, 2): ("Điểm", True),
    (1, 2): ("Tối đa", False),
    (1, 3): ("Đạt", False),
    (1, 4): ("Bị trừ", False),
    (2, 1): ("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", True),
    (3, 0): ("1.1", False),
    (3, 1): ("Thực hiện Kế hoạch CCHC", False),
    (4, 1): ("Thực hiện chế độ báo cáo định kỳ,\nđúng hạn", False),
    (4, 5): ("- 0,25", False),
    (7, 1): ("CẢI CÁCH THỦ TỤC HÀNH CHÍNH, HIỆN ĐẠI HÓA NỀN HÀNH CHÍNH", True),
    (8, 1): ("Niêm yết, công khai TTHC", False),
}


def _appendix(page: Page, y: float = 40, **kwargs) -> list[tuple[int, int, int, int]]:
    page.text(60, y - 14, "PHỤ LỤC", pt=14, bold=True)
    page.rule(50, y - 7, 110, y - 7, thick=2)  # the heading's underline
    return page.table(18, y, WIDTHS, HEIGHTS, MERGED, text=TEXT, **kwargs)


@pytest.mark.parametrize("dpi, thick", [(150, 1), (200, 2), (300, 1), (300, 3)])
def test_a_plain_grid_at_each_dpi_with_its_cells_where_the_rules_are(dpi, thick):
    page = Page(dpi)
    widths, heights = [15, 60, 25, 40], [8, 12, 6, 6, 20]
    cells = page.table(20, 50, widths, heights, thick=thick)
    (grid,) = find_grids(page.array(), dpi)
    assert (grid.n_rows, grid.n_cols) == (5, 4)
    assert _structure(grid) == cells
    xs = page.px(20) + np.array([0, *np.cumsum([page.px(w) for w in widths])])
    ys = page.px(50) + np.array([0, *np.cumsum([page.px(h) for h in heights])])
    tolerance = max(2, page.px(0.4))  # rounding, and the rule's own width
    for cell in grid.cells:
        drawn = (xs[cell.col], ys[cell.row], xs[cell.col + 1], ys[cell.row + 1])
        assert np.abs(np.subtract(cell.box, drawn)).max() <= tolerance, (cell, drawn)
    assert grid.box[0] == grid.cells[0].box[0] and grid.box[3] == grid.cells[-1].box[3]
    assert not grid.cut_top and not grid.cut_bottom


@pytest.mark.parametrize("dpi", [150, 200, 300])
def test_merged_header_key_cell_and_section_rows_get_their_spans(dpi):
    page = Page(dpi)
    cells = _appendix(page)
    (grid,) = find_grids(page.array(), dpi)
    assert (grid.n_rows, grid.n_cols) == (9, 6)
    assert _structure(grid) == cells
    assert (0, 2, 1, 3) in cells and (3, 0, 3, 1) in cells  # the cases that matter


@pytest.mark.parametrize(
    "dpi, ink, paper, skew, jpeg, breaks_mm",
    [
        (150, 90, 240, 0.3, 40, 0.3),  # a light, low-resolution, strongly compressed scan
        (200, 60, 245, -0.3, 50, 0.4),
        (250, 100, 240, 0.3, 45, 0.5),
        (300, 120, 235, 0.2, 60, 0.5),  # pale grey toner
    ],
)
def test_a_poor_scan_still_gives_the_same_grid(dpi, ink, paper, skew, jpeg, breaks_mm):
    """Rules broken every 3 cm on average, the residual skew a deskewed page may keep, JPEG
    noise, grain and dust; a seal and a signature under the table."""
    page = Page(dpi, paper=paper)
    cells = _appendix(page, ink=ink)
    page.text(120, 150, "TM. ỦY BAN NHÂN DÂN", pt=13, bold=True, ink=ink)
    page.stamp(125, 165, ink=min(255, ink + 60))
    page.signature(130, 160)
    image = page.array(skew=skew, jpeg=jpeg, breaks_mm=breaks_mm, speckle=4, seed=dpi)
    (grid,) = find_grids(image, dpi)
    assert (grid.n_rows, grid.n_cols) == (9, 6)
    assert _structure(grid) == cells


@pytest.mark.parametrize("dpi", [200, 300])
@pytest.mark.parametrize("at", [(150, 60), (40, 95), (185, 100)])
def test_a_seal_pressed_over_the_table_adds_no_rule(dpi, at):
    """Its rings cross rules and run along them for a few mm; its letters and star sit in
    the cells. (At 150 dpi its inner ring may rule a short row: a known limit.)"""
    page = Page(dpi)
    cells = _appendix(page)
    page.stamp(*at, ink=110)
    (grid,) = find_grids(page.array(jpeg=60, speckle=3, seed=dpi), dpi)
    assert _structure(grid) == cells


@pytest.mark.parametrize("dpi", [150, 300])
def test_text_underlines_a_signature_and_a_stamp_make_no_grid(dpi):
    page = Page(dpi)
    page.text(70, 20, "KẾ HOẠCH", pt=14, bold=True)
    page.rule(65, 28, 145, 28)  # underline under the heading
    page.rule(85, 33, 125, 33, thick=1)  # the short rule under "Độc lập - Tự do - Hạnh phúc"
    for k in range(25):  # body text, a dash item now and then
        line = "- Thực hiện đầy đủ, chất lượng, đúng thời gian chế độ báo cáo CCHC định kỳ"
        page.text(20, 45 + 7 * k, line if k % 3 else "—— " + line[2:], pt=13, bold=k % 7 == 0)
    page.text(120, 230, "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", pt=13, bold=True)
    page.stamp(118, 250)
    page.stamp(60, 255, radius=20, ink=60)  # a darker seal, alone
    page.signature(125, 255)
    page.rule(20, 285, 190, 285, thick=1)  # a footer rule
    page.rule(100, 280, 100, 292, thick=1)  # ... and a lone vertical one
    assert find_grids(page.array(jpeg=60, speckle=3), dpi) == []


def test_grids_come_top_to_bottom_and_a_box_is_a_grid_of_one_cell():
    page = Page(200)
    second = page.table(20, 150, [20, 40, 40], [8, 8, 8, 8])
    first = page.table(30, 40, [50, 50], [10, 10, 10], merged=((0, 0, 1, 2),))
    box = page.table(120, 250, [60], [15])
    grids = find_grids(page.array(), 200)
    assert [(g.n_rows, g.n_cols) for g in grids] == [(3, 2), (4, 3), (1, 1)]
    assert [_structure(g) for g in grids] == [first, second, box]
    assert grids[0].box[3] < grids[1].box[1] < grids[1].box[3] < grids[2].box[1]


@pytest.mark.parametrize("dpi", [150, 300])
def test_a_table_cut_by_the_page_break_is_closed_where_its_rules_end(dpi):
    """Bottom of a page: the last row has no rule under it, its vertical rules run on to the
    page's end. Top of the next: the first row has no rule above it."""
    page = Page(dpi)
    widths = [12, 70, 18, 40]
    end = page.table(18, 200, widths, [8, 10, 10, 25], merged=((1, 0, 2, 1),), open_bottom=True)
    page2 = Page(dpi)
    start = page2.table(18, 15, widths, [30, 10, 10], open_top=True)
    for p, cells, rows, at_end in ((page, end, 4, True), (page2, start, 3, False)):
        (grid,) = find_grids(p.array(jpeg=60, speckle=3), dpi)
        assert (grid.n_rows, grid.n_cols) == (rows, 4)
        assert _structure(grid) == cells
        assert (grid.cut_bottom, grid.cut_top) == (at_end, not at_end)
        # closed where the vertical rules end
        edge = grid.box[3] if at_end else grid.box[1]
        assert abs(edge - p.px(253 if at_end else 15)) <= p.px(1)


def test_an_a4_page_at_300_dpi_takes_tens_of_milliseconds():
    page = Page(300)
    rows = [6, 6] + [11, 5.5, 16.5] * 8
    merged = ((0, 0, 2, 1), (0, 1, 2, 1), (0, 2, 1, 3), (0, 5, 2, 1))
    page.table(15, 20, [12, 70, 18, 18, 18, 44], rows, merged)
    for k in range(30):
        page.text(35, 34 + 8 * k, "Thực hiện chế độ báo cáo định kỳ", pt=13)
    image = page.array(jpeg=60, speckle=3)
    find_grids(image, 300)  # warm up
    took = []
    for _ in range(3):
        started = time.perf_counter()
        (grid,) = find_grids(image, 300)
        took.append(time.perf_counter() - started)
    assert (grid.n_rows, grid.n_cols) == (26, 6)
    # ~30 ms on one core; the bound leaves room for a loaded machine
    assert min(took) < 0.2


# --- the corpus: scans against their born-digital twins ---------------------------------------


def _corpus_pages() -> list[tuple[str, int]]:
    """(plan, 1-based page) of every page of the corpus: those with tables, and those without
    (underlined headings, a signature and its seal) that must give none."""
    if not CORPUS.is_dir():
        return []
    import pypdfium2

    pages = []
    for path in sorted((CORPUS / "pdf").glob("*.pdf")):
        pdf = pypdfium2.PdfDocument(path)
        pages += [(path.stem, number) for number in range(1, len(pdf) + 1)]
        pdf.close()
    return pages


def _deskew(image: np.ndarray) -> np.ndarray:
    """The page turned straight, as the pipeline's deskew does before find_grids: the angle
    whose rows of ink are most uneven (text lines and rules lying flat), found on a small copy."""
    small = cv2.resize(image, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    ink = (255 - small).astype(np.float32)
    h, w = ink.shape

    def unevenness(angle: float) -> float:
        turn = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
        return float(np.var(cv2.warpAffine(ink, turn, (w, h)).sum(axis=1)))

    angle = max(np.arange(-1.5, 1.501, 0.05), key=unevenness)
    h, w = image.shape
    turn = cv2.getRotationMatrix2D((w / 2, h / 2), float(angle), 1.0)
    return cv2.warpAffine(image, turn, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


def _scan_page(plan: str, number: int) -> tuple[np.ndarray, float]:
    """The page's own image, grey, and its dpi."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(CORPUS / "scan" / f"{plan}.scan.pdf")
    try:
        page = pdf[number - 1]
        (picture,) = page.get_objects(filter=[pypdfium2.raw.FPDF_PAGEOBJ_IMAGE])
        image = np.asarray(picture.get_bitmap(render=False).to_pil().convert("L"))
        return image, image.shape[1] / (page.get_width() / 72)
    finally:
        pdf.close()


def _twin_tables(plan: str, number: int) -> list[tuple[int, int, list]]:
    """(rows, columns, cells as (row, col, row_span, col_span)) of each table pdfplumber finds
    on the born-digital page, top to bottom."""
    import pdfplumber

    with pdfplumber.open(CORPUS / "pdf" / f"{plan}.pdf") as pdf:
        tables = sorted(pdf.pages[number - 1].find_tables(), key=lambda t: t.bbox[1])
        return [_cells_of(table.cells) for table in tables]


def _cells_of(boxes: list[tuple[float, float, float, float]]) -> tuple[int, int, list]:
    def lines(values):  # one line per cluster of positions within 2 points
        found: list[float] = []
        for v in sorted(values):
            if not found or v - found[-1] > 2:
                found.append(v)
        return found

    xs = lines(v for b in boxes for v in (b[0], b[2]))
    ys = lines(v for b in boxes for v in (b[1], b[3]))

    def at(found, v):
        return int(np.argmin([abs(f - v) for f in found]))

    cells = sorted(
        (at(ys, t), at(xs, x0), at(ys, b) - at(ys, t), at(xs, x1) - at(xs, x0))
        for x0, t, x1, b in boxes
    )
    return len(ys) - 1, len(xs) - 1, cells


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not here")
@pytest.mark.parametrize("plan, number", _corpus_pages())
def test_a_corpus_scan_has_the_grids_of_its_born_digital_twin(plan, number):
    image, dpi = _scan_page(plan, number)
    grids = find_grids(_deskew(image), dpi)
    found = [(g.n_rows, g.n_cols, _structure(g)) for g in grids]
    expected = _twin_tables(plan, number)
    assert [f[:2] for f in found] == [e[:2] for e in expected]
    assert found == expected
