"""Where a plan writes who leads a task, with whom and by when: after each task, once after or
before a group of tasks, or in one assignment sentence closing the section. Which task a label
belongs to is read from each section's own layout; label lines are never tasks."""

import pytest

from extractors.plan import extract_plan
from extractors.plan.outline import find_label
from extractors.readers.docx import read_docx
from tests.docx_factory import build

OPENING = [
    "UBND XÃ AN PHÚ",
    "KẾ HOẠCH",
    "Khắc phục những hạn chế trong Chỉ số cải cách hành chính năm 2024",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "- Nâng cao nhận thức, trách nhiệm của cán bộ, công chức về cải cách hành chính.",
]
CLOSING = [
    "III. TỔ CHỨC THỰC HIỆN",
    "Giao Văn phòng - Thống kê theo dõi, đôn đốc việc thực hiện Kế hoạch này.",
    "TM. ỦY BAN NHÂN DÂN",
    "CHỦ TỊCH",
    "Nguyễn Văn An",
]


def tasks_of(tmp_path, body: list[str]) -> list[tuple]:
    path = build(tmp_path / "ke-hoach.docx", OPENING + body + CLOSING)
    tasks = extract_plan(read_docx(path)).tasks
    return [(t.text, t.lead, t.partners, t.deadline) for t in tasks]


def test_labels_after_each_task_belong_to_it(tmp_path):
    assert tasks_of(
        tmp_path,
        [
            "II. NHIỆM VỤ, GIẢI PHÁP",
            "1. Cải cách thủ tục hành chính",
            "- Rà soát, công bố đầy đủ thủ tục hành chính.",
            "+ Cơ quan chủ trì: Văn phòng - Thống kê.",
            "+ Phối hợp: Bộ phận Một cửa.",
            "+ Thời gian hoàn thành: Quý I/2025.",
            "- Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính.",
            "+ Cơ quan chủ trì: Bộ phận Một cửa.",
            "+ Thời hạn: Năm 2025.",
            "- Thực hiện xin lỗi người dân khi để hồ sơ trễ hẹn.",
            "+ Người thực hiện: Công chức Tư pháp - Hộ tịch.",
            "+ Tiến độ: Thường xuyên.",
        ],
    ) == [
        (
            "Rà soát, công bố đầy đủ thủ tục hành chính.",
            "Văn phòng - Thống kê",
            "Bộ phận Một cửa",
            "Quý I/2025",
        ),
        (
            "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính.",
            "Bộ phận Một cửa",
            None,
            "Năm 2025",
        ),
        (
            "Thực hiện xin lỗi người dân khi để hồ sơ trễ hẹn.",
            "Công chức Tư pháp - Hộ tịch",
            None,
            "Thường xuyên",
        ),
    ]


def test_labels_before_each_task_belong_to_it(tmp_path):
    assert tasks_of(
        tmp_path,
        [
            "II. NHIỆM VỤ VÀ GIẢI PHÁP",
            "1.1. Công tác chỉ đạo, điều hành",
            "• Chủ trì: Văn phòng UBND; thời hạn: Quý I/2025",
            "• Xây dựng kế hoạch cải cách hành chính năm 2025.",
            "• Chủ trì: Công chức Tư pháp",
            "• Kiểm tra công tác cải cách hành chính của các bộ phận.",
        ],
    ) == [
        ("Xây dựng kế hoạch cải cách hành chính năm 2025.", "Văn phòng UBND", None, "Quý I/2025"),
        ("Kiểm tra công tác cải cách hành chính của các bộ phận.", "Công chức Tư pháp", None, None),
    ]


def test_one_set_after_a_group_covers_every_task_of_it(tmp_path):
    assert tasks_of(
        tmp_path,
        [
            "II. NỘI DUNG KHẮC PHỤC",
            "2. Cải cách chế độ công vụ",
            "a) Tổ chức đào tạo, bồi dưỡng cán bộ, công chức theo kế hoạch.",
            "b) Kiểm tra việc chấp hành kỷ luật, kỷ cương hành chính.",
            "Đơn vị thực hiện/chủ trì: Công chức Văn phòng - Thống kê.",
            "Phối hợp thực hiện: Các ban, ngành, đoàn thể.",
            "Thời gian: Thường xuyên.",
        ],
    ) == [
        (
            "Tổ chức đào tạo, bồi dưỡng cán bộ, công chức theo kế hoạch.",
            "Công chức Văn phòng - Thống kê",
            "Các ban, ngành, đoàn thể",
            "Thường xuyên",
        ),
        (
            "Kiểm tra việc chấp hành kỷ luật, kỷ cương hành chính.",
            "Công chức Văn phòng - Thống kê",
            "Các ban, ngành, đoàn thể",
            "Thường xuyên",
        ),
    ]


