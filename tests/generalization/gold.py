"""The gold of a plan (FORMAT.md), filled in as the plan is written: only what it prints."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .numbers import as_float


def _clean(text: str | None) -> str | None:
    """The document's words, whitespace collapsed, leading bullet and trailing stop removed."""
    if text is None:
        return None
    text = " ".join(text.split()).lstrip("-+* ").rstrip(" .;")
    return text or None


@dataclass
class Gold:
    document: dict = field(default_factory=dict)
    scores: list[dict] = field(default_factory=list)
    deductions: list[dict] = field(default_factory=list)
    tasks: list[dict] = field(default_factory=list)

    def score(
        self,
        level: str,
        code: str | None,
        name: str | None,
        max_points: Decimal | None,
        score: Decimal | None,
        deducted: Decimal | None,
        *,
        index: str = "CCHC",
        rank: int | None = None,
        rank_of: int | None = None,
        reason: str | None = None,
    ) -> None:
        row = {
            "index": index,
            "level": level,
            "code": code,
            "name": _clean(name) if name else None,
            "max": as_float(max_points),
            "score": as_float(score),
            "deducted": as_float(deducted),
        }
        if level == "total":
            row.update(rank=rank, rank_of=rank_of)
        if level == "criterion":
            row["reason"] = _clean(reason)
        self.scores.append(row)

    def deduction(
        self, field_code: str, code: str | None, text: str, points, *, index: str = "CCHC"
    ) -> None:
        self.deductions.append(
            {
                "index": index,
                "field": field_code,
                "code": code,
                "text": _clean(text),
                "points": as_float(points),
            }
        )

    def task(
        self,
        field_code: str | None,
        text: str,
        lead: str | None = None,
        partners: str | None = None,
        deadline: str | None = None,
        *,
        code: str | None = None,
        index: str = "CCHC",
    ) -> None:
        self.tasks.append(
            {
                "index": index,
                "field": field_code,
                "code": code,
                "text": _clean(text),
                "lead": _clean(lead),
                "partners": _clean(partners),
                "deadline": _clean(deadline),
            }
        )

    def as_json(self, plan_id: str) -> dict:
        return {
            "id": plan_id,
            "document": self.document,
            "scores": self.scores,
            "deductions": self.deductions,
            "tasks": self.tasks,
        }
