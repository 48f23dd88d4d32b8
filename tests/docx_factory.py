"""Builds small DOCX files for tests, with the WordprocessingML features plans use."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

W = nsdecls("w")


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def paragraph_xml(*parts: str) -> str:
    return f"<w:p {W}>{''.join(parts)}</w:p>"


def content_control(*paragraphs: str) -> str:
    inner = "".join(paragraphs).replace(f" {W}", "")
    return f"<w:sdt {W}><w:sdtPr/><w:sdtContent>{inner}</w:sdtContent></w:sdt>"


def inserted(text: str) -> str:
    return f'<w:ins w:id="1" w:author="a" w:date="2025-01-01T00:00:00Z">{run(text)}</w:ins>'


def deleted(text: str) -> str:
    return (
        f'<w:del w:id="2" w:author="a" w:date="2025-01-01T00:00:00Z">'
        f'<w:r><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>'
    )


def build(path: Path, blocks: list) -> Path:
    """blocks: str (a paragraph), ('xml', raw body XML) or ('table', rows, merges) where merges
    is a list of ((r1, c1), (r2, c2)) cell ranges."""
    document = docx.Document()
    body = document.element.body
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
        elif block[0] == "xml":
            body.insert(len(body) - 1, parse_xml(block[1]))
        else:
            _, rows, merges = block
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, values in enumerate(rows):
                for c, value in enumerate(values):
                    if value is not None:
                        table.rows[r].cells[c].text = value
            for (r1, c1), (r2, c2) in merges:
                table.cell(r1, c1).merge(table.cell(r2, c2))
    document.save(str(path))
    return path