def test_one_set_before_the_tasks_covers_every_task(tmp_path):
    assert tasks_of(
        tmp_path,
        [
            "II. GIẢI PHÁP",
            "1. Cải cách thể chế",
            "- Đơn vị chủ trì: Công chức Tư pháp - Hộ tịch",
            "- Đơn vị phối hợp: Các ban, ngành, đoàn thể",
            "- Thời gian thực hiện: Năm 2025",
            "- Nhiệm vụ, giải pháp:",
            "Rà soát văn bản quy phạm pháp luật do xã ban hành.",
            "Theo dõi tình hình thi hành pháp luật trên địa bàn.",
        ],
    ) == [
        (
            "Rà soát văn bản quy phạm pháp luật do xã ban hành.",
            "Công chức Tư pháp - Hộ tịch",
            "Các ban, ngành, đoàn thể",
            "Năm 2025",
        ),
        (
            "Theo dõi tình hình thi hành pháp luật trên địa bàn.",
            "Công chức Tư pháp - Hộ tịch",
            "Các ban, ngành, đoàn thể",
            "Năm 2025",
        ),
    ]


@pytest.mark.parametrize(
    "assignment",
    [
        "Giao công chức Tài chính - Kế toán chủ trì, phối hợp với công chức Văn phòng - Thống kê "
        "thực hiện; thời gian hoàn thành: Tháng 6/2025.",
        "Để khắc phục hạn chế trên, giao cho công chức Tài chính - Kế toán chủ trì, phối hợp với "
        "công chức Văn phòng - Thống kê thực hiện. Thời hạn: Tháng 6/2025.",
    ],
)
def test_an_assignment_sentence_closing_a_section_covers_its_tasks(tmp_path, assignment):
    assert tasks_of(
        tmp_path,
        [
            "II. NHIỆM VỤ, GIẢI PHÁP",
            "3. Cải cách tài chính công",
            "- Công khai dự toán ngân sách xã đúng thời gian quy định.",
            "- Giải ngân vốn đầu tư công theo kế hoạch được giao.",
            assignment,
        ],
    ) == [
        (
            "Công khai dự toán ngân sách xã đúng thời gian quy định.",
            "công chức Tài chính - Kế toán",
            "công chức Văn phòng - Thống kê",
            "Tháng 6/2025",
        ),
        (
            "Giải ngân vốn đầu tư công theo kế hoạch được giao.",
            "công chức Tài chính - Kế toán",
            "công chức Văn phòng - Thống kê",
            "Tháng 6/2025",
        ),
    ]


def test_sets_point_the_way_that_covers_more_tasks(tmp_path):
    """One line before the set does not make it close that line rather than head the list."""
    assert tasks_of(
        tmp_path,
        [
            "II. NHIỆM VỤ, GIẢI PHÁP",
            "2. Cải cách thể chế",
            "- Duy trì kết quả các tiêu chí đạt điểm tối đa.",
            "- Đơn vị chủ trì: Công chức Tư pháp - Hộ tịch.",
            "- Thời gian khắc phục: Năm 2025.",
            "- Nhiệm vụ giải pháp khắc phục:",
            "+ Rà soát văn bản quy phạm pháp luật do xã ban hành.",
            "+ Theo dõi tình hình thi hành pháp luật trên địa bàn.",
        ],
    ) == [
        ("Duy trì kết quả các tiêu chí đạt điểm tối đa.", None, None, None),
        (
            "Rà soát văn bản quy phạm pháp luật do xã ban hành.",
            "Công chức Tư pháp - Hộ tịch",
            None,
            "Năm 2025",
        ),
        (
            "Theo dõi tình hình thi hành pháp luật trên địa bàn.",
            "Công chức Tư pháp - Hộ tịch",
            None,
            "Năm 2025",
        ),
    ]


