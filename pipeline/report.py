"""OUT/report.html: a run's tables as one page for analysts, in Vietnamese.

Built from the Parquet tables and review.csv only (so `python -m pipeline report` can render it
again), as one self-contained file: styles and SVG charts inline, no script, nothing fetched.

A folder often holds one plan several times (the Word file, its PDF, a scan of the signed copy):
the ranking, the heatmap, the criteria and the tasks count each unit's plan once, from its best
readable copy (DOCX before PDF before scan); the run, the findings and the review list every file.
"""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from urllib.parse import quote

import pandas as pd
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from pipeline import __version__, report_charts
from pipeline.atomic import replacing
from pipeline.output import REVIEW_COLUMNS, SCHEMAS

REPORT = "report.html"
STATUS_ORDER = ["failed", "partial", "skipped", "ok"]
STATUS_WORDS = {"failed": "lỗi", "partial": "một phần", "skipped": "bỏ qua", "ok": "đạt"}
SEVERITY_ORDER = ["error", "warning", "info"]
FORMAT_ORDER = ["docx", "doc", "odt", "rtf", "pdf", "pdf_mixed", "pdf_scanned"]
UNIT_KEY = ["province_group", "district_group", "unit_type", "unit_name", "index_year", "doc_kind"]
TOP_CRITERIA = 20
NO_PROVINCE = "Chưa rõ tỉnh"


@dataclass(frozen=True)
class Cell:
    """One table cell: the text shown, the number behind it, a link, a CSS class."""

    text: str
    value: float | int | str | None = None
    href: str | None = None
    css: str | None = None


@dataclass(frozen=True)
class Grid:
    """A table for the template: header and rows of cells."""

    id: str
    columns: list[str]
    rows: list[list[Cell]]
    title: str | None = None


# ---- reading -------------------------------------------------------------------------------


def load(out: Path) -> dict[str, pd.DataFrame]:
    """The run's tables; a column an older run did not write is there, empty."""
    tables = {
        name: pd.read_parquet(out / f"{name}.parquet").reindex(columns=schema.names)
        for name, schema in SCHEMAS.items()
    }
    review = out / "review.csv"
    tables["review"] = (
        pd.read_csv(review, dtype=str) if review.exists() else pd.DataFrame(columns=REVIEW_COLUMNS)
    )
    return tables


def _present(value) -> bool:
    return bool(pd.notna(value))


def _text(value) -> str:
    """A cell's text: '' for an absent value."""
    return str(value) if _present(value) else ""


def number(value, digits: int = 3) -> str:
    """A number as Vietnamese print it: decimal comma, no trailing zeros; '' when absent."""
    if not _present(value):
        return ""
    return f"{round(float(value), digits):g}".replace(".", ",")


def source_link(base: str | None, source_path: str, page=None) -> str | None:
    """The input file, relative to the report (and its page, for a PDF viewer)."""
    if base is None:
        return None
    href = quote(posixpath.join(base, source_path))
    return f"{href}#page={int(page)}" if _present(page) else href


# ---- units: one plan per unit, index year and kind -----------------------------------------


def units(documents: pd.DataFrame) -> pd.DataFrame:
    """documents with the unit's label, its province group and whether it represents it.

    Grouped by the gazetteer's province when the run resolved it, else by the printed one.
    """
    frame = documents.copy()
    frame["province_group"] = (
        frame["province_resolved"].fillna(frame["province"]).fillna(NO_PROVINCE)
    )
    frame["district_group"] = frame["district_resolved"].fillna(frame["district"])
    named = frame["unit_name"].notna()
    frame["unit"] = frame["unit_type"].fillna("").str.capitalize() + " " + frame["unit_name"]
    frame.loc[~named, "unit"] = frame.loc[~named, "source_name"].fillna(frame["source_path"])
    frame["unit"] = frame["unit"].str.strip()
    frame["column"] = frame["unit"] + " " + frame["index_year"].astype("string").fillna("")
    readable = frame["status"].isin(["ok", "partial"])
    order = frame["file_format"].map({f: i for i, f in enumerate(FORMAT_ORDER)})
    ranked = frame[readable].assign(_order=order).sort_values(["_order", "source_path"])
    # a document that names no unit stands for itself
    key = pd.Series(
        [
            "|".join(map(_text, values)) if _present(values[3]) else doc_id
            for doc_id, values in zip(
                ranked["doc_id"], ranked[UNIT_KEY].itertuples(index=False), strict=True
            )
        ],
        index=ranked.index,
        dtype=object,
    )
    frame["representative"] = frame["doc_id"].isin(ranked.loc[~key.duplicated(), "doc_id"])
    return frame


