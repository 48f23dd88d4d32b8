"""Narrative "lost points" items: a criterion's name as the narrative misprints it, what was
wrong, and the points, in the phrasing and layout the plan drew."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .catalog import Criterion
from .phrases import DEFICIENCIES
from .wording import misprint
from .writer import Writer

PREFIXES = {
    "paren": "Nội dung tồn tại:",
    "bi_tru": "Các nội dung bị trừ điểm:",
    "linh_vuc_nay": "Lĩnh vực này bị trừ điểm ở nội dung:",
    "han_che": "Hạn chế:",
}


@dataclass
class Item:
    text: str
    points: Decimal | None
    code: str | None


def _deficiency(w: Writer) -> str:
    choice = w.dims["deficiency"]
    if choice == "none":
        return ""
    key = w.rng.choice(tuple(DEFICIENCIES)) if choice == "mixed" else choice
    return w.rng.choice((", ", " ")) + DEFICIENCIES[key]


def items(
    w: Writer, lost: list[tuple[Criterion, Decimal]], coded: bool, *, merge: bool = False
) -> list[Item]:
    """One item per criterion; with `merge`, two criteria of one parent make one item that
    carries the parent's code (the analyst's convention)."""
    variant = w.dims["name_variant"]
    out, skip = [], set()
    for i, (criterion, points) in enumerate(lost):
        if i in skip:
            continue
        parent = criterion.code.rsplit(".", 1)[0]
        sibling = next(
            (j for j in range(i + 1, len(lost)) if lost[j][0].code.rsplit(".", 1)[0] == parent),
            None,
        )
        if merge and sibling is not None and parent.count(".") >= 1:
            other, more = lost[sibling]
            skip.add(sibling)
            text = f"{misprint(w.rng, criterion.name, variant)} và {other.name[0].lower()}"
            text += other.name[1:] + _deficiency(w)
            out.append(Item(text, points + more, parent if coded else None))
            continue
        text = misprint(w.rng, criterion.name, variant) + _deficiency(w)
        out.append(Item(text, points, criterion.code if coded else None))
    return out


def _points(w: Writer, item: Item, phrasing: str) -> str:
    if item.points is None:
        return item.text
    n = w.num(item.points)
    if phrasing == "bi_tru":
        return f"{item.text}, bị trừ {n} điểm"
    form = w.rng.choice(("(-{n} điểm)", "( - {n} điểm)", "(- {n} điểm)", "(-{n} điểm)"))
    return f"{item.text} {form.format(n=n)}"


def write(w: Writer, field: str, found: list[Item], *, index: str = "CCHC") -> None:
    phrasing = w.dims.get("deduction_phrasing", "han_che")
    layout = w.dims.get("deduction_layout", "bullets")
    prefix = PREFIXES[phrasing]
    printed = [_points(w, item, phrasing) for item in found]
    if layout == "inline":
        w.para(f"- {prefix} " + "; ".join(printed) + ".")
    else:
        w.para(f"- {prefix}")
        for text in printed:
            w.para(f"+ {text};")
    for item in found:
        w.gold.deduction(field, item.code, item.text, item.points, index=index)
