"""Scores at every level, from score tables and from prose, merged into one row per score.

A document often states a score twice (the summary table's row and the section's "Tổng số điểm
bị trừ: 4,495 điểm"): both are the same (index, level, code) row; values one statement lacks are
taken from the other, and a disagreement is reported, never averaged.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz

from extractors.model import Finding, Score
from extractors.plan import recovery, tables
from extractors.plan.fields import match_field
from extractors.plan.outline import Line, Section, TableAt, index_named, subject
from extractors.plan.statements import Facts, fields_counted, read_facts, restates_points
from normalizers.codes import field_of
from normalizers.ocr import code_misread
from normalizers.text import clean, clean_value, fold

PRINTED = 100.0
GROUP_NAME_MATCH = 60  # match_score of a code printed in the document
_TIEU_CHI = re.compile(r"^(?:tiêu chí|lĩnh vực)(?: số)?\s+\w+\s*:\s*", re.IGNORECASE)
_BEFORE_VERB = re.compile(r"\s+(?:đạt|được đánh giá|được chấm)\b.*$", re.IGNORECASE)


@dataclass
class ScoreBook:
    """Scores keyed by (index, level, code), in the order first stated."""

    rows: dict[tuple, Score] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    group_names: dict[str, str] = field(default_factory=dict)  # '7a' -> printed name

    def add(self, new: Score) -> None:
        old = self.rows.get(new.key)
        if old is None:
            self.rows[new.key] = new
            return
        for attribute in ("max_points", "score", "deducted", "rank", "rank_of", "reason", "name"):
            mine, theirs = getattr(old, attribute), getattr(new, attribute)
            if mine is None:
                setattr(old, attribute, theirs)
            elif theirs is not None and attribute not in ("reason", "name") and mine != theirs:
                self.findings.append(
                    Finding(
                        "warning",
                        "restatement_differs",
                        f"{new.level} {new.code or new.index}: {attribute} is printed as "
                        f"{mine} and elsewhere as {theirs}; the first is kept",
                        "scores",
                        new.code,
                    )
                )


_SCORE_FIELDS = {"max": "max_points", "score": "score", "deducted": "deducted"}


def collect_scores(events: list[Line | TableAt]) -> ScoreBook:
    book = ScoreBook()
    for event in events:
        if isinstance(event, TableAt):
            _table_scores(event, book)
    for event in events:
        if isinstance(event, Line):
            _line_scores(event, book)
    return book


# ---- tables --------------------------------------------------------------------------------


def _table_scores(at: TableAt, book: ScoreBook) -> None:
    reading = at.reading
    if reading is None or reading.kind != "scores":
        return
    index = at.section.index
    field = at.section.inherited("field")
    for row in reading.rows:
        if at.table.ocr and row.key:
            row = replace(row, key=code_misread(row.key))
        if row.heading is not None:
            field = _heading(tables.normalize_code(row.key or ""), row.heading, index, field, book)
            continue
        values = {r: tables.points(row, r) for r in ("max", "score", "deducted")}
        name = row.text("name")
        code = tables.normalize_code(row.key or "")
        if code is None:
            code, name = tables.leading_code(name)
        # before the row is taken for a heading: OCR may have misread every one of its numbers
        recovered = _recover(row, values, code or name, book) if at.table.ocr else set()
        if all(v is None for v in values.values()):
            # a field or group printed as a row with empty value cells ("1 | CÔNG TÁC CHỈ ĐẠO")
            field = _heading(code, name, index, field, book) if name else field
            _report_unreadable(row, code or name, book)
            continue
        level, code, match = _row_level(row, code, name, index)
        if level is None:
            continue
        _report_unreadable(row, code or name, book, skip=recovered)
        field = code if level == "field" else (field_of(code) if code else field)
        book.add(
            Score(
                index=index,
                level=level,
                code=code,
                name=name if level != "total" else None,  # "TỔNG CỘNG" names no score
                max_points=values["max"],
                score=values["score"],
                deducted=values["deducted"],
                reason=row.text("reason") if level == "criterion" else None,
                match_score=match,
                page=row.page or at.table.prov.page,
                field=field,
            )
        )


def _heading(code: str | None, text: str, index: str, field: str | None, book: ScoreBook):
    """A heading row of a score table: the field the rows below it are in (a sub-group's
    printed name is kept for the narrative sections that name it)."""
    if code and not code[-1].isdigit():
        book.group_names[code] = text
    matched = match_field(text, index)
    return matched[0] if matched else (field_of(code) if code else field)


def _recover(row: tables.Row, values: dict, what: str | None, book: ScoreBook) -> set[str]:
    """Values OCR misread in a table row, put right by the row's arithmetic (plan.recovery),
    and said so; the roles recovered."""
    printed = {role: tables.printed(row, role) for role in recovery.ROLES}
    found = recovery.recover(printed, values)
    for cell in found:
        values[cell.role] = cell.value
    _say_recovered(found, what or "a table row", "cell", tables.normalize_code(row.key or ""), book)
    return {cell.role for cell in found}


def _recover_stated(score: Score, printed: dict[str, str], book: ScoreBook) -> None:
    """A score stated in a sentence read by OCR, put right by its own arithmetic like a table
    row, when the sentence states all three numbers."""
    values = {"max": score.max_points, "score": score.score, "deducted": score.deducted}
    found = recovery.recover(printed, values)
    for cell in found:
        setattr(score, _SCORE_FIELDS[cell.role], cell.value)
    _say_recovered(found, score.code or score.name or "the total", "stated", score.code, book)


def _say_recovered(found, what: str, where: str, code: str | None, book: ScoreBook) -> None:
    for cell in found:
        book.findings.append(
            Finding(
                "info",
                "recovered_value",
                f"{what}: the {cell.role} {where} reads {clean(cell.printed)!r} by OCR; read as "
                f"{cell.value:g}, with which max - score = deducted",
                "scores",
                code,
            )
        )


def _report_unreadable(
    row: tables.Row, what: str | None, book: ScoreBook, skip: set[str] | None = None
) -> None:
    """A points cell that holds no one number is left empty, and said so: one cell never costs
    more than itself."""
    for role in sorted(tables.POINTS_ROLES - (skip or set())):
        printed = tables.unreadable(row, role)
        if printed:
            book.findings.append(
                Finding(
                    "warning",
                    "unreadable_value",
                    f"{what or 'a table row'}: the {role} cell prints {printed!r}, which is not "
                    "one number of points; it is left empty",
                    "scores",
                    tables.normalize_code(row.key or ""),
                )
            )


def _row_level(row, code, name, index) -> tuple[str | None, str | None, float | None]:
    if tables.is_total(row):
        return "total", None, None
    if code and "." in code:
        return "criterion", code, PRINTED
    if code and not code.isdigit():
        return "group", code, PRINTED
    matched = match_field(name, index) if name else None
    if matched:
        return "field", matched[0], matched[1]
    if name:
        # a criterion printed by name (a plain number beside it counts rows): the catalog
        # step gives its code
        return "criterion", None, None
    if code:
        return "field", code, PRINTED
    return None, None, None


# ---- prose ---------------------------------------------------------------------------------


def _line_scores(line: Line, book: ScoreBook) -> None:
    if line.zone not in ("preamble", "body"):
        return
    section = line.section
    restates = line.label in ("result", "deducted") or (
        line.label == "deficiency" and restates_points(line.value)
    )
    if restates and section.inherited("field"):
        facts = read_facts(line.body)
        if facts:
            book.add(_section_score(section, facts, line, book))
        return
    if line.label is not None or line.state in ("deficiency", "tasks", "assign"):
        return
    for index, clause in _clauses_by_index(line.body, section.index):
        facts = read_facts(clause)
        if facts:
            score = _stated_score(clause, facts, section, index, line)
            if score is not None:
                if line.ocr:
                    _recover_stated(score, facts.printed, book)
                book.add(score)


def _section_score(section: Section, facts: Facts, line: Line, book: ScoreBook) -> Score:
    group = section.group_section
    if group is not None:
        code = group_code(group, book.group_names)
        return _score(section.index, "group", code, group.title, facts, line)
    owner = next(s for s in section.chain() if s.field and s.is_field)
    return _score(section.index, "field", owner.field, owner.title, facts, line)


def group_code(section: Section, printed: dict[str, str]) -> str:
    """A sub-group's code: the printed group row whose name is closest, else its order (7a, 7b)."""
    candidates = {c: n for c, n in printed.items() if c.startswith(section.field or "")}
    if candidates:
        closeness = {
            c: fuzz.token_set_ratio(fold(section.title), fold(n)) for c, n in candidates.items()
        }
        best = max(closeness, key=closeness.get)
        if closeness[best] >= GROUP_NAME_MATCH:
            return best
    return f"{section.field}{string.ascii_lowercase[section.subgroup - 1]}"


