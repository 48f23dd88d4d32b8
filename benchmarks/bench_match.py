"""Criterion matching on name variants and damaged narrative items generated from a catalog.

Names: every catalog name is rewritten the ways documents and OCR rewrite it: abbreviated,
expanded, one diacritic dropped, truncated to 60 / 75 / 90 % of its words, without its
parentheses, lower-cased, with OCR-style character errors, and two of these at once. Each
variant is matched within its field (the section it would stand in).

Narrative items: "lost points" items that open with a criterion's name, damaged one way (cut off,
abbreviated or expanded, typing slips, tone or vowel marks dropped or misplaced) and followed by
the deficiency ("...: chưa đạt điểm tối đa (-0,5 điểm)"). One plan per damage kind holds an item
for every criterion of the catalog and goes through the run's coding as a document would: with
no criteria table, with a table printing the codes, and with a table printing names only.

A fourth coding gives each item, alone in its plan, a catalog that lacks its criterion (catalogs
are partial): no code is right there. Prints how many got the right code (recall) and how many
of the codes given were right (precision), per damage kind.
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from extractors.criteria.catalog import Entry, load_catalog
from extractors.criteria.coding import code_document, code_run
from extractors.criteria.matcher import Matcher
from extractors.model import Deduction, DocumentInfo, Extraction, Score
from extractors.plan import lexicon
from normalizers.codes import field_of
from normalizers.text import strip_accents

RECALL_GOAL, PRECISION_GOAL = 0.97, 0.99
OCR_CONFUSIONS = {"l": "1", "o": "0", "ư": "u", "ơ": "o", "đ": "d", "m": "rn", "i": "l", "c": "e"}
TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng (decomposed)
VOWEL_MARKS = "\u0302\u0306\u031b"  # circumflex, breve, horn
VOWELS = "aeiouyAEIOUY"
# how plans word the shortfall after a criterion's name (test data, not the matcher's list)
DEFICIENCIES = (
    "chưa đạt điểm tối đa",
    "tài liệu kiểm chứng chưa đầy đủ",
    "chưa đảm bảo theo hướng dẫn",
    "chưa đạt tỷ lệ",
    "không đúng quy định",
    "chưa đảm bảo chất lượng",
    "còn hạn chế",
    "có 1 nhiệm vụ hoàn thành chậm",
    "năm 2024 chưa đạt 100% nhiệm vụ đề ra",
    "(đạt 76,4/100%)",
)
SEPARATORS = (": ", " ", ", ", " - ")
SHARES_LOST = (1.0, 0.5, 0.25)  # an item's points: this share of its criterion's max
PATHS = ("no table", "table, codes", "table, names")
MISSING = "not in catalog"  # no table, and the catalog lacks the item's criterion: no code is right


@dataclass
class Result:
    variants: int = 0
    right: int = 0  # the expected code, or no code for a criterion the catalog lacks
    assigned: int = 0
    wrong: int = 0

    def add(self, want: str | None, got: str | None) -> None:
        self.variants += 1
        self.right += got == want
        self.assigned += got is not None
        self.wrong += got is not None and got != want

    def __iadd__(self, other: Result) -> Result:
        self.variants += other.variants
        self.right += other.right
        self.assigned += other.assigned
        self.wrong += other.wrong
        return self

    @property
    def recall(self) -> float:
        return self.right / self.variants if self.variants else 1.0

    @property
    def precision(self) -> float:
        return 1 - self.wrong / self.assigned if self.assigned else 1.0

    def __str__(self) -> str:
        return f"{self.recall:6.1%} {self.precision:6.1%}"


# ---- damage ----------------------------------------------------------------------------------


def _words_apart(text: str) -> str:
    """'cán bộ, công chức' as a pattern that allows punctuation between the words."""
    return r"[\s,–-]+".join(re.escape(w) for w in text.split())


def abbreviate(name: str) -> str:
    pairs = sorted(lexicon.abbreviations().items(), key=lambda p: -len(p[1]))
    for short, long in pairs:
        name = re.sub(_words_apart(long), short, name, flags=re.IGNORECASE)
    return name


def expand(name: str) -> str:
    for short, long in lexicon.abbreviations().items():
        name = re.sub(rf"\b{re.escape(short)}\b", long, name)
    return name


def drop_diacritic(name: str, rng: random.Random) -> str:
    letters = [i for i, c in enumerate(name) if unicodedata.normalize("NFD", c) != c]
    if not letters:
        return name
    i = rng.choice(letters)
    decomposed = unicodedata.normalize("NFD", name[i])
    return name[:i] + unicodedata.normalize("NFC", decomposed[:-1]) + name[i + 1 :]


def truncate(name: str, share: float) -> str:
    words = name.split()
    return " ".join(words[: max(1, math.ceil(len(words) * share))])


def ocr_errors(name: str, rng: random.Random, count: int = 2) -> str:
    chars = list(name)
    spots = [i for i, c in enumerate(chars) if c.lower() in OCR_CONFUSIONS]
    for i in rng.sample(spots, min(count, len(spots))):
        chars[i] = OCR_CONFUSIONS[chars[i].lower()]
    return "".join(chars)


def _without(marks: str, word: str, count: int | None = None) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    kept, dropped = [], 0
    for c in decomposed:
        if c in marks and (count is None or dropped < count):
            dropped += 1
            continue
        kept.append(c)
    return unicodedata.normalize("NFC", "".join(kept))


def drop_tone(word: str, rng: random.Random) -> str:
    """'thực' -> 'thưc', 'người' -> 'ngươi'."""
    return _without(TONES, word)


def drop_vowel_mark(word: str, rng: random.Random) -> str:
    """'nhiệm' -> 'nhiẹm', 'cấp' -> 'cáp', 'ở' -> 'ỏ', 'lưu' -> 'luu'."""
    return _without(VOWEL_MARKS, word, count=1)


def drop_accents(word: str, rng: random.Random) -> str:
    """'hành' -> 'hanh', 'quyết' -> 'quyet'."""
    return strip_accents(word)


def move_tone(word: str, rng: random.Random) -> str:
    """The tone mark on another vowel of the word: 'người' -> 'ngừơi'."""
    clusters: list[list[str]] = []
    for c in unicodedata.normalize("NFD", word):
        if unicodedata.combining(c) and clusters:
            clusters[-1].append(c)
        else:
            clusters.append([c])
    toned = [i for i, c in enumerate(clusters) if any(m in TONES for m in c)]
    others = [i for i, c in enumerate(clusters) if c[0] in VOWELS and i not in toned]
    if not toned or not others:
        return word
    tone = next(m for m in clusters[toned[0]] if m in TONES)
    clusters[toned[0]].remove(tone)
    clusters[rng.choice(others)].append(tone)
    return unicodedata.normalize("NFC", "".join("".join(c) for c in clusters))


def typing_slip(word: str, rng: random.Random) -> str:
    """Two letters of a word swapped, one dropped or one doubled."""
    if len(word) < 4 or not word.isalpha() or word.isupper():  # slips in words, not in TTHC
        return word
    i = rng.randrange(1, len(word) - 1)
    slip = rng.choice(("swap", "drop", "double"))
    if slip == "swap":
        return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]
    if slip == "drop":
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]


def in_words(change: Callable[[str, random.Random], str], count: int = 2):
    """A damage that changes `count` of a name's words (those it can change)."""

    def damage(name: str, rng: random.Random) -> str:
        words = name.split(" ")
        changeable = [i for i, w in enumerate(words) if change(w, random.Random(0)) != w]
        for i in rng.sample(changeable, min(count, len(changeable))):
            words[i] = change(words[i], rng)
        return " ".join(words)

    return damage


