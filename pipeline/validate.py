"""The numbers of one document checked against each other; findings never change them.

Stable check names: score_arithmetic, score_exceeds_max, implausible_value, criteria_vs_field,
groups_vs_field, fields_vs_group, fields_vs_total, narrative_vs_table, narrative_vs_section,
rank_range, implausible_year, recovered_value. (restatement_differs, unreadable_value and
unmatched_criterion come from extraction and coding; ambiguous_unit, unit_not_in_gazetteer,
unit_successor and unit_divided_2025 from placing the unit in the gazetteer,
pipeline/gazetteer.py.)
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date

from extractors.model import Deduction, Extraction, Finding, Score
from extractors.plan.recovery import TOLERANCE  # one rounding tolerance for points
from normalizers.codes import field_of

EARLIEST_YEAR = 2010
WHOLE_INDEX = 100.0  # an index's points when the document prints no total
COMPONENTS = ("XHH", "SIPAS", "KTXH")  # scored inside field 8


def _differs(a: float, b: float) -> bool:
    return abs(a - b) > TOLERANCE + 1e-9


def _fmt(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".")


def validate(extraction: Extraction) -> list[Finding]:
    scores = extraction.scores
    return [
        *_rows(scores),
        *_implausible(scores),
        *_criteria_vs_fields(scores),
        *_fields_vs_totals(scores),
        *_narrative(extraction.deductions, scores),
        *_ranks_and_years(extraction),
    ]


def _label(score: Score) -> str:
    return f"{score.index} {score.level} {score.code or ''}".strip()


def _rows(scores: list[Score]) -> list[Finding]:
    out = []
    for s in scores:
        if s.max_points is not None and s.score is not None:
            if s.score > s.max_points + TOLERANCE:
                out.append(
                    Finding(
                        "error",
                        "score_exceeds_max",
                        f"{_label(s)}: score {_fmt(s.score)} is above its maximum "
                        f"{_fmt(s.max_points)}",
                        "scores",
                        s.code,
                    )
                )
            if s.deducted is not None and _differs(s.max_points - s.score, s.deducted):
                out.append(
                    Finding(
                        "warning",
                        "score_arithmetic",
                        f"{_label(s)}: max {_fmt(s.max_points)} - score {_fmt(s.score)}"
                        f" = {_fmt(s.max_points - s.score)}, but "
                        f"{_fmt(s.deducted)} is printed as deducted",
                        "scores",
                        s.code,
                    )
                )
    return out


def _implausible(scores: list[Score]) -> list[Finding]:
    """Values no index allows: a part worth more than the whole index (its printed total, else
    100 points), or more points deducted than the part is worth."""
    whole = {s.index: s.max_points for s in scores if s.level == "total" and s.max_points}
    out = []
    for s in scores:
        if s.level == "total":
            continue
        limit = whole.get(s.index, WHOLE_INDEX)
        values = {"max": s.max_points, "score": s.score, "deducted": s.deducted}
        wrong = [f"{k} {_fmt(v)}" for k, v in values.items() if v is not None and v > limit]
        if s.deducted is not None and s.max_points is not None and s.deducted > s.max_points:
            wrong.append(f"deducted {_fmt(s.deducted)} above its max {_fmt(s.max_points)}")
        if wrong:
            out.append(
                Finding(
                    "error",
                    "implausible_value",
                    f"{_label(s)}: {', '.join(wrong)} (the whole index is {_fmt(limit)})",
                    "scores",
                    s.code,
                )
            )
    return out


def _leaves(rows: list[Score]) -> list[Score]:
    """Criteria that are no other printed criterion's parent (a parent and its children both
    printed would count twice)."""
    codes = {r.code for r in rows}
    return [r for r in rows if not any(c != r.code and c.startswith(r.code + ".") for c in codes)]


def _sum_check(check, owner: Score, parts: list[Score], what: str) -> Finding | None:
    if owner.deducted is None or not parts or any(p.deducted is None for p in parts):
        return None
    total = sum(p.deducted for p in parts)
    if not _differs(total, owner.deducted):
        return None
    return Finding(
        "warning",
        check,
        f"{_label(owner)}: its {what} add up to {_fmt(total)} points deducted, "
        f"the {owner.level} row says {_fmt(owner.deducted)}",
        "scores",
        owner.code,
    )


def _criteria_vs_fields(scores: list[Score]) -> list[Finding]:
    criteria = [s for s in scores if s.level == "criterion" and s.code]
    out = []
    for owner in scores:
        if owner.level == "field" and owner.code.isdigit():
            parts = _leaves(
                [c for c in criteria if c.index == owner.index and field_of(c.code) == owner.code]
            )
            out.append(_sum_check("criteria_vs_field", owner, parts, "criteria"))
            groups = [
                g
                for g in scores
                if g.level == "group"
                and g.index == owner.index
                and re.fullmatch(rf"{owner.code}[a-z]", g.code or "")
            ]
            out.append(_sum_check("groups_vs_field", owner, groups, "sub-groups"))
        elif owner.level == "group" and re.fullmatch(r"\d+[a-z]", owner.code or ""):
            parts = _leaves(
                [
                    c
                    for c in criteria
                    if c.index == owner.index and c.code.startswith(owner.code + ".")
                ]
            )
            out.append(_sum_check("criteria_vs_field", owner, parts, "criteria"))
    return [f for f in out if f]


def _fields_vs_totals(scores: list[Score]) -> list[Finding]:
    """Fields against a '1-7' group and against the total, summed over the same scale only."""
    out = []
    for index in {s.index for s in scores}:
        fields = {s.code: s for s in scores if s.index == index and s.level == "field"}
        ranges = [
            s
            for s in scores
            if s.index == index and s.level == "group" and re.fullmatch(r"\d+-\d+", s.code or "")
        ]
        covered: set[str] = set()
        parts: list[Score] = []
        for group in ranges:
            low, high = (int(x) for x in group.code.split("-"))
            members = [fields[str(n)] for n in range(low, high + 1) if str(n) in fields]
            out.extend(_compare(index, "fields_vs_group", group, members, f"fields {group.code}"))
            covered |= {str(n) for n in range(low, high + 1)}
            parts.append(group)
        for code, row in fields.items():
            if code in covered or (code in COMPONENTS and "8" in fields):
                continue
            parts.append(row)
        for total in (s for s in scores if s.index == index and s.level == "total"):
            out.extend(_compare(index, "fields_vs_total", total, parts, "fields"))
    return out


def _compare(index, check, owner: Score, parts: list[Score], what: str) -> list[Finding]:
    """Max, score and deducted of the parts against the owner's, when the parts are on the
    owner's scale (their maxima add up to its maximum)."""
    if not parts or owner.max_points is None or any(p.max_points is None for p in parts):
        return []
    if _differs(sum(p.max_points for p in parts), owner.max_points):
        return []
    out = []
    for attribute, word in (("score", "score"), ("deducted", "points deducted")):
        mine = getattr(owner, attribute)
        values = [getattr(p, attribute) for p in parts]
        if mine is None or any(v is None for v in values):
            continue
        if _differs(sum(values), mine):
            out.append(
                Finding(
                    "warning",
                    check,
                    f"{index} {owner.level} {owner.code or ''}: the {what} add up to "
                    f"{word} {_fmt(sum(values))}, the row says {_fmt(mine)}",
                    "scores",
                    owner.code,
                )
            )
    return out


