"""Score and task tables, whatever their column order and header wording.

Column roles come from the header cells' words (data/lexicon/table_columns.csv). A printed row is
a row, unless its key cell is merged down from the row above (one item on several rows), or, where
a row can come in pieces (a table broken by a page, a borderless table whose wrapped lines were
found as rows), it has no key and no values of its own. A row that is one wide cell ("7a XÂY DỰNG
...", "VĂN PHÒNG THỐNG KÊ CHỦ TRÌ THỰC HIỆN") heads the rows below it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from rapidfuzz import fuzz

from extractors.plan import lexicon
from extractors.plan.fields import squeezed
from normalizers.numbers import parse_points
from normalizers.text import clean, clean_item, clean_value, fold, strip_accents

_CODE = re.compile(r"^\d{1,2}[a-h]?(?:\.\d{1,2})*$")
_TOTAL = re.compile(r"^(?:tổng|cộng)\b", re.IGNORECASE)
HEADER_ROWS_SEARCHED = 3


def leading_code(text: str | None) -> tuple[str | None, str | None]:
    """'1.2.1. Thực hiện chế độ báo cáo' -> ('1.2.1', 'Thực hiện chế độ báo cáo'), for tables
    that print the code in the name's cell."""
    match = re.match(r"^(\d{1,2}[a-z]?(?:\.\s?\d{1,2})+)\.?\s+(.+)$", text or "")
    if not match:
        return None, text
    return normalize_code(match.group(1)), match.group(2)


def normalize_code(text: str) -> str | None:
    """'5. 8' -> '5.8', '7a.3.2.3 ' -> '7a.3.2.3', '1.' -> '1', OCR's '1;2,1' -> '1.2.1';
    None when not a code."""
    code = re.sub(r"\s+", "", clean(text)).replace(";", ".").replace(",", ".")
    code = code.strip("._|").lower()
    return code if _CODE.match(code) else None


def drop_rulings(text: str) -> str:
    """Table borders that OCR read as characters ('|', '¡', '_' standing alone)."""
    return re.sub(r"(?:^|(?<=\s))[|¡_]+(?=\s|$)", " ", text)


@dataclass
class Layout:
    header_rows: int
    roles: dict[str, int]  # role -> column
    header: list[str]

    @property
    def kind(self) -> str | None:
        if POINTS_ROLES & self.roles.keys():
            return "scores"
        if {"lead", "partners", "deadline"} & self.roles.keys() and "task" in self.roles:
            return "tasks"
        return None


@dataclass
class Row:
    """One logical row: its cells' texts by role, continuation rows folded in."""

    key: str | None
    cells: dict[str, list[list[str]]]  # role -> the cell's paragraphs, one list per printed row
    index: int
    heading: str | None = None  # the text of a row that is one wide cell
    page: int | None = None  # the page the row starts on (a table may run over pages)

    def text(self, role: str) -> str | None:
        """The role's words, a cell's lines and its continuation rows joined by spaces."""
        value = " ".join(p for part in self.cells.get(role, []) for p in part if p.strip())
        return clean_item(drop_rulings(value)) or None

    def values(self, role: str) -> str | None:
        """A short value whose continuation rows each add one ('A; B'), repeats dropped."""
        parts = [clean_value(drop_rulings(" ".join(part))) for part in self.cells.get(role, [])]
        return "; ".join(dict.fromkeys(p for p in parts if p)) or None


@lru_cache(maxsize=1 << 12)  # each row of a table is checked for a repeated header
def _roles_in(header: str, columns=None) -> tuple[str, ...]:
    """The roles a header cell names, in the order it names them (a scan may merge two
    headers into one cell: "Bộ phận phối hợp | Thời gian")."""
    found: dict[str, int] = {}
    header = strip_accents(header)
    for role, pattern in columns or lexicon.table_columns():
        match = pattern.search(header)
        if match and not any(start <= match.start() < end for start, end in found.values()):
            found[role] = (match.start(), match.end())
    return tuple(sorted(found, key=lambda role: found[role][0]))


