"""Field (lĩnh vực) names -> national field codes, from data/catalogs/fields.csv.

A section's own number is not a field code ("1.3. Cải cách thủ tục hành chính" is field 3), so
fields are recognised by name: folded, abbreviations expanded, compared with rapidfuzz.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import fuzz

from extractors.plan import lexicon
from normalizers.text import fold, strip_accents

THRESHOLD = 85
# accepted only for a heading whose sibling headings are fields (a list of fields)
WEAK_THRESHOLD = 75
COMPONENT_OF = "8"  # the components (XHH, SIPAS, KTXH) are scored inside field 8


@dataclass(frozen=True)
class Field:
    index: str
    code: str
    name: str
    keys: tuple[str, ...]

    @property
    def is_component(self) -> bool:
        return self.index == "CCHC" and not self.code.isdigit()


# names are compared again and again (a heading by the outline and by each record extractor,
# the same field names in every plan): matching is pure, its results are kept
@lru_cache(maxsize=1 << 12)
def match_key(text: str) -> str:
    """Comparison form of a name: folded, abbreviations expanded, leading filler words dropped."""
    # a parenthesised abbreviation repeats the name: "Cải cách thủ tục hành chính (TTHC)"
    text = re.sub(r"\(\s*[A-ZĐ][A-ZĐ0-9-]*\s*\)", " ", text)
    key = f" {fold(text)} "
    for abbreviation, expansion in _folded_abbreviations():
        key = key.replace(f" {abbreviation} ", f" {expansion} ")
    key = re.sub(r"^\s*(?:tiêu chí|lĩnh vực)(?: số)? \w+ ", " ", key)
    key = re.sub(r"^\s*\d+ ", " ", key)
    # fillers may stack in any order ("Nội dung công tác cải cách thể chế")
    previous = None
    while key != previous:
        previous = key
        for filler in _fillers():
            key = re.sub(rf"^\s*{filler}\b", " ", key)
    return " ".join(key.split())


@cache
def _folded_abbreviations() -> tuple[tuple[str, str], ...]:
    pairs = ((fold(a), fold(e)) for a, e in lexicon.abbreviations().items())
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


@cache
def _fillers() -> tuple[str, ...]:
    return tuple(fold(w) for w in lexicon.actor_words("filler"))


@cache
def catalog() -> tuple[Field, ...]:
    fields = []
    for row in lexicon.read_rows("catalogs/fields.csv"):
        names = [row["name"], *filter(None, row["aliases"].split("|"))]
        keys = tuple(dict.fromkeys(match_key(n) for n in names))
        fields.append(Field(row["index"], row["code"], row["name"], keys))
    return tuple(fields)


@lru_cache(maxsize=1 << 12)
def squeezed(text: str) -> str:
    """A name without its marks and spaces."""
    return strip_accents(text).replace(" ", "")


def similarity(key: str, field: Field) -> float:
    """Closeness of a name to a field: spelling-tolerant (token_sort_ratio), or containment.

    A heading that holds all the words of a field name and a few more ("Xây dựng, phát triển
    Chính quyền điện tử ... và áp dụng hệ thống quản lý ISO") scores by how few it adds.
    """
    words = key.split()
    best = 0.0
    for k in field.keys:
        # or letter for letter without marks and spaces: OCR's "CAICACHCHE ĐỌ CONG VỤ"
        best = max(best, fuzz.token_sort_ratio(key, k), fuzz.ratio(squeezed(key), squeezed(k)))
        wanted = k.split()
        if len(wanted) >= 3 and set(wanted) <= set(words) and len(words) <= 2 * len(wanted):
            best = max(best, 100 - 10 * (len(words) - len(wanted)) / len(words))
    return best


@lru_cache(maxsize=1 << 12)
def match_field(
    name: str, index: str, inside: str | None = None, threshold: float = THRESHOLD
) -> tuple[str, float] | None:
    """The field a name denotes within an index, with its score; None below the threshold.

    `inside` is the field whose section the name stands in: inside field 8 the components
    (KTXH, XHH, SIPAS) are preferred, elsewhere the national fields 1..8, because "Tác động của
    CCHC đến phát triển KT-XH" names field 8 in one plan and its component in another.
    """
    key = match_key(name)
    if not key:
        return None
    scored = sorted(
        ((similarity(key, f), f) for f in catalog() if f.index == index),
        key=lambda pair: -pair[0],
    )
    passing = [(s, f) for s, f in scored if s >= threshold]
    if not passing:
        return None
    want_component = inside == COMPONENT_OF
    preferred = [(s, f) for s, f in passing if f.is_component == want_component] or passing
    score, field = preferred[0]
    return field.code, score