def _narrative(items: list[Deduction], scores: list[Score]) -> list[Finding]:
    by_code = {(s.index, s.code): s for s in scores if s.level == "criterion" and s.code}
    out = []
    for item in items:
        row = by_code.get((item.index, item.code))
        known = row is not None and item.points is not None and row.deducted is not None
        if known and _differs(item.points, row.deducted):
            out.append(
                Finding(
                    "warning",
                    "narrative_vs_table",
                    f"{item.code}: the text says {_fmt(item.points)} points lost, "
                    f"the table {_fmt(row.deducted)}",
                    "deductions",
                    item.code,
                )
            )
        if (
            item.points is not None
            and item.point_readings
            and item.points != item.point_readings[0]
        ):
            out.append(
                Finding(
                    "info",
                    "recovered_value",
                    f"{item.code}: points printed as {_fmt(item.point_readings[0])} "
                    f"read as {_fmt(item.points)}, as the criteria table gives",
                    "deductions",
                    item.code,
                )
            )
    sections: dict[tuple, list[Deduction]] = defaultdict(list)
    for item in items:
        if item.field and item.points is not None:
            sections[(item.index, item.scope or item.field)].append(item)
    for (index, code), group in sections.items():
        owner = next(
            (
                s
                for s in scores
                if s.index == index and s.code == code and s.level in ("field", "group")
            ),
            None,
        )
        if owner is not None and owner.deducted is not None:
            total = sum(i.points for i in group)
            if _differs(total, owner.deducted):
                out.append(
                    Finding(
                        "warning",
                        "narrative_vs_section",
                        f"{index} {owner.level} {code}: its narrative items add up to "
                        f"{_fmt(total)} points, the section says "
                        f"{_fmt(owner.deducted)}",
                        "deductions",
                        code,
                    )
                )
    return out


def _ranks_and_years(extraction: Extraction) -> list[Finding]:
    out = []
    for s in extraction.scores:
        if s.rank is not None and (s.rank < 1 or (s.rank_of is not None and s.rank > s.rank_of)):
            out.append(
                Finding(
                    "error",
                    "rank_range",
                    f"{_label(s)}: rank {s.rank} of {s.rank_of}",
                    "scores",
                    s.code,
                )
            )
    this_year = date.today().year
    year = extraction.info.index_year
    if year is not None and not EARLIEST_YEAR <= year <= this_year:
        out.append(
            Finding(
                "warning",
                "implausible_year",
                f"index year {year} is outside {EARLIEST_YEAR}..{this_year}",
                "documents",
                None,
            )
        )
    for decision in extraction.info.decisions:
        if decision.date is not None and decision.date > date.today():
            out.append(
                Finding(
                    "warning",
                    "implausible_year",
                    f"decision {decision.number} is dated {decision.date}, in the future",
                    "documents",
                    None,
                )
            )
    return out
