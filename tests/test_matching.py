"""Criterion codes: the matcher's benchmark, catalog choice, damaged narrative items, pairing
with the document's own table, the review loop and overrides."""

import csv

import pandas as pd
import pytest

from benchmarks.bench_match import MISSING, PATHS, PRECISION_GOAL, RECALL_GOAL, run_narrative, total
from benchmarks.bench_match import run as bench
from extractors.criteria.catalog import catalog_name, load_catalog
from extractors.criteria.coding import code_run
from extractors.criteria.matcher import Matcher
from extractors.criteria.names import name_part
from extractors.criteria.pairing import pair_with_criteria
from extractors.model import Deduction, DocumentInfo, Extraction, Score
from pipeline.runner import run
from tests.docx_factory import build

HA_TINH = ("Hà Tĩnh", 2024)


def test_benchmark_on_generated_name_variants():
    result = bench(load_catalog("Hà Tĩnh", 2024))
    print(
        f"{result.variants} variants: right {result.recall:.1%}, precision {result.precision:.1%}"
    )
    assert result.variants >= 400
    assert result.recall >= RECALL_GOAL
    assert result.precision >= PRECISION_GOAL


def test_benchmark_on_damaged_narrative_items():
    results = run_narrative(*HA_TINH)
    overall = total(results)
    print(
        f"{overall.variants} codings: right {overall.recall:.1%}, precision {overall.precision:.1%}"
    )
    assert {path for _, path in results} == {*PATHS, MISSING}
    assert all(r.variants >= 9 for r in results.values())
    assert overall.variants >= 1000
    assert overall.recall >= RECALL_GOAL
    assert overall.precision >= PRECISION_GOAL


def test_catalog_is_chosen_by_province_and_year():
    assert catalog_name("Hà Tĩnh", 2024) == "criteria/ha-tinh_2024.csv"
    assert load_catalog("Hà Tĩnh", 2024)
    assert load_catalog("Hà Tĩnh", 1999) == ()
    assert load_catalog(None, 2024) == ()


def test_an_unsure_name_gets_no_code():
    matcher = Matcher(list(load_catalog("Hà Tĩnh", 2024)))
    found = matcher.match("Tỷ lệ hồ sơ", field="7")  # the start of two names in 7a
    assert found.code is None and len(found.candidates) == 3


def test_printed_max_points_and_taken_codes_narrow_the_candidates():
    matcher = Matcher(list(load_catalog("Hà Tĩnh", 2024)))
    name = "Tỷ lệ hồ sơ thanh toán trực tuyến"
    assert matcher.match(name, field="7").code == "7a.3.3.3"
    assert matcher.match(name, field="7", taken=frozenset({"7a.3.3.3"})).code != "7a.3.3.3"


@pytest.mark.parametrize(
    ("item", "name"),
    [
        (
            "Tỷ lệ hồ sơ TTHC được giải quyet đúng hạn: chưa đạt điểm tối đa",
            "Tỷ lệ hồ sơ TTHC được giải quyet đúng hạn",
        ),
        (
            "Báo cáo về lĩnh vực cán bộ, công chức tài liệu kiểm chứng chưa đầy đủ",
            "Báo cáo về lĩnh vực cán bộ, công chức",
        ),
        ("Mức độ thu hút đầu tư, KHONG DUNG quy định", "Mức độ thu hút đầu tư"),  # no accents
        ("Thực hiện Kế hoạch CCHC có 1 nhiệm vụ hoàn thành chậm", "Thực hiện Kế hoạch CCHC"),
        (
            "Lưu trữ hồ sơ theo ISO 9001:2015 chưa đầy đủ",  # not cut at "9001:2015"
            "Lưu trữ hồ sơ theo ISO 9001:2015",
        ),
        ("Chưa triển khai đầy đủ hệ thống điện tử dùng chung", None),  # opens with the shortfall
        ("Số hóa thủ tục hành chính", None),  # nothing to cut
    ],
)
def test_an_items_name_part_ends_where_its_shortfall_starts(item, name):
    assert name_part(item) == name


