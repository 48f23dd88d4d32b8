"""Scores stated in prose: 'đạt 12,2/15 điểm', 'xếp thứ 18/23', 'Tổng điểm 100, điểm đạt 85,13
điểm còn thiếu 14,87 điểm', '(-4 điểm)', 'Tổng số điểm bị trừ: 4,495 điểm'."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields

from normalizers.numbers import NUMBER, parse_number

N = rf"({NUMBER})"
UNIT = r"\s*(?:điểm|đ)\b"
# "12,2/15 điểm", "12,2 điểm/15 điểm", "12,2 điểm trên tổng số 15 điểm"
OUT_OF = r"\s*(?:điểm\s*)?(?:/|trên(?: tổng số)?(?: điểm)?)\s*"
_FRACTION = re.compile(rf"{N}{OUT_OF}{N}{UNIT}", re.IGNORECASE)
_AFTER_FRACTION = re.compile(rf"^\s*[,;]?\s*\(\s*[-–−]?\s*{N}{UNIT}\s*\)", re.IGNORECASE)
_MAX = re.compile(rf"tổng (?:số )?điểm(?: tối đa)?(?: là)?\s*:?\s*{N}", re.IGNORECASE)
_SCORE = re.compile(
    rf"(?<!chưa )(?:đạt|điểm thẩm định|số điểm)(?: (?!bị\b|trừ\b|thiếu\b)[^\d\s,;.():]+){{0,3}}"
    rf"(?: là)?\s*:?\s*{N}{UNIT}",
    re.IGNORECASE,
)
_DEDUCTED = re.compile(
    rf"(?:bị trừ|còn thiếu|chưa đạt|mất|trừ)\s*:?\s*\(?\s*{N}{UNIT}", re.IGNORECASE
)
_RANK = re.compile(
    # "thứ5": a scan may lose the space before the number
    r"(?:xếp|đứng)(?: hạng)?(?:\s+(?=\d)| thứ\s*)(\d{1,3})"
    r"(?:\s*(?:/|trên(?: tổng số)?)\s*(\d{1,3}))?",
    re.IGNORECASE,
)
_GROUP = re.compile(r"gồm (\d{1,2}) (?:tiêu chí|lĩnh vực)", re.IGNORECASE)


@dataclass
class Facts:
    max_points: float | None = None
    score: float | None = None
    deducted: float | None = None
    rank: int | None = None
    rank_of: int | None = None
    # role (max, score, deducted) -> the number as printed, for a reading OCR may have slipped on
    printed: dict[str, str] = field(default_factory=dict, compare=False)

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) is not None for f in fields(self) if f.name != "printed")

    @property
    def has_points(self) -> bool:
        return self.max_points is not None or self.score is not None


def read_facts(text: str) -> Facts:
    facts = Facts()
    fraction = _FRACTION.search(text)
    if fraction:
        facts.printed.update(score=fraction[1], max=fraction[2])
        after = _AFTER_FRACTION.match(text[fraction.end() :])
        if after:
            facts.printed["deducted"] = after[1]
    else:
        for role, pattern in (("max", _MAX), ("score", _SCORE)):
            if found := pattern.search(text):
                facts.printed[role] = found[1]
    if "deducted" not in facts.printed and (deducted := _DEDUCTED.search(text)):
        facts.printed["deducted"] = deducted[1]
    facts.max_points, facts.score, facts.deducted = (
        parse_number(facts.printed[role]) if role in facts.printed else None
        for role in ("max", "score", "deducted")
    )
    rank = _RANK.search(text)
    if rank:
        facts.rank = int(rank[1])
        facts.rank_of = int(rank[2]) if rank[2] else None
    return facts


_RESTATED = re.compile(r"^(?:bị trừ|trừ|mất)?\s*[\d.,]+\s*điểm\.?$", re.IGNORECASE)


def restates_points(text: str | None) -> bool:
    """'bị trừ 2.31 điểm' under "Hạn chế:" restates the section's score; it is not a
    shortcoming of its own."""
    return bool(text) and bool(_RESTATED.match(text.strip()))


def fields_counted(text: str) -> int | None:
    """'Đánh giá qua các tiêu chí (gồm 7 tiêu chí ...)' -> 7: a subtotal over fields 1..7."""
    match = _GROUP.search(text)
    return int(match[1]) if match else None
