from datetime import date

import pytest

from normalizers.dates import find_date
from normalizers.numbers import parse_number, parse_points, point_readings
from normalizers.ocr import (
    code_misread,
    decimal_misread,
    lone_stroke,
    quarter_misread,
    section_sign_digit,
    split_eleven,
)
from normalizers.text import (
    clean,
    clean_item,
    clean_value,
    fix_tone_marks,
    fold,
    sentence_case,
    strip_accents,
    strip_bullet,
)


@pytest.mark.parametrize(
    ("printed", "value"),
    [
        ("14,5", 14.5),
        ("11,804", 11.804),
        ("70.301", 70.301),
        ("1.000", 1.0),
        ("6", 6.0),
        ("1.234,5", 1234.5),
        ("1.000.000", 1000000.0),
    ],
)
def test_parse_number_reads_either_decimal_separator(printed, value):
    assert parse_number(printed) == value


def test_parse_number_rejects_words():
    assert parse_number("mười") is None
    assert parse_number("") is None


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("- 1,5", 1.5),
        ("-0.5", 0.5),
        ("(-0,25 điểm)", 0.25),
        ("( - 0.012 điểm)", 0.012),
        ("0.5", 0.5),
        ("- 0.36\n8", 0.368),  # a narrow column wrapped the number
        ("- 0.12\n5", 0.125),
    ],
)
def test_parse_points_signs_and_wraps(cell, value):
    assert parse_points(cell) == pytest.approx(value)


def test_parse_points_is_none_for_text_or_empty():
    assert parse_points("Chưa đạt tối đa") is None
    assert parse_points("") is None
    assert parse_points(None) is None


def test_point_readings_offers_the_dropped_decimal_point():
    assert point_readings("05") == (5.0, 0.5)
    assert point_readings("0,5") == (0.5,)
    assert point_readings("2") == (2.0,)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("ngày 12 tháng 12 năm 2024 của UBND tỉnh", date(2024, 12, 12)),
        ("ngày 27/01/2023 của UBND huyện", date(2023, 1, 27)),
        ("Thanh Hà ngày 14/3/2023 về", date(2023, 3, 14)),
        ("ngày 31/02/2023 rồi ngày 04/11/2024", date(2024, 11, 4)),  # an impossible date is skipped
    ],
)
def test_find_date(text, day):
    assert find_date(text)[0] == day


def test_find_date_none():
    assert find_date("không có ngày") is None


def test_tone_marks_move_to_the_modern_place_and_keep_punctuation():
    assert fix_tone_marks("Hoà bình, thuỷ lợi; khoá.") == "Hòa bình, thủy lợi; khóa."
    assert fix_tone_marks("Kết qủa") == "Kết quả"


def test_clean_is_nfc_with_single_spaces():
    decomposed = "Cẩm Dương".replace("ẩ", "a\u0302\u0309")
    assert clean(f"  xã   {decomposed}\n") == "xã Cẩm Dương"


def test_bullets_and_trailing_punctuation():
    assert strip_bullet("+ Tăng cường") == "Tăng cường"
    assert strip_bullet("- - Tổ chức") == "Tổ chức"
    assert clean_item("  •  Rà soát TTHC.") == "Rà soát TTHC."
    assert clean_value("- Năm 2025.") == "Năm 2025"
    assert clean_value("  ") is None


def test_fold_accents_and_case():
    assert fold("Cải cách TTHC; (PAKN)") == "cải cách tthc pakn"
    assert strip_accents("Đổi mới, sáng tạo") == "Doi moi, sang tao"


def test_sentence_case_only_for_capitals():
    assert sentence_case("VĂN PHÒNG THỐNG KÊ") == "Văn phòng thống kê"
    assert sentence_case("Văn phòng UBND") == "Văn phòng UBND"


@pytest.mark.parametrize(
    ("printed", "meant"),
    [
        ("19:5", "19,5"),
        ("- 1;5", "- 1,5"),
        ("ISO 9001:2015", "ISO 9001:2015"),
        ("12:30 ngày", "12:30 ngày"),
    ],
)
def test_a_decimal_comma_read_as_a_colon_is_put_back(printed, meant):
    assert decimal_misread(printed) == meant


@pytest.mark.parametrize(
    ("printed", "meant"),
    [
        ("Quý 11/2025", "Quý II/2025"),
        ("Quý IH/2025", "Quý III/2025"),
        ("Quý 1/2025", "Quý 1/2025"),
        ("quý lV năm 2025", "quý IV năm 2025"),
        ("Quý II/2025", "Quý II/2025"),
    ],
)
def test_a_quarter_that_cannot_be_is_read_as_the_one_ocr_garbled(printed, meant):
    assert quarter_misread(printed) == meant


@pytest.mark.parametrize(
    ("cell", "meant"), [("|", "1"), (" l ", "1"), ("I", "1"), ("Il", "Il"), ("x", "x")]
)
def test_a_lone_stroke_in_a_cell_is_the_digit_one(cell, meant):
    assert lone_stroke(cell) == meant


@pytest.mark.parametrize(
    ("word", "meant"), [("§", "8"), ("§,25", "8,25"), ("1§", "18"), ("Điều", "Điều"), ("a§", "a§")]
)
def test_an_eight_read_as_a_section_sign_is_put_back(word, meant):
    assert section_sign_digit(word) == meant


@pytest.mark.parametrize(
    ("left", "right", "meant"),
    [
        ("1", "1,25", "11,25"),
        ("I", "1,5/11,5", "11,5/11,5"),
        ("điểm/1", "1.00", "điểm/11.00"),
        ("1", "1", "11"),
        ("2", "1,25", None),  # only a one splits so
        ("đạt", "1,25", None),
        ("1", "điểm", None),
        ("số1", "25", None),
    ],
)
def test_an_eleven_ocr_split_in_two_is_one_word(left, right, meant):
    assert split_eleven(left, right) == meant


@pytest.mark.parametrize(
    ("printed", "meant"),
    [
        ("3.3 AI", "3.3.1"),
        ("6.2 l", "6.2.1"),
        ("23 I", "2.3.1"),  # a field is one digit: the two-digit head lost its dot too
        ("7a.1.3 |", "7a.1.3.1"),
        ("1.2.1", "1.2.1"),
        ("II", "II"),  # a roman numeral alone is no code's tail
        ("I", "I"),
        ("12", "12"),
    ],
)
def test_a_codes_last_one_read_as_a_stroke_is_put_back(printed, meant):
    assert code_misread(printed) == meant
