"""Where a plan's unit is, then and now: its names as keys (normalizers/places.py) and the
lookup in the gazetteer (pipeline/gazetteer.py), on the samples and on made-up names."""

import socket

import pandas as pd
import pyarrow.parquet as pq
import pytest

from extractors.model import DocumentInfo
from normalizers.places import ascii_key, name_key, split_type
from pipeline.gazetteer import gazetteer, locate, resolve
from pipeline.runner import run
from tests.docx_factory import build

PLACE_COLUMNS = [
    "district_resolved",
    "province_resolved",
    "unit_code",
    "unit_2025",
    "province_2025",
]
PLACED = {
    "cam-duong-2024": ("Cẩm Xuyên", "Hà Tĩnh", "18682", "xã Yên Hòa", "Hà Tĩnh"),
    "hoang-viet-2022": ("Văn Lãng", "Lạng Sơn", "06157", "xã Na Sầm", "Lạng Sơn"),
    "nhu-quynh-2024": ("Văn Lâm", "Hưng Yên", "11986", "xã Như Quỳnh", "Hưng Yên"),
    "son-bao-2024": ("Sơn Hà", "Quảng Ngãi", "21301", "xã Sơn Hà", "Quảng Ngãi"),
    # merged into xã Thanh Tân before the gazetteer's snapshot, which records it: placed
    # through its successor, with no code of its own
    "thanh-xa-2022": ("Thanh Hà", "Hải Dương", None, "xã Thanh Hà", "Hải Phòng"),
}
PLACE_CHECKS = ("ambiguous_unit", "unit_not_in_gazetteer", "unit_successor", "unit_divided_2025")


@pytest.mark.parametrize(
    ("printed", "split"),
    [
        ("Thị trấn Như Quỳnh", ("thị trấn", "Như Quỳnh")),
        ("TT. Như Quỳnh", ("thị trấn", "Như Quỳnh")),
        ("TT Như Quỳnh", ("thị trấn", "Như Quỳnh")),
        ("H. Văn Lâm", ("huyện", "Văn Lâm")),
        ("THỊ XÃ KỲ ANH", ("thị xã", "KỲ ANH")),
        ("TP.Hà Tĩnh", ("thành phố", "Hà Tĩnh")),
        ("Xã  Thanh Xá", ("xã", "Thanh Xá")),
        ("Cẩm Dương", (None, "Cẩm Dương")),
        ("Tân Phú", (None, "Tân Phú")),
    ],
)
def test_a_type_word_is_split_off_in_full_or_abbreviated(printed, split):
    assert split_type(printed) == split


def test_names_meet_whatever_their_case_spacing_and_tone_placement():
    assert name_key("Hoà  Bình") == name_key("HÒA BÌNH") == name_key("xã Hòa Bình")
    assert name_key("Phường 01") == name_key("phường 1")
    assert name_key("Thanh Xá") != name_key("Thanh Xa")  # the accents are the name
    assert ascii_key("Xã Thanh Xá") == "xathanhxa"
    assert ascii_key("Đắk Lắk") == "daklak"


@pytest.fixture(scope="module")
def placed(quick_run):
    documents = pd.read_parquet(quick_run[1] / "documents.parquet")
    issues = pd.read_parquet(quick_run[1] / "issues.parquet")
    documents["sample"] = documents["source_name"].str.extract(r"([a-z-]+-\d{4})\.")[0]
    return documents, issues[issues["check"].isin(PLACE_CHECKS)]


@pytest.mark.parametrize("sample", sorted(PLACED))
def test_the_samples_are_placed_then_and_now(placed, sample):
    documents, _ = placed
    rows = documents[documents["sample"] == sample]
    assert len(rows) == 2  # DOCX and PDF
    for _, row in rows.iterrows():
        got = tuple(None if pd.isna(row[c]) else row[c] for c in PLACE_COLUMNS)
        assert got == PLACED[sample]


def test_a_unit_merged_away_is_placed_only_through_its_recorded_successor(placed):
    documents, issues = placed
    ids = documents.loc[documents["sample"] == "thanh-xa-2022", "doc_id"]
    found = issues[issues["doc_id"].isin(ids)]
    assert list(found["check"]) == ["unit_successor", "unit_successor"]
    assert (
        found["message"]
        .str.contains("xã Thanh Tân, Thanh Hà, Hải Dương (10861)", regex=False)
        .all()
    )
    others = issues[~issues["doc_id"].isin(ids)]
    assert others.empty