DAMAGE: dict[str, Callable[[str, random.Random], str]] = {
    "cut off": lambda name, rng: truncate(name, rng.choice((0.6, 0.75, 0.9))),
    "abbreviated": lambda name, rng: abbreviate(name),
    "expanded": lambda name, rng: expand(name),
    "typing slips": in_words(typing_slip),
    "tone dropped": in_words(drop_tone),
    "tone misplaced": in_words(move_tone),
    "vowel mark dropped": in_words(drop_vowel_mark),
    "accents dropped": in_words(drop_accents),
    "cut off + marks": lambda name, rng: in_words(drop_vowel_mark)(
        in_words(drop_tone, 1)(truncate(name, 0.75), rng), rng
    ),
    "abbreviated + slips": lambda name, rng: in_words(typing_slip)(abbreviate(name), rng),
}


def variants(name: str, rng: random.Random) -> list[str]:
    return [
        abbreviate(name),
        expand(name),
        drop_diacritic(name, rng),
        truncate(name, 0.6),
        truncate(name, 0.75),
        truncate(name, 0.9),
        re.sub(r"\s*\([^)]*\)", "", name),
        name.lower(),
        ocr_errors(name, rng),
        drop_diacritic(name.lower(), rng),
        truncate(abbreviate(name), 0.8),
    ]


# ---- names -----------------------------------------------------------------------------------


def _criteria(entries: tuple[Entry, ...]) -> list[Entry]:
    return [e for e in {e.code: e for e in entries}.values() if "." in e.code]


def run(entries: tuple[Entry, ...], seed: int = 7, show: int = 10) -> Result:
    """Catalog names rewritten, each matched within its field."""
    rng = random.Random(seed)
    matcher = Matcher(list(entries))
    result = Result()
    misses = []
    for entry in _criteria(entries):
        for variant in variants(entry.name, rng):
            found = matcher.match(variant, field=field_of(entry.code))
            result.add(entry.code, found.code)
            if found.code != entry.code:
                misses.append(f"  {entry.code} -> {found.code} ({found.score}): {variant[:80]}")
    for line in misses[:show]:
        print(line)
    return result


