"""The matcher that gives a criterion name its canonical code from a catalog.

A name is compared in its comparison forms, with and without accents (OCR text loses them, and
plans drop or misplace tone marks), as a whole and as the start of a longer name (a truncated
cell). A narrative item is also compared by its name part, the words before its shortfall ("Tỷ
lệ hồ sơ TTHC được giải quyết đúng hạn: chưa đạt điểm tối đa"). The document narrows the
candidates: the field of the section and its sub-group, the max points printed beside the name
or the points an item lost (at most its criterion's max), the codes already taken. A name is
given a code only when the best candidate is close and clearly ahead of the next one: a wrong
code is worse than none.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz

from extractors.criteria.catalog import Entry
from extractors.criteria.names import name_forms, name_part
from normalizers.text import strip_accents

ACCEPT = 85.0  # a name this close to its best candidate gets its code...
MARGIN = 4.0  # ...when no other code is within this many points
ACCENTLESS_PENALTY = 1.0  # an accent-blind match is a little less sure
MIN_PREFIX_SHARE = 0.25  # a truncated name must keep this share of the catalog name...
# ...and a name cut off in a narrative item this many words: "Tỷ lệ hồ sơ ..." opens many names,
# and catalogs are partial (the one it opens may be missing)
MIN_CUT_WORDS = 5
MIN_OPENING_WORDS = 3  # a narrative item may open with a catalog name of at least this many words
END_CHARS = 8  # a name read from its start must agree with the text in its first and last
END_AGREEMENT = 75  # ...this many letters at least this well
CANDIDATES = 3
TOLERANCE = 1e-9


@dataclass
class Match:
    code: str | None
    score: float
    candidates: list[tuple[str, str, float]] = field(default_factory=list)  # (code, name, score)


def closeness(query: str, form: str, narrative: bool = False) -> float:
    """token_sort_ratio, or for a query that stops early, how well it matches the name's start;
    a narrative item ("Số hóa thủ tục hành chính chưa đạt tỷ lệ") may open with the name."""
    score = fuzz.token_sort_ratio(query, form)
    cut = MIN_PREFIX_SHARE * len(form) <= len(query) < len(form)
    if cut and (not narrative or len(query.split()) >= MIN_CUT_WORDS):
        score = max(score, _aligned(query, form[: len(query)]))
    elif narrative and len(form) < len(query) and len(form.split()) >= MIN_OPENING_WORDS:
        score = max(score, _aligned(query[: len(form)], form))
    return score


def _aligned(text: str, name: str) -> float:
    """How well text reads as name, compared letter by letter from the start (a cut-off name,
    an item opening with a name), a little less sure than a whole name; nothing when the two
    part at either end: "hồ sơ thủ tục hành chính" is not "số hóa thủ tục hành chính", nor "...
    thông qua xem xét tỷ" the start of "... thông qua kiểm tra, bốc mẫu"."""
    ends = (slice(None, END_CHARS), slice(-END_CHARS, None))
    if any(fuzz.ratio(text[end], name[end]) < END_AGREEMENT for end in ends):
        return 0.0
    return fuzz.ratio(text, name) - 2


@dataclass(frozen=True)
class Query:
    """What is compared of a name, or of a narrative item: its forms with and without accents."""

    forms: tuple[str, ...]
    plain: tuple[str, ...]
    narrative: bool = False

    @classmethod
    def of(cls, text: str, narrative: bool = False) -> Query:
        part = name_part(text) if narrative else None
        forms = tuple(dict.fromkeys(f for t in (text, part) if t for f in name_forms(t)))
        return cls(forms, tuple(strip_accents(f) for f in forms), narrative)

    def __bool__(self) -> bool:
        return bool(self.forms)

    def closeness_to(self, entry: Entry) -> float:
        accented = max(closeness(q, f, self.narrative) for q in self.forms for f in entry.forms)
        blind = max(closeness(q, f, self.narrative) for q in self.plain for f in entry.plain)
        return max(accented, blind - ACCENTLESS_PENALTY)


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
        lost: float | None = None,
    ) -> Match:
        """The code of a criterion name (or, narrative=True, of a shortcoming that opens with or
        paraphrases one, `lost` points) within a field and, when known, a sub-group scope."""
        query = Query.of(name, narrative)
        if not query:
            return Match(None, 0.0)
        pool = [e for e in self.entries if e.code not in taken]
        pool = [e for e in pool if field is None or e.field == field] or pool
        pool = [e for e in pool if scope is None or e.code.startswith(scope)] or pool
        if max_points is not None:
            pool = [e for e in pool if e.max_points in (None, max_points)] or pool
        if lost is not None:
            pool = [e for e in pool if e.max_points is None or lost <= e.max_points + TOLERANCE]
        scored = sorted(((query.closeness_to(e), e) for e in pool), key=lambda pair: -pair[0])
        candidates = [(e.code, e.name, round(s, 1)) for s, e in scored[:CANDIDATES]]
        if not scored:
            return Match(None, 0.0)
        best, entry = scored[0]
        runner_up = next((s for s, e in scored[1:] if e.code != entry.code), 0.0)
        if best >= ACCEPT and best - runner_up >= MARGIN:
            return Match(entry.code, round(best, 1), candidates)
        return Match(None, round(best, 1), candidates)