def _place(unit_type, unit_name, district=None, province=None):
    info = DocumentInfo(
        unit_type=unit_type, unit_name=unit_name, district=district, province=province
    )
    return info, locate(info)


def test_a_name_several_provinces_share_is_left_unresolved():
    info, findings = _place("xã", "Tân Hiệp")
    assert [getattr(info, c) for c in PLACE_COLUMNS] == [None] * 5
    [finding] = findings
    assert finding.check == "ambiguous_unit"
    for candidate in ("Yên Thế, Bắc Giang (07261)", "Hóc Môn, Hồ Chí Minh (27562)"):
        assert candidate in finding.message


def test_a_district_or_province_picks_the_one_unit():
    info, findings = _place("xã", "Tân Hiệp", district="Hóc Môn")
    assert (info.unit_code, info.province_resolved, findings) == ("27562", "Hồ Chí Minh", [])
    info, _ = _place("xã", "Tân Hiệp", province="tỉnh Bắc Giang")
    assert info.unit_code == "07261"


def test_the_unit_type_tells_a_town_from_a_commune_of_its_name():
    assert (
        resolve("thị trấn", "Yên Viên", "Gia Lâm").unit.code
        != resolve("xã", "Yên Viên", "Gia Lâm").unit.code
    )
    assert len(resolve(None, "Yên Viên", "Gia Lâm").candidates) == 2


def test_a_unit_the_names_contradict_is_never_matched_to_another():
    for unit_type, name, province in (
        ("xã", "Cẩm Dương", "Lạng Sơn"),  # a real commune, in another province
        ("xã", "Cẩm Dươn", "Hà Tĩnh"),  # one letter off: another name, not a typo to fix
        ("phường", "Cẩm Dương", "Hà Tĩnh"),  # the commune is a xã
    ):
        info, findings = _place(unit_type, name, province=province)
        assert info.district_resolved is None
        assert [f.check for f in findings] == ["unit_not_in_gazetteer"]


def test_a_unit_divided_in_2025_keeps_its_province_not_one_of_its_parts():
    info, [finding] = _place("xã", "Tân Thạnh", district="Thới Lai")
    assert (info.unit_code, info.unit_2025, info.province_2025) == ("31268", None, "Cần Thơ")
    assert finding.check == "unit_divided_2025"
    assert "xã Tân Thạnh, xã Trường Thành" in finding.message


def test_a_clue_naming_no_known_place_is_not_held_against_the_unit():
    info, _ = _place("xã", "Cẩm Dương", district="Cẩm Xuyen", province="Hà Tĩnh")
    assert info.unit_code == "18682"


def test_the_gazetteer_is_read_without_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the gazetteer opened a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert gazetteer.__wrapped__().version.startswith("vietnamadminunits ")


PLAN = [
    "UBND XÃ TÂN HIỆP",
    "KẾ HOẠCH Khắc phục những hạn chế trong Chỉ số CCHC",
    "Căn cứ Quyết định số 45/QĐ-SNV ngày 10/02/2025 của Sở Nội vụ về công bố Chỉ số CCHC năm "
    "2024, xã Tân Hiệp đạt 82,15/100 điểm.",
    "I. GIẢI PHÁP",
    (
        "table",
        [
            ["STT", "Nội dung", "Đơn vị chủ trì", "Thời gian hoàn thành"],
            ["1", "Niêm yết đầy đủ TTHC", "Văn phòng", "Quý I/2025"],
        ],
        [],
    ),
]


def test_a_plan_naming_a_shared_name_only_gets_empty_place_columns(tmp_path):
    build(tmp_path / "ke-hoach.docx", PLAN)
    run(tmp_path, tmp_path / "out")
    [doc] = pq.read_table(tmp_path / "out" / "documents.parquet").to_pylist()
    issues = pq.read_table(tmp_path / "out" / "issues.parquet").to_pylist()
    named = ("unit_type", "unit_name", "district", "province")
    assert [doc[c] for c in named] == ["xã", "Tân Hiệp", None, None]
    assert [doc[c] for c in PLACE_COLUMNS] == [None] * 5
    assert [i["check"] for i in issues if i["check"] in PLACE_CHECKS] == ["ambiguous_unit"]
