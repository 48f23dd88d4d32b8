"""Blocks -> an HTML page Chromium prints: the landscape appendix is a CSS named page."""

from __future__ import annotations

from html import escape
from pathlib import Path

from .blocks import Block, Para, Section, Table

STYLE = """
@page { size: A4 portrait; margin: 20mm 20mm 20mm 30mm; }
@page wide { size: A4 landscape; margin: 20mm; }
body { font-family: "Times New Roman", "DejaVu Serif", serif; font-size: 13pt; }
.wide { page: wide; }
.part + .part { break-before: page; }
p { margin: 0 0 4pt 0; text-align: justify; line-height: 1.3; }
p.indent { text-indent: 1cm; }
p.title { text-align: center; font-weight: bold; font-size: 14pt; margin-top: 10pt; }
p.subtitle, p.center, p.italic { text-align: center; }
p.subtitle, p.heading { font-weight: bold; }
p.italic { font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0; font-size: 12pt; }
table.grid td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; }
table.plain td { text-align: center; vertical-align: top; padding: 0 4pt; }
td.b { font-weight: bold; }
div.left { text-align: left; }
"""


def write(blocks: list[Block], path: Path) -> Path:
    parts, current, wide = [], [], False
    for block in blocks:
        if isinstance(block, Section):
            parts.append((wide, current))
            current, wide = [], block.landscape
        elif isinstance(block, Para):
            current.append(_paragraph(block))
        else:
            current.append(_table(block))
    parts.append((wide, current))
    body = "\n".join(
        f'<div class="part{" wide" if is_wide else ""}">\n' + "\n".join(html) + "\n</div>"
        for is_wide, html in parts
    )
    page = (
        '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
        f"<style>{STYLE}</style></head><body>\n{body}\n</body></html>\n"
    )
    path.write_text(page, encoding="utf-8")
    return path


def _paragraph(block: Para) -> str:
    classes = block.style + (" indent" if block.style == "body" and block.indent else "")
    return f'<p class="{classes}">{escape(block.text)}</p>'


def _table(block: Table) -> str:
    covered: set[tuple[int, int]] = set()
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    for (r1, c1), (r2, c2) in block.merges:
        spans[(r1, c1)] = (r2 - r1 + 1, c2 - c1 + 1)
        covered |= {(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)} - {(r1, c1)}
    widths = block.widths or [1.0] * len(block.rows[0])
    cols = "".join(f'<col style="width:{100 * w / sum(widths):.1f}%">' for w in widths)
    rows = []
    for r, values in enumerate(block.rows):
        cells = []
        for c, value in enumerate(values):
            if (r, c) in covered:
                continue
            rowspan, colspan = spans.get((r, c), (1, 1))
            attrs = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (
                f' colspan="{colspan}"' if colspan > 1 else ""
            )
            text = _cell_text(value or "", block.borders)
            bold = r in block.bold_rows or (not block.borders and (value or "").isupper())
            classes = " ".join(x for x in ("b" if bold else "",) if x)
            cells.append(f"<td{attrs}{f' class={classes!r}' if classes else ''}>{text}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    kind = "grid" if block.borders else "plain"
    # Chromium prints a <thead> again on every page a table runs onto
    split = block.header_rows if block.repeat_header else 0
    head = f"<thead>{''.join(rows[:split])}</thead>" if split else ""
    return (
        f'<table class="{kind}"><colgroup>{cols}</colgroup>{head}'
        f"<tbody>{''.join(rows[split:])}</tbody></table>"
    )


def _cell_text(value: str, grid: bool) -> str:
    lines = value.split("\n")
    if grid:
        return "<br>".join(escape(line) for line in lines)
    # header and signature blocks: centred lines, the list of recipients to the left
    return "".join(
        f'<div class="left">{escape(line)}</div>'
        if line.startswith(("-", "Nơi"))
        else f"<div>{escape(line) or '&nbsp;'}</div>"
        for line in lines
    )
