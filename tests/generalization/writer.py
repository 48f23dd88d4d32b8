"""What every kind writes with: the blocks so far, the gold, the plan's facts and dimensions."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .blocks import Block, Para, Section, Table
from .facts import Facts
from .gold import Gold
from .numbers import Printer

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
LETTERS = "abcdefghiklmnopq"  # Vietnamese lists skip j


@dataclass
class Writer:
    rng: random.Random
    facts: Facts
    dims: dict[str, str]
    gold: Gold = field(default_factory=Gold)
    blocks: list[Block] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.printer = Printer(
            self.rng, self.dims["number_style"], self.dims.get("deduction_sign", "plain")
        )

    def num(self, value, places: int | None = None) -> str:
        return self.printer.num(value, places)

    def para(self, text: str, style: str = "body", indent: bool = True) -> None:
        self.blocks.append(Para(self.facts.fill(text) if "{" in text else text, style, indent))

    def heading(self, text: str) -> None:
        self.para(text, "heading", indent=False)

    def table(self, table: Table) -> None:
        self.blocks.append(table)

    def section(self, landscape: bool = False) -> None:
        self.blocks.append(Section(landscape))

    def part(self, n: int, title: str) -> None:
        """A top-level part: "II. NỘI DUNG THỰC HIỆN" (A., B. when fields take roman)."""
        mark = "ABCDEFG"[n - 1] if self.dims["section_numbering"] == "roman" else ROMAN[n - 1]
        self.heading(f"{mark}. {title}")

    def field_mark(self, parent: str, n: int) -> str:
        """The number a field's section prints before its title (never its field code)."""
        style = self.dims["section_numbering"]
        if style == "roman":
            return f"{ROMAN[n - 1]}. "
        if style == "arabic":
            return f"{n}. "
        if style == "nested":
            return f"{parent}.{n}. "
        if style == "letters":
            return f"{LETTERS[n - 1]}) "
        return ""

    def sub_mark(self, parent: str, n: int, k: int) -> str:
        """The number of a sub-section (7a, 7b) of the n-th field section."""
        if self.dims["section_numbering"] == "nested":
            return f"{parent}.{n}.{k}. "
        return f"{n}.{k}. "