def test_a_label_may_have_its_value_on_the_next_line(tmp_path):
    assert tasks_of(
        tmp_path,
        [
            "II. NHIỆM VỤ, GIẢI PHÁP",
            "1. Cải cách thủ tục hành chính",
            "- Tăng tỷ lệ hồ sơ nộp trực tuyến.",
            "- Đơn vị chủ trì:",
            "+ Bộ phận tiếp nhận và trả kết quả.",
            "- Thời hạn: Quý IV/2025.",
        ],
    ) == [
        (
            "Tăng tỷ lệ hồ sơ nộp trực tuyến.",
            "Bộ phận tiếp nhận và trả kết quả",
            None,
            "Quý IV/2025",
        )
    ]


def test_numbered_tasks_followed_by_their_labels_are_tasks_however_short(tmp_path):
    assert tasks_of(
        tmp_path,
        [
            "II. NHIỆM VỤ, GIẢI PHÁP",
            "1. Rà soát thủ tục hành chính",
            "- Chủ trì: Văn phòng",
            "- Thời hạn: Quý II/2025",
            "2. Số hóa hồ sơ",
            "- Chủ trì: Bộ phận Một cửa",
            "- Phối hợp thực hiện: Các bộ phận chuyên môn",
            "- Thời hạn: Năm 2025",
        ],
    ) == [
        ("Rà soát thủ tục hành chính", "Văn phòng", None, "Quý II/2025"),
        ("Số hóa hồ sơ", "Bộ phận Một cửa", "Các bộ phận chuyên môn", "Năm 2025"),
    ]


def test_a_task_own_labels_and_named_doer_override_the_section_set(tmp_path):
    assert tasks_of(
        tmp_path,
        [
            "II. NHIỆM VỤ, GIẢI PHÁP",
            "1. Xây dựng và phát triển chính quyền điện tử, chính quyền số",
            "Đơn vị chủ trì: Công chức Văn hóa - Xã hội; thời gian hoàn thành: Năm 2025.",
            "- Duy trì hoạt động Trang thông tin điện tử của xã.",
            "+ Thời hạn: Quý III/2025.",
            "- Bộ phận Một cửa tích cực hướng dẫn người dân nộp hồ sơ trực tuyến.",
            "+ Phối hợp: Các thôn, tổ dân phố.",
            "- Cập nhật đầy đủ văn bản lên hệ thống; thời hạn: Tháng 6/2025.",
            "+ Chủ trì: Văn phòng - Thống kê.",
        ],
    ) == [
        (
            "Duy trì hoạt động Trang thông tin điện tử của xã.",
            "Công chức Văn hóa - Xã hội",
            None,
            "Quý III/2025",
        ),
        (
            "Bộ phận Một cửa tích cực hướng dẫn người dân nộp hồ sơ trực tuyến.",
            "Bộ phận Một cửa",
            "Các thôn, tổ dân phố",
            "Năm 2025",
        ),
        (
            "Cập nhật đầy đủ văn bản lên hệ thống",
            "Văn phòng - Thống kê",
            None,
            "Tháng 6/2025",
        ),
    ]


def test_labels_above_sub_sections_cover_their_tasks(tmp_path):
    assert tasks_of(
        tmp_path,
        [
            "II. NHIỆM VỤ, GIẢI PHÁP",
            "Đơn vị chủ trì: Văn phòng - Thống kê. Thời gian hoàn thành: Năm 2025.",
            "1. Công tác chỉ đạo, điều hành",
            "- Ban hành kế hoạch tuyên truyền cải cách hành chính.",
            "2. Cải cách thủ tục hành chính",
            "- Niêm yết công khai đầy đủ thủ tục hành chính.",
            "+ Chủ trì: Bộ phận Một cửa.",
        ],
    ) == [
        (
            "Ban hành kế hoạch tuyên truyền cải cách hành chính.",
            "Văn phòng - Thống kê",
            None,
            "Năm 2025",
        ),
        ("Niêm yết công khai đầy đủ thủ tục hành chính.", "Bộ phận Một cửa", None, "Năm 2025"),
    ]


