"""Remediation tasks: the items under "Nhiệm vụ, giải pháp" / "Giải pháp", the paragraphs of a
solutions section, and the rows of task tables, each with its lead unit, partners and deadline.

Not tasks: the general instructions of "TỔ CHỨC THỰC HIỆN", purposes, side notes ("* ..."),
pointers to an appendix, and in a report (BÁO CÁO) the actions already taken (its results).

In prose the lead, partners and deadline stand in label lines ("+ Cơ quan chủ trì: ...",
"Giao X chủ trì, phối hợp với Y; thời gian hoàn thành: ..."): after each task, once after or
before a group, or above the sub-sections. Which tasks a set covers is read per section from its
own layout (_give_units); a task's own labels and the doer its words name come first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from extractors.model import Task
from extractors.plan import lexicon
from extractors.plan.actors import own_actor, parse_assignment
from extractors.plan.fields import match_field
from extractors.plan.outline import UNIT_LABELS, Line, Section, TableAt, find_label
from normalizers import units as unit_names  # a module: normalizers.units reads the lexicon
from normalizers.codes import field_of
from normalizers.ocr import quarter_misread
from normalizers.text import clean_item, clean_value, sentence_case, strip_accents

_REFERENCE = re.compile(
    r"tiêu chí(?: thành phần)?(?: số)?\s+(\d{1,2}[a-z]?(?:\.\d{1,2})*)", re.IGNORECASE
)
# matched on the row without its marks (OCR reads bold capitals without them: "CHU TRI")
_LEAD_ROW = re.compile(r"^(?P<unit>.+?)\s+chu tri(?:\s+thuc hien)?\s*:?$", re.IGNORECASE)
_CLAUSE = re.compile(r"(?<=[;,.])\s+")  # where a label may open a clause inside a line
NOT_TASKS = {"purpose", "organization", "results", "appendix"}
COLON_LABELS = ("lead", "partners", "deadline")  # labels that may also open a clause


@dataclass(frozen=True)
class Units:
    """Who does a task and by when; any of the three may be unknown."""

    lead: str | None = None
    partners: str | None = None
    deadline: str | None = None

    def over(self, fallback: Units) -> Units:
        """These units, completed by the fallback's where they say nothing."""
        return Units(
            self.lead or fallback.lead,
            self.partners or fallback.partners,
            self.deadline or fallback.deadline,
        )


NOBODY = Units()


@dataclass
class _Draft:
    """A task read from the prose, before its section's labels are given to it."""

    task: Task
    labels: Units  # labels written inside the task's own line ("...; thời hạn: Quý I/2025")
    named: Units  # the unit its words name as the doer ("Bộ phận Một cửa rà soát ...")


Entry = _Draft | Units  # a section's prose, in order: its tasks and its label lines
Run = list[_Draft] | Units  # consecutive tasks, or consecutive label lines merged


def collect_tasks(events: list[Line | TableAt]) -> list[Task]:
    out: list[Task] = []
    prose: dict[Section, list[Entry]] = {}
    # a numbered task opens a section of its own: its labels belong to the list it stands in
    items: set[Section] = set()
    previous = None
    for event in events:
        if isinstance(event, TableAt):
            out.extend(_table_tasks(event))
            continue
        entry = _prose_entry(event, previous)
        previous = event
        if entry is None:
            continue
        if isinstance(entry, _Draft):
            out.append(entry.task)
            if event.is_heading:
                items.add(event.section)
        owner = event.section.parent if event.section in items else event.section
        prose.setdefault(owner, []).append(entry)
    _give_units(prose)
    return out


# ---- what a line of prose is: a task, a set of labels, or neither --------------------------


def _prose_entry(line: Line, previous: Line | None) -> Entry | None:
    if line.zone != "body" or line.section.section_kind in NOT_TASKS:
        return None
    if line.gives_units:
        return _label_units(line.label, line.value)
    if _completes(previous, line):
        return Units(**{previous.label: line.body})
    words = _task_words(line)
    return _draft(line, words) if words else None


def _completes(previous: Line | None, line: Line) -> bool:
    """The line is the value of a label that ends the line before ("Đơn vị chủ trì:")."""
    return (
        previous is not None
        and previous.label in COLON_LABELS
        and not previous.value
        and previous.section is line.section
        and line.label is None
        and not line.is_heading
    )


def _task_words(line: Line) -> str | None:
    if line.is_heading:
        numbered = line.is_bare_item and line.section.parent.section_kind == "solutions"
        return clean_item(line.body) if numbered and not _assigns_nothing(line.body) else None
    if line.label == "tasks":
        value = line.value or ""
        return clean_item(value) if value and not value.endswith(":") else None
    if line.label is not None or line.marker.label == "*":
        return None
    if line.body.endswith(":") or _assigns_nothing(line.body) or not _in_task_scope(line):
        return None
    return clean_item(line.body) or None


def _assigns_nothing(body: str) -> bool:
    return bool(lexicon.not_tasks().search(clean_item(body)))


def _in_task_scope(line: Line) -> bool:
    """An unlabelled line is a task under a tasks label or an assignment, in a solutions
    section, or after a label saying who does tasks (task, labels, task, labels) - but not in
    a list of deficiencies, where such a label is one deficiency's and the next line another."""
    kind = line.section.section_kind
    if line.state in ("tasks", "assign") or (line.state is None and kind == "solutions"):
        return True
    return line.state in UNIT_LABELS and kind != "deficiency"


def _draft(line: Line, words: str) -> _Draft:
    text, labels = _split_labels(words)
    section = line.section
    task = Task(index=section.index, field=section.inherited("field"), text=text, page=line.page)
    _apply_reference(task)
    return _Draft(task, labels, _named_units(text))


