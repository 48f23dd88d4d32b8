"""Narrative deductions paired with the same document's criteria table.

An item's code is the code the document gives it: the row of the item's field (and sub-group)
with the same points, among the rows no other item has, that the item names (it opens with the
row's name, however damaged: see matcher.Query) or else whose words are closest (compared
without accents: plans drop and misplace tone marks). An item whose points are the sum of
sibling rows (one sentence for 7b.2.2.1 + 7b.2.2.2) gets their parent code.
"""

from __future__ import annotations

from collections import defaultdict

from rapidfuzz import fuzz

from extractors.criteria.catalog import Entry
from extractors.criteria.matcher import ACCEPT, Query
from extractors.model import Deduction, Score
from normalizers.codes import field_of
from normalizers.text import fold, strip_accents

MIN_WORDS_MATCH = 30  # with equal points, the words need only agree a little
WORDS_ONLY_MATCH = 75  # without printed points, the words must agree closely
TOLERANCE = 1e-9


def pair_with_criteria(items: list[Deduction], criteria: list[Score]) -> None:
    """Codes for the uncoded items from the coded criteria rows of the same document; a row
    another item has the code of is not paired again."""
    taken = {(i.index, i.code) for i in items if i.code}
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
        _pair(group, [r for r in rows if (index, r.code) not in taken])
        _pair_with_parents(group, rows, {code for i, code in taken if i == index})


def _plain(text: str) -> str:
    return strip_accents(fold(text))


def _similarity(item: Deduction, row: Score) -> float:
    text = _plain(item.text)
    return max(
        fuzz.token_set_ratio(text, _plain(other)) for other in (row.name, row.reason) if other
    )


def _agrees(item: Deduction, value: float | None) -> float | None:
    """The reading of the item's points that equals value, if any."""
    if value is None:
        return None
    return next((r for r in item.point_readings if abs(r - value) <= TOLERANCE), None)


def _pair(items: list[Deduction], rows: list[Score]) -> None:
    """One row per item, best evidence first."""
    queries = [Query.of(item.text, narrative=True) for item in items]
    names = [Entry.of(row.code, row.name or "") for row in rows]
    candidates = []
    for i, item in enumerate(items):
        for j, row in enumerate(rows):
            reading = _agrees(item, row.deducted)
            evidence = _evidence(item, row, reading, queries[i], names[j])
            if evidence is not None:
                candidates.append((evidence, i, j, reading))
    taken_items, taken_rows = set(), set()
    for (_, _, words, _), i, j, reading in sorted(candidates, reverse=True):
        if i in taken_items or j in taken_rows:
            continue
        taken_items.add(i)
        taken_rows.add(j)
        _settle(items[i], rows[j].code, words, reading)


def _evidence(item, row, reading, query: Query, name: Entry) -> tuple | None:
    """How sure it is that the item is about the row, to sort by; None when it is not: the same
    points (the item's `reading` of them), then the row the item names ("Tỷ lệ hồ sơ thanh toán
    trực tuyến ..." holds all the words of "Tỷ lệ hồ sơ trực tuyến" too, but names the other),
    then the closest words."""
    words = _similarity(item, row)
    if reading is not None:
        enough = words >= MIN_WORDS_MATCH
    else:
        enough = not item.point_readings and words >= WORDS_ONLY_MATCH
    if not enough:
        return None
    opening = query.closeness_to(name) if query and name.forms else 0.0
    return (reading is not None, opening >= ACCEPT, words, opening)


def _pair_with_parents(items: list[Deduction], rows: list[Score], taken: set[str]) -> None:
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
            if parent in known or parent in taken or len(kids) < 2:
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