def test_each_section_of_one_plan_is_read_in_its_own_layout(tmp_path):
    path = build(
        tmp_path / "ke-hoach.docx",
        OPENING
        + [
            "II. NHIỆM VỤ, GIẢI PHÁP",
            "1. Công tác chỉ đạo, điều hành cải cách hành chính",
            "- Xây dựng kế hoạch cải cách hành chính năm 2025.",
            "+ Cơ quan chủ trì: Văn phòng - Thống kê.",
            "+ Thời gian hoàn thành: Quý I/2025.",
            "- Tổ chức tự kiểm tra công tác cải cách hành chính.",
            "+ Cơ quan chủ trì: Công chức Tư pháp - Hộ tịch.",
            "+ Thời gian hoàn thành: Quý III/2025.",
            "2. Cải cách thủ tục hành chính",
            "- Niêm yết công khai đầy đủ thủ tục hành chính.",
            "- Giải quyết hồ sơ đúng hạn, không để trễ hẹn.",
            "Đơn vị chủ trì: Bộ phận Một cửa.",
            "Thời hạn: Thường xuyên.",
            "3. Cải cách chế độ công vụ",
            "Chủ trì: Công chức Văn phòng - Thống kê; Phối hợp: Các công chức chuyên môn",
            "- Đánh giá, xếp loại công chức đúng quy định.",
            "- Cập nhật cơ sở dữ liệu cán bộ, công chức.",
            "4. Cải cách tài chính công",
            "- Công khai quyết toán ngân sách xã.",
            "Giao công chức Tài chính - Kế toán thực hiện; tiến độ: Tháng 12/2025.",
        ]
        + CLOSING,
    )
    tasks = extract_plan(read_docx(path)).tasks
    assert [(t.field, t.text, t.lead, t.partners, t.deadline) for t in tasks] == [
        (
            "1",
            "Xây dựng kế hoạch cải cách hành chính năm 2025.",
            "Văn phòng - Thống kê",
            None,
            "Quý I/2025",
        ),
        (
            "1",
            "Tổ chức tự kiểm tra công tác cải cách hành chính.",
            "Công chức Tư pháp - Hộ tịch",
            None,
            "Quý III/2025",
        ),
        (
            "3",
            "Niêm yết công khai đầy đủ thủ tục hành chính.",
            "Bộ phận Một cửa",
            None,
            "Thường xuyên",
        ),
        (
            "3",
            "Giải quyết hồ sơ đúng hạn, không để trễ hẹn.",
            "Bộ phận Một cửa",
            None,
            "Thường xuyên",
        ),
        (
            "5",
            "Đánh giá, xếp loại công chức đúng quy định.",
            "Công chức Văn phòng - Thống kê",
            "Các công chức chuyên môn",
            None,
        ),
        (
            "5",
            "Cập nhật cơ sở dữ liệu cán bộ, công chức.",
            "Công chức Văn phòng - Thống kê",
            "Các công chức chuyên môn",
            None,
        ),
        (
            "6",
            "Công khai quyết toán ngân sách xã.",
            "công chức Tài chính - Kế toán",
            None,
            "Tháng 12/2025",
        ),
    ]


def test_cchc_and_papi_sections_each_read_their_own_labels(tmp_path):
    path = build(
        tmp_path / "ke-hoach.docx",
        OPENING
        + [
            "II. NỘI DUNG VÀ GIẢI PHÁP THỰC HIỆN",
            "1. Công tác cải cách hành chính",
            "1.1. Cải cách thể chế",
            "- Rà soát văn bản quy phạm pháp luật của xã.",
            "- Thời hạn: Quý II/2025.",
            "- Theo dõi tình hình thi hành pháp luật.",
            "- Thời hạn: Thường xuyên.",
            "2. Chỉ số hiệu quả quản trị và hành chính công (PAPI)",
            "2.1. Công khai, minh bạch",
            "Cơ quan chủ trì: Công chức Tài chính - Kế toán",
            "+ Công khai danh sách hộ nghèo tại nhà văn hóa thôn.",
            "+ Công khai thu chi ngân sách xã trên bảng tin.",
        ]
        + CLOSING,
    )
    tasks = extract_plan(read_docx(path)).tasks
    assert [(t.index, t.field, t.text, t.lead, t.deadline) for t in tasks] == [
        ("CCHC", "2", "Rà soát văn bản quy phạm pháp luật của xã.", None, "Quý II/2025"),
        ("CCHC", "2", "Theo dõi tình hình thi hành pháp luật.", None, "Thường xuyên"),
        (
            "PAPI",
            "2",
            "Công khai danh sách hộ nghèo tại nhà văn hóa thôn.",
            "Công chức Tài chính - Kế toán",
            None,
        ),
        (
            "PAPI",
            "2",
            "Công khai thu chi ngân sách xã trên bảng tin.",
            "Công chức Tài chính - Kế toán",
            None,
        ),
    ]


