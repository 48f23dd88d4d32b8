"""Criterion matching on name variants generated from a catalog.

Every catalog name is rewritten the ways documents and OCR rewrite it: abbreviated, expanded,
one diacritic dropped, truncated to 60 / 75 / 90 % of its words, without its parentheses,
lower-cased, with OCR-style character errors, and two of these at once. Each variant is matched
within its field (the section it would stand in). Prints how many got the right code (recall)
and how many of the codes given were right (precision).
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sys
import unicodedata
from dataclasses import dataclass

from extractors.plan import lexicon
from extractors.plan.catalog import Entry, Matcher, field_of, load_catalog

RECALL_GOAL, PRECISION_GOAL = 0.97, 0.99
OCR_CONFUSIONS = {"l": "1", "o": "0", "ư": "u", "ơ": "o", "đ": "d", "m": "rn", "i": "l", "c": "e"}


@dataclass
class Result:
    variants: int
    right: int
    assigned: int

    @property
    def recall(self) -> float:
        return self.right / self.variants

    @property
    def precision(self) -> float:
        return self.right / self.assigned if self.assigned else 1.0


def abbreviate(name: str) -> str:
    for short, long in lexicon.abbreviations().items():
        name = re.sub(re.escape(long), short, name, flags=re.IGNORECASE)
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


def variants(name: str, rng: random.Random) -> list[str]:
    out = [
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
    return out


def run(entries: tuple[Entry, ...], seed: int = 7, show: int = 10) -> Result:
    rng = random.Random(seed)
    matcher = Matcher(list(entries))
    criteria = [e for e in entries if "." in e.code]
    total = right = assigned = 0
    misses = []
    for entry in criteria:
        for variant in variants(entry.name, rng):
            total += 1
            found = matcher.match(variant, field=field_of(entry.code))
            if found.code is not None:
                assigned += 1
                right += found.code == entry.code
            if found.code != entry.code:
                misses.append(f"  {entry.code} -> {found.code} ({found.score}): {variant[:80]}")
    for line in misses[:show]:
        print(line)
    return Result(total, right, assigned)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--province", default="Hà Tĩnh")
    parser.add_argument("--year", type=int, default=2024)
    args = parser.parse_args(argv)
    entries = load_catalog(args.province, args.year)
    if not entries:
        print(f"no catalog for {args.province} {args.year}", file=sys.stderr)
        return 1
    result = run(entries)
    print(f"{result.variants} variants of {args.province} {args.year} criterion names")
    print(f"right code: {result.recall:.1%} (goal >= {RECALL_GOAL:.0%})")
    print(f"precision among codes given: {result.precision:.1%} (goal >= {PRECISION_GOAL:.0%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
