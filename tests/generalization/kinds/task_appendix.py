"""Task appendices kind: a short plan whose tasks stand in appendix tables, the first under
section rows naming the unit that leads them, the second citing the criteria they remedy."""

from __future__ import annotations

from decimal import Decimal

from .. import frame, results
from ..catalog import criteria
from ..grid import Column, Grid
from ..numbers import two_places
from ..phrases import DEADLINES, LEADS, MAINTENANCE, PARTNERS
from ..writer import LETTERS, ROMAN, Writer

REMEDIES = (
    "Khắc phục hạn chế về {name}",
    "Nâng cao kết quả thực hiện {name}",
    "Tập trung cải thiện {name}",
)
REFERENCES = {
    "tieu_chi_thanh_phan": "{text} (Tiêu chí thành phần {code}).",
    "tctp": "{text} (TCTP {code}).",
    "tieu_chi": "{text} (tiêu chí {code}).",
    "prefix": "Tiêu chí {code}: {text}.",
}
COLUMNS = {  # key: (formal label, short label, width)
    "task": ("Nhiệm vụ, giải pháp", "Nội dung", 4.0),
    "lead": ("Đơn vị chủ trì", "Chủ trì", 1.6),
    "partners": ("Bộ phận phối hợp", "Phối hợp", 1.8),
    "deadline": ("Thời gian thực hiện", "Thời hạn", 1.3),
}


def write(w: Writer) -> None:
    f = w.facts
    score = two_places(w.rng, 65, 93)
    lost = Decimal(100) - score
    frame.header(w, "ke_hoach")
    frame.title(w, "ke_hoach")
    position, of = results.rank(w)
    ranked, rank_of = results.rank_text(w, position, of)
    printed = w.dims["total_deducted"] == "printed"
    decision = f.decisions[0]
    w.para(
        f"Căn cứ kết quả phê duyệt và công bố Chỉ số cải cách hành chính năm {f.year} của "
        f"{decision.issuer} tại Quyết định số {decision.number} {frame.date_text(w, decision)}. "
        f"Theo đó, Chỉ số cải cách hành chính (CCHC) năm {f.year} của {f.unit} {ranked}; đạt "
        f"{results.out_of(w, score, Decimal(100))}"
        + (f", mất {w.num(lost)} điểm." if printed else ".")
    )
    w.gold.score("total", None, None, Decimal(100), score, lost if printed else None,
                 rank=position, rank_of=rank_of)  # fmt: skip
    frame.purpose(w)
    w.part(2, "NHIỆM VỤ VÀ GIẢI PHÁP")
    w.para(
        f"1. Tiếp tục duy trì, nâng cao các nội dung CCHC đã đạt điểm cao trong năm {f.year} "
        "(chi tiết tại Phụ lục I)."
    )
    w.para(
        "2. Tập trung khắc phục những tồn tại, hạn chế của các tiêu chí, tiêu chí thành phần "
        f"bị mất điểm trong năm {f.year} (chi tiết tại Phụ lục II)."
    )
    frame.organisation(w, 3)
    frame.closing(w, "ke_hoach")
    _appendix(w, "I", "CÁC NHIỆM VỤ TIẾP TỤC DUY TRÌ, NÂNG CAO CHỈ SỐ CCHC", _maintenance(w))
    _appendix(w, "II", "NHIỆM VỤ, GIẢI PHÁP KHẮC PHỤC CÁC TIÊU CHÍ BỊ TRỪ ĐIỂM", _remedies(w))


def _maintenance(w: Writer) -> list[tuple[str, list[dict]]]:
    units = w.rng.sample(sorted(MAINTENANCE), w.rng.randint(2, 4))
    return [
        (unit, [_row(w, w.facts.fill(t), None, None) for t in MAINTENANCE[unit]]) for unit in units
    ]


def _remedies(w: Writer) -> list[tuple[str | None, list[dict]]]:
    picked = sorted(w.rng.sample(criteria(), w.rng.randint(5, 9)), key=criteria().index)
    style = REFERENCES[w.dims["criterion_reference"]]
    rows = []
    for c in picked:
        text = w.rng.choice(REMEDIES).format(name=c.name[0].lower() + c.name[1:])
        rows.append(_row(w, style.format(text=text, code=c.code), c.field, c.code))
    field = w.rng.choice(("4", "5"))
    rows.append(
        _row(w, f"Rà soát, khắc phục các nội dung còn hạn chế của lĩnh vực (Tiêu chí số {field}).",
             field, None)
    )  # fmt: skip
    if w.rng.random() < 0.5:
        return [("VĂN PHÒNG - THỐNG KÊ", rows)]
    return [(None, rows)]


def _row(w: Writer, text: str, field: str | None, code: str | None) -> dict:
    return {
        "task": text,
        "partners": w.rng.choice(PARTNERS),
        "deadline": w.facts.fill(w.rng.choice(DEADLINES)),
        "field": field,
        "code": code,
    }


def _section_mark(w: Writer, k: int) -> str:
    style = w.dims["section_numbering"]
    return {"roman": ROMAN[k], "arabic": str(k + 1), "letters": LETTERS[k].upper()}.get(
        style, ROMAN[k]
    )


def _appendix(w: Writer, number: str, title: str, groups) -> None:
    w.section(landscape=w.dims["appendix_orientation"] == "landscape")
    w.para(f"PHỤ LỤC {number}", "title", indent=False)
    w.para(f"{title} NĂM {w.facts.next}", "subtitle", indent=False)
    w.para(f"(Ban hành kèm theo Kế hoạch số {w.facts.plan_number}/KH-UBND của UBND "
           f"{w.facts.unit})", "italic", indent=False)  # fmt: skip
    layout, order = w.dims["task_columns"].split(":")
    keys = order.split("-")
    tt = w.dims["tt_column"]
    columns = [Column("tt", "TT", width=0.5)] if tt != "absent" else []
    short = w.dims["column_labels"] == "short"
    columns += [Column(k, COLUMNS[k][short], COLUMNS[k][short], COLUMNS[k][2]) for k in keys]
    grid = Grid(
        columns,
        ("Tổ chức thực hiện", set(keys[-2:])),
        w.dims["header_rows"] == "two",
        repeat_header=w.dims["repeat_header"] == "yes",
    )
    n = 0
    for k, (unit, rows) in enumerate(groups):
        lead = _lead(unit)
        if layout == "rows" and unit:
            grid.heading(
                {"tt": _section_mark(w, k) if tt != "absent" else "",
                 "task": f"{unit} CHỦ TRÌ THỰC HIỆN"},
                "task",
                merged=True,
            )  # fmt: skip
        for row in rows:
            n += 1
            if layout == "column" and not unit:
                lead = w.rng.choice(LEADS.get(row["field"] or "1", LEADS["1"]))
            values = {**row, "tt": str(n) if tt == "present" else "", "lead": lead or ""}
            grid.add(values)
            w.gold.task(row["field"], row["task"], lead if lead else None, row["partners"],
                        row["deadline"], code=row["code"])  # fmt: skip
    w.table(grid.table())


def _lead(unit: str | None) -> str | None:
    """The lead as an analyst writes it: "VĂN PHÒNG - THỐNG KÊ" -> "Văn phòng - Thống kê"."""
    if unit is None:
        return None
    return " - ".join(part.capitalize() for part in unit.split(" - "))
