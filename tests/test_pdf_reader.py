"""The PDF reader on the sample exports: reading order, tables over page breaks, provenance."""

import pytest

from extractors.model import Paragraph, Table
from extractors.readers.pdf import read_pdf


@pytest.fixture(scope="module")
def son_bao(samples):
    return read_pdf(samples / "pdf" / "son-bao-2024.pdf")


@pytest.fixture(scope="module")
def cam_duong(samples):
    return read_pdf(samples / "pdf" / "cam-duong-2024.pdf")


def texts(document):
    return [b.text for b in document.blocks if isinstance(b, Paragraph)]


def test_a_table_running_over_pages_is_one_table(son_bao):
    tables = [b for b in son_bao.blocks if isinstance(b, Table)]
    assert len(tables) == 2  # the two appendices, each printed over several pages
    pages = {c.page for c in tables[0].cells}
    assert len(pages) >= 2


def test_page_numbers_are_dropped(son_bao):
    assert not any(t.strip().isdigit() for t in texts(son_bao))


def test_two_column_blocks_read_column_by_column(cam_duong):
    lines = texts(cam_duong)
    title = lines.index("CHỦ TỊCH")
    assert lines[title - 1] == "TM. ỦY BAN NHÂN DÂN"
    assert lines[title + 1] == "Hoàng Văn Linh"


def test_paragraphs_run_over_page_breaks(cam_duong):
    whole = [t for t in texts(cam_duong) if t.startswith("+ Chỉ đạo, điều hành ban ngành")]
    assert len(whole) == 1 and whole[0].endswith("chỉ tiêu đề ra.")


def test_every_block_has_a_page_and_landscape_pages_are_read(cam_duong):
    assert all(b.prov.page for b in cam_duong.blocks)
    appendix = [b for b in cam_duong.blocks if isinstance(b, Table)][-1]
    assert appendix.method == "pdfplumber-lattice"
    assert max(c.page for c in appendix.cells) == cam_duong.pages


def test_a_borderless_table_is_read_by_the_camelot_fallback(tmp_path):
    from tests.pdf_factory import build

    rows = [
        ["TT", "Nhiệm vụ, giải pháp", "Đơn vị chủ trì", "Thời gian thực hiện"],
        ["1", "Rà soát thủ tục hành chính", "Văn phòng", "Quý I/2025"],
        ["2", "Niêm yết công khai TTHC", "Tư pháp", "Thường xuyên"],
        ["3", "Số hóa hồ sơ", "Bộ phận một cửa", "Năm 2025"],
    ]
    path = build(tmp_path / "b.pdf", ["KẾ HOẠCH", "PHỤ LỤC", rows, "Nơi nhận:"])
    document = read_pdf(path)
    tables = [b for b in document.blocks if isinstance(b, Table)]
    assert len(tables) == 1 and tables[0].method.startswith("camelot-")
    grid = [[c.text if c else "" for c in row] for row in tables[0].grid()]
    assert grid[-1] == ["3", "Số hóa hồ sơ", "Bộ phận một cửa", "Năm 2025"]
    flow = texts(document)
    assert flow == ["KẾ HOẠCH", "PHỤ LỤC", "Nơi nhận:"], "the table's words left the text flow"