@pytest.mark.parametrize(
    ("item", "field", "lost", "code"),
    [
        # cut off, abbreviated, vowel marks dropped
        (
            "Tỷ lệ hồ sơ TTHC do UBND cáp xã tiép nhận, xử lý: chưa đạt điểm tối đa",
            "3",
            0.5,
            "3.3.2",
        ),
        # tone and vowel marks dropped, cut off
        ("Thưc hiện nhiẹm vụ được UBND huyện, Chủ tịch chưa đạt điểm tối đa", "1", 0.125, "1.7"),
        ("Mức độ xử lý đề xuất, kiến nghị cua ngươi dân: không đúng quy định", "1", 0.25, "1.6.3"),
        # HTX for "Hợp tác xã", cut off
        ("Tỷ lệ đóng góp của doanh nghiệp, HTX vào thu ngân sách: chưa đảm bảo", "8", 1, "8b.3"),
        # typing slips, cut off
        ("Cập nhật đầy đủ các trường thông tin, luân chuyẻn đúgn: chưa đảm bảo", "3", 0.5, "3.2.5"),
        # CBCC for "cán bộ, công chức", a tone mark misplaced, cut off
        ("Mức độ hoàn thành kế hoạch đào tạo, bồi dưỡng CBCC cuả: chưa đạt", "5", 0.4, "5.3"),
    ],
)
def test_an_item_opening_with_a_damaged_name_gets_its_code(item, field, lost, code):
    matcher = Matcher(list(load_catalog(*HA_TINH)))
    assert matcher.match(item, field=field, narrative=True, lost=lost).code == code


@pytest.mark.parametrize(
    ("item", "field", "missing"),
    [
        # "Hồ sơ thủ tục hành chính ..." reads like "Số hóa thủ tục hành chính" without accents
        (
            "Hồ sơ TTHC đủ điều kiện tiếp nhận giải quyết được nhập vào Hệ thống chưa đạt",
            "3",
            "3.2.4",
        ),
        # cut off where it parts from its sibling 7b.2.3.2
        (
            "Đánh giá mức độ tuân thủ quy trình TTHC thông qua xem xét tỷ lệ: chưa đạt",
            "7",
            "7b.2.3.1",
        ),
        # too short a cut to tell: "Tỷ lệ hồ sơ" opens 7a.3.3.3 as well
        ("Tỷ lệ hồ sơ, chưa đạt điểm tối đa", "7", "7a.3.2.3"),
    ],
)
def test_an_item_whose_criterion_the_catalog_lacks_gets_no_code(item, field, missing):
    matcher = Matcher([e for e in load_catalog(*HA_TINH) if e.code != missing])
    assert matcher.match(item, field=field, narrative=True).code is None


def test_an_item_cannot_have_lost_more_than_its_criterions_max():
    matcher = Matcher(list(load_catalog(*HA_TINH)))
    item = "Số hóa thủ tục hành chính chưa đạt tỷ lệ"  # 3.2.2 is worth 3 points
    assert matcher.match(item, field="3", narrative=True, lost=0.5).code == "3.2.2"
    assert matcher.match(item, field="3", narrative=True, lost=3.5).code is None


def _criterion(code, name, max_points, deducted, field):
    return Score("CCHC", "criterion", code, name, max_points, max_points - deducted, deducted,
                 field=field)  # fmt: skip


def _item(text, points, field, scope=None, code=None):
    return Deduction("CCHC", field, text, points, code=code, point_readings=(points,), scope=scope)


def test_plans_that_name_no_province_teach_no_codes_to_each_other():
    printed = Extraction(
        DocumentInfo(index_year=2021), [_criterion("3.4", "Số hóa thủ tục hành chính", 3, 1, "3")]
    )
    names_only = Extraction(
        DocumentInfo(index_year=2021), [_criterion(None, "Số hóa thủ tục hành chính", 3, 1, "3")]
    )
    coded = code_run([("a.docx", printed), ("b.docx", names_only)], [])
    assert names_only.scores[0].code is None
    assert not coded.learned


def test_items_pair_again_with_criteria_the_run_coded_from_the_catalog():
    table = [
        _criterion(None, "Phê bình, kiểm điểm, kỷ luật", 4, 4, "5"),
        _criterion(None, "Số hóa thủ tục hành chính", 3, 0.588, "3"),
    ]
    paraphrase = "Không đính kèm tài liệu vào mục phê bình, kiểm điểm, kỷ luật"
    items = [_item(paraphrase, 4, "5"), _item("Số hoá TTHC chưa đạt tỷ lệ", 0.588, "3")]
    extraction = Extraction(DocumentInfo(province="Hà Tĩnh", index_year=2024), table, items)
    code_run([("plan.docx", extraction)], [])
    assert [c.code for c in table] == ["5.7", "3.2.2"]
    assert [i.code for i in items] == ["5.7", "3.2.2"]
    # the catalog alone would not code the paraphrase: the table row did
    matcher = Matcher(list(load_catalog(*HA_TINH)))
    assert matcher.match(paraphrase, field="5", narrative=True, lost=4).code is None


