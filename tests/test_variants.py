"""A plan laid out and worded differently from the samples: the rules must read it too."""

import pandas as pd
import pytest

from extractors.plan import lexicon
from pipeline.runner import run
from tests.docx_factory import build

PLAN = [
    "UBND XÃ AN PHÚ",
    "Số: 12/KH-UBND",  # the plan's own number: no cited decision
    "KẾ HOẠCH Khắc phục những hạn chế trong Chỉ số CCHC",
    "Căn cứ Quyết định số 45/QĐ-UBND ngày 10/02/2025 của UBND huyện Tân Phú về công bố Chỉ số "
    "CCHC năm 2024 của các xã, thị trấn, xã An Phú đạt 82,15/100 điểm, xếp thứ 3/12.",
    "I. TỒN TẠI, HẠN CHẾ",
    "1. Cải cách thủ tục hành chính",
    "- Chưa niêm yết công khai đầy đủ TTHC, bị trừ 0,5 điểm.",
    "II. GIẢI PHÁP",
    (
        "table",
        [
            ["STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"],
            ["1", "Niêm yết đầy đủ TTHC tại Bộ phận Một cửa", "Văn phòng", "Tư pháp", "Quý I/2025"],
            ["2", "Số hóa hồ sơ TTHC", "Bộ phận Một cửa", "Các công chức", "Năm 2025"],
        ],
        [],
    ),
    "PHỤ LỤC",
    (
        "table",
        [
            ["Nội dung tiêu chí", "Điểm tối đa", "Điểm đạt", "Điểm bị trừ"],
            ["3.1. Niêm yết, công khai TTHC", "1", "0,5", "0,5"],
        ],
        [],
    ),
    "KT. CHỦ TỊCH",
    "PHÓ CHỦ TỊCH",
    "Nguyễn Văn An",
]


def test_every_lexicon_file_loads():
    assert lexicon.labels() and lexicon.section_kinds() and lexicon.zones()
    assert lexicon.table_columns() and lexicon.actor_words("stop") and lexicon.abbreviations()


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    folder = tmp_path_factory.mktemp("in")
    build(folder / "ke-hoach.docx", PLAN)
    out = folder / "out"
    run(folder, out)
    return {
        n: pd.read_parquet(out / f"{n}.parquet")
        for n in ("documents", "scores", "deductions", "tasks")
    }


def test_document_fields(tables):
    doc = tables["documents"].iloc[0]
    assert doc["status"] == "ok"
    assert (doc["doc_kind"], doc["title"]) == (
        "ke_hoach",
        "Khắc phục những hạn chế trong Chỉ số CCHC",
    )
    assert (doc["unit_type"], doc["unit_name"], doc["district"]) == ("xã", "An Phú", "Tân Phú")
    assert (doc["index_year"], doc["signer"]) == (2024, "Nguyễn Văn An")
    assert [d["number"] for d in doc["decisions"]] == ["45/QĐ-UBND"]


def test_scores(tables):
    scores = tables["scores"].set_index(["level", "code"], drop=False)
    total = scores[scores["level"] == "total"].iloc[0]
    assert (total["score"], total["max_points"], total["rank"], total["rank_of"]) == (
        82.15,
        100,
        3,
        12,
    )
    criterion = scores.loc[("criterion", "3.1")]
    assert (criterion["max_points"], criterion["score"], criterion["deducted"]) == (1, 0.5, 0.5)


def test_deduction_without_parentheses_gets_its_field_and_code(tables):
    item = tables["deductions"].iloc[0]
    assert item["text"] == "Chưa niêm yết công khai đầy đủ TTHC"
    assert (item["field"], item["points"], item["code"]) == ("3", 0.5, "3.1")


def test_task_table_headed_noi_dung(tables):
    tasks = tables["tasks"]
    assert tasks["text"].tolist() == [
        "Niêm yết đầy đủ TTHC tại Bộ phận Một cửa",
        "Số hóa hồ sơ TTHC",
    ]
    assert tasks["lead"].tolist() == ["Văn phòng", "Bộ phận Một cửa"]
    assert tasks["partners"].tolist() == ["Tư pháp", "Các công chức"]
    assert tasks["deadline"].tolist() == ["Quý I/2025", "Năm 2025"]


def _extracted(tmp_path, lines: list[str], table: str) -> pd.DataFrame:
    """One plan of these lines, run through the pipeline: one of its output tables."""
    build(tmp_path / "ke-hoach.docx", lines)
    run(tmp_path, tmp_path / "out")
    return pd.read_parquet(tmp_path / "out" / f"{table}.parquet")


def test_numbered_solutions_are_tasks_and_numbered_headings_are_not(tmp_path):
    tasks = _extracted(
        tmp_path,
        [
            "KẾ HOẠCH",
            "Nâng cao Chỉ số CCHC năm 2025",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "1. Nâng cao nhận thức của cán bộ, công chức về cải cách hành chính.",
            "II. NHIỆM VỤ, GIẢI PHÁP",
            "1. Cải cách thủ tục hành chính",
            "- Rà soát, công bố đầy đủ thủ tục hành chính.",
            "2. Tăng cường kiểm tra việc giải quyết hồ sơ trên hệ thống một cửa điện tử.",
            "3. Tổ chức đối thoại định kỳ với người dân và doanh nghiệp.",
            "III. TỔ CHỨC THỰC HIỆN",
            "1. Văn phòng theo dõi, tổng hợp kết quả thực hiện kế hoạch này hằng quý.",
        ],
        "tasks",
    )
    assert tasks["text"].tolist() == [
        "Rà soát, công bố đầy đủ thủ tục hành chính.",
        "Tăng cường kiểm tra việc giải quyết hồ sơ trên hệ thống một cửa điện tử.",
        "Tổ chức đối thoại định kỳ với người dân và doanh nghiệp.",
    ]
    assert tasks["field"].tolist()[0] == "3"


def test_the_index_year_is_the_published_results_year_not_the_plans_own(tmp_path):
    documents = _extracted(
        tmp_path,
        [
            "KẾ HOẠCH",
            "Nâng cao Chỉ số cải cách hành chính năm 2025",
            "Căn cứ kết quả Chỉ số CCHC tại Quyết định số 12/QĐ-UBND ngày 05 tháng 01 năm 2025 "
            "của UBND huyện Tân Phú về việc công bố Chỉ số cải cách hành chính năm 2024.",
            "I. NHIỆM VỤ, GIẢI PHÁP",
            "- Rà soát, công bố đầy đủ thủ tục hành chính.",
        ],
        "documents",
    )
    assert documents["index_year"].tolist() == [2024]


def test_the_district_of_the_header_block_when_the_text_names_it_nowhere_else(tmp_path):
    header = ["UBND HUYỆN HẢI HẬU", "UBND XÃ HẢI AN", "KẾ HOẠCH", "Khắc phục hạn chế CCHC năm 2024"]
    documents = _extracted(tmp_path, header, "documents")
    assert documents[["district", "unit_name"]].values.tolist() == [["Hải Hậu", "Hải An"]]
