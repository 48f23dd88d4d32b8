"""Points OCR misread, recovered by the row's own arithmetic.

A score row prints its maximum, its score and the points deducted: max - score = deducted.
Where a row read by OCR disagrees, or a cell holds no number, each cell's other readings are
tried: one confusion OCR is known to make (data/ocr/confusions.csv: 'S' for 5, 6 for 5, ':'
for the decimal comma...), a stray mark dropped, or a decimal point put back ('0588'). When
exactly one choice of readings makes the row add up, it is taken and reported; otherwise the
row keeps what was read, and the validator reports the disagreement.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache

from extractors.plan.lexicon import read_rows
from normalizers.numbers import parse_points

TOLERANCE = 0.001  # points: a row's printed numbers agree within rounding of the third decimal
MOST_POINTS = 100.0  # an index is scored out of 100: no printed points are more
ROLES = ("max", "score", "deducted")
_LEADING_ZERO = re.compile(r"^[-–(\s]*0\d")
_NOT_NUMBER = re.compile(r"[^\d.,/:;]")
_SEPARATOR_MISREAD = re.compile(r"[/:;]")
_SIGN_ONLY = re.compile(r"^[-–+]$")


@dataclass(frozen=True)
class Recovered:
    role: str
    printed: str
    value: float


def agrees(max_points: float, score: float, deducted: float, tolerance: float = TOLERANCE) -> bool:
    return abs(max_points - score - deducted) <= tolerance + 1e-9


def recover(printed: dict[str, str], values: dict[str, float | None]) -> list[Recovered]:
    """The cell readings that make the row add up, when the row as read does not. A cell read
    as no number must take one of its other readings; one read as a number no clerk prints
    (_odd, or _beside another) may; of the cells read as believable numbers, at most one may.
    Of the choices that add up, the one changing the fewest believable numbers, then the
    fewest numbers doubtful only beside another ('0.5' beside '05'), then taking the fewest
    slips, wins; nothing when the row adds up, when a cell is empty, or when two choices tie."""
    if any(not printed.get(role, "").strip() for role in ROLES):
        return []
    if all(values[r] is not None for r in ROLES) and agrees(*(values[r] for r in ROLES)):
        return []
    odd = _odd(printed, values)
    doubtful = odd | _beside(values)
    options = []
    for role in ROLES:
        others = [
            (role, value, cost)
            for value, cost in sorted(readings(printed[role]).items())
            if value != values[role]
        ]
        options.append(others if values[role] is None else [None, *others])
    found: dict[tuple[int, int, int], set] = {}
    for choice in itertools.product(*options):
        changed = [c for c in choice if c is not None]
        believed = sum(role not in doubtful and values[role] is not None for role, *_ in changed)
        if believed > 1:
            continue
        trial = {**values, **{role: value for role, value, _ in changed}}
        # exactly: a reading a thousandth off (1.376 for 1.375) must not pass for the one
        if agrees(*(trial[r] for r in ROLES), tolerance=0):
            beside = sum(role in doubtful - odd for role, *_ in changed)
            rank = (believed, beside, sum(cost for _, _, cost in changed))
            found.setdefault(rank, set()).add(tuple((role, value) for role, value, _ in changed))
    if not found:
        return []
    best = found[min(found)]
    if len(best) != 1:
        return []
    return [Recovered(role, printed[role], value) for role, value in best.pop()]


def _odd(printed: dict[str, str], values: dict[str, float | None]) -> set[str]:
    """The cells read as numbers no clerk prints: a leading zero with no decimal point ('025'),
    more points than an index has ('925' for 9,25)."""
    return {
        role
        for role in ROLES
        if _LEADING_ZERO.match(printed[role].strip())
        or (values[role] is not None and values[role] > MOST_POINTS)
    }


def _beside(values: dict[str, float | None]) -> set[str]:
    """The cells doubtful beside each other: when a part is more than the maximum ('25' of 4,
    or 9.525 of '1' for 11), that part and the maximum."""
    out: set[str] = set()
    most = values["max"]
    for role in ("score", "deducted"):
        if most is not None and values[role] is not None and values[role] > most + TOLERANCE:
            out |= {role, "max"}
    return out


def readings(text: str) -> dict[float, int]:
    """The values a cell's text may have meant, each with the slips it takes: none from the
    text, from it with its letters read as the digits they look like ('li' is 11), or from its
    digits and separators alone (specks, a bracket read as 'C', a space inside the number);
    one more for one OCR slip away from any of those."""
    text = text.strip()
    mapped = text.translate(_digit_letters())
    found: dict[float, int] = {}
    for base in {text, mapped, _digits_only(text), _digits_only(mapped)}:
        for candidate, cost in [(base, 0), *((c, 1) for c in _one_slip(base))]:
            value = parse_points(candidate)
            if value is not None and cost < found.get(value, 2):
                found[value] = cost
    return found


def _one_slip(text: str) -> set[str]:
    """The texts one confusion, one dropped mark, one lost decimal point or the lone 1 after a
    sign away (OCR reads '-1' alone as '-')."""
    out = {text + "1"} if _SIGN_ONLY.match(text) else set()
    for i, char in enumerate(text):
        for meant in _confusions().get(char, ()):
            out.add(text[:i] + meant + text[i + 1 :])
        if not char.isdigit():
            out.add(text[:i] + text[i + 1 :])
    if not any(c in ".," for c in text):  # a decimal point the scan lost: '0588' is 0.588
        put_back = (
            text[:i] + "." + text[i:]
            for i in range(1, len(text))
            if text[i - 1].isdigit() and text[i].isdigit()
        )
        out.update(t for t in put_back if not _LEADING_ZERO.match(t))  # never '09.66'
    return out


def _digits_only(text: str) -> str:
    return _SEPARATOR_MISREAD.sub(",", _NOT_NUMBER.sub("", text))


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
    for row in read_rows("ocr/confusions.csv"):
        meant.setdefault(row["printed"], []).append(row["meant"])
    return {printed: tuple(options) for printed, options in meant.items()}