def layout(grid: list[list]) -> Layout | None:
    """Find the header row(s) and the role of each column: the header goes on over a row that
    cells of the row above are merged into ("Điểm" over "Tối đa | Đạt | Bị trừ") when that row
    names more roles."""
    best = None
    for h in range(min(HEADER_ROWS_SEARCHED, len(grid))):
        if h and any(c is not None and _is_points(c.text) for c in grid[h]):
            break  # a row of points is data: the header ended above it
        if best is not None and not _merged_from_above(grid, h):
            break  # nothing above is merged into this row: it is no part of the header
        found = _roles_at(grid, h)
        if found is not None and (best is None or len(found.roles) > len(best.roles)):
            best = found
    return best


def _merged_from_above(grid: list[list], h: int) -> bool:
    """A cell of an earlier row spans down into row h (a header cell over two rows)."""
    return any(
        cell is not None and cell.row_span > 1 and r + cell.row_span > h
        for r, row in enumerate(grid[:h])
        for cell in row
    )


def _roles_at(grid: list[list], h: int) -> Layout | None:
    """The layout if the header is the first h + 1 rows."""
    texts = _column_texts(grid[: h + 1])
    # a narrow column wraps its header inside words ("Điể / m / bị / trừ"): read it without
    # spaces too
    named = [_roles_in(fold(t)) or _roles_in(fold(t).replace(" ", ""), _compact()) for t in texts]
    roles: dict[str, int] = {}
    for col, names in enumerate(named):
        for i, role in enumerate(names[:2]):
            # a second role named in one cell belongs to the next column if it has none
            target = col + i
            if i and (target >= len(named) or named[target]):
                break
            roles.setdefault(role, target)
    _garbled_headers(roles, texts)
    _contents_are_tasks(roles)
    found = Layout(h + 1, roles, [fold(t) for t in texts])
    if len(roles) >= 3 and found.kind:
        return found
    return None


def _garbled_headers(roles: dict[str, int], texts: list[str]) -> None:
    """A header OCR garbled ("Điể m thể m địn h", "Iĩnhvực") read by its likeness to the usual
    wordings, for the column a header leaves out: the third points role where it names two,
    the name where it names none."""
    wanted = {"name"} - roles.keys()
    missing = POINTS_ROLES - roles.keys()
    if len(missing) == 1:
        wanted |= missing
    for role in sorted(wanted):
        taken = set(roles.values())
        alike = [
            col
            for col, text in enumerate(texts)
            if col not in taken and _like_column_name(squeezed(fold(text)), role)
        ]
        if len(alike) == 1:
            roles[role] = alike[0]


def _like_column_name(header: str, role: str) -> bool:
    return any(
        fuzz.ratio(header, squeezed(fold(name))) >= GARBLED_HEADER
        for name in lexicon.column_names().get(role, ())
    )


def _contents_are_tasks(roles: dict[str, int]) -> None:
    """'Nội dung | Đơn vị chủ trì | Thời gian' (no points): the contents column holds the tasks."""
    units = {"lead", "partners", "deadline"} & roles.keys()
    if units and "name" in roles and not ({"task"} | POINTS_ROLES) & roles.keys():
        roles["task"] = roles.pop("name")


def is_header_row(cells: list) -> bool:
    """A header printed again on a later page (a scan may read it a little differently)."""
    texts = [c.text for c in cells if c is not None and c.text.strip()]
    named = sum(bool(_roles_in(fold(t))) for t in texts)
    return named >= 2 and not any(_is_points(t) for t in texts)