def test_a_deadline_in_a_list_of_deficiencies_makes_no_task(tmp_path):
    assert tasks_of(
        tmp_path,
        [
            "II. TỒN TẠI, HẠN CHẾ",
            "1. Cải cách thủ tục hành chính",
            "- Chưa niêm yết công khai đầy đủ thủ tục hành chính (-0,5 điểm).",
            "- Thời gian khắc phục: Quý I/2025.",
            "- Chưa số hóa hồ sơ giải quyết thủ tục hành chính (-0,5 điểm).",
            "III. GIẢI PHÁP",
            "- Niêm yết công khai đầy đủ thủ tục hành chính.",
            "+ Chủ trì: Bộ phận Một cửa.",
        ],
    ) == [("Niêm yết công khai đầy đủ thủ tục hành chính.", "Bộ phận Một cửa", None, None)]


NUMBERINGS = {
    "arabic": ("1. Cải cách thể chế", "2. Cải cách thủ tục hành chính"),
    "nested": ("2.1. Cải cách thể chế", "2.2. Cải cách thủ tục hành chính"),
    "letters": ("a) Cải cách thể chế", "b) Cải cách thủ tục hành chính"),
    "none": ("Công tác cải cách thể chế", "Nội dung cải cách TTHC"),
}


@pytest.mark.parametrize("numbering", NUMBERINGS)
def test_field_sections_however_numbered_keep_their_own_layouts(tmp_path, numbering):
    first, second = NUMBERINGS[numbering]
    path = build(
        tmp_path / "ke-hoach.docx",
        OPENING
        + [
            "II. NHIỆM VỤ, GIẢI PHÁP",
            first,
            "- Rà soát văn bản quy phạm pháp luật do xã ban hành.",
            "+ Chủ trì: Công chức Tư pháp - Hộ tịch.",
            "+ Thời hạn: Quý II/2025.",
            "- Theo dõi tình hình thi hành pháp luật trên địa bàn.",
            "+ Chủ trì: Công chức Văn phòng - Thống kê.",
            second,
            "- Chủ trì: Bộ phận Một cửa.",
            "- Thời hạn: Thường xuyên.",
            "- Nhiệm vụ, giải pháp:",
            "+ Niêm yết công khai đầy đủ thủ tục hành chính.",
            "+ Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính.",
        ]
        + CLOSING,
    )
    tasks = extract_plan(read_docx(path)).tasks
    assert [(t.field, t.text, t.lead, t.deadline) for t in tasks] == [
        (
            "2",
            "Rà soát văn bản quy phạm pháp luật do xã ban hành.",
            "Công chức Tư pháp - Hộ tịch",
            "Quý II/2025",
        ),
        (
            "2",
            "Theo dõi tình hình thi hành pháp luật trên địa bàn.",
            "Công chức Văn phòng - Thống kê",
            None,
        ),
        ("3", "Niêm yết công khai đầy đủ thủ tục hành chính.", "Bộ phận Một cửa", "Thường xuyên"),
        (
            "3",
            "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính.",
            "Bộ phận Một cửa",
            "Thường xuyên",
        ),
    ]


