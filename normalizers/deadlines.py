"""A printed deadline -> the last day it allows and its kind.

'Quý III/2025' -> (2025-09-30, quarter), 'Trước ngày 30/6/2025' -> (2025-06-30, date),
'Thường xuyên' -> (None, ongoing), 'Theo kế hoạch của huyện' -> (None, other).
The phrasings are data (data/lexicon/deadline_phrases.csv); the rules are:
- a phrase that runs on past its dates ('và các năm tiếp theo') is ongoing, with no last day;
- else the latest last day of its dated parts ('Quý I và Quý II/2025' -> 2025-06-30);
- else a recurring duty ('Hằng năm', 'Định kỳ') is ongoing; anything else printed is other.
A dated part without its year ('Quý III') takes the plan's year (`plan_year`).
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache

from extractors.plan.lexicon import read_rows

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


@dataclass(frozen=True)
class Deadline:
    date: date | None
    kind: str | None  # date | month | quarter | half | year | ongoing | other


@dataclass(frozen=True)
class _Part:
    """One dated part of a deadline, its year possibly missing."""

    kind: str
    year: int | None
    month: int  # the part's last month
    day: int | None = None  # None: the month's last day

    def last_day(self, year: int | None) -> date | None:
        year = self.year or year
        if year is None:
            return None
        day = self.day or calendar.monthrange(year, self.month)[1]
        try:
            return date(year, self.month, day)
        except ValueError:
            return None


@cache
def _phrases() -> tuple[tuple[str, re.Pattern[str]], ...]:
    rows = read_rows("lexicon/deadline_phrases.csv")
    return tuple((r["kind"], re.compile(r["pattern"], re.IGNORECASE)) for r in rows)


def _part(kind: str, groups: dict[str, str | None]) -> _Part | None:
    year = int(groups["year"]) if groups.get("year") else None
    if kind == "date":
        return _Part(kind, year, int(groups["month"]), int(groups["day"]))
    if kind == "month":
        return _Part(kind, year, int(groups["month"]))
    if kind == "quarter":
        number = groups["quarter"].lower()
        return _Part(kind, year, 3 * int(ROMAN.get(number, number)))
    if kind == "half":
        return _Part(kind, year, 6 if groups["half"].lower() == "đầu" else 12)
    if kind == "year":
        return _Part(kind, year, 12)
    return None


def _read(text: str) -> tuple[set[str], list[_Part]]:
    """The undated kinds the text names (open, ongoing) and its dated parts, in order."""
    kinds: set[str] = set()
    parts: list[_Part] = []
    rest = text
    for kind, pattern in _phrases():
        for match in pattern.finditer(rest):
            part = _part(kind, match.groupdict())
            if part is None:
                kinds.add(kind)
            elif 1 <= part.month <= 12:
                parts.append(part)
        # blank what matched, keeping offsets, so a later (less specific) row does not see it
        rest = pattern.sub(lambda m: " " * len(m.group()), rest)
    return kinds, parts


def printed_years(text: str | None) -> list[int]:
    """The years a deadline prints ('Quý I/2025' -> [2025])."""
    if not text:
        return []
    return [p.year for p in _read(text)[1] if p.year]


def plan_year(deadlines: Iterable[str | None], index_year: int | None) -> int | None:
    """The year a document's year-less deadlines ('Quý III') mean.

    The year its other deadlines print most (the latest on a tie): a plan states its own year
    more reliably than we can guess it. Else index year + 1: a plan answers one year's index
    results and is carried out in the next year.
    """
    years = Counter(y for text in deadlines for y in printed_years(text))
    if years:
        return max(years, key=lambda y: (years[y], y))
    return index_year + 1 if index_year else None


def parse_deadline(text: str | None, year: int | None = None) -> Deadline:
    """The last day a printed deadline allows.

    A part printed without its year takes the year the same text prints last ('Quý I và Quý
    II/2025'), else `year`, the plan's.
    """
    if not text or not text.strip():
        return Deadline(None, None)
    kinds, parts = _read(text)
    if "open" in kinds:
        return Deadline(None, "ongoing")
    own = [p.year for p in parts if p.year]
    year = own[-1] if own else year
    dated = [(day, p.kind) for p in parts if (day := p.last_day(year))]
    if dated:
        return Deadline(*max(dated))
    if parts:  # dated, but no year to place it in
        return Deadline(None, parts[-1].kind)
    return Deadline(None, "ongoing" if "ongoing" in kinds else "other")