# ---- sections --------------------------------------------------------------------------------


def run_section(documents: pd.DataFrame, base: str | None) -> Grid:
    """Every file with its status and reason, the ones to act on first."""
    order = documents["status"].map({s: i for i, s in enumerate(STATUS_ORDER)})
    rows = [
        [
            Cell(
                _text(r.source_name) or r.source_path,
                r.source_path,
                source_link(base, r.source_path),
            ),
            Cell(_text(r.file_format)),
            Cell(number(r.pages), r.pages if _present(r.pages) else None),
            Cell(STATUS_WORDS.get(r.status, r.status), r.status, css=f"status-{r.status}"),
            Cell(_text(r.error)),
        ]
        for r in documents.assign(_order=order).sort_values(["_order", "source_path"]).itertuples()
    ]
    return Grid("run-files", ["Tệp", "Định dạng", "Trang", "Trạng thái", "Lý do"], rows)


def ranking_section(scores: pd.DataFrame, unit_frame: pd.DataFrame) -> list[Grid]:
    """Per province, index and year: units by total score, with the rank as printed."""
    totals = scores[scores["level"] == "total"].merge(
        unit_frame[unit_frame["representative"]], on="doc_id"
    )
    grids = []
    keys = ["province_group", "index", "index_year"]
    # provinces by name, then the units whose province is not known
    groups = sorted(
        totals.groupby(keys, dropna=False), key=lambda g: (g[0][0] == NO_PROVINCE, g[0])
    )
    for (province, index, year), group in groups:
        group = group.sort_values(["score", "unit"], ascending=[False, True], na_position="last")
        rows = [
            [
                Cell(str(position), position),
                Cell(r.unit),
                Cell(_text(r.district_group)),
                Cell(number(r.score), r.score, css="score"),
                Cell(number(r.max_points), r.max_points),
                Cell(number(r.deducted), r.deducted),
                Cell(_printed_rank(r.rank, r.rank_of)),
            ]
            for position, r in enumerate(group.itertuples(), start=1)
        ]
        year_text = "" if pd.isna(year) else f" năm {int(year)}"
        grids.append(
            Grid(
                f"ranking-{len(grids) + 1}",
                ["#", "Đơn vị", "Huyện", "Tổng điểm", "Tối đa", "Bị trừ", "Xếp hạng (in)"],
                rows,
                f"{province} — chỉ số {index}{year_text}",
            )
        )
    return grids


def _printed_rank(rank, rank_of) -> str:
    if not _present(rank):
        return ""
    return f"{int(rank)}/{int(rank_of)}" if _present(rank_of) else str(int(rank))


def criterion_field(code: str) -> str:
    """The field a criterion code stands in: '7b.2.3' -> '7', 'XHH.1' -> 'XHH'."""
    head = code.split(".", 1)[0]
    digits = re.match(r"\d+", head)
    return digits.group() if digits else head


def code_order(code: str) -> tuple:
    """'1.10' after '1.9', '7a' before '7b', a named code (XHH) after the numbered ones."""
    parts = (re.match(r"(\d*)(.*)", part).groups() for part in code.split("."))
    return tuple((int(digits) if digits else 10**6, rest) for digits, rest in parts)