@cache
def _compact() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The column patterns without their spaces, for headers read without theirs."""
    return tuple(
        (role, re.compile(p.pattern.replace(" ", ""), p.flags))
        for role, p in lexicon.table_columns()
    )


def _column_texts(rows: list[list]) -> list[str]:
    width = max(len(r) for r in rows)
    texts = [""] * width
    for row in rows:
        for col, cell in enumerate(row):
            if cell is None:
                continue
            for c in range(col, min(width, col + cell.col_span)):
                texts[c] = f"{texts[c]} {cell.text}".strip()
    return texts


def rows(grid: list[list], found: Layout, rows_from_text: bool = False) -> list[Row]:
    """Data rows with their roles; repeated headers dropped, continuations merged upward."""
    out: list[Row] = []
    key_col = found.roles.get("key", 0)
    width = len(grid[0]) if grid else 0
    last_page = None
    for r, cells in enumerate(grid[found.header_rows :], start=found.header_rows):
        present = [c for c in cells if c is not None]
        if not present or not any(c.text.strip() for c in present):
            continue
        if [fold(t) for t in _column_texts([cells])] == found.header or is_header_row(cells):
            continue  # a header repeated on a new page
        wide = next((c for c in present if c.col_span >= max(2, width - 2)), None)
        key_cell = cells[key_col] if key_col < len(cells) else None
        key = clean(key_cell.text) if key_cell is not None and key_cell is not wide else ""
        page = present[0].page
        broken = rows_from_text or (page is not None and last_page is not None and page > last_page)
        last_page = page
        if wide is not None:
            out.append(Row(key or None, {}, r, heading=clean(wide.text), page=page))
            continue
        row = Row(key or None, _by_role(cells, found), r, page=page)
        # a key cell merged down over this row says it is the same item, printed on more rows
        same_item = key_cell is None and not _own_points(row)
        if out and out[-1].heading is None and (same_item or broken and _continuation(row)):
            for role, parts in row.cells.items():
                out[-1].cells.setdefault(role, []).extend(parts)
        else:
            out.append(row)
    return out


def _by_role(cells: list, found: Layout) -> dict[str, list[list[str]]]:
    by_role: dict[str, list[list[str]]] = {}
    for role, col in found.roles.items():
        cell = cells[col] if col < len(cells) else None
        if cell is not None and role != "key":
            by_role[role] = [list(cell.paragraphs)]
    return by_role


def _continuation(row: Row) -> bool:
    """The rest of the row above: no key, no total, no value of its own, only words."""
    if row.key or is_total(row) or row.text("deadline"):
        return False
    return not _own_points(row)


def _own_points(row: Row) -> bool:
    return any(row.text(role) for role in POINTS_ROLES)


@dataclass
class TableReading:
    kind: str
    rows: list[Row] = field(default_factory=list)
    layout: Layout | None = None


POINTS_ROLES = {"max", "score", "deducted"}


def read_table(grid: list[list], rows_from_text: bool = False) -> TableReading | None:
    """The table's kind, layout and rows; rows_from_text: the reader found the rows from text
    alignment (no rules), so one printed row's wrapped lines may come as several."""
    found = layout(grid)
    inferred = inferred_layout(grid)
    if inferred and (found is None or _points_roles(inferred) > _points_roles(found)):
        found = inferred  # the header named fewer of the points columns than the cells show
    found = found or inferred_task_layout(grid)
    if found is None or found.kind is None:
        return None
    return TableReading(found.kind, rows(grid, found, rows_from_text), found)


NUMERIC_SHARE = 0.6  # a column whose filled cells are mostly points is a points column


