"""Ruled tables (grids of printed lines) found in a scanned page image, so that OCR'd words can
be put in cells by their boxes.

The chain, on a grey image that is already upright and deskewed:

1. binarise: ink is what is darker than its neighbourhood, so that a light scan's rules are
   ink and the flat tint of a grey stamp or of uneven lighting is not;
2. rules: pin holes closed, then an opening with a long thin kernel (horizontal, then
   vertical) keeps the runs of ink longer than a letter's strokes. A piece longer than a
   single-line row and thin is a rule (a stamp's ring is thicker; so is a bold letter filling
   a tight row, next to the page's long rules); its line is placed by medians, so that a
   letter touching it does not pull it aside. The residual skew (a few tenths of a degree) is
   the rules' median slope, and every position follows it;
3. tables: a horizontal rule that meets (crosses or ends at) two vertical ones, and the
   vertical rules it meets, belong together; rules joined by meets make one table (pieces of
   a badly broken one that overlap are joined again). Text, a heading's underline, a signature
   and the arcs of a stamp meet no two rules;
4. boundaries: a table's rules at the same height make one row boundary, at the same x one
   column boundary. A table the page cut, whose frame runs on past its last horizontal rule,
   is closed where the frame ends;
5. edges: between two crossings, an edge is ruled when the page is inked along it nearly all
   the way, measured on the page itself: a rule broken by JPEG or toner still rules its edge,
   a letter standing on the line where a merged cell has no rule does not. A boundary that
   rules no edge, or a single short one (letters in a line, a bold letter filling a row),
   is dropped;
6. cells: cells joined by unruled edges are one merged cell, with its row and column spans.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import cv2
import numpy as np

MM_PER_INCH = 25.4
# binarisation: the neighbourhood is wider than a rule, so that a rule is darker than its mean
INK_WINDOW_MM = 3.0
INK_CONTRAST = 25  # grey levels under the neighbourhood's mean that make ink
# pieces
PINHOLE_MM = 0.25  # holes this long in a rule filled first: no longer, or accents weld to letters
RUN_MM = 2.0  # the opening keeps runs of ink this long
MAX_THICK_MM = 0.8  # a printed rule is thinner, blurred by the scan: a stamp's ring is thicker
# rules
MIN_RULE_MM = 4.0  # shorter is not a rule: a single-line row is ~5.5 mm tall
LONG_RULE_MM = 15.0  # longer is surely a rule: the page's rules are as thick as these
STEM = 1.6  # a short piece this many times thicker than the page's rules is a letter's stem
MAX_SLOPE = 0.02  # ~1.1 degrees: more than the residual skew of a deskewed page
# tables
MEET_MM = 1.2  # a rule's end this close to another rule meets it
SAME_LINE_MM = 0.8  # rules this close across make one row (or column) boundary
INKED = 0.8  # share of an edge inked along its line for it to be ruled: breaks leave more,
# a letter on the line where no rule is (its stem, an accent over it) leaves less
MIN_EDGE_MM = 3.0  # an edge this long at least makes its line a boundary: rows are taller
LONE_EDGE_MM = 7.0  # a boundary ruling a single edge: so long at least (a row a letter fills
# is shorter) ...
LONE_INKED = 0.95  # ... and inked so nearly all along
CROSSING_MM = 0.4  # the ends of an edge, inked by the rule across, left out of the share
CUT_MM = 4.0  # the frame running on this far past the last horizontal rule: the page cut it
MIN_TABLE_MM = 20.0  # a narrower grid is a stamp's star or a boxed letter, not a table


@dataclass(frozen=True)
class GridCell:
    row: int
    col: int
    row_span: int
    col_span: int
    box: tuple[int, int, int, int]  # x0, top, x1, bottom in pixels of the image


@dataclass(frozen=True)
class Grid:
    box: tuple[int, int, int, int]
    n_rows: int
    n_cols: int
    cells: list[GridCell]  # every cell once, merged cells once with their spans, by (row, col)
    cut_top: bool = False  # no top rule: closed where the vertical rules begin (page break)
    cut_bottom: bool = False  # no bottom rule: closed where the vertical rules end


@dataclass
class _Line:
    """A rule, or a boundary of a table: `along` is x for a horizontal one, y for a vertical
    one; its centre line is at cross = c0 + slope * along, the page's skew giving the slope."""

    c0: float
    a0: float  # where it begins and ends, along
    a1: float
    synthetic: bool = False  # a cut table's closing boundary, not inked


