"""CCHC + PAPI kind: each field of both indices with its "Kết quả" line, its limits, its target
and its tasks, closed by "Giao …" or labelled as the plan drew."""

from __future__ import annotations

from decimal import Decimal

from .. import deductions, frame, results, scorecard, tasks
from ..numbers import QUARTER
from ..scorecard import FieldScore
from ..writer import LETTERS, Writer

PAPI_LIMITS = (
    "Tỷ lệ người dân biết về các khoản đóng góp tự nguyện còn thấp",
    "Việc công khai danh sách hộ nghèo chưa kịp thời",
    "Người dân chưa đánh giá cao chất lượng dịch vụ y tế tuyến xã",
    "Tỷ lệ hộ gia đình được thu gom rác thải chưa đạt mục tiêu được giao",
    "Tỷ lệ người dân sử dụng Cổng Dịch vụ công còn thấp",
)


def _papi(w: Writer) -> list[FieldScore]:
    while True:
        maxima = [Decimal(w.rng.randint(8, 14)) for _ in range(8)]
        last = Decimal(100) - sum(maxima)
        if 6 <= last <= 16:
            break
    out = []
    for code, m in zip("012345678", [*maxima, last], strict=True):
        fs = scorecard.simple(w, "PAPI", code, m, full=0.2)
        fs.extra_deducted = (fs.extra_deducted / QUARTER).to_integral_value() * QUARTER
        out.append(fs)
    return out


def _cchc(w: Writer) -> list[FieldScore]:
    fields = scorecard.cchc(w, quarters=True)[:7]
    xhh = scorecard.simple(w, "CCHC", "XHH", Decimal(w.rng.randint(10, 14)), full=0)
    bonus = scorecard.simple(w, "CCHC", "THUONG_TRU", Decimal(w.rng.randint(2, 4)), full=0.3)
    for fs in (xhh, bonus):
        fs.extra_deducted = (fs.extra_deducted / QUARTER).to_integral_value() * QUARTER
    # the seven fields take what the components leave of 100, in whole points
    room = Decimal(100) - xhh.max - bonus.max
    for fs in fields:
        fs.max = sum((c.max_points for c, _ in fs.lost), Decimal(0))
        fs.max = fs.max.to_integral_value(rounding="ROUND_CEILING") + 1
    for _ in range(int(room - sum((fs.max for fs in fields), Decimal(0)))):
        w.rng.choice(fields).max += 1
    return [*fields, xhh, bonus]


def write(w: Writer) -> None:
    f = w.facts
    cchc, papi = _cchc(w), _papi(w)
    frame.header(w, "ke_hoach")
    frame.title(w, "ke_hoach", "ke_hoach_papi")
    first, second = f.decisions
    w.para(f"Căn cứ {frame.cite(w, first)}; {frame.cite(w, second)}.")
    sentences = []
    for index, fields in (("CCHC", cchc), ("PAPI", papi)):
        score = sum((x.score for x in fields), Decimal(0))
        position, of = results.rank(w)
        ranked, rank_of = results.rank_text(w, position, of)
        sentences.append(
            f"Chỉ số {index} {ranked}, với số điểm {results.out_of(w, score, Decimal(100), 2)} điểm"
        )
        w.gold.score("total", None, None, Decimal(100), score, None, index=index,
                     rank=position, rank_of=rank_of)  # fmt: skip
    w.para(f"Theo đó năm {f.year}, {sentences[0]}; {sentences[1]}.")
    frame.purpose(w)
    w.part(2, "NỘI DUNG VÀ GIẢI PHÁP THỰC HIỆN")
    # the two indices number one level above their fields: "A." over "1.", else "1." over "1.1."
    first, second = ("A.", "B.") if w.dims["section_numbering"] == "arabic" else ("1.", "2.")
    w.heading(f"{first} Công tác cải cách hành chính")
    for n, fs in enumerate(cchc, 1):
        _section(w, fs, "1", n)
    w.heading(f"{second} Công tác nâng cao Chỉ số hiệu quả quản trị và hành chính công (PAPI)")
    for n, fs in enumerate(papi, 1):
        _section(w, fs, "2", n)
    frame.organisation(w, 3)
    frame.closing(w, "ke_hoach")


def _section(w: Writer, fs: FieldScore, parent: str, n: int) -> None:
    w.heading(f"{w.field_mark(parent, n)}{fs.name}")
    # items under a lettered field are dashed; under a numbered one, lettered
    lettered = w.dims["section_numbering"] == "letters"
    mark = iter("-" if lettered else f"{letter})" for letter in LETTERS)
    result = f"{next(mark)} Kết quả năm {w.facts.year} đạt {results.out_of(w, fs.score, fs.max, 2)}"
    if fs.deducted:
        w.para(f"{result} (-{w.num(fs.deducted)} điểm).")
        w.gold.score("field", fs.code, fs.name, fs.max, fs.score, fs.deducted, index=fs.index)
    else:
        w.para(f"{result} (đạt điểm tối đa).")
        w.gold.score("field", fs.code, fs.name, fs.max, fs.score, None, index=fs.index)
    limits = _limits(w, fs)
    if limits:
        w.para(f"{next(mark)} Hạn chế:")
        for item in limits:
            w.para(
                f"{'+' if lettered else '-'} {item.text}"
                + (f" (-{w.num(item.points)} điểm)" if item.points else "")
            )
            w.gold.deduction(fs.code, item.code, item.text, item.points, index=fs.index)
    elif not fs.deducted:
        w.para(f"{next(mark)} Hạn chế: Không")
    target = "Đạt điểm tối đa" if fs.deducted else "Tiếp tục duy trì điểm tối đa"
    w.para(f"{next(mark)} Mục tiêu năm {w.facts.next}: {target}.")
    if w.dims["task_labels"] in ("none", "after_each", "assignment"):
        w.para(f"{next(mark)} Nhiệm vụ, giải pháp:")
    tasks.write(w, fs.index, fs.code, tasks.texts(w, fs.index, fs.code))


def _limits(w: Writer, fs: FieldScore) -> list[deductions.Item]:
    if not fs.deducted or w.rng.random() < 0.4:
        return []
    if fs.index == "PAPI":
        texts = w.rng.sample(PAPI_LIMITS, w.rng.randint(1, 2))
        return [deductions.Item(t, None, None) for t in texts]
    if not fs.lost:
        return []
    found = deductions.items(w, fs.lost, w.facts.uses_catalog)
    if fs.extra_deducted or w.rng.random() < 0.5:
        # points are printed only when the items account for the field's loss
        return [deductions.Item(i.text, None, i.code) for i in found]
    return found
