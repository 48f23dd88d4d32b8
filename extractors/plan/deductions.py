"""Narrative 'lost points' items ("Nội dung tồn tại: A (-1,5 điểm); B (-0.25 điểm)", "Hạn chế:"
bullets) and the criterion each is about.

A code printed in the item itself ("Tiêu chí 5.8: ...") is kept; the others are coded with the
run's criterion codes (extractors.criteria): from the same document's criteria table first.
"""

from __future__ import annotations

import re

from extractors.model import Deduction
from extractors.plan.outline import Line, TableAt
from extractors.plan.scores import ScoreBook, group_code
from extractors.plan.statements import restates_points
from normalizers.codes import field_of
from normalizers.numbers import NUMBER, point_readings
from normalizers.text import clean_item

# a lone "I" or "l" before "điểm" is OCR's 1 ("bị trừ I điểm")
_AMOUNT = rf"{NUMBER}|[Il](?=\s*(?:điểm|đ)\b)"
_POINTS = re.compile(
    rf"\(\s*(?:bị\s+)?(?:trừ\s*:?\s*)?[-–−]?\s*({_AMOUNT})\s*(?:điểm|đ)\s*\)"
    rf"|,?\s*\b(?:bị\s+)?trừ\s*:?\s*({_AMOUNT})\s*(?:điểm|đ)\b",
    re.IGNORECASE,
)
_PRINTED_CODE = re.compile(
    r"^tiêu chí(?: thành phần)?(?: số)?\s+(\d{1,2}[a-z]?(?:\.\d{1,2})+)\s*[:.-]?\s*", re.IGNORECASE
)
_NOTHING = re.compile(r"^(?:không|không có|chưa có)\.?$", re.IGNORECASE)
SEPARATORS = " ;.,"


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
            amount = marker.group(1) or marker.group(2)
            items.append((words, point_readings("1" if amount.isalpha() else amount)))
        start = marker.end()
    return items
