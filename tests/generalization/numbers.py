"""Points as exact decimals, and the ways plans print them."""

from __future__ import annotations

import random
from decimal import Decimal

QUARTER = Decimal("0.25")


def plain(value: Decimal) -> str:
    """The shortest decimal text of a value: 11, 5.75, 6.505 (never 1E+1)."""
    text = format(value.normalize(), "f")
    return text if "." not in text else text.rstrip("0").rstrip(".")


def as_float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def lost_points(rng: random.Random, max_points: Decimal) -> Decimal:
    """Points a criterion lost: mostly quarters, sometimes a computed three-decimal figure."""
    if rng.random() < 0.65 or max_points <= QUARTER:
        quarters = int(max_points / QUARTER)
        return QUARTER * rng.randint(1, max(1, quarters))
    thousandths = int(max_points * 1000)
    return Decimal(rng.randint(10, thousandths - 10)) / 1000


def spare_points(rng: random.Random, low: int, high: int) -> Decimal:
    """Points of the criteria a plan does not print (they scored full marks)."""
    return QUARTER * rng.randint(low * 4, high * 4)


def two_places(rng: random.Random, low: int, high: int) -> Decimal:
    return Decimal(rng.randint(low * 100, high * 100)) / 100


class Printer:
    """Prints numbers in one plan's style: decimal separator and the sign of lost points."""

    def __init__(self, rng: random.Random, style: str, sign: str = "plain") -> None:
        self.rng, self.style, self.sign = rng, style, sign

    def num(self, value: Decimal, places: int | None = None) -> str:
        text = plain(value) if places is None else f"{value:.{places}f}"
        comma = self.style == "comma" or (self.style == "mixed" and self.rng.random() < 0.5)
        return text.replace(".", ",") if comma else text

    def lost(self, value: Decimal) -> str:
        """A deducted-points cell."""
        text = self.num(value)
        if not value:
            return text
        return {
            "plain": text,
            "signed": f"-{text}",
            "spaced": f"- {text}",
            "parenthesised": f"(-{text})",
        }[self.sign]
