"""Narrative 'lost points' items ("Nội dung tồn tại: A (-1,5 điểm); B (-0.25 điểm)", "Hạn chế:"
bullets) and the criterion each is about.

An item's code is the code the same document prints for it in its criteria table: the row of the
item's field (and sub-group) with the same points and the closest words. An item whose points
are the sum of sibling rows (one sentence for 7b.2.2.1 + 7b.2.2.2) gets their parent code.
"""

from __future__ import annotations

import re
from collections import defaultdict

from rapidfuzz import fuzz

from extractors.model import Deduction, Score
from extractors.plan.catalog import field_of
from extractors.plan.outline import Line, TableAt
from extractors.plan.scores import ScoreBook, group_code
from extractors.plan.statements import restates_points
from normalizers.numbers import NUMBER, point_readings
from normalizers.text import clean_item, fold

_POINTS = re.compile(
    rf"\(\s*(?:bị\s+)?(?:trừ\s*:?\s*)?[-–−]?\s*({NUMBER})\s*(?:điểm|đ)\s*\)"
    rf"|,?\s*\b(?:bị\s+)?trừ\s*:?\s*({NUMBER})\s*(?:điểm|đ)\b",
    re.IGNORECASE,
)
_PRINTED_CODE = re.compile(
    r"^tiêu chí(?: thành phần)?(?: số)?\s+(\d{1,2}[a-z]?(?:\.\d{1,2})+)\s*[:.-]?\s*", re.IGNORECASE
)
_NOTHING = re.compile(r"^(?:không|không có|chưa có)\.?$", re.IGNORECASE)
SEPARATORS = " ;.,"
MIN_WORDS_MATCH = 30  # with equal points, the words need only agree a little
WORDS_ONLY_MATCH = 75  # without printed points, the words must agree closely
TOLERANCE = 1e-9


def collect_deductions(events: list[Line | TableAt], book: ScoreBook) -> list[Deduction]:
    out: list[Deduction] = []
    for line in events:
        if not isinstance(line, Line) or line.zone != "body" or line.is_heading:
            continue
        if line.label == "deficiency":
            text = line.value
        elif line.label is None and (
            line.state == "deficiency"
            or (line.state is None and line.section.section_kind == "deficiency")
        ):
            text = line.body
        else:
            continue
        if not text or _NOTHING.match(text) or restates_points(text):
            continue
        section = line.section
        group = section.group_section
        scope = group_code(group, book.group_names) if group else None
        for words, readings in split_items(text):
            item = Deduction(
                index=section.index,
                field=section.inherited("field"),
                text=words,
                points=readings[0] if readings else None,
                page=line.page,
                point_readings=readings,
                scope=scope,
            )
            printed = _PRINTED_CODE.match(words)
            if printed:
                item.code, item.match_score = printed.group(1).lower(), 100.0
                item.field = item.field or field_of(item.code)
            out.append(item)
    assign_codes(out, [s for s in book.rows.values() if s.level == "criterion"])
    return out


def split_items(text: str) -> list[tuple[str, tuple[float, ...]]]:
    """'A (-1,5 điểm); B (-0.25 điểm)' -> [('A', (1.5,)), ('B', (0.25,))]."""
    markers = list(_POINTS.finditer(text))
    if not markers:
        words = clean_item(text).strip(SEPARATORS)
        return [(words, ())] if words else []
    items = []
    start = 0
    for marker in markers:
        words = clean_item(text[start : marker.start()].lstrip(SEPARATORS)).strip(SEPARATORS)
        if words:
            items.append((words, point_readings(marker.group(1) or marker.group(2))))
        start = marker.end()
    return items


def _similarity(item: Deduction, row: Score) -> float:
    text = fold(item.text)
    return max(fuzz.token_set_ratio(text, fold(other)) for other in (row.name, row.reason) if other)


def _agrees(item: Deduction, value: float | None) -> float | None:
    """The reading of the item's points that equals value, if any."""
    if value is None:
        return None
    return next((r for r in item.point_readings if abs(r - value) <= TOLERANCE), None)


def assign_codes(items: list[Deduction], criteria: list[Score]) -> None:
    by_scope: dict[tuple, list[Deduction]] = defaultdict(list)
    for item in items:
        if item.field is not None and item.code is None:
            by_scope[(item.index, item.field, item.scope)].append(item)
    for (index, field, scope), group in by_scope.items():
        rows = [
            r
            for r in criteria
            if r.index == index
            and r.code is not None
            and field_of(r.code) == field
            and (scope is None or r.code.startswith(scope))
        ]
        _pair(group, rows)
        _pair_with_parents(group, rows)


def _pair(items: list[Deduction], rows: list[Score]) -> None:
    candidates = []
    for i, item in enumerate(items):
        for j, row in enumerate(rows):
            words = _similarity(item, row)
            reading = _agrees(item, row.deducted)
            if reading is not None and words >= MIN_WORDS_MATCH:
                candidates.append((1, words, i, j, reading))
            elif not item.point_readings and words >= WORDS_ONLY_MATCH:
                candidates.append((0, words, i, j, None))
    taken_items, taken_rows = set(), set()
    for _, words, i, j, reading in sorted(candidates, reverse=True):
        if i in taken_items or j in taken_rows:
            continue
        taken_items.add(i)
        taken_rows.add(j)
        _settle(items[i], rows[j].code, words, reading)


def _pair_with_parents(items: list[Deduction], rows: list[Score]) -> None:
    """Items still without a code whose points are the sum of all of a parent's child rows."""
    children: dict[str, list[Score]] = defaultdict(list)
    for row in rows:
        if "." in row.code:
            children[row.code.rsplit(".", 1)[0]].append(row)
    known = {r.code for r in rows}
    for item in items:
        if item.code is not None or not item.point_readings:
            continue
        for parent, kids in children.items():
            if parent in known or len(kids) < 2:
                continue
            reading = _agrees(item, sum(k.deducted or 0 for k in kids))
            if reading is not None:
                words = max(_similarity(item, k) for k in kids)
                _settle(item, parent, words, reading)
                break


def _settle(item: Deduction, code: str, words: float, reading: float | None) -> None:
    item.code = code
    item.match_score = round(words, 1)
    if reading is not None:
        item.points = reading
