"""Remediation tasks: the items under "Nhiệm vụ, giải pháp" / "Giải pháp", the paragraphs of a
solutions section, and the rows of task tables, each with its lead unit, partners and deadline.

Not tasks: the general instructions of "TỔ CHỨC THỰC HIỆN", purposes, side notes ("* ..."),
pointers to an appendix, and in a report (BÁO CÁO) the actions already taken (its results).
"""

from __future__ import annotations

import re

from extractors.model import Task
from extractors.plan.actors import own_actor, parse_assignment
from extractors.plan.fields import match_field
from extractors.plan.outline import Line, Section, TableAt, find_label
from normalizers.codes import field_of
from normalizers.text import clean_item, clean_value, sentence_case

_REFERENCE = re.compile(
    r"tiêu chí(?: thành phần)?(?: số)?\s+(\d{1,2}[a-z]?(?:\.\d{1,2})*)", re.IGNORECASE
)
_POINTER = re.compile(r"chi tiết (?:tại|theo) phụ lục", re.IGNORECASE)
_LEAD_ROW = re.compile(r"^(?P<unit>.+?)\s+chủ trì(?:\s+thực hiện)?\s*:?$", re.IGNORECASE)
NOT_TASKS = {"purpose", "organization", "results", "appendix"}


def collect_tasks(events: list[Line | TableAt]) -> list[Task]:
    out: list[Task] = []
    from_prose: list[tuple[Task, Section]] = []
    for event in events:
        if isinstance(event, TableAt):
            out.extend(_table_tasks(event))
            continue
        words = _task_words(event)
        if not words:
            continue
        section = event.section
        lead, partners = _own_units(event, words)
        task = Task(
            index=section.index,
            field=section.inherited("field"),
            text=words,
            lead=lead,
            partners=partners,
            page=event.page,
        )
        _apply_reference(task)
        from_prose.append((task, section))
        out.append(task)
    # a section's units and deadline may be stated after its tasks ("d) Giao ...")
    for task, section in from_prose:
        task.lead = task.lead or clean_value(section.inherited("lead"))
        task.partners = task.partners or clean_value(section.inherited("partners"))
        task.deadline = clean_value(section.inherited("deadline"))
    return out


def _task_words(line: Line) -> str | None:
    if line.zone != "body" or line.section.section_kind in NOT_TASKS:
        return None
    if line.is_heading:
        numbered = line.is_bare_item and line.section.parent.section_kind == "solutions"
        return clean_item(line.body) if numbered and not _POINTER.search(line.body) else None
    if line.label == "tasks":
        value = line.value or ""
        return clean_item(value) if value and not value.endswith(":") else None
    if line.label is not None or line.marker.label == "*":
        return None
    if line.body.endswith(":") or _POINTER.search(line.body):
        return None
    if line.state in ("tasks", "assign") or (
        line.state is None and line.section.section_kind == "solutions"
    ):
        return clean_item(line.body) or None
    return None


def _own_units(line: Line, words: str) -> tuple[str | None, str | None]:
    """A task that names its own doer: 'Giao X phối hợp với Y ...' or 'Bộ phận X tích cực ...'."""
    labelled = find_label(words)
    if labelled and labelled[0] == "assign":
        return parse_assignment(labelled[1])
    return own_actor(words), None


def _apply_reference(task: Task) -> None:
    """'(Tiêu chí thành phần 1.2)' ties a task to criterion 1.2 of field 1."""
    match = _REFERENCE.search(task.text)
    if not match:
        return
    code = match.group(1).lower()
    if "." in code:
        task.code = code
    task.field = task.field or field_of(code)


def _table_tasks(at: TableAt) -> list[Task]:
    reading = at.reading
    if reading is None or reading.kind != "tasks":
        return []
    out = []
    lead = None
    field = at.section.inherited("field")
    for row in reading.rows:
        if row.heading is not None:
            unit = _LEAD_ROW.match(row.heading)
            if unit:
                lead = sentence_case(clean_value(unit.group("unit")))
            else:
                matched = match_field(row.heading, at.section.index)
                field = matched[0] if matched else field
            continue
        words = row.text("task")
        if not words:
            continue
        task = Task(
            index=at.section.index,
            field=field,
            text=words,
            lead=row.values("lead") or lead,
            partners=row.values("partners"),
            deadline=row.values("deadline"),
            page=row.page or at.table.prov.page,
        )
        _apply_reference(task)
        out.append(task)
    return out
