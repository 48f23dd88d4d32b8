"""Canonical criterion codes for the whole run: learn, override, match, ask for review.

1. learn: every (code, name, max points) a criteria table of the folder prints, per province and
   index year (written to catalog_learned.csv);
2. for each document, items without a code (criteria printed by name only, narrative
   deductions the document's own table did not code) get one: a user override first
   (data/overrides.csv), else the matcher over the province-year catalog and what was learned;
3. what stays unmatched or was matched with low confidence goes to review.csv with its best
   candidates, and unmatched items to the issues table.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from extractors.model import Extraction, Finding
from extractors.plan.catalog import Entry, Matcher, load_catalog
from normalizers.text import clean, fold
from pipeline.atomic import replacing

REVIEW_BELOW = 95.0  # matches under this score are listed for review
OVERRIDDEN = 100.0
LEARNED_COLUMNS = ["province", "year", "code", "name", "max_points", "source"]
REVIEW_COLUMNS = [
    "source_path",
    "table",
    "province",
    "year",
    "field",
    "name",
    "code",
    "match_score",
    "candidate_1",
    "candidate_2",
    "candidate_3",
]


@dataclass(frozen=True)
class Override:
    province: str
    year: str
    name: str
    code: str


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


def _region(extraction: Extraction) -> tuple[str | None, int | None]:
    return extraction.info.province, extraction.info.index_year


def learn(documents: list[tuple[str, Extraction]]) -> dict[tuple, list[Entry]]:
    """Printed criteria per (province, year)."""
    learned: dict[tuple, list[Entry]] = defaultdict(list)
    for source, extraction in documents:
        for score in extraction.scores:
            if score.level == "criterion" and score.code and score.name:
                entry = Entry.of(score.code, score.name, score.max_points, source)
                learned[_region(extraction)].append(entry)
    return learned


class _Coder:
    def __init__(self, source, extraction, learned, overrides):
        self.source, self.extraction = source, extraction
        province, year = _region(extraction)
        self.province, self.year = province, year
        self.matcher = Matcher([*load_catalog(province, year), *learned.get((province, year), [])])
        self.overrides = [
            o
            for o in overrides
            if o.province in ("", fold(province or "")) and o.year in ("", str(year or ""))
        ]
        self.review: list[dict] = []

    def run(self) -> list[dict]:
        criteria = [s for s in self.extraction.scores if s.level == "criterion"]
        self._code_all(
            "scores", criteria, lambda s: s.name,
            lambda s: {"field": s.field, "max_points": s.max_points},
        )  # fmt: skip
        self._code_all(
            "deductions", self.extraction.deductions,
            lambda d: d.text if d.field and d.field.isdigit() else None,
            lambda d: {"field": d.field, "scope": d.scope, "narrative": True},
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

    def _ask(self, table, name, field, found) -> None:
        row = {
            "source_path": self.source,
            "table": table,
            "province": self.province,
            "year": self.year,
            "field": field,
            "name": clean(name),
            "code": found.code,
            "match_score": found.score,
        }
        for i, (code, candidate, score) in enumerate(found.candidates, start=1):
            row[f"candidate_{i}"] = f"{code} | {candidate} | {score}"
        self.review.append(row)


def assign_codes(documents: list[tuple[str, Extraction]], overrides: list[Override], out: Path):
    """Codes for every document of the run; writes catalog_learned.csv and review.csv."""
    learned = learn(documents)
    review: list[dict] = []
    for source, extraction in documents:
        review.extend(_Coder(source, extraction, learned, overrides).run())
    _write(
        out / "catalog_learned.csv",
        LEARNED_COLUMNS,
        [
            {
                "province": p,
                "year": y,
                "code": e.code,
                "name": e.name,
                "max_points": e.max_points,
                "source": e.source,
            }
            for (p, y), entries in learned.items()
            for e in entries
        ],
    )
    _write(out / "review.csv", REVIEW_COLUMNS, review)


def _write(path: Path, columns: list[str], rows: list[dict]) -> None:
    with replacing(path) as temporary, open(temporary, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, columns)
        writer.writeheader()
        writer.writerows(rows)
