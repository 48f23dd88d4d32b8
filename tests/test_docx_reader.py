from extractors.model import Paragraph, Table
from extractors.readers.docx import read_docx
from tests.docx_factory import build, content_control, deleted, inserted, paragraph_xml, run


def paragraphs(document):
    return [b.text for b in document.blocks if isinstance(b, Paragraph)]


def test_paragraphs_and_tables_in_document_order(tmp_path):
    path = build(
        tmp_path / "a.docx",
        ["KẾ HOẠCH", ("table", [["TT", "Lĩnh vực"], ["1", "Cải cách thể chế"]], []), "Nơi nhận:"],
    )
    blocks = read_docx(path).blocks
    kinds = [type(b).__name__ for b in blocks]
    assert kinds == ["Paragraph", "Table", "Paragraph"]
    assert blocks[0].prov.block == 0 and blocks[1].prov.block == 1


def test_merged_cells_appear_once_with_their_span(tmp_path):
    rows = [
        ["TT", "Nhiệm vụ", "Phối hợp", "Thời gian"],
        ["I", "VĂN PHÒNG CHỦ TRÌ THỰC HIỆN", None, None],
        ["1", "Rà soát", "Các bộ phận", "Quý I"],
        [None, "tiếp", "Văn phòng", "Quý I"],
    ]
    merges = [((1, 1), (1, 3)), ((2, 0), (3, 0))]
    table = next(b for b in read_docx(build(tmp_path / "t.docx", [("table", rows, merges)])).blocks)
    assert isinstance(table, Table)
    assert (table.n_rows, table.n_cols) == (4, 4)
    wide = [c for c in table.cells if c.col_span == 3]
    assert len(wide) == 1 and wide[0].text == "VĂN PHÒNG CHỦ TRÌ THỰC HIỆN"
    tall = [c for c in table.cells if c.row_span == 2]
    assert len(tall) == 1 and (tall[0].row, tall[0].col, tall[0].text) == (2, 0, "1")
    grid = table.grid()
    assert grid[3][0] is None and grid[3][1].text == "tiếp"
    assert len(table.cells) == 4 + 2 + 4 + 3


def test_content_controls_and_tracked_changes(tmp_path):
    path = build(
        tmp_path / "c.docx",
        [
            ("xml", content_control(paragraph_xml(run("Đơn vị chủ trì: Văn phòng")))),
            ("xml", paragraph_xml(run("Hạn "), inserted("mới"), deleted("cũ"), run(": 25"))),
        ],
    )
    texts = paragraphs(read_docx(path))
    assert "Đơn vị chủ trì: Văn phòng" in texts
    assert "Hạn mới: 25" in texts
    assert not any("cũ" in t for t in texts)
