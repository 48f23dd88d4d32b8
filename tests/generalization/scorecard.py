"""A commune's CCHC results, built bottom-up so every printed sum holds: the points each
criterion lost add up to its field's, the fields to the total."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .catalog import Criterion, criteria_of
from .numbers import QUARTER, lost_points, spare_points
from .phrases import FIELD_NAMES
from .writer import Writer

CCHC_FIELDS = ("1", "2", "3", "4", "5", "6", "7", "8")


@dataclass
class FieldScore:
    index: str
    code: str
    name: str  # as this plan prints it
    max: Decimal
    lost: list[tuple[Criterion, Decimal]] = field(default_factory=list)
    extra_deducted: Decimal = Decimal(0)  # lost on criteria the plan does not detail

    @property
    def deducted(self) -> Decimal:
        return sum((p for _, p in self.lost), Decimal(0)) + self.extra_deducted

    @property
    def score(self) -> Decimal:
        return self.max - self.deducted


def _pick(w: Writer, code: str, merge: bool) -> list[Criterion]:
    pool = criteria_of(code)
    if not pool or w.rng.random() < 0.12:
        return []
    chosen = w.rng.sample(pool, w.rng.randint(1, min(4, len(pool))))
    if merge and code == "7":
        pair = [c for c in pool if c.code.startswith("7b.2.2.")]
        chosen = [c for c in chosen if c not in pair] + pair
    return sorted(chosen, key=lambda c: pool.index(c))


def cchc(w: Writer, *, quarters: bool = False) -> list[FieldScore]:
    merge = w.dims.get("sibling_items") == "merged"
    fields = []
    for code in CCHC_FIELDS:
        chosen = _pick(w, code, merge)
        lost = [
            (c, QUARTER * w.rng.randint(1, int(c.max_points / QUARTER)))
            if quarters
            else (c, lost_points(w.rng, c.max_points))
            for c in chosen
        ]
        spare = spare_points(w.rng, 2, 9)
        total_max = sum((c.max_points for c in chosen), Decimal(0)) + spare
        fields.append(
            FieldScore("CCHC", code, w.rng.choice(FIELD_NAMES[("CCHC", code)]), total_max, lost)
        )
    return fields


def simple(w: Writer, index: str, code: str, max_points: Decimal, *, full: float = 0.25):
    """A field printed with its points only: lost points drawn in hundredths or quarters."""
    fs = FieldScore(index, code, w.rng.choice(FIELD_NAMES[(index, code)]), max_points)
    if w.rng.random() >= full:
        step = QUARTER if w.rng.random() < 0.5 else Decimal("0.01")
        fs.extra_deducted = step * w.rng.randint(1, int(max_points * Decimal("0.4") / step))
    return fs
