"""Canonical criterion codes for the whole run: learn, override, match, ask for review.

1. learn: every (code, name, max points) a criteria table of the folder prints, per province and
   index year;
2. for each document, items without a code get one: criteria printed by name only first (a
   user override, data/overrides.csv, else the matcher over the province-year catalog and what
   was learned); then narrative deductions the document's own table did not code are paired
   again with its criteria, now coded (same points, closest words); what is left goes to the
   override or the matcher;
3. what stays unmatched or was matched with low confidence is listed for review with its best
   candidates, and unmatched items become findings of their document.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from extractors.criteria.catalog import Entry, load_catalog
from extractors.criteria.matcher import Match, Matcher
from extractors.criteria.pairing import pair_with_criteria
from extractors.model import Deduction, Extraction, Finding
from normalizers.text import clean, fold

REVIEW_BELOW = 95.0  # matches under this score are listed for review
OVERRIDDEN = 100.0

Region = tuple[str | None, int | None]  # (province, index year)


@dataclass(frozen=True)
class Override:
    province: str
    year: str
    name: str
    code: str


@dataclass
class Review:
    """A name matched with low confidence or not at all, with its best candidates."""

    source_path: str
    table: str
    province: str | None
    year: int | None
    field: str | None
    name: str
    code: str | None
    match_score: float
    candidates: list[tuple[str, str, float]]


@dataclass
class Coded:
    """What coding a run gives besides the codes: what it learned and what to review."""

    learned: dict[Region, list[Entry]] = field(default_factory=dict)
    review: list[Review] = field(default_factory=list)


def read_overrides(path: Path | None) -> list[Override]:
    if path is None or not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as handle:
        return [
            Override(
                fold(r.get("province") or ""),
                (r.get("year") or "").strip(),
                fold(r["name"]),
                r["code"].strip(),
            )
            for r in csv.DictReader(handle)
            if r.get("name") and r.get("code")
        ]


def _region(extraction: Extraction) -> Region:
    """The province whose catalog applies: as printed, else as the gazetteer places the unit."""
    info = extraction.info
    return info.province or info.province_resolved, info.index_year


def learn(documents: list[tuple[str, Extraction]]) -> dict[Region, list[Entry]]:
    """Printed criteria per (province, year); a document that names no province is of no
    known region (criteria differ between provinces), so it teaches nothing."""
    learned: dict[Region, list[Entry]] = defaultdict(list)
    for source, extraction in documents:
        if not _region(extraction)[0]:
            continue
        for score in extraction.scores:
            if score.level == "criterion" and score.code and score.name:
                entry = Entry.of(score.code, score.name, score.max_points, source)
                learned[_region(extraction)].append(entry)
    return learned


def _lost(item: Deduction) -> float | None:
    """The fewest points an item may have lost (a printed "-05" may be 0.5)."""
    return min(item.point_readings, default=item.points)


class _Coder:
    def __init__(self, source: str, extraction: Extraction, matcher: Matcher, overrides):
        self.source, self.extraction, self.matcher = source, extraction, matcher
        province, year = _region(extraction)
        self.province, self.year = province, year
        self.overrides = [
            o
            for o in overrides
            if o.province in ("", fold(province or "")) and o.year in ("", str(year or ""))
        ]
        self.review: list[Review] = []

    def run(self) -> list[Review]:
        criteria = [s for s in self.extraction.scores if s.level == "criterion"]
        deductions = self.extraction.deductions
        pair_with_criteria(deductions, criteria)  # with the rows printed with their code
        self._code_all(
            "scores", criteria, lambda s: s.name,
            lambda s: {"field": s.field, "max_points": s.max_points},
        )  # fmt: skip
        pair_with_criteria(deductions, criteria)  # with the rows printed by name, coded now
        self._code_all(
            "deductions", deductions,
            lambda d: d.text if d.field and d.field.isdigit() else None,
            lambda d: {"field": d.field, "scope": d.scope, "narrative": True, "lost": _lost(d)},
        )  # fmt: skip
        return self.review

    def _code_all(self, table, records, name_of, context_of) -> None:
        """Codes for the records printed without one; a code given is taken for the others."""
        taken = {r.code for r in records if r.code}
        for record in records:
            name = name_of(record)
            if record.code is None and name:
                record.code, record.match_score = self._code(
                    table, name, frozenset(taken), **context_of(record)
                )
                taken.add(record.code or "")

    def _code(self, table, name, taken, **context) -> tuple[str | None, float | None]:
        key = fold(name)
        override = next((o for o in self.overrides if o.name == key), None)
        if override is not None:
            return override.code, OVERRIDDEN
        if not self.matcher:
            return None, None
        found = self.matcher.match(name, taken=taken, **context)
        if found.code is None or found.score < REVIEW_BELOW:
            self._ask(table, name, context.get("field"), found)
        if found.code is None:
            best = "; ".join(f"{c} {n[:50]!r} ({s})" for c, n, s in found.candidates)
            self.extraction.findings.append(
                Finding(
                    "warning",
                    "unmatched_criterion",
                    f"no code for {clean(name)[:80]!r}: best candidates {best or 'none'}",
                    table,
                    None,
                )
            )
        return found.code, found.score if found.code else None

    def _ask(self, table, name, field, found: Match) -> None:
        self.review.append(
            Review(
                self.source, table, self.province, self.year, field, clean(name),
                found.code, found.score, found.candidates,
            )
        )  # fmt: skip


def code_document(
    source: str, extraction: Extraction, matcher: Matcher, overrides: list[Override]
) -> list[Review]:
    """Codes for one document's uncoded records (in place); what to review."""
    return _Coder(source, extraction, matcher, overrides).run()


def code_run(documents: list[tuple[str, Extraction]], overrides: list[Override]) -> Coded:
    """Codes for every document of the run, each against its province-year catalog and what the
    run learned for it (the records are coded in place)."""
    coded = Coded(learned=learn(documents))
    for source, extraction in documents:
        region = _region(extraction)
        matcher = Matcher([*load_catalog(*region), *coded.learned.get(region, [])])
        coded.review.extend(code_document(source, extraction, matcher, overrides))
    return coded
