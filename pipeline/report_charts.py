"""The report's charts: Matplotlib figures rendered to inline SVG.

SVG, not a JavaScript plotting bundle: the page stays small, needs no script to draw and opens
from a USB stick. Text stays text in the SVG (svg.fonttype none), so the browser draws the
Vietnamese labels with its own fonts and they can be searched and copied.
"""

from __future__ import annotations

import io
import re

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure

STYLE = {
    "svg.fonttype": "none",
    "svg.hashsalt": "cchc-report",  # the same tables give the same page
    "font.family": ["DejaVu Sans", "sans-serif"],
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
LOST = LinearSegmentedColormap.from_list("lost", ["#fff7ec", "#fc8d59", "#b30000"])
OVERDUE, UPCOMING = "#c0392b", "#2e86c1"
_XML_PROLOGUE = re.compile(r"^.*?(?=<svg)", re.DOTALL)


def to_svg(figure: Figure) -> str:
    """The figure as an <svg> element to put in the page (no XML prologue or doctype)."""
    buffer = io.StringIO()
    with matplotlib.rc_context(STYLE):
        figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    return _XML_PROLOGUE.sub("", buffer.getvalue(), count=1)


def _figure(width: float, height: float) -> Figure:
    """A figure; call inside rc_context(STYLE), which axes read their style from."""
    return Figure(figsize=(width, height))


def heatmap(lost: pd.DataFrame, fields: pd.Series) -> str:
    """Points lost, criterion (rows, grouped by field) x unit (columns); 0 is left blank.

    `lost` is indexed by criterion code in display order; `fields` gives each code's field.
    """
    rows, columns = lost.shape
    with matplotlib.rc_context(STYLE):
        figure = _figure(2.2 + 0.55 * columns, 1.2 + 0.2 * rows)
        axes = figure.add_subplot()
        values = lost.to_numpy(dtype=float)
        image = axes.imshow(
            np.ma.masked_equal(values, 0), cmap=LOST, aspect="auto", vmin=0, interpolation="nearest"
        )
        axes.set_xticks(range(columns), lost.columns, rotation=45, ha="left")
        axes.xaxis.tick_top()
        axes.set_yticks(range(rows), lost.index)
        for row, column in zip(*values.nonzero(), strict=True):
            label = f"{values[row, column]:g}".replace(".", ",")
            axes.text(column, row, label, ha="center", va="center", fontsize=7)
        # a line between fields, the field's code at the right edge
        codes = list(fields.loc[lost.index])
        for position in range(1, rows):
            if codes[position] != codes[position - 1]:
                axes.axhline(position - 0.5, color="#555", linewidth=0.8)
        for field in dict.fromkeys(codes):
            first, last = codes.index(field), rows - 1 - codes[::-1].index(field)
            axes.text(columns - 0.4, (first + last) / 2, f"LV {field}", va="center",
                      fontsize=8, color="#555")  # fmt: skip
        figure.colorbar(image, ax=axes, label="điểm bị trừ", shrink=0.3, location="bottom")
        return to_svg(figure)


def criteria_bars(labels: list[str], points: list[float]) -> str:
    """Total points lost per criterion, the most lost on top."""
    with matplotlib.rc_context(STYLE):
        figure = _figure(8, 0.8 + 0.3 * len(labels))
        axes = figure.add_subplot()
        axes.barh(range(len(labels)), points, color="#e34a33")
        axes.set_yticks(range(len(labels)), labels)
        axes.invert_yaxis()
        axes.set_xlabel("tổng điểm bị trừ")
        return to_svg(figure)


def tasks_by_month(months: list[str], overdue: list[int], upcoming: list[int]) -> str:
    """Tasks due each month, overdue (before the run date) and not yet due, stacked."""
    with matplotlib.rc_context(STYLE):
        figure = _figure(max(4, 0.7 * len(months) + 2), 3)
        axes = figure.add_subplot()
        axes.bar(months, overdue, color=OVERDUE, label="quá hạn")
        axes.bar(months, upcoming, bottom=overdue, color=UPCOMING, label="chưa đến hạn")
        axes.set_ylabel("số nhiệm vụ")
        axes.set_xlabel("hạn (tháng)")
        axes.legend(frameon=False)
        return to_svg(figure)