def points_lost(
    scores: pd.DataFrame, deductions: pd.DataFrame, unit_frame: pd.DataFrame
) -> pd.DataFrame:
    """Points each unit lost on each criterion: index, code, name, column (unit year), points.

    From the criteria table where the plan prints one; else from its coded narrative items.
    """
    criteria = scores[(scores["level"] == "criterion") & scores["code"].notna()].copy()
    criteria["points"] = criteria["deducted"].fillna(criteria["max_points"] - criteria["score"])
    tabled = set(zip(criteria["doc_id"], criteria["index"], strict=True))
    narrative = deductions[deductions["code"].notna()].copy()
    untabled = [
        key not in tabled for key in zip(narrative["doc_id"], narrative["index"], strict=True)
    ]
    narrative = (
        narrative.loc[untabled]
        .groupby(["doc_id", "index", "code"], as_index=False)["points"]
        .sum(min_count=1)
        .assign(name=None)
    )
    lost = pd.concat(
        [criteria[["doc_id", "index", "code", "name", "points"]], narrative], ignore_index=True
    )
    lost = lost[lost["points"] > 0].merge(
        unit_frame.loc[unit_frame["representative"], ["doc_id", "column"]], on="doc_id"
    )
    names = lost.dropna(subset=["name"]).groupby(["index", "code"])["name"].agg(_most_common)
    lost = lost.groupby(["index", "code", "column"], as_index=False)["points"].max()
    return lost.merge(names.rename("name").reset_index(), on=["index", "code"], how="left")


def _most_common(names: pd.Series) -> str:
    return names.value_counts().index[0]


def heatmap_section(lost: pd.DataFrame) -> list[dict]:
    """One heatmap per index: criteria (grouped by field) x units."""
    out = []
    for index, group in lost.groupby("index", sort=True):
        matrix = group.pivot_table(
            index="code", columns="column", values="points", aggfunc="max", fill_value=0
        )
        matrix = matrix.loc[sorted(matrix.index, key=code_order), sorted(matrix.columns)]
        fields = pd.Series({code: criterion_field(code) for code in matrix.index})
        out.append({"index": index, "svg": report_charts.heatmap(matrix, fields)})
    return out


def criteria_section(lost: pd.DataFrame) -> tuple[Grid, str | None]:
    """The criteria most often deducted across the folder, with the points lost."""
    top = (
        lost.groupby(["index", "code"], as_index=False)
        .agg(units=("column", "nunique"), points=("points", "sum"), name=("name", "first"))
        .sort_values(["units", "points", "code"], ascending=[False, False, True])
        .head(TOP_CRITERIA)
    )
    rows = [
        [
            Cell(r.index),
            Cell(r.code, r.code),
            Cell(_text(r.name)),
            Cell(str(r.units), r.units),
            Cell(number(r.points), r.points),
        ]
        for r in top.itertuples()
    ]
    grid = Grid(
        "criteria-top", ["Chỉ số", "Mã", "Tiêu chí", "Số đơn vị bị trừ", "Tổng điểm bị trừ"], rows
    )
    if top.empty:
        return grid, None
    labels = [f"{r.index} {r.code} {_short(_text(r.name))}".strip() for r in top.itertuples()]
    return grid, report_charts.criteria_bars(labels, list(top["points"]))