def _stated_score(clause: str, facts: Facts, section: Section, index: str, line: Line):
    """What a sentence's score is the score of: a field it names, a group of fields, or the
    total when it stands outside any field."""
    about = _BEFORE_VERB.sub("", subject(_TIEU_CHI.sub("", clause)))
    # a heading's own field is what it states; the field around it is its parent's
    around = section.parent if line.is_heading and section.parent else section
    inside = around.inherited("field")
    if facts.has_points:
        matched = match_field(about, index, inside)
        if matched:
            return _score(index, "field", matched[0], about, facts, line)
        counted = fields_counted(clause)
        if counted:
            name = clean_value(about.split("(")[0])
            return _score(index, "group", f"1-{counted}", name, facts, line)
    stated = facts.has_points or facts.rank is not None
    whole = facts.max_points == recovery.MOST_POINTS  # no part of an index is out of 100
    if inside is None and stated and (whole or not _among_fields(line)):
        return _score(index, "total", None, None, facts, line)
    return None


def _among_fields(line: Line) -> bool:
    """A heading whose sibling headings are fields names a part of the index (one the field
    catalog does not know), not the whole."""
    parent = line.section.parent
    return line.is_heading and parent is not None and any(c.is_field for c in parent.children)


def _clauses_by_index(text: str, default: str) -> list[tuple[str, str]]:
    """A sentence may state the CCHC and the PAPI results one after the other; split it where
    the index it speaks of changes."""
    out: list[tuple[str, str]] = []
    for clause in re.split(r";\s*", text):
        index = index_named(clause)
        if out and (index is None or index == out[-1][0]):
            out[-1] = (out[-1][0], f"{out[-1][1]}; {clause}")
        else:
            out.append((index or default, clause))
    return out


def _score(index, level, code, name, facts: Facts, line: Line) -> Score:
    return Score(
        index=index,
        level=level,
        code=code,
        name=clean_value(name) if name else None,
        max_points=facts.max_points,
        score=facts.score,
        deducted=facts.deducted,
        rank=facts.rank if level == "total" else None,
        rank_of=facts.rank_of if level == "total" else None,
        match_score=None if level == "total" else PRINTED,
        page=line.page,
    )
