"""Points OCR misread, recovered by the row's own arithmetic.

A score row prints its maximum, its score and the points deducted: max - score = deducted.
Where a row read by OCR disagrees, or a cell holds no number, each cell's other readings are
tried: one confusion OCR is known to make (data/ocr/confusions.csv: 'S' for 5, 6 for 5, ':'
for the decimal comma...), a stray mark dropped, or a decimal point put back ('0588'). When
exactly one choice of readings makes the row add up, it is taken and reported; otherwise the
row keeps what was read, and the validator reports the disagreement.
"""

from __future__ import annotations

import csv
import itertools
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from normalizers.numbers import parse_points

CONFUSIONS = Path(__file__).resolve().parents[2] / "data" / "ocr" / "confusions.csv"
TOLERANCE = 0.001  # points: a row's printed numbers agree within rounding of the third decimal
ROLES = ("max", "score", "deducted")
_LEADING_ZERO = re.compile(r"^[-–(\s]*0\d")


@dataclass(frozen=True)
class Recovered:
    role: str
    printed: str
    value: float


def agrees(max_points: float, score: float, deducted: float) -> bool:
    return abs(max_points - score - deducted) <= TOLERANCE + 1e-9


def recover(printed: dict[str, str], values: dict[str, float | None]) -> list[Recovered]:
    """The cell readings that make the row add up, when the row as read does not: a cell read
    as no number must take one of its other readings, and at most one cell read as a number
    may. Nothing when the row adds up, when a cell is empty, or when no choice or several
    equally small ones do."""
    if any(not printed.get(role, "").strip() for role in ROLES):
        return []
    if all(values[r] is not None for r in ROLES) and agrees(*(values[r] for r in ROLES)):
        return []
    options = []
    for role in ROLES:
        others = [(role, value) for value in sorted(readings(printed[role]) - {values[role]})]
        doubtful = values[role] is None or _doubtful(printed[role], role, values)
        options.append(others if doubtful else [None, *others])
    # the fewest numbers changed first: a row set right by its unreadable cells alone is not
    # made to add up otherwise by changing a number that was read
    for readable_changes in (0, 1):
        solutions = set()
        for choice in itertools.product(*options):
            changed = [c for c in choice if c is not None]
            if sum(None not in option for option in options) + readable_changes != len(changed):
                continue
            trial = {**values, **dict(changed)}
            if agrees(*(trial[r] for r in ROLES)):
                solutions.add(tuple(changed))
        if solutions:
            break
    if len(solutions) != 1:
        return []
    return [Recovered(role, printed[role], value) for role, value in solutions.pop()]


def _doubtful(text: str, role: str, values: dict[str, float | None]) -> bool:
    """A number read that no clerk prints: a leading zero with no decimal point ('025'), or
    more than the row's maximum."""
    if _LEADING_ZERO.match(text.strip()):
        return True
    most = values["max"]
    return role != "max" and most is not None and (values[role] or 0) > most + TOLERANCE


def readings(text: str) -> set[float]:
    """The values a cell's text may have meant, one OCR slip away from it or from it with its
    letters read as the digits they look like ('li' is 11)."""
    text = text.strip()
    candidates = set()
    for base in {text, text.translate(_digit_letters())}:
        candidates.add(base)
        for i, char in enumerate(base):
            for meant in _confusions().get(char, ()):
                candidates.add(base[:i] + meant + base[i + 1 :])
            if not char.isdigit():
                candidates.add(base[:i] + base[i + 1 :])
        if not any(c in ".," for c in base):  # a decimal point the scan lost: '0588' is 0.588
            candidates.update(
                base[:i] + "." + base[i:]
                for i in range(1, len(base))
                if base[i - 1].isdigit() and base[i].isdigit()
            )
    return {value for value in map(parse_points, candidates) if value is not None}


@cache
def _digit_letters() -> dict[int, str]:
    """Each letter OCR gives for a digit, as the digit it most often stands for."""
    return {
        ord(printed): meant[0]
        for printed, meant in _confusions().items()
        if printed.isalpha() and meant[0].isdigit()
    }


@cache
def _confusions() -> dict[str, tuple[str, ...]]:
    meant: dict[str, list[str]] = {}
    with CONFUSIONS.open(encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file):
            meant.setdefault(row["printed"], []).append(row["meant"])
    return {printed: tuple(options) for printed, options in meant.items()}
