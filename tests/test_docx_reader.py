import re
import zipfile
from pathlib import Path

import docx
import pytest

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


def _rewritten(source: Path, path: Path, change) -> Path:
    """A copy of a package whose members pass through change(name, data): None drops one."""
    with zipfile.ZipFile(source) as package, zipfile.ZipFile(path, "w") as out:
        for member in package.infolist():
            data = change(member.filename, package.read(member))
            if data is not None:
                out.writestr(member, data)
    return path


def test_a_package_without_styles_reads_with_python_docx_default_styles(tmp_path):
    plain = build(tmp_path / "plain.docx", ["Kế hoạch cải cách hành chính", "Nơi nhận:"])

    def drop_styles(name: str, data: bytes) -> bytes | None:
        if name == "word/_rels/document.xml.rels":
            return re.sub(rb"<Relationship [^>]*/styles\"[^>]*/>", b"", data)
        return None if name == "word/styles.xml" else data

    bare = _rewritten(plain, tmp_path / "bare.docx", drop_styles)
    assert paragraphs(read_docx(bare)) == paragraphs(read_docx(plain))


def test_a_macro_enabled_package_fails_as_in_python_docx(tmp_path):
    main = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    macro = b"application/vnd.ms-word.document.macroEnabled.main+xml"
    path = _rewritten(
        build(tmp_path / "plain.docx", ["Kế hoạch"]),
        tmp_path / "macro.docx",
        lambda name, data: data.replace(main, macro) if name == "[Content_Types].xml" else data,
    )
    for read in (read_docx, lambda p: docx.Document(str(p))):
        with pytest.raises(ValueError, match="is not a Word file, content type is"):
            read(path)