def test_capital_letter_parts_and_a_numbered_tasks_heading(tmp_path):
    path = build(
        tmp_path / "ke-hoach.docx",
        OPENING
        + [
            "II. NỘI DUNG VÀ GIẢI PHÁP THỰC HIỆN",
            "A. Công tác cải cách hành chính",
            "1. Nhiệm vụ, giải pháp khắc phục cụ thể",
            "1.1. Cải cách chế độ công vụ",
            "- Đánh giá, xếp loại công chức đúng quy định.",
            "Giao công chức Văn phòng - Thống kê thực hiện.",
            "B. Công tác nâng cao Chỉ số hiệu quả quản trị và hành chính công (PAPI)",
            "1. Công khai, minh bạch",
            "- Công khai danh sách hộ nghèo tại nhà văn hóa thôn.",
            "+ Chủ trì: Công chức Lao động - Thương binh và Xã hội.",
        ]
        + CLOSING,
    )
    tasks = extract_plan(read_docx(path)).tasks
    assert [(t.index, t.field, t.text, t.lead) for t in tasks] == [
        (
            "CCHC",
            "5",
            "Đánh giá, xếp loại công chức đúng quy định.",
            "công chức Văn phòng - Thống kê",
        ),
        (
            "PAPI",
            "2",
            "Công khai danh sách hộ nghèo tại nhà văn hóa thôn.",
            "Công chức Lao động - Thương binh và Xã hội",
        ),
    ]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Thời gian hoàn thành: Quý I/2025", "deadline"),
        ("Thời hạn: Năm 2025", "deadline"),
        ("Tiến độ: Thường xuyên", "deadline"),
        ("Cơ quan chủ trì: Văn phòng", "lead"),
        ("Đơn vị thực hiện/chủ trì: Văn phòng", "lead"),
        ("Người thực hiện: Công chức Tư pháp", "lead"),
        ("Chủ trì thực hiện: Văn phòng", "lead"),
        ("Phối hợp: Các công chức", "partners"),
        ("Phối hợp thực hiện: Các công chức", "partners"),
    ],
)
def test_label_wordings(line, kind):
    assert find_label(line)[0] == kind


@pytest.mark.parametrize(
    "line",
    [
        "Thời gian qua, xã đã tập trung rà soát thủ tục hành chính.",
        "Tiến độ giải quyết hồ sơ được cải thiện.",
        "Phối hợp với các thôn tuyên truyền cải cách hành chính.",
        "Thực hiện nghiêm túc chế độ báo cáo.",
    ],
)
def test_words_that_open_a_sentence_are_no_label(line):
    assert find_label(line) is None


def test_capital_letter_parts_above_the_roman_sections(tmp_path):
    path = build(
        tmp_path / "ke-hoach.docx",
        [
            "KẾ HOẠCH",
            "Khắc phục những hạn chế trong Chỉ số cải cách hành chính năm 2024",
            "A. MỤC ĐÍCH, YÊU CẦU",
            "1. Mục đích",
            "- Nâng cao nhận thức của cán bộ, công chức về cải cách hành chính.",
            "B. NỘI DUNG KHẮC PHỤC",
            "I. Nội dung cải cách thể chế",
            "+ Rà soát, hệ thống hóa văn bản quy phạm pháp luật của xã.",
            "II. Nội dung cải cách tổ chức bộ máy hành chính nhà nước",
            "+ Tổ chức đánh giá việc thực hiện Quy chế làm việc của UBND xã.",
            "Giao Văn phòng UBND chủ trì thực hiện các nhiệm vụ trên.",
            "C. TỔ CHỨC THỰC HIỆN",
            "1. Văn phòng theo dõi, tổng hợp kết quả thực hiện kế hoạch này hằng quý.",
        ],
    )
    tasks = extract_plan(read_docx(path)).tasks
    assert [(t.field, t.text, t.lead) for t in tasks] == [
        ("2", "Rà soát, hệ thống hóa văn bản quy phạm pháp luật của xã.", None),
        ("4", "Tổ chức đánh giá việc thực hiện Quy chế làm việc của UBND xã.", "Văn phòng UBND"),
    ]


def test_a_stated_result_in_a_solutions_section_is_no_task(tmp_path):
    assert tasks_of(
        tmp_path,
        [
            "II. NHIỆM VỤ, GIẢI PHÁP",
            "1. Cải cách thể chế",
            "- Lĩnh vực này đạt điểm tối đa, tiếp tục duy trì.",
            "2. Cải cách thủ tục hành chính",
            "- Phấn đấu đạt điểm tối đa tiêu chí công khai thủ tục hành chính.",
        ],
    ) == [("Phấn đấu đạt điểm tối đa tiêu chí công khai thủ tục hành chính.", None, None, None)]