def inferred_layout(grid: list[list]) -> Layout | None:
    """A score table whose header cannot be read (a scan merged or garbled it), laid out from
    its contents: the points columns in order are max, score, deducted (the one printed with
    minus signs is deducted); the text left of them is the name, right of them the reason."""
    if len(grid) < 3:
        return None
    texts = [[(c.text if c is not None else "").strip() for c in row] for row in grid]
    header_rows = next((i for i, row in enumerate(texts) if any(_is_points(t) for t in row)), None)
    if not header_rows:
        return None
    body = texts[header_rows:]
    width = max(len(row) for row in texts)
    numeric, signed = [], set()
    for col in range(1, width):  # the first column holds the codes
        cells = [row[col] for row in body if col < len(row) and row[col]]
        if cells and sum(_is_points(t) for t in cells) >= NUMERIC_SHARE * len(cells):
            numeric.append(col)
            if sum(t.lstrip().startswith(("-", "–")) for t in cells) >= NUMERIC_SHARE * len(cells):
                signed.add(col)
    if not 2 <= len(numeric) <= 3 or numeric[0] < 2:
        return None
    roles = {"key": 0, "name": numeric[0] - 1}
    unsigned = [c for c in numeric if c not in signed]
    roles.update(zip(("max", "score"), unsigned, strict=False))
    if signed:
        roles["deducted"] = min(signed)
    elif len(unsigned) == 3:
        roles["deducted"] = unsigned[2]
    after = [c for c in range(numeric[-1] + 1, width) if c not in numeric]
    between = [c for c in range(numeric[0], numeric[-1]) if c not in numeric]
    if after or between:
        roles["reason"] = (between or after)[0]
    return Layout(header_rows, roles, [fold(t) for t in _column_texts(grid[:header_rows])])


def _points_roles(found: Layout) -> int:
    return len(POINTS_ROLES & found.roles.keys())


def _is_points(text: str) -> bool:
    return parse_points(text) is not None


def is_total(row: Row) -> bool:
    return bool(_TOTAL.match(row.key or "") or _TOTAL.match(row.text("name") or ""))


def points(row: Row, role: str) -> float | None:
    return parse_points(printed(row, role))


def unreadable(row: Row, role: str) -> str | None:
    """What a points cell prints when it holds digits that are no one number of points ('11,5
    95,25', OCR's '0.53.81'); a dash or words ('-', 'Không chấm') are no value, not an error."""
    text = printed(row, role)
    if any(c.isnumeric() for c in text) and parse_points(text) is None:
        return clean(text)
    return None


def printed(row: Row, role: str) -> str:
    """A cell's text as printed. Its lines stay apart: a line break inside a number is a wrap,
    a space is not."""
    return "\n".join(p for part in row.cells.get(role, []) for p in part)


GARBLED_HEADER = 80  # likeness (0-100) of a header OCR garbled to its usual wording
DEADLINE_SHARE = 0.5  # a column whose cells mostly read like deadlines is the deadline column
TASK_LENGTH = 25  # characters: a task column's cells are sentences


def inferred_task_layout(grid: list[list]) -> Layout | None:
    """A task table whose header cannot be read, laid out from its contents: the column of
    deadlines ("Thường xuyên", "Quý I/2025"), the column of sentences (the tasks), and the unit
    column between them: partners when section rows name the lead ("... CHỦ TRÌ THỰC HIỆN"),
    else the lead."""
    width = max((len(row) for row in grid), default=0)
    if width < 3 or len(grid) < 3:
        return None
    texts = [[(c.text if c is not None else "").strip() for c in row] for row in grid]
    body = texts[1:]
    filled = [[row[c] for row in body if c < len(row) and row[c]] for c in range(width)]
    deadline = max(range(width), key=lambda c: _deadline_share(filled[c]))
    if _deadline_share(filled[deadline]) < DEADLINE_SHARE:
        return None
    lengths = [sum(map(len, cells)) / len(cells) if cells else 0 for cells in filled]
    task = max((c for c in range(width) if c != deadline), key=lambda c: lengths[c])
    if lengths[task] < TASK_LENGTH:
        return None
    roles = (
        {"key": 0, "task": task, "deadline": deadline}
        if task
        else {"task": 0, "deadline": deadline}
    )
    units = [c for c in range(task + 1, width) if c != deadline and filled[c]]
    if units:
        named = any("chu tri" in strip_accents(fold(" ".join(row))) for row in texts)
        roles["partners" if named else "lead"] = units[0]
    return Layout(1, roles, [fold(t) for t in _column_texts(grid[:1])])


def _deadline_share(cells: list[str]) -> float:
    if not cells:
        return 0.0
    return sum(bool(lexicon.deadline_words().search(t)) for t in cells) / len(cells)