def _label_units(kind: str, value: str) -> Units:
    """A label line's units: its own value, then any label clause after it ("Giao X chủ trì,
    phối hợp với Y; thời gian hoàn thành: Tháng 6/2025")."""
    head, rest = _split_labels(value)
    own = Units(*parse_assignment(head)) if kind == "assign" else Units(**{kind: head})
    return own.over(rest)


def _split_labels(text: str) -> tuple[str, Units]:
    """A line's words before its first label clause, and the units its label clauses give
    ("Rà soát TTHC; thời hạn: Quý I/2025" -> "Rà soát TTHC", deadline "Quý I/2025")."""
    head, *clauses = _CLAUSE.split(text)
    words, labelled = [head], []
    for clause in clauses:
        label = _clause_label(clause)
        if label:
            labelled.append(label)
        elif labelled:  # a clause of the label's value: "Chủ trì: Văn phòng, Tư pháp"
            labelled[-1] = (labelled[-1][0], f"{labelled[-1][1]} {clause}")
        else:
            words.append(clause)
    units = NOBODY
    for kind, value in labelled:
        units = units.over(Units(**{kind: value}))
    return " ".join(words).rstrip(";,") if labelled else text, units


def _clause_label(clause: str) -> tuple[str, str] | None:
    """A clause that opens with a lead, partners or deadline label and its value."""
    label = find_label(clause)
    return label if label and label[0] in COLON_LABELS and label[1] else None


def _named_units(words: str) -> Units:
    """A task that names its own doer: 'Giao X phối hợp với Y ...' or 'Bộ phận X tích cực ...'."""
    labelled = find_label(words)
    if labelled and labelled[0] == "assign":
        return Units(*parse_assignment(labelled[1]))
    return Units(own_actor(words))


# ---- whose labels a task takes: decided per section from its layout -------------------------


def _give_units(prose: dict[Section, list[Entry]]) -> None:
    runs = {section: _runs(entries) for section, entries in prose.items()}
    openings = {section: _opening(section_runs) for section, section_runs in runs.items()}
    for section, section_runs in runs.items():
        before = _labels_come_before(section_runs)
        general = _unclaimed(section_runs, before).over(_inherited(section, openings))
        for tasks, cover in _covers(section_runs, before):
            for draft in tasks:
                _settle(draft, cover, alone=len(tasks) == 1, general=general)


def _runs(entries: list[Entry]) -> list[Run]:
    """The section's prose as alternating runs: consecutive tasks, consecutive label lines."""
    runs: list[Run] = []
    for entry in entries:
        last = runs[-1] if runs else None
        if isinstance(entry, Units) and isinstance(last, Units):
            runs[-1] = last.over(entry)
        elif isinstance(entry, _Draft) and isinstance(last, list):
            last.append(entry)
        else:
            runs.append(entry if isinstance(entry, Units) else [entry])
    return runs


def _labels_come_before(runs: list[Run]) -> bool:
    """Which way the section's label sets point: the reading that gives a set to more of its
    tasks. Sets close the tasks before them (task, labels, task, labels; or one set after all)
    or head those after them (labels, tasks, labels, tasks; or one set before all); closing
    when both readings cover as many, as a set after each task is the commoner layout."""
    return _covered(runs, before=True) > _covered(runs, before=False)


def _covered(runs: list[Run], before: bool) -> int:
    return sum(len(tasks) for tasks, cover in _covers(runs, before) if cover != NOBODY)


def _covers(runs: list[Run], before: bool) -> Iterator[tuple[list[_Draft], Units]]:
    """Each run of tasks with the label set that covers it (NOBODY when none does)."""
    step = -1 if before else 1
    for i, run in enumerate(runs):
        if isinstance(run, list):
            j = i + step
            cover = runs[j] if 0 <= j < len(runs) and isinstance(runs[j], Units) else NOBODY
            yield run, cover


def _unclaimed(runs: list[Run], before: bool) -> Units:
    """The set no run of tasks takes (ahead of the first task where sets close their tasks,
    after the last where they head them): it is the whole section's."""
    edge = runs[-1] if before else runs[0]
    return edge if isinstance(edge, Units) else NOBODY


def _opening(runs: list[Run]) -> Units:
    """The labels a section states before its first task (all of them when it has no tasks of
    its own): they also cover its sub-sections."""
    return runs[0] if isinstance(runs[0], Units) else NOBODY


def _inherited(section: Section, openings: dict[Section, Units]) -> Units:
    """What the headings above the section state before their first task, the nearest first."""
    units = NOBODY
    for ancestor in list(section.chain())[1:]:
        units = units.over(openings.get(ancestor, NOBODY))
    return units


def _settle(draft: _Draft, cover: Units, alone: bool, general: Units) -> None:
    """A task's units, the most specific first: labels of its own (in its line, or the set
    covering it alone), the doer its words name, the set covering its group, then the
    section's and its parents'."""
    own, group = (cover, NOBODY) if alone else (NOBODY, cover)
    units = draft.labels.over(own).over(draft.named).over(group).over(general)
    draft.task.lead = unit_names.restore_marks(clean_value(units.lead))
    draft.task.partners = unit_names.restore_marks(clean_value(units.partners))
    draft.task.deadline = quarter_misread(clean_value(units.deadline))


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
            unit = _LEAD_ROW.match(strip_accents(row.heading))
            if unit:
                printed = sentence_case(clean_value(row.heading[: unit.end("unit")]))
                lead = unit_names.restore_marks(printed)
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
            lead=unit_names.restore_marks(row.values("lead")) or lead,
            partners=unit_names.restore_marks(row.values("partners")),
            deadline=quarter_misread(row.values("deadline")),
            page=row.page or at.table.prov.page,
        )
        _apply_reference(task)
        out.append(task)
    return out
