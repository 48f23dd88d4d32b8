"""The plan as blocks both renderers (DOCX and HTML) lay out the same way."""

from __future__ import annotations

from dataclasses import dataclass, field

Cell = str | None  # None: a cell covered by a merge (or left empty)
Merge = tuple[tuple[int, int], tuple[int, int]]  # (first row, first col), (last row, last col)


@dataclass
class Para:
    text: str
    style: str = "body"  # body | title | subtitle | heading | center | italic
    indent: bool = True  # first-line indent of body text


@dataclass
class Table:
    rows: list[list[Cell]]
    merges: list[Merge] = field(default_factory=list)
    header_rows: int = 1
    widths: list[float] | None = None  # relative column widths
    borders: bool = True
    bold_rows: set[int] = field(default_factory=set)  # section and heading rows
    repeat_header: bool = False  # header rows printed again at the top of every page

    def __post_init__(self) -> None:
        width = len(self.rows[0])
        assert all(len(r) == width for r in self.rows), "ragged table"


@dataclass
class Section:
    """A new page; `landscape` turns the pages that follow (an appendix table)."""

    landscape: bool = False


Block = Para | Table | Section
