"""The independent ways plans of the genre differ; each plan draws a value for each that applies.

A dimension applies to some kinds only (a criteria table's column order means nothing in a plan
without one); the manifest records the values a plan drew, and report.py scores per value.
"""

from __future__ import annotations

import random

from .wording import VARIANTS

KINDS = ("criteria", "narrative", "report", "cchc_papi", "task_appendix")
ALL = frozenset(KINDS)
DEDUCTING = frozenset({"criteria", "narrative", "cchc_papi"})
TABLES = frozenset({"criteria", "task_appendix"})
LABELLED = frozenset({"criteria", "narrative", "cchc_papi"})

DIMENSIONS: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {
    # order of the points columns in the summary and criteria tables
    "score_columns": (("max-score-deducted", "max-deducted-score", "score-max-deducted"),
                      frozenset({"criteria"})),
    # where the criteria table puts its reason column
    "reason_column": (("last", "before_deducted"), frozenset({"criteria"})),
    # criteria tables: codes printed, or names only under field heading rows
    "criterion_codes": (("printed", "names_only"), frozenset({"criteria"})),
    # the TT / STT column of the summary (and names-only criteria) tables
    "tt_column": (("present", "empty", "absent"), TABLES),
    "totals_wording": (("TỔNG CỘNG", "Tổng điểm", "Cộng", "TỔNG:"), frozenset({"criteria"})),
    "totals_place": (("top", "bottom"), frozenset({"criteria"})),
    "number_style": (("dot", "comma", "mixed"), ALL),
    # how a table prints points lost: 0,5 / -0,5 / - 0.5 / (-0,5)
    "deduction_sign": (("plain", "signed", "spaced", "parenthesised"), frozenset({"criteria"})),
    "header_rows": (("one", "two"), TABLES),
    # column headers: "Điểm tối đa | Điểm thẩm định | Điểm bị trừ" or "Tối đa | Đạt | Trừ"
    "column_labels": (("formal", "short"), TABLES),
    "heading_rows": (("empty_cells", "merged"), frozenset({"criteria"})),
    "appendix_orientation": (("landscape", "portrait"), TABLES),
    "name_variant": (VARIANTS, DEDUCTING),
    "deficiency": (("none", "max", "evidence", "guidance", "mixed"), DEDUCTING),
    "deduction_phrasing": (("paren", "bi_tru", "linh_vuc_nay", "han_che"),
                           frozenset({"criteria", "narrative"})),
    "deduction_layout": (("inline", "bullets"), frozenset({"criteria", "narrative"})),
    "sibling_items": (("separate", "merged"), frozenset({"criteria"})),
    "task_labels": (("after_each", "after_group", "before", "assignment", "none"), LABELLED),
    "label_wording": (("co_quan", "don_vi", "chu_tri"), LABELLED),
    "task_bullet": (("-", "+"), frozenset({"criteria", "narrative", "cchc_papi", "report"})),
    "section_numbering": (("roman", "arabic", "nested", "letters", "none"), ALL),
    "task_columns": (("rows:task-partners-deadline", "rows:task-deadline-partners",
                      "column:task-lead-partners-deadline", "column:lead-task-deadline-partners"),
                     frozenset({"task_appendix"})),
    "criterion_reference": (("tieu_chi_thanh_phan", "tctp", "tieu_chi", "prefix"),
                            frozenset({"task_appendix"})),
    "place_named": (("both", "district", "province", "none"), ALL),
    "rank_phrase": (("slash", "tren", "no_total"), ALL),
    # "12,2/15 điểm", "12,2 điểm/15 điểm", "12,2 điểm trên tổng số 15 điểm"
    "score_phrase": (("slash", "diem_slash", "tren"), ALL),
    # header rows repeated on every page of a long table (Word's "repeat as header row")
    "repeat_header": (("yes", "no"), TABLES),
    "total_deducted": (("printed", "absent"), frozenset({"narrative", "task_appendix"})),
    "date_style": (("words", "slashes"), ALL),
    "header_block": (("table", "paragraphs"), ALL),
    "signer_title": (("tm_chu_tich", "kt_pho_chu_tich"), ALL),
}  # fmt: skip


def draw(rng: random.Random, kind: str) -> dict[str, str]:
    dims = {
        name: rng.choice(values) for name, (values, kinds) in DIMENSIONS.items() if kind in kinds
    }
    if kind == "cchc_papi" and dims["section_numbering"] == "roman":
        # fields of two indices under roman parts would number above their own index
        dims["section_numbering"] = rng.choice(("arabic", "nested", "letters", "none"))
    # a plan's labels follow its task layout: no labels, no wording to vary
    if dims.get("task_labels") == "none":
        dims.pop("label_wording")
    return dims
