"""Report kind (BÁO CÁO): inline "đạt X/Y điểm" field scores, the impact field's components,
actions already taken (not tasks) and the solutions ahead (tasks of no field)."""

from __future__ import annotations

from decimal import Decimal

from .. import frame, results, scorecard
from ..phrases import ACTIONS_TAKEN, TASKS
from ..writer import Writer

COMPONENTS = ("KTXH", "XHH", "SIPAS")


def _percent(w: Writer, score: Decimal, max_points: Decimal) -> str:
    return w.num((score * 100 / max_points).quantize(Decimal("0.01")), 2) + "%"


def write(w: Writer) -> None:
    f = w.facts
    fields = [
        scorecard.simple(w, "CCHC", code, Decimal(w.rng.randint(28, 48)) / 4)
        for code in ("1", "2", "3", "4", "5", "6", "7")
    ]
    group_max = sum((x.max for x in fields), Decimal(0))
    impact_max = Decimal(100) - group_max
    kt = Decimal(w.rng.randint(2, 4))
    xhh = (impact_max - kt) * Decimal("0.55")
    xhh = xhh.quantize(Decimal("1"))
    parts = [
        scorecard.simple(w, "CCHC", "KTXH", kt),
        scorecard.simple(w, "CCHC", "XHH", xhh, full=0),
        scorecard.simple(w, "CCHC", "SIPAS", impact_max - kt - xhh, full=0),
    ]
    group = [sum((x.max for x in fields), Decimal(0)), sum((x.score for x in fields), Decimal(0))]
    impact = [impact_max, sum((x.score for x in parts), Decimal(0))]
    total_score = group[1] + impact[1]

    frame.header(w, "bao_cao")
    frame.title(w, "bao_cao")
    notice, decision, letter = f.decisions
    w.para(f"Thực hiện {frame.cite(w, notice)}.")
    w.para(f"Thực hiện {frame.cite(w, decision)}; {frame.cite(w, letter)}.")
    w.para(
        f"UBND {f.unit} báo cáo kết quả thực hiện khắc phục các tồn tại, hạn chế về cải cách "
        f"hành chính năm {f.year} như sau:"
    )
    position, of = results.rank(w)
    ranked, rank_of = results.rank_text(w, position, of)
    w.heading(
        f"I. Đánh giá kết quả chấm điểm Chỉ số cải cách hành chính của {f.unit_type}: Tổng "
        f"điểm 100, điểm đạt {w.num(total_score)} điểm, còn thiếu "
        f"{w.num(100 - total_score)} điểm, {ranked}."
    )
    w.gold.score(
        "total", None, None, Decimal(100), total_score, 100 - total_score,
        rank=position, rank_of=rank_of,
    )  # fmt: skip
    name = "Đánh giá qua các tiêu chí"
    w.para(
        f"1. {name} (gồm 7 tiêu chí tổng điểm là {w.num(group[0])} điểm), điểm thẩm định "
        f"đạt {w.num(group[1])} điểm, điểm chưa đạt {w.num(group[0] - group[1])} điểm. Cụ thể:"
    )
    w.gold.score("group", "1-7", name, group[0], group[1], group[0] - group[1])
    bullet = w.dims["task_bullet"]
    for k, x in enumerate(fields, 1):
        w.para(
            f"{bullet} Tiêu chí {k}: {x.name} đạt {results.out_of(w, x.score, x.max)}, "
            f"chỉ số đạt {_percent(w, x.score, x.max)}"
        )
        w.gold.score("field", x.code, x.name, x.max, x.score, None)
    name = "Đánh giá tác động của cải cách hành chính"
    w.para(
        f"2. {name}: Tổng điểm {w.num(impact[0])} điểm, điểm thẩm định đạt "
        f"{w.num(impact[1])} điểm, chưa đạt {w.num(impact[0] - impact[1])} điểm. Trong đó:"
    )
    w.gold.score("field", "8", name, impact[0], impact[1], impact[0] - impact[1])
    for x in parts:
        w.para(f"{bullet} {x.name} đạt {results.out_of(w, x.score, x.max)}")
        w.gold.score("field", x.code, x.name, x.max, x.score, None)

    w.heading("II. Kết quả thực hiện khắc phục")
    for k, x in enumerate(fields, 1):
        w.heading(f"{w.field_mark('II', k)}{x.name}")
        w.para(f.fill(w.rng.choice(ACTIONS_TAKEN)))
    w.heading(
        f"III. Các giải pháp khắc phục tồn tại, hạn chế trong cải cách hành chính năm {f.year} "
        f"của năm {f.next} và những năm tiếp theo"
    )
    picks = w.rng.sample([k for k in sorted(TASKS) if k[0] == "CCHC"], 6)
    bulleted = w.rng.random() < 0.5  # a plan either bullets its solutions or writes paragraphs
    for key in picks:
        text = f.fill(w.rng.choice(TASKS[key]))
        w.para(f"{bullet} {text}" if bulleted else text)
        w.gold.task(None, text)
    frame.closing(w, "bao_cao")
