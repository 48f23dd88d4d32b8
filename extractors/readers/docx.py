"""DOCX -> Document, reading the WordprocessingML body directly.

python-docx opens and validates the package; the body is then walked in document order so that
what python-docx's paragraph / table API hides is read too: content controls (w:sdt), tracked
insertions kept and deletions dropped, text boxes, and merged cells (gridSpan / vMerge) that
appear once with their span. Each cell is visited once (no quadratic table.cell(i, j) loops).
A run typed in a legacy Vietnamese font (TCVN3 .VnTime, VNI-Times) is converted to Unicode by
its font, the font told by the run, its styles or the document defaults (normalizers.legacy).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import docx
from lxml import etree

from extractors.model import Block, Cell, Document, Paragraph, Provenance, Table
from normalizers import legacy

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_RPR, _RSTYLE, _RFONTS, _VAL = W + "rPr", W + "rStyle", W + "rFonts", W + "val"
# a theme font wins over a named one; characters past ASCII are drawn in the hAnsi font
_FONT_ATTRIBUTES = tuple(W + n for n in ("hAnsiTheme", "hAnsi", "asciiTheme", "ascii"))

# containers whose children belong to the surrounding flow
_TRANSPARENT = {W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "smartTag"}
# subtrees whose text is not part of the document as it reads now
_DROPPED = {W + "del", W + "moveFrom", MC_FALLBACK, W + "pPr", W + "rPr", W + "sdtPr"}
# a soft hyphen is invisible, but in a TCVN3 run its byte is the letter ư: kept until the run's
# font is known (LibreOffice writes that byte as w:softHyphen)
_TEXT = {
    W + "t": None,
    W + "tab": " ",
    W + "br": "\n",
    W + "cr": "\n",
    W + "noBreakHyphen": "-",
    W + "softHyphen": legacy.SOFT_HYPHEN,
}


def read_docx(path: Path) -> Document:
    package = docx.Document(str(path))
    body = package.element.body
    run_fonts = _run_fonts(body, _Fonts(package.styles.element))
    reading = _Reading(run_fonts, legacy.Converter.for_fonts(_font_texts(run_fonts)))
    blocks: list[Block] = []
    _read_flow(body, blocks, reading)
    return Document(
        blocks=blocks, file_format="docx", pages=None, legacy_runs=dict(reading.convert.runs)
    )


class _Fonts:
    """The font a run's (non-ASCII Latin) text is drawn in: set on the run, else by its
    character style, else by its paragraph's style (each through the styles it is based on),
    else the document's default."""

    def __init__(self, styles: etree._Element):
        self.own: dict[str, str | None] = {}
        self.based_on: dict[str, str | None] = {}
        self.default_style: str | None = None
        for style in styles.iterchildren(W + "style"):
            name = style.get(W + "styleId")
            self.own[name] = _font(style.find(W + "rPr"))
            self.based_on[name] = _val(style.find(W + "basedOn"))
            if style.get(W + "type") == "paragraph" and style.get(W + "default") in ("1", "true"):
                self.default_style = name
        self.default = _font(styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr"))
        # a document has a handful of styles and thousands of runs: each chain is walked once
        self._of_style: dict[str | None, str | None] = {}

    def of_style(self, name: str | None) -> str | None:
        if name not in self._of_style:
            self._of_style[name] = self._walk_style(name)
        return self._of_style[name]

    def _walk_style(self, name: str | None) -> str | None:
        seen = set()
        while name and name not in seen:
            seen.add(name)
            if self.own.get(name):
                return self.own[name]
            name = self.based_on.get(name)
        return None

    def of_run(self, run: etree._Element, paragraph_style: str | None) -> str | None:
        props = run.find(_RPR)
        character_style = _val(props.find(_RSTYLE)) if props is not None else None
        return (
            _font(props)
            or self.of_style(character_style)
            or self.of_style(paragraph_style or self.default_style)
            or self.default
        )


def _font(props: etree._Element | None) -> str | None:
    fonts = props.find(_RFONTS) if props is not None else None
    if fonts is None:
        return None
    return next(filter(None, map(fonts.get, _FONT_ATTRIBUTES)), None)


def _val(element: etree._Element | None) -> str | None:
    return element.get(_VAL) if element is not None else None


def _paragraph_style(p: etree._Element | None) -> str | None:
    return _val(p.find(f"{W}pPr/{W}pStyle")) if p is not None else None


def _run_fonts(body: etree._Element, fonts: _Fonts) -> dict[etree._Element, str | None]:
    """Every run of the body, in document order, with the font it is drawn in (told once: the
    fonts group the text before any run is converted, and convert it after)."""
    styles: dict[etree._Element | None, str | None] = {}  # paragraph -> its style
    found = {}
    for run in body.iter(W + "r"):
        p = next(run.iterancestors(W + "p"), None)
        if p not in styles:
            styles[p] = _paragraph_style(p)
        found[run] = fonts.of_run(run, styles[p])
    return found


def _font_texts(run_fonts: dict[etree._Element, str | None]) -> dict[str | None, str]:
    """All the text of the document by the font it is drawn in: a font no name says is legacy
    is told by its text."""
    texts: dict[str | None, list[str]] = defaultdict(list)
    for run, font in run_fonts.items():
        pieces = run.iter(W + "t", W + "softHyphen")
        texts[font].extend(_TEXT[t.tag] or t.text or "" for t in pieces)
    return {font: "".join(parts) for font, parts in texts.items()}


@dataclass
class _Reading:
    """One document's fonts and its converter of legacy-font runs."""

    run_fonts: dict[etree._Element, str | None]  # every run of the body
    convert: legacy.Converter

    def run_text(self, run: etree._Element, text: str) -> str:
        converted = self.convert(text, self.run_fonts[run])
        return converted.replace(legacy.SOFT_HYPHEN, "")  # what is left is a real soft hyphen


def _children(element: etree._Element, tag: str):
    """Direct children with this tag, looking through content controls and tracked insertions."""
    for child in element.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag in _TRANSPARENT:
            yield from _children(child, tag)


def _read_flow(parent: etree._Element, blocks: list[Block], reading: _Reading) -> None:
    for child in parent.iterchildren():
        if child.tag == W + "p":
            _read_paragraph(child, blocks, reading)
        elif child.tag == W + "tbl":
            blocks.append(_read_table(child, len(blocks), reading))
        elif child.tag in _TRANSPARENT:
            _read_flow(child, blocks, reading)


def _read_paragraph(p: etree._Element, blocks: list[Block], reading: _Reading) -> None:
    boxes: list[etree._Element] = []
    text = _paragraph_text(p, reading, boxes)
    num = p.find(f"{W}pPr/{W}numPr")
    level = None
    if num is not None:
        ilvl = num.find(W + "ilvl")
        level = int(ilvl.get(W + "val", "0")) if ilvl is not None else 0
    blocks.append(Paragraph(text=text, prov=Provenance(block=len(blocks)), list_level=level))
    for box in boxes:  # a text box reads after the paragraph that anchors it
        _read_flow(box, blocks, reading)


def _paragraph_text(
    p: etree._Element, reading: _Reading, boxes: list[etree._Element] | None = None
) -> str:
    parts: list[str] = []

    def walk(element: etree._Element) -> None:
        for child in element.iterchildren():
            tag = child.tag
            if tag in _DROPPED:
                continue
            if tag == W + "txbxContent":
                if boxes is not None:
                    boxes.append(child)
                continue
            if tag in _TEXT:
                fixed = _TEXT[tag]
                parts.append((child.text or "") if fixed is None else fixed)
                continue
            if tag == W + "r":  # a run's text is converted as a whole, by the run's font
                start = len(parts)
                walk(child)
                parts[start:] = [reading.run_text(child, "".join(parts[start:]))]
                continue
            walk(child)

    walk(p)
    return "".join(parts)


def _read_table(tbl: etree._Element, block: int, reading: _Reading) -> Table:
    cells: list[Cell] = []
    open_cells: dict[int, Cell] = {}  # grid column -> the cell a vertical merge continues
    n_rows = n_cols = 0
    for r, tr in enumerate(_children(tbl, W + "tr")):
        n_rows = r + 1
        col = _int_val(tr.find(f"{W}trPr/{W}gridBefore"), 0)
        for tc in _children(tr, W + "tc"):
            props = tc.find(W + "tcPr")
            span = _int_val(props.find(W + "gridSpan") if props is not None else None, 1)
            merge = props.find(W + "vMerge") if props is not None else None
            continues = merge is not None and merge.get(W + "val", "continue") == "continue"
            above = open_cells.get(col)
            if continues and above is not None and above.col_span == span:
                above.row_span = r - above.row + 1
            else:
                paragraphs = [_paragraph_text(p, reading) for p in tc.iter(W + "p")]
                cell = Cell(row=r, col=col, paragraphs=paragraphs, col_span=span)
                cells.append(cell)
                open_cells[col] = cell
            col += span
        n_cols = max(n_cols, col)
    return Table(cells=cells, n_rows=n_rows, n_cols=n_cols, prov=Provenance(block=block))


def _int_val(element: etree._Element | None, default: int) -> int:
    if element is None:
        return default
    try:
        return int(element.get(W + "val"))
    except (TypeError, ValueError):
        return default
