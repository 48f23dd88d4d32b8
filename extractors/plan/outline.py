"""The plan's outline: every line annotated with where it stands.

Walks the document's blocks once and tells, for each paragraph, its section (the headings above
it: numbered "II.", "A.", "1.2.", or a field's name standing alone, "a) Cải cách thể chế"), the
index (CCHC / PAPI) and field the section is about, what kind of section it is (solutions,
results, organisation...), the label the line carries ("Đơn vị chủ trì:", "Nội dung tồn tại:")
and the label whose scope it falls in. Tables are passed through with the same context. Record
extractors read this stream; none of them looks at the file format.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from rapidfuzz import fuzz

from extractors.model import Document, Paragraph, Table
from extractors.plan import lexicon
from extractors.plan.fields import THRESHOLD, WEAK_THRESHOLD, catalog, match_field, match_key
from extractors.plan.tables import TableReading, read_table
from normalizers.text import UPPER, clean, toneless

_MARKER = re.compile(
    r"""^\s*(?:
        (?P<roman>[IVX]{1,4})[.)]\s+
      | (?P<ocr_roman>[IVXH][IVXLl1H]{0,3}(?=\.?\s+[UPPER]{2,}\b)|(?=[IVXH]{2,4}\.\s)[IVX]*H[IVXH]*)
        \.?\s+
      | (?P<capital>[A-ZĐ])\.\s+(?=[UPPER])
      | (?P<number>\d{1,2}(?:\.\s?\d{1,2})+)\.?\s+
      | (?P<single>\d{1,2})[.)]\s+
      | (?P<letter>[a-zđ])\)\s*
      | (?P<bullet>[-+*•–−·])\s*
    )""".replace("[UPPER]", f"[{UPPER}]"),
    re.VERBOSE,
)
PAPI = re.compile(r"\bPAPI\b|quản trị và hành chính công", re.IGNORECASE)
CCHC = re.compile(r"\bCCHC\b|cải cách (?:nền )?hành chính", re.IGNORECASE)
TASK_ITEM_WORDS = 6  # a numbered line this long with nothing under it is an item, not a heading
# labels that say who does a plan's tasks and by when ("Đơn vị chủ trì:", "Giao ...")
UNIT_LABELS = ("lead", "partners", "deadline", "assign")


def index_named(text: str) -> str | None:
    """The index (PAPI or CCHC) a heading or clause speaks of, if it names one."""
    if PAPI.search(text):
        return "PAPI"
    if CCHC.search(text):
        return "CCHC"
    return None


_ASSIGN = re.compile(r"^(?:[^,:]{0,60},\s*)?giao\s+(?:cho\s+)?(?P<value>.+)$", re.IGNORECASE)


@dataclass(frozen=True)
class Marker:
    kind: str  # roman | part | capital | number | letter | bullet | auto | none
    label: str
    level: float | None = None  # the depth of a heading known by its words, not its number

    @property
    def depth(self) -> float | None:
        if self.level is not None:
            return self.level
        if self.kind == "roman":
            return 1
        if self.kind == "capital":  # "A. Công tác cải cách hành chính" between "II." and "1."
            return 1.5
        if self.kind == "part":  # "B. NỘI DUNG KHẮC PHỤC" above "I.", "II."
            return 0.5
        if self.kind == "number":
            return 1 + self.label.count(".") + 1
        return None


def split_marker(text: str) -> tuple[Marker, str]:
    match = _MARKER.match(text)
    if not match:
        return Marker("none", ""), text.strip()
    kind = match.lastgroup
    label = match.group(kind).replace(" ", "")
    if kind == "single":
        kind = "number"
    elif kind == "ocr_roman":
        # OCR reads the strokes of "II." as "IL", "Il", "lI" or "H" ("HI." for "III."): a roman
        # heading before capitals, or one with an H and its dot ("HI. Các giải pháp")
        kind, label = "roman", re.sub(r"[Ll1]", "I", label).replace("H", "II")
    return Marker(kind, label), text[match.end() :].strip()


def subject(text: str) -> str:
    """What a heading or item is about: its words before a ':' (the rest is its content)."""
    return text.split(":", 1)[0].strip(" .;")


@dataclass(eq=False)
class Section:
    depth: float
    title: str
    index: str
    parent: Section | None = None
    named: bool = False  # opened by a field's name alone ("a) Cải cách thể chế"), not a number
    kind: str | None = None
    field: str | None = None
    is_field: bool = False
    subgroup: int | None = None  # ordinal of a sub-group heading (7a, 7b) inside its field
    state: str | None = None
    children: list[Section] = dataclasses.field(default_factory=list)
    lines: int = 0  # lines under the heading itself (not its sub-headings), unit labels aside
    unit_lines: int = 0  # lines under it that only say who does its tasks or by when

    def chain(self):
        section: Section | None = self
        while section is not None:
            yield section
            section = section.parent

    def inherited(self, attribute: str) -> str | None:
        return next((getattr(s, attribute) for s in self.chain() if getattr(s, attribute)), None)

    @property
    def group_section(self) -> Section | None:
        return next((s for s in self.chain() if s.subgroup is not None), None)

    @property
    def section_kind(self) -> str | None:
        return self.inherited("kind")


@dataclass
class Line:
    text: str  # the whole line, cleaned
    body: str  # the line without its marker
    marker: Marker
    section: Section
    zone: str  # preamble | body | closing | appendix
    page: int | None
    label: str | None = None  # the label this line carries
    value: str | None = None  # what follows the label
    state: str | None = None  # the label whose scope the line is in
    ocr: bool = False  # read by OCR: its numbers may be misread

    @property
    def is_heading(self) -> bool:
        return self.marker.depth is not None

    @property
    def gives_units(self) -> bool:
        """The line says who does tasks or by when ("+ Cơ quan chủ trì: ...", "Giao ...")."""
        return self.label in UNIT_LABELS and bool(self.value)

    @property
    def is_bare_item(self) -> bool:
        """A numbered line that is an item of a numbered list ("1. Tăng cường công tác kiểm tra
        ..."), not a heading: no field, no part of the plan, nothing under it but its own lead,
        partners or deadline. Without such labels only a long line is one (a heading's words
        are few)."""
        section = self.section
        return (
            self.is_heading
            and not section.lines
            and not section.children
            and not section.is_field
            and section.subgroup is None
            and find_label(self.body) is None  # "2. Nhiệm vụ, giải pháp cụ thể" heads tasks
            and (section.unit_lines > 0 or len(self.body.split()) >= TASK_ITEM_WORDS)
        )


@dataclass
class TableAt:
    table: Table
    section: Section
    zone: str

    @cached_property
    def reading(self) -> TableReading | None:
        """The table's layout and rows, read once for every record extractor."""
        return read_table(self.table.grid(), self.table.rows_from_text)


@lru_cache(maxsize=1 << 12)  # asked of a line by the outline and again by the record extractors
def find_label(body: str) -> tuple[str, str] | None:
    """The label an item opens with, and its value."""
    key = toneless(body)
    for label in lexicon.labels():
        match = label.pattern.match(key)
        if match:
            return label.kind, body[match.end() :].strip()
    assignment = _ASSIGN.match(body)
    if assignment:
        return "assign", assignment.group("value").strip()
    return None


def is_field_name(marker: Marker, body: str, index: str) -> bool:
    """A lettered or unnumbered line that is a field's name and nothing more ("a) Cải cách thể
    chế", "Nội dung cải cách TTHC") heads that field's section; a line holding a field's name
    among other words ("Thực hiện tốt công tác cải cách TTHC") does not, nor a sentence."""
    if marker.kind not in ("letter", "auto", "none") or body.endswith((".", ";")):
        return False
    if find_label(body):
        return False
    key = match_key(body.rstrip(":"))
    return bool(key) and any(
        fuzz.token_sort_ratio(key, name) >= THRESHOLD
        for field in catalog()
        if field.index == index
        for name in field.keys
    )


def section_kind(title: str) -> str | None:
    for kind, pattern in lexicon.section_kinds():
        if pattern.search(title):
            return kind
    return None


def zone_of(text: str) -> str | None:
    for zone, pattern in lexicon.zones():
        if pattern.match(text):
            return zone
    return None


class _Walker:
    def __init__(self) -> None:
        self.root = Section(depth=0, title="", index="CCHC")
        self.current = self.root
        self.zone = "preamble"
        self.events: list[Line | TableAt] = []
        self.capitals_above_romans: bool | None = None  # decided by the first capital heading

    def table(self, table: Table) -> None:
        self.events.append(TableAt(table, self.current, self.zone))

    def paragraph(self, paragraph: Paragraph) -> None:
        text = clean(paragraph.text)
        if not text:
            return
        zone = zone_of(text)
        if zone and (zone != "closing" or self.zone != "appendix"):
            self.zone = zone
            if zone == "appendix":
                self.current = Section(depth=0, title=text, index=self.root.index, kind="appendix")
        if self.zone == "appendix" and not zone:
            self._appendix_index(text)
        marker, body = split_marker(text)
        if marker.kind == "none" and paragraph.list_level is not None:
            marker = Marker("auto", str(paragraph.list_level))
        if marker.kind == "capital" and self.zone in ("preamble", "body"):
            marker = self._capital(marker)
        if self.zone == "body" and is_field_name(marker, body, self.current.index):
            marker = Marker(marker.kind, marker.label, self._numbered().depth + 0.5)
        if self.zone in ("preamble", "body") and marker.depth is not None:
            self.zone = "body"
            self._open(marker, body)
        line = Line(text, body, marker, self.current, self.zone, paragraph.prov.page)
        line.ocr = paragraph.ocr
        if marker.depth is None:
            labelled = find_label(body)
            if labelled:
                line.label, line.value = labelled
                # a label line sets what the following unlabelled lines of its section are
                self.current.state = line.label
            if line.gives_units:
                self.current.unit_lines += 1
            else:
                self.current.lines += 1
        line.state = self.current.state
        self.events.append(line)

    def _appendix_index(self, text: str) -> None:
        """An appendix's title says which index its tables are about."""
        self.current.index = index_named(text) or self.current.index

    def _capital(self, marker: Marker) -> Marker:
        """'A.', 'B.' headings are parts above the roman ones when they come before any roman
        heading ("B. NỘI DUNG KHẮC PHỤC" / "I. ..."), else they stand between roman and arabic."""
        if self.capitals_above_romans is None:
            self.capitals_above_romans = not any(
                s.depth == 1 for s in self.current.chain() if s is not self.root
            )
        return Marker("part", marker.label) if self.capitals_above_romans else marker

    def _numbered(self) -> Section:
        """The nearest numbered heading above: a field named without a number stands under it,
        and beside the fields named before it."""
        return next(s for s in self.current.chain() if not s.named)

    def _open(self, marker: Marker, body: str) -> None:
        depth = marker.depth
        parent = self.current
        while parent.depth >= depth:
            parent = parent.parent
        section = Section(
            depth=depth,
            title=subject(body),
            index=parent.index,
            parent=parent,
            named=marker.level is not None,
        )
        self._classify(section, parent, find_label(body))
        parent.children.append(section)
        self.current = section

    def _classify(self, section: Section, parent: Section, labelled) -> None:
        """What a new heading is: a field, one of a field's sub-groups (7a, 7b), or a part of
        the plan whose title says what it holds (results, solutions...) and which index."""
        inside = parent.inherited("field")
        siblings_are_fields = sum(1 for c in parent.children if c.is_field) >= 2
        threshold = WEAK_THRESHOLD if siblings_are_fields else THRESHOLD
        matched = match_field(section.title, section.index, inside, threshold)
        kind = "results" if labelled and labelled[0] == "result" else section_kind(section.title)
        if inside and parent.is_field and kind is None:
            section.field = inside
            section.subgroup = 1 + sum(1 for c in parent.children if c.subgroup is not None)
        elif matched and not (inside and matched[0] == inside):
            section.field, section.is_field = matched[0], True
            section.kind = kind if kind == "results" else None
        else:
            section.field, section.kind = inside, kind
            section.index = index_named(section.title) or section.index


def walk(document: Document) -> list[Line | TableAt]:
    walker = _Walker()
    for block in document.blocks:
        if isinstance(block, Table):
            walker.table(block)
        else:
            walker.paragraph(block)
    return walker.events
