"""The plan-reading parsers on sentences a clerk writes (not tied to any sample document)."""

import pytest

from extractors.plan.actors import own_actor, parse_assignment
from extractors.plan.deductions import split_items
from extractors.plan.fields import match_field
from extractors.plan.outline import find_label, split_marker
from extractors.plan.statements import fields_counted, read_facts
from extractors.plan.tables import normalize_code


def test_fraction_rank_and_deducted():
    facts = read_facts(
        "chấm điểm 70.301/95.25 điểm; xếp thứ 18/23 xã; tổng số điểm bị trừ (24.95 điểm)"
    )
    assert (facts.score, facts.max_points, facts.rank, facts.rank_of, facts.deducted) == (
        70.301,
        95.25,
        18,
        23,
        24.95,
    )


@pytest.mark.parametrize(
    "text",
    [
        "đạt 8 điểm trên tổng số 8,75 điểm, xếp thứ 2 trên tổng số 29 xã",
        "được chấm 8 điểm/8,75 điểm; xếp thứ 2/29",
        "đạt 8/8,75 điểm, đứng thứ 2 trên 29 xã, thị trấn",
        "đạt 8/8,75 điểm, đứng thứ2/29 toàn huyện",  # a scan lost the space
    ],
)
def test_score_out_of_max_and_rank_of_however_worded(text):
    facts = read_facts(text)
    assert (facts.score, facts.max_points, facts.rank, facts.rank_of) == (8, 8.75, 2, 29)


def test_points_in_parentheses_after_the_fraction():
    assert read_facts("Kết quả: đạt 11.00/13.00 điểm; (- 2 điểm).").deducted == 2.0
    assert read_facts("Đạt 9,69/12.00 điểm, (2,31 điểm)").deducted == 2.31
    assert read_facts("đạt 5.00/5.00 điểm; (đạt điểm tối đa)").deducted is None


def test_total_without_fraction():
    facts = read_facts("Tổng điểm 100, điểm đạt 85,13 điểm còn thiếu 14,87 điểm.")
    assert (facts.max_points, facts.score, facts.deducted) == (100, 85.13, 14.87)


def test_restated_deduction_is_not_a_score():
    facts = read_facts("Tổng số điểm bị trừ: 4,495 điểm.")
    assert facts.deducted == 4.495 and facts.score is None


def test_a_rise_is_not_a_deduction():
    assert read_facts("với số điểm 83,60/100đ, tăng 2,82 điểm so với năm 2023").deducted is None


def test_group_of_fields():
    assert fields_counted("Đánh giá qua các tiêu chí (gồm 7 tiêu chí tổng điểm là 74 điểm)") == 7
    assert fields_counted("Đánh giá chung") is None


@pytest.mark.parametrize(
    ("name", "index", "code"),
    [
        ("Công tác chỉ đạo điều hành cải cách hành chính", "CCHC", "1"),
        ("Nội dung Cải cách thủ tục hành chính (TTHC)", "CCHC", "3"),
        ("Cải cách bộ máy chính quyền địa phương", "CCHC", "4"),
        ("Điểm điều tra XHH", "CCHC", "XHH"),
        ("Quản trị điện tử", "PAPI", "8"),
    ],
)
def test_field_names(name, index, code):
    assert match_field(name, index)[0] == code


def test_not_every_heading_is_a_field():
    for heading in ("Chỉ số cải cách hành chính", "Tổ chức thực hiện", "Mục đích, yêu cầu"):
        assert match_field(heading, "CCHC") is None


def test_components_are_preferred_only_inside_field_8():
    name = "Tác động của CCHC đến sự phát triển kinh tế xã hội của xã"
    assert match_field(name, "CCHC")[0] == "8"
    assert match_field(name, "CCHC", inside="8")[0] == "KTXH"


def test_markers():
    assert split_marker("1.2.6.1. Xây dựng")[0].depth == 5
    assert split_marker("II. NỘI DUNG")[0].kind == "roman"
    assert split_marker("đ) Giao công chức")[0].kind == "letter"
    assert split_marker("+ Tăng cường")[0].kind == "bullet"
    assert split_marker("Năm 2024, công tác")[0].kind == "none"
    # OCR's strokes of a roman number: before capitals, or with an H and its dot
    assert split_marker("HI NỘI DUNG")[0] == split_marker("HI. Các giải pháp")[0]
    assert split_marker("HI. Các giải pháp")[0].label == "III"
    assert split_marker("H. Cam Lộ")[0].kind == "capital"  # an abbreviation, not a number
    assert split_marker("HIỆN NAY, công tác")[0].kind == "none"


def test_labels():
    assert find_label("Đơn vị chủ trì: Văn phòng – Thống kê.") == ("lead", "Văn phòng – Thống kê.")
    assert find_label("Thời gian khắc phục: Năm 2025.")[0] == "deadline"
    assert find_label("Nhiệm vụ, giải pháp")[0] == "tasks"
    assert find_label("Kết quả năm 2024 đạt 11.00/15.00 điểm")[0] == "result"
    assert find_label("Kết quả áp dụng quy trình hệ thống") is None
    assert find_label("Để thực hiện tốt, Giao công chức Văn phòng thực hiện.")[0] == "assign"


def test_assignment_lead_and_partners():
    assert parse_assignment("Văn phòng UBND phối hợp với các công chức liên quan khắc phục") == (
        "Văn phòng UBND",
        "các công chức liên quan",
    )
    assert parse_assignment("công chức Tư pháp chủ trì, phối hợp khẩn trương khắc phục") == (
        "công chức Tư pháp",
        None,
    )