@pytest.mark.parametrize("reverse", [False, True])
def test_pairing_prefers_the_row_an_item_names_to_one_whose_words_it_holds(reverse):
    rows = [
        _criterion("7a.3.2.3", "Tỷ lệ hồ sơ trực tuyến", 2, 0.25, "7"),
        _criterion("7a.3.3.3", "Tỷ lệ hồ sơ thanh toán trực tuyến", 0.5, 0.25, "7"),
    ]
    paying = _item("Tỷ le hồ sơ thanh toan trực tuyến còn hạn chế", 0.25, "7", "7a")
    online = _item("Tỷ lệ hồ so trực tuyến chưa đạt", 0.25, "7", "7a")
    items = [online, paying][::-1] if reverse else [online, paying]
    pair_with_criteria(items, rows[::-1] if reverse else rows)
    assert (paying.code, online.code) == ("7a.3.3.3", "7a.3.2.3")


def test_a_row_another_item_has_is_not_paired_again():
    rows = [_criterion("5.8", "Báo cáo về lĩnh vực cán bộ, công chức", 1, 0.5, "5")]
    printed = _item("Tiêu chí 5.8: báo cáo chưa đúng hạn", 0.5, "5", code="5.8")
    other = _item("Báo cáo về lĩnh vực cán bộ, công chức tài liệu kiểm chứng chưa đầy đủ", 0.5, "5")
    pair_with_criteria([printed, other], rows)
    assert other.code is None


def test_cam_duong_deductions_get_the_gold_codes(tmp_path, samples, gold):
    import json

    want = [d["code"] for d in json.loads((gold / "cam-duong-2024.json").read_text())["deductions"]]
    for form in ("docx", "pdf"):
        folder = tmp_path / form
        folder.mkdir()
        (folder / f"plan.{form}").write_bytes(
            (samples / form / f"cam-duong-2024.{form}").read_bytes()
        )
        run(folder, folder / "out")
        got = pd.read_parquet(folder / "out" / "deductions.parquet")["code"].tolist()
        right = sum(a == b for a, b in zip(got, want, strict=False))
        print(f"{form}: {right}/{len(want)} deductions with the gold code")
        assert len(got) == len(want) and right / len(want) >= 0.95


PLAN = [
    "KẾ HOẠCH",
    "Khắc phục hạn chế chỉ số cải cách hành chính năm 2024 của xã Kỳ Lạc",
    "Căn cứ Quyết định số 9/QĐ-UBND ngày 05/01/2025 của UBND tỉnh Hà Tĩnh về Chỉ số CCHC năm 2024.",
    "PHỤ LỤC",
    (
        "table",
        [
            ["TT", "Tiêu chí", "Điểm tối đa", "Điểm thẩm định"],
            ["1", "Số hóa thủ tục hành chính", "3", "2"],
            ["2", "Phê bình, kiểm điểm, kỷ luật", "4", "4"],
            ["3", "Một tiêu chí không có trong danh mục", "1", "0,5"],
        ],
        [],
    ),
]


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "in").mkdir()
    build(tmp_path / "in" / "plan.docx", PLAN)
    return tmp_path


def _criteria(out):
    scores = pd.read_parquet(out / "scores.parquet")
    rows = scores[scores["level"] == "criterion"]
    return dict(zip(rows["name"], zip(rows["code"], rows["match_score"], strict=True), strict=True))


def test_names_without_codes_get_catalog_codes_and_the_rest_is_reviewed(folder):
    out = folder / "out"
    run(folder / "in", out)
    codes = _criteria(out)
    assert codes["Số hóa thủ tục hành chính"][0] == "3.2.2"
    assert codes["Phê bình, kiểm điểm, kỷ luật"][0] == "5.7"
    assert pd.isna(codes["Một tiêu chí không có trong danh mục"][0])
    with open(out / "review.csv", encoding="utf-8") as handle:
        review = list(csv.DictReader(handle))
    assert [r["name"] for r in review] == ["Một tiêu chí không có trong danh mục"]
    assert review[0]["candidate_1"]
    issues = pd.read_parquet(out / "issues.parquet")
    assert "unmatched_criterion" in issues["check"].tolist()


def test_an_override_corrects_a_wrong_match(folder):
    overrides = folder / "overrides.csv"
    overrides.write_text(
        "province,year,name,code\nHà Tĩnh,2024,Số hóa thủ tục hành chính,3.2.1\n", encoding="utf-8"
    )
    out = folder / "out"
    run(folder / "in", out)
    assert _criteria(out)["Số hóa thủ tục hành chính"][0] == "3.2.2"  # the matcher's choice
    run(folder / "in", out, overrides=overrides)
    code, score = _criteria(out)["Số hóa thủ tục hành chính"]
    assert (code, score) == ("3.2.1", 100.0)
