"""Criterion catalogs (data/catalogs/criteria/<province>_<year>.csv) and the matcher that gives a
criterion name its canonical code.

A name is compared in its comparison form (folded, abbreviations expanded, leading code and
filler words dropped), with and without its parentheses, with and without accents (OCR text
loses them), as a whole and as the start of a longer name (a truncated cell). The document
narrows the candidates: the field of the section, the max points printed beside the name, the
codes already taken in the same table. A name is given a code only when the best candidate is
close and clearly ahead of the next one: a wrong code is worse than none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import fuzz

from extractors.plan import lexicon
from extractors.plan.fields import match_key
from normalizers.text import strip_accents

ACCEPT = 85.0  # a name this close to its best candidate gets its code...
MARGIN = 4.0  # ...when no other code is within this many points
ACCENTLESS_PENALTY = 1.0  # an accent-blind match is a little less sure
MIN_PREFIX_SHARE = 0.25  # a truncated name must keep this share of the catalog name
MIN_OPENING_WORDS = 3  # a narrative item may open with a catalog name of at least this many words
CANDIDATES = 3
_LEADING_CODE = re.compile(r"^\s*\d{1,2}[a-z]?(?:\.\s?\d{1,2})*\.?\s+")
_PARENTHESES = re.compile(r"\([^)]*\)?")


def name_forms(name: str) -> tuple[str, ...]:
    """The comparison forms of a name: whole, and without what it says in parentheses."""
    bare = _LEADING_CODE.sub("", name)
    forms = [match_key(bare), match_key(_PARENTHESES.sub(" ", bare))]
    return tuple(dict.fromkeys(f for f in forms if f))


@dataclass(frozen=True)
class Entry:
    code: str
    name: str
    max_points: float | None = None
    source: str = "catalog"
    forms: tuple[str, ...] = ()
    plain: tuple[str, ...] = ()

    @classmethod
    def of(cls, code: str, name: str, max_points: float | None = None, source: str = "catalog"):
        forms = name_forms(name)
        return cls(code, name, max_points, source, forms, tuple(strip_accents(f) for f in forms))

    @property
    def field(self) -> str:
        return field_of(self.code)


def field_of(code: str) -> str:
    match = re.match(r"\d+", code)
    return match.group() if match else code


@dataclass
class Match:
    code: str | None
    score: float
    candidates: list[tuple[str, str, float]] = field(default_factory=list)  # (code, name, score)


def closeness(query: str, form: str, narrative: bool = False) -> float:
    """token_sort_ratio, or for a query that stops early, how well it matches the name's start;
    a narrative item ("Số hóa thủ tục hành chính chưa đạt tỷ lệ") may open with the name."""
    score = fuzz.token_sort_ratio(query, form)
    if MIN_PREFIX_SHARE * len(form) <= len(query) < len(form):
        score = max(score, fuzz.ratio(query, form[: len(query)]) - 2)
    elif narrative and len(form) < len(query) and len(form.split()) >= MIN_OPENING_WORDS:
        score = max(score, fuzz.ratio(query[: len(form)], form) - 2)
    return score


class Matcher:
    def __init__(self, entries: list[Entry]):
        by_code: dict[str, Entry] = {}
        for entry in entries:
            by_code.setdefault(entry.code, entry)
        self.entries = list(by_code.values())

    def __bool__(self) -> bool:
        return bool(self.entries)

    def match(
        self,
        name: str,
        field: str | None = None,
        max_points: float | None = None,
        taken: frozenset[str] = frozenset(),
        scope: str | None = None,
        narrative: bool = False,
    ) -> Match:
        """The code of a criterion name (or, narrative=True, of a shortcoming that paraphrases
        one) within a field and, when known, a sub-group scope such as '7a'."""
        queries = name_forms(name)
        if not queries:
            return Match(None, 0.0)
        plain = tuple(strip_accents(q) for q in queries)
        pool = [e for e in self.entries if e.code not in taken]
        pool = [e for e in pool if field is None or e.field == field] or pool
        pool = [e for e in pool if scope is None or e.code.startswith(scope)] or pool
        if max_points is not None:
            pool = [e for e in pool if e.max_points in (None, max_points)] or pool
        scored = sorted(
            ((self._score(queries, plain, e, narrative), e) for e in pool),
            key=lambda pair: -pair[0],
        )
        candidates = [(e.code, e.name, round(s, 1)) for s, e in scored[:CANDIDATES]]
        if not scored:
            return Match(None, 0.0)
        best, entry = scored[0]
        runner_up = next((s for s, e in scored[1:] if e.code != entry.code), 0.0)
        if best >= ACCEPT and best - runner_up >= MARGIN:
            return Match(entry.code, round(best, 1), candidates)
        return Match(None, round(best, 1), candidates)

    @staticmethod
    def _score(queries, plain, entry: Entry, narrative: bool) -> float:
        accented = max(closeness(q, f, narrative) for q in queries for f in entry.forms)
        blind = max(closeness(q, f, narrative) for q in plain for f in entry.plain)
        return max(accented, blind - ACCENTLESS_PENALTY)


def catalog_name(province: str | None, year: int | None) -> str | None:
    if not province or not year:
        return None
    slug = "-".join(strip_accents(province).lower().split())
    return f"criteria/{slug}_{year}.csv"


@cache
def load_catalog(province: str | None, year: int | None) -> tuple[Entry, ...]:
    """The province-year criterion catalog; empty when there is none."""
    name = catalog_name(province, year)
    if name is None or not (lexicon.DATA_DIR / "catalogs" / name).exists():
        return ()
    entries = []
    for row in lexicon.read_rows(f"catalogs/{name}"):
        maximum = float(row["max_points"]) if row["max_points"] else None
        for alias in [row["name"], *filter(None, row["aliases"].split("|"))]:
            entries.append(Entry.of(row["code"], alias, maximum, row["source"]))
    return tuple(entries)
