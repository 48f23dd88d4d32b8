"""A field's remediation tasks, and where the plan puts who leads them, with whom, by when."""

from __future__ import annotations

from dataclasses import dataclass

from .phrases import DEADLINES, LABELS, LEADS, PARTNERS, TASKS
from .writer import Writer

TASK_HEADS = ("Nhiệm vụ, giải pháp:", "Giải pháp khắc phục:", "Nhiệm vụ giải pháp khắc phục:")


@dataclass
class Assignment:
    lead: str | None
    partners: str | None
    deadline: str | None


def texts(w: Writer, index: str, field: str, k: int | None = None) -> list[str]:
    bank = TASKS[(index, field)]
    k = min(len(bank), k or w.rng.randint(2, 4))
    return [w.facts.fill(t) for t in w.rng.sample(bank, k)]


def assignment(w: Writer, field: str, *, partners: bool = True) -> Assignment:
    leads = LEADS.get(field, LEADS["PAPI"])
    return Assignment(
        w.rng.choice(leads),
        w.rng.choice(PARTNERS) if partners and w.rng.random() < 0.85 else None,
        w.facts.fill(w.rng.choice(DEADLINES)),
    )


def write(w: Writer, index: str, field: str, items: list[str], *, head: bool = False) -> None:
    """Writes a field's tasks under the plan's label layout, and their gold. `head`: the
    section printed other items first, so the tasks need their "Nhiệm vụ, giải pháp:" line."""
    layout = w.dims["task_labels"]
    bullet = w.dims.get("task_bullet", "-")
    if head and layout in ("none", "after_each", "assignment"):
        w.para(w.rng.choice(TASK_HEADS), indent=False)
    if layout == "none":
        for text in items:
            w.para(f"{bullet} {text}")
            w.gold.task(field, text, index=index)
        return
    lead_label, partners_label, deadline_label = LABELS[w.dims["label_wording"]]
    shared = assignment(w, field)

    def labels(a: Assignment, mark: str) -> None:
        w.para(f"{mark} {lead_label}: {a.lead}.")
        if a.partners:
            w.para(f"{mark} {partners_label}: {a.partners}.")
        w.para(f"{mark} {deadline_label}: {a.deadline}.")

    if layout == "before":
        labels(shared, "-")
        w.para(f"- {w.rng.choice(TASK_HEADS)}")
        for text in items:
            w.para(f"+ {text}")
            w.gold.task(field, text, shared.lead, shared.partners, shared.deadline, index=index)
    elif layout == "after_each":
        for text in items:
            own = assignment(w, field) if w.rng.random() < 0.5 else shared
            w.para(f"- {text}")
            labels(own, "+")
            w.gold.task(field, text, own.lead, own.partners, own.deadline, index=index)
    elif layout == "after_group":
        w.para(w.rng.choice(TASK_HEADS), indent=False)
        for text in items:
            w.para(f"{bullet} {text}")
            w.gold.task(field, text, shared.lead, shared.partners, shared.deadline, index=index)
        labels(shared, "+" if bullet == "-" else "-")
    else:  # one assignment sentence closes the section
        for text in items:
            w.para(f"{bullet} {text}")
            w.gold.task(field, text, shared.lead, shared.partners, shared.deadline, index=index)
        with_whom = f", phối hợp với {shared.partners.lower()}" if shared.partners else ""
        w.para(
            f"Giao {shared.lead} chủ trì{with_whom} thực hiện các nhiệm vụ trên; thời gian "
            f"hoàn thành: {shared.deadline}."
        )
        if shared.partners:
            w.gold.tasks[-len(items) :] = [
                {**t, "partners": shared.partners.lower()} for t in w.gold.tasks[-len(items) :]
            ]
