"""Tables with a one-row header or a two-row one whose top cell spans a group of columns
("Điểm" over "Tối đa | Đạt | Bị trừ"), and heading rows left empty or merged across."""

from __future__ import annotations

from dataclasses import dataclass, field

from .blocks import Cell, Table


@dataclass
class Column:
    key: str
    label: str  # the one-row header's words
    short: str | None = None  # under the spanning cell of a two-row header
    width: float = 1.0


@dataclass
class Grid:
    columns: list[Column]
    span: tuple[str, set[str]] | None = None  # spanning label and the keys it covers
    two_rows: bool = False
    repeat_header: bool = False
    rows: list[list[Cell]] = field(default_factory=list)
    merges: list = field(default_factory=list)
    bold: set[int] = field(default_factory=set)

    @property
    def header_rows(self) -> int:
        return 2 if self.two_rows and self.span else 1

    def add(self, values: dict[str, str], *, bold: bool = False) -> None:
        self.rows.append([values.get(c.key, "") for c in self.columns])
        if bold:
            self.bold.add(self.header_rows + len(self.rows) - 1)

    def heading(self, values: dict[str, str], text_key: str, merged: bool) -> None:
        """A row that names a field or a unit: the rest of its cells empty or merged into it."""
        self.add(values, bold=True)
        if merged:
            r = self.header_rows + len(self.rows) - 1
            c = [col.key for col in self.columns].index(text_key)
            self.rows[-1][c + 1 :] = [None] * (len(self.columns) - c - 1)
            self.merges.append(((r, c), (r, len(self.columns) - 1)))

    def table(self) -> Table:
        keys = [c.key for c in self.columns]
        if self.header_rows == 1:
            head = [[c.label for c in self.columns]]
            merges = []
        else:
            label, covered = self.span
            top: list[Cell] = []
            bottom: list[Cell] = []
            merges = []
            spanned = [i for i, k in enumerate(keys) if k in covered]
            for i, c in enumerate(self.columns):
                if c.key in covered:
                    top.append(label if i == spanned[0] else None)
                    bottom.append(c.short or c.label)
                else:
                    top.append(c.label)
                    bottom.append(None)
                    merges.append(((0, i), (1, i)))
            merges.append(((0, spanned[0]), (0, spanned[-1])))
            head = [top, bottom]
        return Table(
            head + self.rows,
            merges + self.merges,
            header_rows=len(head),
            widths=[c.width for c in self.columns],
            bold_rows=set(range(len(head))) | self.bold,
            repeat_header=self.repeat_header,
        )
