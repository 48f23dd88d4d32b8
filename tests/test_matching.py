"""Criterion codes: the matcher's benchmark, catalog choice, the review loop and overrides."""

import csv

import pandas as pd
import pytest

from benchmarks.bench_match import PRECISION_GOAL, RECALL_GOAL
from benchmarks.bench_match import run as bench
from extractors.plan.catalog import Matcher, catalog_name, load_catalog
from pipeline.runner import run
from tests.docx_factory import build


def test_benchmark_on_generated_name_variants():
    result = bench(load_catalog("Hà Tĩnh", 2024))
    print(
        f"{result.variants} variants: right {result.recall:.1%}, precision {result.precision:.1%}"
    )
    assert result.variants >= 400
    assert result.recall >= RECALL_GOAL
    assert result.precision >= PRECISION_GOAL


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
