"""The typed objects that cross each stage boundary.

reader -> Document (blocks with provenance) -> Extraction (records) -> Parquet tables.
Readers know formats, not plans; record extraction knows plans, not formats.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

BBox = tuple[float, float, float, float]


@dataclass(frozen=True)
class Provenance:
    """Where a block came from: page and bbox for PDFs, block / row / column index for DOCX."""

    block: int
    page: int | None = None
    bbox: BBox | None = None
    row: int | None = None
    col: int | None = None


@dataclass
class Paragraph:
    text: str
    prov: Provenance
    list_level: int | None = None  # set when the paragraph is an automatically numbered list item
    ocr: bool = False  # its text was read by OCR from a page image


@dataclass
class Cell:
    """One table cell; a merged cell appears once, at its top-left position, with its span."""

    row: int
    col: int
    paragraphs: list[str]
    row_span: int = 1
    col_span: int = 1
    bbox: BBox | None = None
    page: int | None = None

    @property
    def text(self) -> str:
        return " ".join(p for p in self.paragraphs if p.strip())


@dataclass
class Table:
    cells: list[Cell]
    n_rows: int
    n_cols: int
    prov: Provenance
    method: str = "docx"  # how the table was found (docx, pdfplumber-lattice, camelot-...)
    # rows found from text alignment, not from rules: one printed row may come as several
    rows_from_text: bool = False
    ocr: bool = False  # its text was read by OCR from a page image

    def grid(self) -> list[list[Cell | None]]:
        """Rows of cells by column; a merged cell sits in its first row and column only."""
        rows: list[list[Cell | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for cell in self.cells:
            rows[cell.row][cell.col] = cell
        return rows


Block = Paragraph | Table


@dataclass
class Document:
    """What a reader returns: blocks in reading order."""

    blocks: list[Block]
    file_format: str  # docx | pdf | pdf_scanned
    pages: int | None = None
    warnings: list[str] = field(default_factory=list)
    # runs of text typed in a legacy font and converted to Unicode, by encoding (tcvn3, vni)
    legacy_runs: dict[str, int] = field(default_factory=dict)


# ---- records -------------------------------------------------------------------------------


@dataclass
class Decision:
    number: str
    date: date | None


@dataclass
class DocumentInfo:
    doc_kind: str | None = None
    title: str | None = None
    unit_type: str | None = None
    unit_name: str | None = None
    district: str | None = None
    province: str | None = None
    index_year: int | None = None
    signer: str | None = None
    decisions: list[Decision] = field(default_factory=list)
    # where the unit is, from the gazetteer, not the document: filled by the run
    # (pipeline/gazetteer.py)
    district_resolved: str | None = None
    province_resolved: str | None = None
    unit_code: str | None = None
    unit_2025: str | None = None
    province_2025: str | None = None


@dataclass
class Score:
    index: str
    level: str  # total | group | field | criterion
    code: str | None
    name: str | None = None
    max_points: float | None = None
    score: float | None = None
    deducted: float | None = None
    rank: int | None = None
    rank_of: int | None = None
    reason: str | None = None
    match_score: float | None = None
    page: int | None = None
    field: str | None = None  # the field whose section or table rows the score stands in

    @property
    def key(self) -> tuple[str, str, str | None]:
        # a criterion printed without its code is its own row until a catalog gives it one;
        # an index has one total however it is named ("TỔNG CỘNG", "Tổng điểm")
        named = f"name:{self.name}" if self.level != "total" else None
        return (self.index, self.level, self.code or named)


@dataclass
class Deduction:
    index: str
    field: str | None
    text: str
    points: float | None
    code: str | None = None
    match_score: float | None = None
    page: int | None = None
    # other readings of a printed number ('-05' may be 0.5); settled against the score tables
    point_readings: tuple[float, ...] = ()
    scope: str | None = None  # the sub-group (7a, 7b) whose section the item stands in


@dataclass
class Task:
    index: str
    field: str | None
    text: str
    code: str | None = None
    lead: str | None = None
    partners: str | None = None
    deadline: str | None = None
    page: int | None = None


@dataclass
class Finding:
    severity: str  # error | warning | info
    check: str
    message: str
    table: str | None = None
    code: str | None = None


@dataclass
class Extraction:
    info: DocumentInfo
    scores: list[Score] = field(default_factory=list)
    deductions: list[Deduction] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.scores or self.deductions or self.tasks)
