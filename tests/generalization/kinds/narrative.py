"""Narrative plan kind: total and rank in prose, then each field's items and tasks."""

from __future__ import annotations

from decimal import Decimal

from .. import deductions, frame, results, scorecard, tasks
from ..numbers import two_places
from ..writer import Writer


def write(w: Writer) -> None:
    fields = scorecard.cchc(w)
    score = two_places(w.rng, 68, 94)
    frame.header(w, "ke_hoach")
    frame.title(w, "ke_hoach")
    position, of = results.rank(w)
    ranked, rank_of = results.rank_text(w, position, of)
    lost = Decimal(100) - score
    printed = w.dims["total_deducted"] == "printed"
    w.para(
        f"Căn cứ kết quả xác định Chỉ số cải cách hành chính (CCHC) {w.facts.unit} tại "
        f"{frame.cite(w, w.facts.decisions[0])}, trong đó {w.facts.unit} được đánh giá đạt "
        f"{results.out_of(w, score, Decimal(100))}"
        + (f", bị trừ {w.num(lost)} điểm" if printed else "")
        + f", {ranked}."
    )
    w.gold.score(
        "total", None, None, Decimal(100), score, lost if printed else None,
        rank=position, rank_of=rank_of,
    )  # fmt: skip
    w.para(
        f"Để khắc phục các tiêu chí bị đánh giá thấp, UBND {w.facts.unit_type} xây dựng Kế "
        "hoạch thực hiện khắc phục, cụ thể như sau:"
    )
    frame.purpose(w)
    w.part(2, "NỘI DUNG KHẮC PHỤC")
    coded = w.facts.uses_catalog
    for n, fs in enumerate(fields, 1):
        w.heading(f"{w.field_mark('2', n)}Nội dung {fs.name[0].lower()}{fs.name[1:]}")
        listed = bool(fs.lost) and w.rng.random() < 0.7
        if listed:
            merge = w.dims.get("sibling_items") == "merged"
            deductions.write(w, fs.code, deductions.items(w, fs.lost, coded, merge=merge))
        tasks.write(w, "CCHC", fs.code, tasks.texts(w, "CCHC", fs.code), head=listed)
    frame.organisation(w, 3)
    frame.closing(w, "ke_hoach")
