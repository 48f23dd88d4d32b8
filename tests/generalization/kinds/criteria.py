"""Criteria appendix kind: a summary table of the 8 fields, "(-x điểm)" items and tasks per
field, and a (landscape) appendix table of every criterion that lost points."""

from __future__ import annotations

from decimal import Decimal

from .. import deductions, frame, results, scorecard, tasks
from ..grid import Column, Grid
from ..phrases import FIELD_HEADINGS, GROUP_HEADINGS, GROUP_TITLES, REASONS
from ..writer import ROMAN, Writer

# column headers: (one-row label, label under a spanning "Điểm"), by the plan's wording
POINT_LABELS = {
    "formal": {
        "max": ("Điểm tối đa", "Tối đa"),
        "score": ("Điểm thẩm định", "Thẩm định"),
        "deducted": ("Điểm bị trừ", "Bị trừ"),
        "reason": ("Tồn tại, hạn chế", None),
        "name": ("Nội dung tiêu chí, tiêu chí thành phần", None),
    },
    "short": {
        "max": ("Tối đa", "Tối đa"),
        "score": ("Đạt", "Đạt"),
        "deducted": ("Trừ", "Trừ"),
        "reason": ("Lý do trừ điểm", None),
        "name": ("Tiêu chí", None),
    },
}


def write(w: Writer) -> None:
    fields = scorecard.cchc(w)
    top = (
        sum((f.max for f in fields), Decimal(0)),
        sum((f.score for f in fields), Decimal(0)),
        sum((f.deducted for f in fields), Decimal(0)),
    )
    frame.header(w, "ke_hoach")
    frame.title(w, "ke_hoach")
    w.para(
        f"Thực hiện {frame.cite(w, w.facts.decisions[0])}. Nhằm khắc phục kịp thời các tồn "
        f"tại, hạn chế và các tiêu chí bị trừ điểm, UBND {w.facts.unit_type} xây dựng Kế hoạch "
        "khắc phục như sau:"
    )
    frame.purpose(w)
    w.part(2, "NỘI DUNG THỰC HIỆN")
    w.heading(f"1. Kết quả Chỉ số cải cách hành chính năm {w.facts.year}")
    position, of = results.rank(w)
    ranked, rank_of = results.rank_text(w, position, of)
    w.para(
        f"Năm {w.facts.year}, công tác cải cách hành chính của {w.facts.unit} được Hội đồng "
        f"thẩm định chấm {results.out_of(w, top[1], top[0])}; {ranked}; tổng số điểm bị "
        f"trừ {w.num(top[2])} điểm. Cụ thể:"
    )
    w.gold.score("total", None, None, *top, rank=position, rank_of=rank_of)
    _summary(w, fields, top)
    w.para("(Có phụ lục chi tiết các tiêu chí, tiêu chí thành phần bị trừ điểm kèm theo)")
    w.heading("2. Nhiệm vụ, giải pháp khắc phục cụ thể")
    for n, fs in enumerate(fields, 1):
        _field_section(w, fs, n)
    frame.organisation(w, 3)
    frame.closing(w, "ke_hoach")
    _appendix(w, fields)


def _point_columns(w: Writer) -> list[str]:
    return w.dims["score_columns"].split("-")


def _summary(w: Writer, fields, top) -> None:
    order = _point_columns(w)
    tt = w.dims["tt_column"]
    columns = [Column("tt", "TT", width=0.5)] if tt != "absent" else []
    columns.append(Column("name", "Lĩnh vực", width=4))
    labels = POINT_LABELS[w.dims["column_labels"]]
    columns += [Column(k, *labels[k]) for k in order]
    grid = Grid(columns, ("Điểm", set(order)), w.dims["header_rows"] == "two")

    def values(f):
        return {
            "max": w.num(f.max),
            "score": w.num(f.score),
            "deducted": w.printer.lost(f.deducted),
        }

    total = {"tt": "", "name": w.dims["totals_wording"], "max": w.num(top[0])}
    total.update(score=w.num(top[1]), deducted=w.printer.lost(top[2]))
    if w.dims["totals_place"] == "top":
        grid.add(total, bold=True)
    for n, f in enumerate(fields, 1):
        grid.add({"tt": str(n) if tt == "present" else "", "name": f.name, **values(f)})
        w.gold.score("field", f.code, f.name, f.max, f.score, f.deducted)
    if w.dims["totals_place"] == "bottom":
        grid.add(total, bold=True)
    w.table(grid.table())