def test_own_actor():
    assert own_actor("Bộ phận Một cửa thị trấn tích cực rà soát các TTHC") == (
        "Bộ phận Một cửa thị trấn"
    )
    assert own_actor("Ban hành kế hoạch thực hiện") is None
    assert own_actor("Các ngành, đoàn thể tích cực tham gia") is None


def test_split_deduction_items():
    items = split_items(
        "A chưa đạt (-1,5 điểm); B không đúng (có 6/43 TTHC) (- 0.25 điểm). C (-05 điểm)"
    )
    assert items == [
        ("A chưa đạt", (1.5,)),
        ("B không đúng (có 6/43 TTHC)", (0.25,)),
        ("C", (5.0, 0.5)),
    ]


def test_split_without_points():
    assert split_items("- Tỷ lệ hồ sơ thanh toán trực tuyến chưa đạt;") == [
        ("Tỷ lệ hồ sơ thanh toán trực tuyến chưa đạt", ())
    ]


def test_codes():
    assert normalize_code("5. 8") == "5.8"
    assert normalize_code(" 7a.3.2.3 ") == "7a.3.2.3"
    assert normalize_code("1.") == "1"
    assert normalize_code("TỔNG") is None
    assert normalize_code("23 I") is None  # sub-groups are lettered a to h: an OCR slip


def test_code_printed_in_the_name_cell():
    from extractors.plan.tables import leading_code

    assert leading_code("1.2.1. Thực hiện chế độ báo cáo") == ("1.2.1", "Thực hiện chế độ báo cáo")
    assert leading_code("Thực hiện chế độ báo cáo") == (None, "Thực hiện chế độ báo cáo")


def _grid(rows):
    from extractors.model import Cell

    return [[Cell(r, c, [text]) if text is not None else None for c, text in enumerate(row)]
            for r, row in enumerate(rows)]  # fmt: skip


def test_a_header_cell_holding_two_titles_gives_the_second_to_its_neighbour():
    from extractors.plan.tables import layout

    found = layout(_grid([
        ["TT", "Nhiệm vụ, giải pháp", "Bộ phận phối hợp | Thời gian", "thực hiện"],
        ["1", "Rà soát TTHC", "Văn phòng", "Thường xuyên"],
    ]))  # fmt: skip
    assert found.roles == {"key": 0, "task": 1, "partners": 2, "deadline": 3}


def test_a_task_table_without_a_readable_header_is_laid_out_from_its_cells():
    from extractors.plan.tables import read_table

    reading = read_table(_grid([
        ["", "Nhiệm vụ, giải pháp Bộ", "", ""],
        ["I", "VĂN PHÒNG CHỦ TRÌ THỰC HIỆN", None, None],
        ["1", "Theo dõi, đôn đốc các đơn vị thực hiện kế hoạch", "Các công chức", "Thường xuyên"],
        ["2", "Tham mưu giao chỉ tiêu sáng kiến cho các bộ phận", "Các bộ phận", "Quý I/2025"],
    ]))  # fmt: skip
    assert reading.kind == "tasks"
    assert reading.layout.roles == {"key": 0, "task": 1, "deadline": 3, "partners": 2}


def test_a_score_table_without_a_readable_header_is_laid_out_from_its_cells():
    from extractors.plan.tables import read_table

    reading = read_table(_grid([
        ["TT", "NỘI DUNG Điểm | Điểm tối đa thẩm định", "", "", "", ""],
        ["1.1", "Thực hiện Kế hoạch CCHC", "1.5", "0", "Chưa đạt", "- 1,5"],
        ["1.2", "Báo cáo định kỳ", "1", "0.75", "Chưa đủ", "- 0.25"],
    ]))  # fmt: skip
    roles = reading.layout.roles
    assert (roles["max"], roles["score"], roles["deducted"], roles["reason"]) == (2, 3, 5, 4)


def test_the_header_ends_where_points_begin():
    from extractors.plan.tables import layout

    found = layout(_grid([
        ["TT", "Nội dung", "", ""],
        ["1.1", "Thực hiện Kế hoạch CCHC", "1.5", "0"],
        ["1.2", "Báo cáo", "1", "0.75"],
    ]))  # fmt: skip
    assert found is None


def test_a_heading_stating_the_whole_out_of_100_is_the_total_among_field_headings(tmp_path):
    """A report numbers its overview and its fields alike (I., II., then I., II. again under
    II.); the overview states the total."""
    from extractors.plan import extract_plan
    from extractors.readers.docx import read_docx
    from tests.docx_factory import build

    lines = [
        "UBND XÃ AN PHÚ",
        "BÁO CÁO",
        "Khắc phục những hạn chế trong Chỉ số cải cách hành chính năm 2024",
        "I. Đánh giá kết quả chấm điểm Chỉ số cải cách hành chính của xã: Tổng điểm 100, "
        "điểm đạt 75,37 điểm, còn thiếu 24,63 điểm, xếp thứ 2/21 xã, thị trấn.",
        "II. Kết quả thực hiện khắc phục",
        "I. Công tác chỉ đạo, điều hành cải cách hành chính",
        "- Kết quả: đạt 9/10 điểm.",
        "II. Cải cách thủ tục hành chính",
        "- Kết quả: đạt 6,5/8 điểm.",
    ]
    scores = extract_plan(read_docx(build(tmp_path / "bao-cao.docx", lines))).scores
    totals = [
        (s.max_points, s.score, s.deducted, s.rank, s.rank_of) for s in scores if s.level == "total"
    ]
    assert totals == [(100, 75.37, 24.63, 2, 21)]