def _short(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def due_column(deadline_date, kind) -> str:
    """A task's column in the by-month table: its month, or why it has none."""
    if _present(deadline_date):
        return pd.Timestamp(deadline_date).strftime("%Y-%m")
    return "Thường xuyên" if kind == "ongoing" else "Không rõ hạn"


def tasks_frame(tasks: pd.DataFrame, unit_frame: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """The represented plans' tasks with their unit, lead group, due column and overdue flag."""
    frame = tasks.merge(
        unit_frame.loc[unit_frame["representative"], ["doc_id", "unit", "source_path"]],
        on="doc_id",
    )
    frame["lead_group"] = frame["lead_key"].fillna("Chưa giao đơn vị chủ trì")
    frame["due"] = [
        due_column(d, k)
        for d, k in zip(frame["deadline_date"], frame["deadline_kind"], strict=True)
    ]
    overdue = [_present(d) and d < as_of for d in frame["deadline_date"]]
    frame["overdue"] = pd.Series(overdue, index=frame.index, dtype=bool)
    return frame


def _count(n: int, overdue: bool = False) -> Cell:
    return Cell(str(n) if n else "", n, css="overdue" if n and overdue else None)


def tasks_by_lead(frame: pd.DataFrame, as_of: date) -> Grid:
    """Lead unit x due month (then ongoing, undated): task counts, overdue months marked."""
    months = sorted(d for d in frame["due"].unique() if d[:1].isdigit())
    columns = months + sorted(d for d in frame["due"].unique() if not d[:1].isdigit())
    late_months = {m for m in months if m < as_of.strftime("%Y-%m")}
    counts = frame.pivot_table(
        index="lead_group", columns="due", values="doc_id", aggfunc="count", fill_value=0
    ).reindex(columns=columns, fill_value=0)
    late = frame.groupby("lead_group")["overdue"].sum().reindex(counts.index, fill_value=0)
    leads = sorted(counts.index, key=lambda lead: (-late[lead], -counts.loc[lead].sum(), lead))
    rows = [
        [Cell(lead), _count(int(counts.loc[lead].sum())), _count(int(late[lead]), True)]
        + [_count(int(n), c in late_months) for c, n in counts.loc[lead].items()]
        for lead in leads
    ]
    headers = ["Đơn vị chủ trì", "Số nhiệm vụ", "Quá hạn"] + [
        f"{c} (quá hạn)" if c in late_months else c for c in columns
    ]
    return Grid("tasks-by-lead", headers, rows)


def overdue_tasks(frame: pd.DataFrame, base: str | None) -> Grid:
    """The tasks whose last day is before the run date, the oldest first."""
    late = frame[frame["overdue"]].sort_values(["deadline_date", "unit", "lead_group"])
    rows = [
        [
            Cell(r.unit),
            Cell(_short(r.text, 200)),
            Cell(r.lead_group),
            Cell(_text(r.deadline)),
            Cell(r.deadline_date.strftime("%d/%m/%Y"), r.deadline_date.isoformat(), css="overdue"),
            Cell(_page_text(r.page), href=source_link(base, r.source_path, r.page)),
        ]
        for r in late.itertuples()
    ]
    headers = ["Đơn vị", "Nhiệm vụ", "Chủ trì", "Thời hạn (in)", "Hạn cuối", "Tệp"]
    return Grid("tasks-overdue", headers, rows)


def tasks_chart(frame: pd.DataFrame) -> str | None:
    dated = frame[frame["deadline_date"].notna()]
    if dated.empty:
        return None
    counts = dated.groupby(["due", "overdue"]).size().unstack(fill_value=0)
    counts = counts.reindex(columns=[True, False], fill_value=0).sort_index()
    return report_charts.tasks_by_month(
        list(counts.index), list(counts[True].astype(int)), list(counts[False].astype(int))
    )


def _page_text(page) -> str:
    return f"tr. {int(page)}" if _present(page) else "mở tệp"


# ---- findings and review -------------------------------------------------------------------


def pages(scores: pd.DataFrame, deductions: pd.DataFrame) -> pd.DataFrame:
    """The first page each (document, table, code, name) was read from."""
    frame = pd.concat(
        [
            scores[["doc_id", "code", "name", "page"]].assign(table="scores"),
            deductions[["doc_id", "code", "text", "page"]]
            .rename(columns={"text": "name"})
            .assign(table="deductions"),
        ],
        ignore_index=True,
    )
    return frame.dropna(subset=["page"])


def findings_section(
    issues: pd.DataFrame, documents: pd.DataFrame, page_frame: pd.DataFrame, base: str | None
) -> Grid:
    """Validation findings, errors first, each linking to its file (and page when known)."""
    first_page = page_frame.groupby(["doc_id", "table", "code"], as_index=False)["page"].min()
    frame = issues.merge(documents[["doc_id", "source_path"]], on="doc_id").merge(
        first_page, on=["doc_id", "table", "code"], how="left"
    )
    order = frame["severity"].map({s: i for i, s in enumerate(SEVERITY_ORDER)})
    rows = [
        [
            Cell(r.severity, r.severity, css=f"severity-{r.severity}"),
            Cell(r.check),
            Cell(r.message),
            Cell(_text(r.code)),
            Cell(r.source_path, href=source_link(base, r.source_path, r.page)),
            Cell(_page_text(r.page) if _present(r.page) else ""),
        ]
        for r in frame.assign(_order=order).sort_values(["_order", "source_path"]).itertuples()
    ]
    return Grid("findings", ["Mức", "Kiểm tra", "Nội dung", "Mã", "Tệp", "Trang"], rows)


def review_section(
    review: pd.DataFrame, documents: pd.DataFrame, page_frame: pd.DataFrame, base: str | None
) -> Grid:
    """review.csv: names the coding was not sure of, with their best candidates."""
    first_page = page_frame.groupby(["doc_id", "table", "name"], as_index=False)["page"].min()
    frame = review.merge(documents[["doc_id", "source_path"]], on="source_path", how="left")
    frame = frame.merge(first_page, on=["doc_id", "table", "name"], how="left")
    rows = [
        [
            Cell(r.source_path, href=source_link(base, r.source_path, r.page)),
            Cell(_page_text(r.page) if _present(r.page) else ""),
            Cell(r.table),
            Cell(_text(r.name)),
            Cell(_text(r.code)),
            Cell(_text(r.match_score)),
            Cell(
                " · ".join(
                    _text(c) for c in (r.candidate_1, r.candidate_2, r.candidate_3) if _present(c)
                )
            ),
        ]
        for r in frame.itertuples()
    ]
    headers = ["Tệp", "Trang", "Bảng", "Tên in", "Mã gán", "Độ khớp", "Gợi ý (mã | tên | điểm)"]
    return Grid("review", headers, rows)


# ---- the page ------------------------------------------------------------------------------


def run_date(out: Path) -> date:
    """When the tables were written: what 'overdue' is measured against."""
    return datetime.fromtimestamp((out / "documents.parquet").stat().st_mtime).date()


def context(tables: dict[str, pd.DataFrame], as_of: date, base: str | None) -> dict:
    documents = tables["documents"]
    unit_frame = units(documents)
    lost = points_lost(tables["scores"], tables["deductions"], unit_frame)
    criteria_grid, criteria_chart = criteria_section(lost)
    tasks = tasks_frame(tables["tasks"], unit_frame, as_of)
    page_frame = pages(tables["scores"], tables["deductions"])
    statuses = documents["status"].value_counts()
    return {
        "version": __version__,
        "as_of": as_of.strftime("%d/%m/%Y"),
        "statuses": [(STATUS_WORDS[s], s, int(statuses.get(s, 0))) for s in STATUS_ORDER],
        "files": len(documents),
        "plans": int(unit_frame["representative"].sum()),
        "run": run_section(documents, base),
        "rankings": ranking_section(tables["scores"], unit_frame),
        "heatmaps": heatmap_section(lost),
        "criteria": criteria_grid,
        "criteria_chart": criteria_chart,
        "tasks_count": len(tasks),
        "overdue_count": int(tasks["overdue"].sum()),
        "tasks_by_lead": tasks_by_lead(tasks, as_of),
        "tasks_overdue": overdue_tasks(tasks, base),
        "tasks_chart": tasks_chart(tasks),
        "findings": findings_section(tables["issues"], documents, page_frame, base),
        "review": review_section(tables["review"], documents, page_frame, base),
    }


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("pipeline", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(out: Path, raw: Path | None = None, as_of: date | None = None) -> str:
    """The page for the tables in `out`; links to the input files when `raw` is given."""
    base = None if raw is None else Path(os.path.relpath(raw.resolve(), out.resolve())).as_posix()
    values = context(load(out), as_of or run_date(out), base)
    return _environment().get_template("report.html.j2").render(**values)


def write_report(out: Path, raw: Path | None = None, as_of: date | None = None) -> Path:
    """Write OUT/report.html in one step."""
    path = out / REPORT
    html = render(out, raw, as_of)
    with replacing(path) as temporary:
        temporary.write_text(html, encoding="utf-8")
    return path