def find_grids(image: np.ndarray, dpi: float) -> list[Grid]:
    """image: 2-D uint8 grey, white paper (~255), dark ink; already deskewed (residual skew up
    to ~0.3 degrees) and upright. Grids top to bottom."""
    if image.ndim != 2 or image.dtype != np.uint8:
        raise ValueError(f"a 2-D uint8 grey image, not {image.ndim}-D {image.dtype}")
    px = dpi / MM_PER_INCH  # pixels per mm
    ink = _binarise(image, px)
    h_pieces = _pieces(ink, px, vertical=False)
    v_pieces = _pieces(ink, px, vertical=True)
    slope = _skew(h_pieces, v_pieces)  # dy/dx of a horizontal rule; a vertical: -slope
    horizontal = _rules(h_pieces, slope)
    vertical = _rules(v_pieces, -slope)
    grids = []
    for hs, vs in _tables(horizontal, vertical, slope, px):
        grid = _grid(hs, vs, slope, px, ink)
        if grid is not None:
            grids.append(grid)
    return sorted(grids, key=lambda g: (g.box[1], g.box[0]))


def _binarise(image: np.ndarray, px: float) -> np.ndarray:
    window = max(3, round(INK_WINDOW_MM * px) | 1)
    return cv2.adaptiveThreshold(
        image, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, window, INK_CONTRAST
    )


