"""The words plans are read by, loaded from the data files under data/ (not written in code)."""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from normalizers.text import strip_accents, toneless

DATA_DIR = Path(os.environ.get("CCHC_DATA", Path(__file__).resolve().parents[2] / "data"))


def read_rows(relative: str) -> list[dict[str, str]]:
    """A CSV data file's rows; lines starting with '#' are comments."""
    with open(DATA_DIR / relative, encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.lstrip().startswith("#")]
    return list(csv.DictReader(lines))


@dataclass(frozen=True)
class Label:
    kind: str
    pattern: re.Pattern[str]


@cache
def labels() -> tuple[Label, ...]:
    out = []
    for row in read_rows("lexicon/labels.csv"):
        tail = r"\s*(?::\s*|$)" if row["needs_colon"] == "yes" else r"\s*:?\s*"
        # matched on the text without its tone marks (outline.find_label): OCR's "tôn tại"
        pattern = toneless(row["pattern"])
        out.append(Label(row["kind"], re.compile(rf"^(?:{pattern}){tail}", re.IGNORECASE)))
    return tuple(out)


Patterns = tuple[tuple[str, re.Pattern[str]], ...]


def _patterns(
    relative: str, key: str, template: str = "{}", key_of: Callable[[str], str] = str
) -> Patterns:
    """(key, compiled pattern) for each row of a data file; first match wins, in file order.
    key_of: the form of the text the patterns are matched on (toneless, strip_accents)."""
    return tuple(
        (row[key], re.compile(template.format(key_of(row["pattern"])), re.IGNORECASE))
        for row in read_rows(relative)
    )


@cache
def not_tasks() -> re.Pattern[str]:
    """Lines that stand where tasks do and assign nothing (a pointer to an appendix, a stated
    result such as "Lĩnh vực này đạt điểm tối đa")."""
    rows = read_rows("lexicon/not_tasks.csv")
    return re.compile("|".join(f"(?:{row['pattern']})" for row in rows), re.IGNORECASE)


@cache
def section_kinds() -> Patterns:
    return _patterns("lexicon/sections.csv", "kind")


@cache
def zones() -> Patterns:
    return _patterns("lexicon/zones.csv", "zone", "^(?:{})")


@cache
def column_names() -> dict[str, tuple[str, ...]]:
    """role -> the usual wordings of a points column's header."""
    names: dict[str, list[str]] = {}
    for row in read_rows("lexicon/column_names.csv"):
        names.setdefault(row["role"], []).append(row["name"])
    return {role: tuple(wordings) for role, wordings in names.items()}


@cache
def table_columns() -> Patterns:
    """Matched on headers without their marks: a scan's bold headers lose them ("Phôi hợp")."""
    return _patterns("lexicon/table_columns.csv", "role", key_of=strip_accents)


@cache
def deadline_words() -> re.Pattern[str]:
    words = [row["pattern"] for row in read_rows("lexicon/deadlines.csv")]
    return re.compile("|".join(f"(?:{w})" for w in words), re.IGNORECASE)


@cache
def actor_words(kind: str) -> tuple[str, ...]:
    return tuple(row["words"] for row in read_rows("lexicon/actors.csv") if row["kind"] == kind)


@cache
def abbreviations() -> dict[str, str]:
    return {
        row["abbreviation"]: row["expansion"] for row in read_rows("catalogs/abbreviations.csv")
    }
