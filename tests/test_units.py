"""tasks.lead_key: the lead unit folded to one spelling."""

import pytest

from normalizers.units import lead_key, restore_marks


@pytest.mark.parametrize(
    ("printed", "key"),
    [
        # the spellings of one office the samples print, and more
        ("Văn phòng – Thống kê", "Văn phòng – Thống kê"),
        ("Văn phòng — Thống kê", "Văn phòng – Thống kê"),
        ("Văn phòng thống kê", "Văn phòng – Thống kê"),
        ("VP-TK", "Văn phòng – Thống kê"),
        ("công chức Văn phòng - Thống kê", "Văn phòng – Thống kê"),
        ("VĂN PHÒNG - THỐNG KÊ", "Văn phòng – Thống kê"),
        ("Van phong thong ke", "Văn phòng – Thống kê"),  # accents lost in a scan
        ("công chức Văn phòng", "Văn phòng – Thống kê"),
        ("Văn phòng UBND", "Văn phòng – Thống kê"),
        ("Văn phòng HĐND-UBND xã", "Văn phòng – Thống kê"),
        ("Công chức Kế toán xã", "Tài chính – Kế toán"),
        ("Kế toán – ngân sách", "Tài chính – Kế toán"),
        ("Tài chính - kế toán", "Tài chính – Kế toán"),
        ("công chức Tài chính kế toán", "Tài chính – Kế toán"),
        ("công chức Tư pháp", "Tư pháp – Hộ tịch"),
        ("Công chức Tư pháp — Hộ tịch", "Tư pháp – Hộ tịch"),
        ("Công chức Văn hóa-xã hội", "Văn hóa – Xã hội"),
        ("công chức Văn hoá xã hội", "Văn hóa – Xã hội"),  # old tone placement
        ("CC Địa chính - Xây dựng xã", "Địa chính – Xây dựng"),
        ("Bộ phận Một cửa thị trấn", "Bộ phận Một cửa"),
        ("Bộ phận một cửa thị trấn", "Bộ phận Một cửa"),
        ("Bộ phận TN & TKQ", "Bộ phận Một cửa"),
        ("Chủ tịch UBND xã", "Chủ tịch UBND"),
        ("UBND xã", "UBND"),
        # several units: each one's key, in the order printed
        ("công chức Văn hóa xã hội, văn phòng một cửa", "Văn hóa – Xã hội; Bộ phận Một cửa"),
        ("Tư pháp và Văn phòng - Thống kê", "Tư pháp – Hộ tịch; Văn phòng – Thống kê"),
        # unknown to the lexicon: the printed name, cleaned
        ("Hội Phụ nữ xã", "Hội Phụ nữ"),
        ("công chức  Hội Nông dân — thị trấn", "Hội Nông dân"),
        ("các ngành, đơn vị, các thôn phố, các CBCC", "Các ngành, đơn vị, các thôn phố, các CBCC"),
    ],
)
def test_lead_key(printed, key):
    assert lead_key(printed) == key


def test_no_lead():
    assert lead_key(None) is None
    assert lead_key(" ") is None


def test_only_affixes_is_kept():
    assert lead_key("Cán bộ") == "Cán bộ"


@pytest.mark.parametrize(
    ("read", "spelt"),
    [
        ("Văn phong - thong kè", "Văn phòng - thống kê"),  # OCR of bold capitals, sentence-cased
        ("VĂN PHONG - THONG KE", "VĂN PHÒNG - THỐNG KÊ"),
        ("Công chức Van phong - thong ke xã", "Công chức Văn phòng - thống kê xã"),
        ("Văn phòng - Thống kê", "Văn phòng - Thống kê"),  # spelt right: as printed
        ("Tổ công tác số 3", "Tổ công tác số 3"),  # a unit the lexicon does not know
    ],
)
def test_a_known_unit_read_without_its_marks_gets_them_back(read, spelt):
    assert restore_marks(read) == spelt