# ---- narrative items, through the run's coding -----------------------------------------------


@dataclass(frozen=True)
class Item:
    entry: Entry
    text: str
    points: float


def _scope(code: str) -> str | None:
    """The sub-group whose section an item of this code stands in ('7a.3.1' -> '7a')."""
    match = re.match(r"\d+[a-z]", code)
    return match.group() if match else None


def damaged_items(entries, damage, rng: random.Random) -> list[Item]:
    """An item for each criterion the damage changes: damaged name, deficiency words, points."""
    items = []
    for entry in _criteria(entries):
        name = damage(entry.name, rng)
        if name == entry.name:
            continue
        text = f"{name}{rng.choice(SEPARATORS)}{rng.choice(DEFICIENCIES)}"
        items.append(Item(entry, text, round(rng.choice(SHARES_LOST) * entry.max_points, 3)))
    return items


def plan(items: list[Item], path: str, province: str, year: int) -> Extraction:
    """A plan with the items and, unless path is 'no table', a criteria table printing them."""
    deductions = [
        Deduction("CCHC", field_of(i.entry.code), i.text, i.points, point_readings=(i.points,),
                  scope=_scope(i.entry.code))
        for i in items
    ]  # fmt: skip
    criteria = [
        Score("CCHC", "criterion", i.entry.code if path == "table, codes" else None, i.entry.name,
              i.entry.max_points, round(i.entry.max_points - i.points, 3), i.points,
              field=field_of(i.entry.code))
        for i in items
        if path != "no table"
    ]  # fmt: skip
    return Extraction(DocumentInfo(province=province, index_year=year), criteria, deductions)


def run_narrative(province: str, year: int, seed: int = 7, show: int = 10):
    """Result per (damage kind, path) of the damaged items coded as a run codes its plans."""
    entries = load_catalog(province, year)
    results: dict[tuple[str, str], Result] = defaultdict(Result)
    misses = []
    for kind, damage in DAMAGE.items():
        items = damaged_items(entries, damage, random.Random(f"{seed}-{kind}"))
        for path in PATHS:
            extraction = plan(items, path, province, year)
            code_run([(f"{kind}, {path}", extraction)], [])
            got = [d.code for d in extraction.deductions]
            misses += _score(results[kind, path], items, got, [i.entry.code for i in items])
        got = [_without_its_criterion(item, entries, province, year) for item in items]
        misses += _score(results[kind, MISSING], items, got, [None] * len(items))
    for line in misses[:show]:
        print(line)
    return results


def _without_its_criterion(item: Item, entries, province: str, year: int) -> str | None:
    """The code an item gets, alone in its plan, from a catalog that lacks its criterion."""
    extraction = plan([item], "no table", province, year)
    matcher = Matcher([e for e in entries if e.code != item.entry.code])
    code_document("", extraction, matcher, [])
    return extraction.deductions[0].code


def _score(result: Result, items: list[Item], got: list, want: list) -> list[str]:
    misses = []
    for item, code, expected in zip(items, got, want, strict=True):
        result.add(expected, code)
        if code != expected:
            misses.append(f"  {item.entry.code} -> {code} (want {expected}): {item.text[:80]}")
    return misses


def total(results) -> Result:
    out = Result()
    for r in results.values():
        out += r
    return out


def report(results) -> None:
    columns = (*PATHS, MISSING)
    print(f"  {'damage':22}" + "".join(f"{c:>16}" for c in columns) + f"{'all':>16}")
    for kind in DAMAGE:
        row = {c: results[kind, c] for c in columns}
        cells = "".join(f"{row[c]!s:>16}" for c in columns)
        print(f"  {kind:22}{cells}{total(row)!s:>16}   ({row[PATHS[0]].variants} items)")
    by_path = "".join(
        f"{total({k: r for k, r in results.items() if k[1] == c})!s:>16}" for c in columns
    )
    print(f"  {'all':22}{by_path}{total(results)!s:>16}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--province", default="Hà Tĩnh")
    parser.add_argument("--year", type=int, default=2024)
    args = parser.parse_args(argv)
    entries = load_catalog(args.province, args.year)
    if not entries:
        print(f"no catalog for {args.province} {args.year}", file=sys.stderr)
        return 1
    names = run(entries)
    print(f"{names.variants} variants of {args.province} {args.year} criterion names")
    print(f"right code: {names.recall:.1%} (goal >= {RECALL_GOAL:.0%})")
    print(f"precision among codes given: {names.precision:.1%} (goal >= {PRECISION_GOAL:.0%})")
    results = run_narrative(args.province, args.year)
    overall = total(results)
    print(f"\n{overall.variants} codings of damaged narrative items (right, precision):")
    report(results)
    print(f"right code: {overall.recall:.1%} (goal >= {RECALL_GOAL:.0%})")
    print(f"precision among codes given: {overall.precision:.1%} (goal >= {PRECISION_GOAL:.0%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
