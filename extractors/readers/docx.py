"""DOCX -> Document, reading the WordprocessingML body directly.

python-docx opens and validates the package; the body is then walked in document order so that
what python-docx's paragraph / table API hides is read too: content controls (w:sdt), tracked
insertions kept and deletions dropped, text boxes, and merged cells (gridSpan / vMerge) that
appear once with their span. Each cell is visited once (no quadratic table.cell(i, j) loops).
"""

from __future__ import annotations

from pathlib import Path

import docx
from lxml import etree

from extractors.model import Block, Cell, Document, Paragraph, Provenance, Table

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"

# containers whose children belong to the surrounding flow
_TRANSPARENT = {W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "smartTag"}
# subtrees whose text is not part of the document as it reads now
_DROPPED = {W + "del", W + "moveFrom", MC_FALLBACK, W + "pPr", W + "rPr", W + "sdtPr"}
_TEXT = {W + "t": None, W + "tab": " ", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}


def read_docx(path: Path) -> Document:
    body = docx.Document(str(path)).element.body
    blocks: list[Block] = []
    _read_flow(body, blocks)
    return Document(blocks=blocks, file_format="docx", pages=None)


def _children(element: etree._Element, tag: str):
    """Direct children with this tag, looking through content controls and tracked insertions."""
    for child in element.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag in _TRANSPARENT:
            yield from _children(child, tag)


def _read_flow(parent: etree._Element, blocks: list[Block]) -> None:
    for child in parent.iterchildren():
        if child.tag == W + "p":
            _read_paragraph(child, blocks)
        elif child.tag == W + "tbl":
            blocks.append(_read_table(child, len(blocks)))
        elif child.tag in _TRANSPARENT:
            _read_flow(child, blocks)


def _read_paragraph(p: etree._Element, blocks: list[Block]) -> None:
    boxes: list[etree._Element] = []
    text = _paragraph_text(p, boxes)
    num = p.find(f"{W}pPr/{W}numPr")
    level = None
    if num is not None:
        ilvl = num.find(W + "ilvl")
        level = int(ilvl.get(W + "val", "0")) if ilvl is not None else 0
    blocks.append(Paragraph(text=text, prov=Provenance(block=len(blocks)), list_level=level))
    for box in boxes:  # a text box reads after the paragraph that anchors it
        _read_flow(box, blocks)


def _paragraph_text(p: etree._Element, boxes: list[etree._Element] | None = None) -> str:
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
            walk(child)

    walk(p)
    return "".join(parts)


def _read_table(tbl: etree._Element, block: int) -> Table:
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
                paragraphs = [_paragraph_text(p) for p in tc.iter(W + "p")]
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