def _field_section(w: Writer, fs, n: int) -> None:
    w.heading(f"{w.field_mark('2', n)}{fs.name}")
    coded = True  # a criteria plan prints its codes or is of the catalog's province-year
    if fs.deducted:
        if w.rng.random() < 0.7:
            w.para(f"- Tổng số điểm bị trừ: {w.num(fs.deducted)} điểm.")
        groups = {c.group for c, _ in fs.lost}
        merge = w.dims.get("sibling_items") == "merged"
        # sub-sections only where their numbers tell them from fields (1.2.7.1., 7.1.)
        numbered = w.dims["section_numbering"] in ("nested", "arabic")
        if fs.code == "7" and groups == {"7a", "7b"} and numbered and w.rng.random() < 0.7:
            for k, group in enumerate(("7a", "7b"), 1):
                lost = [(c, p) for c, p in fs.lost if c.group == group]
                points = sum((p for _, p in lost), Decimal(0))
                w.heading(f"{w.sub_mark('2', n, k)}{GROUP_TITLES[group]}")
                w.para(f"- Tổng số điểm bị trừ: {w.num(points)} điểm.")
                w.gold.score("group", group, GROUP_TITLES[group], None, None, points)
                deductions.write(w, fs.code, deductions.items(w, lost, coded, merge=merge))
        else:
            deductions.write(w, fs.code, deductions.items(w, fs.lost, coded, merge=merge))
    else:
        w.para("- Lĩnh vực này đạt điểm tối đa, tiếp tục duy trì.")
    tasks.write(w, "CCHC", fs.code, tasks.texts(w, "CCHC", fs.code), head=True)


def _reason(w: Writer) -> str:
    text = w.rng.choice(REASONS)
    return text.format(pct=w.rng.randint(55, 97), n=w.rng.randint(1, 6))


def _appendix(w: Writer, fields) -> None:
    w.section(landscape=w.dims["appendix_orientation"] == "landscape")
    w.para("PHỤ LỤC", "title", indent=False)
    w.para(
        f"Các tiêu chí, tiêu chí thành phần bị trừ điểm Chỉ số CCHC năm {w.facts.year} của "
        f"{w.facts.unit}",
        "subtitle",
        indent=False,
    )
    w.para(f"(Kèm theo Kế hoạch số {w.facts.plan_number}/KH-UBND của UBND {w.facts.unit})",
           "italic", indent=False)  # fmt: skip
    printed = w.dims["criterion_codes"] == "printed"
    tt = "present" if printed else w.dims["tt_column"]
    order = _point_columns(w)
    if w.dims["reason_column"] == "before_deducted":
        order = [k for k in order if k != "deducted"] + ["reason", "deducted"]
    else:
        order = [*order, "reason"]
    columns = []
    if tt != "absent":
        columns.append(Column("tt", "Mã số" if printed else "TT", width=0.7))
    labels = POINT_LABELS[w.dims["column_labels"]]
    columns.append(Column("name", labels["name"][0], width=4))
    columns += [Column(k, *labels[k], width=4 if k == "reason" else 0.8) for k in order]
    span = [k for k in order[: order.index("reason")]]
    grid = Grid(
        columns,
        ("Điểm", set(span)),
        w.dims["header_rows"] == "two",
        repeat_header=w.dims["repeat_header"] == "yes",
    )
    merged = w.dims["heading_rows"] == "merged"
    running = 0
    for n, fs in enumerate(fields, 1):
        if not fs.lost:
            continue
        mark = fs.code if printed or tt == "empty" else ROMAN[n - 1]
        grid.heading({"tt": mark if tt != "absent" else "", "name": FIELD_HEADINGS[fs.code]},
                     "name", merged)  # fmt: skip
        group = None
        for criterion, points in fs.lost:
            if criterion.group and criterion.group != group:
                group = criterion.group
                heading = GROUP_HEADINGS[group]
                grid.heading({"tt": group if printed else "", "name": heading}, "name", merged)
            running += 1
            label = criterion.code if printed else (str(running) if tt == "present" else "")
            reason = _reason(w)
            score = criterion.max_points - points
            grid.add(
                {
                    "tt": label,
                    "name": criterion.name,
                    "max": w.num(criterion.max_points),
                    "score": w.num(score),
                    "deducted": w.printer.lost(points),
                    "reason": reason,
                }
            )
            w.gold.score(
                "criterion", criterion.code, criterion.name, criterion.max_points, score, points,
                reason=reason,
            )  # fmt: skip
    w.table(grid.table())
