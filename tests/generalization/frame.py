"""The parts every plan has: header block, title, cited decisions, purpose, closing, signature."""

from __future__ import annotations

from .blocks import Table
from .facts import Decision
from .phrases import ORGANISATION, PURPOSES, RECIPIENTS, REQUIREMENTS
from .writer import Writer

TITLES = {
    "ke_hoach": (
        "Khắc phục tồn tại, hạn chế trong thực hiện cải cách hành chính năm {year} của {place}",
        "Khắc phục các tiêu chí bị trừ điểm tại Chỉ số cải cách hành chính năm {year} của {place}",
        "Khắc phục hạn chế, nâng cao Chỉ số cải cách hành chính năm {next} của {place}",
        "Khắc phục những tồn tại, hạn chế của Chỉ số CCHC năm {year}; nhiệm vụ, giải pháp "
        "nâng cao Chỉ số CCHC năm {next} và những năm tiếp theo",
    ),
    "ke_hoach_papi": (
        "Khắc phục tồn tại, hạn chế trong công tác CCHC và Chỉ số hiệu quả quản trị và hành "
        "chính công (PAPI) năm {year}; duy trì, nâng cao các chỉ số năm {next}",
    ),
    "bao_cao": (
        "Kết quả khắc phục các tồn tại, hạn chế trong thực hiện một số tiêu chí, tiêu chí "
        "thành phần về cải cách hành chính năm {year}",
        "Khắc phục những hạn chế trong thực hiện Chỉ số cải cách hành chính năm {year} của {place}",
    ),
}


def header(w: Writer, doc_kind: str) -> None:
    f = w.facts
    code = "KH" if doc_kind == "ke_hoach" else "BC"
    top = f"UBND HUYỆN {f.district.upper()}" if f.district_named else None
    left = [top, f"ỦY BAN NHÂN DÂN\n{f.unit.upper()}" if not top else f"UBND {f.unit.upper()}"]
    left.append(f"Số: {f.plan_number}/{code}-UBND")
    right = [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        f"{f.unit_name}, ngày {f.plan_date.day:02d} tháng {f.plan_date.month:02d} "
        f"năm {f.plan_date.year}",
    ]
    left = "\n".join(x for x in left if x)
    if w.dims["header_block"] == "table":
        w.table(Table([[left, "\n".join(right)]], header_rows=0, widths=[2, 3], borders=False))
    else:
        for line in (*left.split("\n"), *right):
            w.para(line, "center", indent=False)


def title(w: Writer, doc_kind: str, key: str | None = None) -> None:
    w.para("KẾ HOẠCH" if doc_kind == "ke_hoach" else "BÁO CÁO", "title", indent=False)
    subject = w.rng.choice(TITLES[key or doc_kind]).format(
        year=w.facts.year, next=w.facts.next, place=w.facts.unit
    )
    words = subject.split()
    lines = w.rng.choice((1, 2, 2, 3))
    cut = [round(len(words) * i / lines) for i in range(lines + 1)]
    for a, b in zip(cut, cut[1:], strict=False):
        w.para(" ".join(words[a:b]), "subtitle", indent=False)
    w.gold.document.update(
        doc_kind=doc_kind,
        title=" ".join(words),
        unit_type=w.facts.unit_type,
        unit_name=w.facts.unit_name,
        district=w.facts.district if w.facts.district_named else None,
        province=w.facts.province if w.facts.province_named else None,
        index_year=w.facts.year,
        signer=w.facts.signer,
        decisions=[{"number": d.number, "date": d.date.isoformat()} for d in w.facts.decisions],
    )


def date_text(w: Writer, decision: Decision) -> str:
    d = decision.date
    if w.dims["date_style"] == "words":
        return f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"
    return f"ngày {d.day:02d}/{d.month:02d}/{d.year}"


def cite(w: Writer, decision: Decision, lead: str = "Quyết định số") -> str:
    kind = "Thông báo kết luận số" if "-TB/" in decision.number else lead
    if "/UBND-" in decision.number:
        kind = "Công văn số"
    about = {
        "Quyết định số": f"về việc phê duyệt và công bố {decision.about}",
        "Thông báo kết luận số": f"về đánh giá {decision.about}",
        "Công văn số": f"về việc {decision.about}",
    }.get(kind, f"về việc phê duyệt và công bố {decision.about}")
    return (
        f"{kind} {decision.number} {date_text(w, decision)} của {decision.issuer} {about} "
        f"năm {w.facts.year}"
    )


def purpose(w: Writer) -> None:
    w.part(1, "MỤC ĐÍCH, YÊU CẦU")
    w.heading("1. Mục đích")
    for text in PURPOSES:
        w.para(f"- {text}")
    w.heading("2. Yêu cầu")
    for text in REQUIREMENTS:
        w.para(f"- {text}")


def organisation(w: Writer, part: int) -> None:
    w.part(part, "TỔ CHỨC THỰC HIỆN")
    for i, text in enumerate(ORGANISATION, 1):
        w.para(f"{i}. {text}")


def closing(w: Writer, doc_kind: str) -> None:
    what = "Kế hoạch" if doc_kind == "ke_hoach" else "Báo cáo"
    w.para(
        f"Trên đây là {what} của UBND {w.facts.unit} về khắc phục tồn tại, hạn chế trong công "
        f"tác cải cách hành chính năm {w.facts.year}, đề nghị các bộ phận, cán bộ, công chức "
        "nghiêm túc thực hiện./."
    )
    recipients = "\n".join(
        ["Nơi nhận:", *(f"- {w.facts.fill(r)};" for r in RECIPIENTS[: w.rng.randint(4, 7)])]
    )
    recipients += "\n- Lưu: VT, VP."
    if w.dims["signer_title"] == "tm_chu_tich":
        sign = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"
    else:
        sign = "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
    sign += f"\n\n\n\n{w.facts.signer}"
    w.table(Table([[recipients, sign]], header_rows=0, widths=[1, 1], borders=False))