def _pieces(ink: np.ndarray, px: float, vertical: bool) -> np.ndarray:
    """Straight runs of ink in one direction long and thin enough to be rules: rows of
    (a0, a1, mid, cross, slope, thickness), along and across being y and x for vertical
    pieces, x and y for horizontal ones; slope is d(cross)/d(along) of the piece alone."""

    def kernel(length: float) -> np.ndarray:
        n = max(3, round(length) | 1)  # odd: an even kernel shifts what it opens or closes
        return np.ones((n, 1) if vertical else (1, n), np.uint8)

    lines = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, kernel(PINHOLE_MM * px))
    lines = cv2.morphologyEx(lines, cv2.MORPH_OPEN, kernel(RUN_MM * px))
    # contours rather than labelling: ~20 times faster on a page that is mostly paper
    contours, _ = cv2.findContours(lines, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    pieces = []
    for contour in contours:
        x, y, w, h = cv2.boundingRect(contour)
        if (h if vertical else w) < MIN_RULE_MM * px:
            continue  # a letter's stroke, a dash, an underlined word
        # a rule is thin all along: the arc of a stamp's ring, a blot, the rim of a filled
        # shape are thicker (the median: a letter touching the rule thickens it here and there)
        box = lines[y : y + h, x : x + w] > 0
        if not vertical:
            box = box.T  # along the rows from here: a vertical piece's y, a horizontal one's x
        count = np.count_nonzero(box, axis=1)
        thick = np.median(count)
        if thick > MAX_THICK_MM * px:
            continue
        # its centre line by medians of the centres across, so that a letter or a stamp
        # touching it here and there does not pull it aside: where it runs, and its slope
        # from its two halves
        along = np.flatnonzero(count)
        if len(along) < 2:
            continue
        centre = (box[along] @ np.arange(box.shape[1])) / count[along]
        half = len(along) // 2
        slope = (np.median(centre[half:]) - np.median(centre[:half])) / (
            np.median(along[half:]) - np.median(along[:half])
        )
        a0, c0 = (y, x) if vertical else (x, y)
        mid, cross = np.median(along), np.median(centre)
        pieces.append((a0, a0 + len(count) - 1, a0 + mid, c0 + cross, slope, thick))
    pieces = np.array(pieces, float).reshape(-1, 6)
    # a bold letter's stem in a row it fills, touching both rules, is as long as a short rule
    # but thicker than the page's rules (the long pieces)
    lengths = pieces[:, 1] - pieces[:, 0]
    long = lengths >= LONG_RULE_MM * px
    if long.any():
        thin = np.median(pieces[long, 5])
        pieces = pieces[long | (pieces[:, 5] <= max(STEM * thin, thin + 1))]
    return pieces


def _skew(horizontal: np.ndarray, vertical: np.ndarray) -> float:
    """The page's residual skew as the slope of its horizontal rules (a vertical rule's slope,
    dx/dy, is its negative): the median over the pieces, weighted by their length."""
    slopes = np.concatenate([horizontal[:, 4], -vertical[:, 4]])
    lengths = np.concatenate([horizontal[:, 1] - horizontal[:, 0], vertical[:, 1] - vertical[:, 0]])
    if not len(slopes):
        return 0.0
    return float(np.clip(_weighted_median(slopes, lengths), -MAX_SLOPE, MAX_SLOPE))


def _weighted_median(values: np.ndarray, weights: np.ndarray) -> float:
    order = np.argsort(values)
    cumulative = np.cumsum(weights[order])
    return float(values[order][np.searchsorted(cumulative, cumulative[-1] / 2)])


def _rules(pieces: np.ndarray, slope: float) -> list[_Line]:
    """The pieces as rules on the page's skew. (A rule broken into short pieces here and there
    is found by its long ones; its edges are measured on the page.)"""
    return [_Line(p[3] - slope * p[2], p[0], p[1]) for p in pieces]


def _runs_of(values: np.ndarray, tol: float) -> list[np.ndarray]:
    """Indices of values grouped, in order: a group spans no more than tol."""
    order = np.argsort(values)
    groups: list[list[int]] = []
    for i in order:
        if groups and values[i] - values[groups[-1][0]] <= tol:
            groups[-1].append(i)
        else:
            groups.append([i])
    return [np.array(g) for g in groups]


def _tables(
    hs: list[_Line], vs: list[_Line], slope: float, px: float
) -> list[tuple[list[_Line], list[_Line]]]:
    """The sets of rules that meet one another: (horizontal, vertical) rules of each."""
    if not hs or not vs:
        return []
    h = np.array([(r.c0, r.a0, r.a1) for r in hs])[:, None, :]
    v = np.array([(r.c0, r.a0, r.a1) for r in vs])[None, :, :]
    # where they cross: y = h.c0 + slope * x and x = v.c0 - slope * y
    x = (v[..., 0] - slope * h[..., 0]) / (1 + slope * slope)
    y = h[..., 0] + slope * x
    tol = MEET_MM * px
    meets = (
        (x >= h[..., 1] - tol)
        & (x <= h[..., 2] + tol)
        & (y >= v[..., 1] - tol)
        & (y <= v[..., 2] + tol)
    )
    # a horizontal rule meeting fewer than two vertical ones is an underline or a dash; the
    # pieces of a rule broken between two crossings count together
    c0 = np.array([r.c0 for r in hs])
    for group in _runs_of(c0, SAME_LINE_MM * px):
        if meets[group].any(axis=0).sum() < 2:
            meets[group] = False
    # union-find over the rules, horizontal 0..H-1 and vertical H..H+V-1
    parent = list(range(len(hs) + len(vs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in zip(*np.nonzero(meets), strict=True):
        parent[root(int(i))] = root(len(hs) + int(j))
    tables: dict[int, tuple[list[_Line], list[_Line]]] = {}
    for i in np.flatnonzero(meets.any(axis=1)):
        tables.setdefault(root(int(i)), ([], []))[0].append(hs[i])
    for j in np.flatnonzero(meets.any(axis=0)):
        tables.setdefault(root(len(hs) + int(j)), ([], []))[1].append(vs[j])
    # a table whose rules are broken may fall apart into pieces that overlap: joined again
    merged = list(tables.values())
    joined = True
    while joined:
        joined = False
        for a, b in itertools.combinations(range(len(merged)), 2):
            if _overlap(_extent(merged[a], slope), _extent(merged[b], slope), tol):
                merged[a][0].extend(merged[b][0])
                merged[a][1].extend(merged[b][1])
                del merged[b]
                joined = True
                break
    return merged


def _extent(table: tuple[list[_Line], list[_Line]], slope: float) -> tuple[float, ...]:
    """(x0, top, x1, bottom) of a set of rules, roughly (the skew aside)."""
    hs, vs = table
    xs = [a for r in hs for a in (r.a0, r.a1)] + [r.c0 - slope * r.a0 for r in vs]
    ys = [a for r in vs for a in (r.a0, r.a1)] + [r.c0 + slope * r.a0 for r in hs]
    return min(xs), min(ys), max(xs), max(ys)


def _overlap(a: tuple[float, ...], b: tuple[float, ...], tol: float) -> bool:
    return a[0] <= b[2] + tol and b[0] <= a[2] + tol and a[1] <= b[3] + tol and b[1] <= a[3] + tol


def _boundaries(rules: list[_Line], px: float) -> list[_Line]:
    """Rules on the same line (within SAME_LINE_MM) made into one boundary each, in order."""
    c0 = np.array([r.c0 for r in rules])
    boundaries = []
    for group in _runs_of(c0, SAME_LINE_MM * px):
        # where most of its length lies: a stamp's arc or a letter near the rule is off it
        lengths = np.array([rules[i].a1 - rules[i].a0 for i in group])
        a0, a1 = min(rules[i].a0 for i in group), max(rules[i].a1 for i in group)
        boundaries.append(_Line(_weighted_median(c0[group], lengths), a0, a1))
    return sorted(boundaries, key=lambda b: b.c0)


def _grid(
    hs: list[_Line], vs: list[_Line], slope: float, px: float, ink: np.ndarray
) -> Grid | None:
    rows = _boundaries(hs, px)
    cols = _boundaries(vs, px)

    # a table the page cut: its frame, the outer vertical rules, runs on past its last rule
    cut_top = cut_bottom = False
    frame = (cols[0], cols[-1])
    if all(c.a1 - _crossing(rows[-1], c, slope)[1] > CUT_MM * px for c in frame):
        y = min(c.a1 - slope * (c.c0 - slope * c.a1) for c in frame)
        rows.append(_Line(y, frame[0].c0, frame[1].c0, synthetic=True))
        cut_bottom = True
    if all(_crossing(rows[0], c, slope)[1] - c.a0 > CUT_MM * px for c in frame):
        y = max(c.a0 - slope * (c.c0 - slope * c.a0) for c in frame)
        rows.insert(0, _Line(y, frame[0].c0, frame[1].c0, synthetic=True))
        cut_top = True

    def edges(line: _Line, across: list[_Line], vertical: bool) -> list[bool]:
        return [inked >= INKED for _, _, inked in _edges(ink, line, across, vertical, slope, px)]

    def is_boundary(line: _Line, across: list[_Line], vertical: bool) -> bool:
        """It rules two edges, or the only one there is, or a single one that is long (a
        bold letter filling a tight row, touching both its rules, rules it) and inked all
        along (a stamp's ring and the letters beside it leave gaps)."""
        found = _edges(ink, line, across, vertical, slope, px)
        # between boundaries a stamp's arcs make a hair's breadth apart, anything inks an edge
        ruled = [(a1 - a0, inked) for a0, a1, inked in found
                 if inked >= INKED and a1 - a0 >= MIN_EDGE_MM * px]  # fmt: skip
        if len(ruled) != 1 or len(found) == 1:
            return len(ruled) > 0
        length, inked = ruled[0]
        return length >= LONE_EDGE_MM * px and inked >= LONE_INKED

    # a column (then a row) that rules no edge is letters on a line
    cols = [c for c in cols if is_boundary(c, rows, True)]
    rows = [r for r in rows if r.synthetic or is_boundary(r, cols, False)]
    if len(rows) < 2 or len(cols) < 2:
        return None
    floors = [edges(r, cols, False) for r in rows[1:-1]]  # floors[i][j]: under cell (i, j)
    walls = list(zip(*(edges(c, rows, True) for c in cols[1:-1]), strict=True))
    if not walls:  # a single column: no walls between cells
        walls = [()] * (len(rows) - 1)

    cells = []
    for row, col, row_span, col_span in _merge(floors, walls, len(cols) - 1):
        x0, y0 = _crossing(rows[row], cols[col], slope)
        x1, y1 = _crossing(rows[row + row_span], cols[col + col_span], slope)
        cells.append(
            GridCell(row, col, row_span, col_span, (round(x0), round(y0), round(x1), round(y1)))
        )
    box = (
        min(c.box[0] for c in cells),
        min(c.box[1] for c in cells),
        max(c.box[2] for c in cells),
        max(c.box[3] for c in cells),
    )
    if box[2] - box[0] < MIN_TABLE_MM * px:
        return None
    return Grid(box, len(rows) - 1, len(cols) - 1, cells, cut_top, cut_bottom)


def _edges(
    ink: np.ndarray, line: _Line, across: list[_Line], vertical: bool, slope: float, px: float
) -> list[tuple[float, float, float]]:
    """The line's edges between the boundaries across it: (start, end) along, and the share
    of it inked. An edge is ruled when the page is inked along it nearly all the way: measured
    on the page rather than on the pieces, a broken rule still rules its edge and a letter
    standing on the line where a merged cell has no rule (its stem, the accent over it) does
    not."""
    at = [_crossing(b, line, slope)[1] if vertical else _crossing(line, b, slope)[0]
          for b in across]  # fmt: skip
    if line.synthetic or len(at) < 2:
        return [(a0, a1, 0.0) for a0, a1 in itertools.pairwise(at)]
    inked = _inked(ink, line, slope, vertical, at[0], at[-1])
    start, margin = round(at[0]), CROSSING_MM * px
    edges = []
    for a0, a1 in itertools.pairwise(at):
        # the rule across inks both ends of every edge: left out
        stretch = inked[round(a0 + margin) - start : round(a1 - margin) - start + 1]
        edges.append((a0, a1, float(stretch.mean()) if stretch.size else 0.0))
    return edges


def _crossing(row: _Line, col: _Line, slope: float) -> tuple[float, float]:
    """(x, y) where a row boundary (y = c0 + slope x) and a column (x = c0 - slope y) meet."""
    x = (col.c0 - slope * row.c0) / (1 + slope * slope)
    return x, row.c0 + slope * x


def _inked(
    ink: np.ndarray, line: _Line, slope: float, vertical: bool, a0: float, a1: float
) -> np.ndarray:
    """Along the line from a0 to a1, pixel by pixel: ink within a pixel of it, across."""
    along = np.arange(round(a0), round(a1) + 1)
    cross = np.rint(line.c0 + (-slope if vertical else slope) * along).astype(int)
    height, width = ink.shape
    a = np.clip(along, 0, (height if vertical else width) - 1)
    hits = np.zeros(len(along), bool)
    for shift in (-1, 0, 1):
        c = np.clip(cross + shift, 0, (width if vertical else height) - 1)
        hits |= (ink[a, c] if vertical else ink[c, a]) > 0
    return hits


def _merge(floors: list[list[bool]], walls: list, n_cols: int) -> list[tuple[int, int, int, int]]:
    """(row, col, row_span, col_span) of each cell, in reading order: from each grid square not
    yet taken, right across unruled walls, then down while the span's whole floor is unruled
    and no wall inside it is ruled."""
    n_rows = len(walls)
    taken = np.zeros((n_rows, n_cols), bool)
    cells = []
    for r in range(n_rows):
        for c in range(n_cols):
            if taken[r, c]:
                continue
            c1 = c + 1
            while c1 < n_cols and not walls[r][c1 - 1] and not taken[r, c1]:
                c1 += 1
            r1 = r + 1
            while (
                r1 < n_rows
                and not any(floors[r1 - 1][c:c1])
                and not any(walls[r1][c : c1 - 1])
                and not taken[r1, c:c1].any()
            ):
                r1 += 1
            taken[r:r1, c:c1] = True
            cells.append((r, c, r1 - r, c1 - c))
    return cells
