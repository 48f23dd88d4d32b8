"""Score and task tables read by content: rows, heading rows, values, whatever the layout."""

import pytest

from extractors.model import Cell, Document, Paragraph, Provenance, Table
from extractors.plan import extract_plan
from extractors.plan.tables import points, read_table

HEADER = ["TT", "Tiêu chí", "Điểm tối đa", "Điểm đạt", "Điểm bị trừ"]


def grid(rows: list[list[str | None]], pages: list[int] | None = None) -> list[list]:
    """Rows of texts -> a table grid; None is a cell merged down from the row above."""
    out = []
    for r, texts in enumerate(rows):
        page = pages[r] if pages else None
        out.append(
            [
                None if t is None else Cell(r, c, t.split("\n"), page=page)
                for c, t in enumerate(texts)
            ]
        )
    return out


def test_a_totals_row_with_an_empty_index_cell_is_its_own_row():
    reading = read_table(
        grid(
            [
                HEADER,
                ["8", "Tác động của cải cách hành chính", "11,5", "10", "1,5"],
                ["", "TỔNG CỘNG", "95,25", "80,5", "14,75"],
            ]
        )
    )
    assert [(r.key, r.text("name")) for r in reading.rows] == [
        ("8", "Tác động của cải cách hành chính"),
        (None, "TỔNG CỘNG"),
    ]
    assert [points(r, "max") for r in reading.rows] == [11.5, 95.25]


def test_criteria_without_index_or_code_are_rows_of_their_own():
    reading = read_table(
        grid(
            [
                HEADER,
                ["1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", "", "", ""],
                ["", "Thực hiện Kế hoạch CCHC", "1,5", "1", "(-0,5)"],
                ["", "Kiểm tra CCHC", "1", "0,75", "- 0.25"],
            ]
        )
    )
    assert [r.text("name") for r in reading.rows][1:] == [
        "Thực hiện Kế hoạch CCHC",
        "Kiểm tra CCHC",
    ]
    assert [points(r, "deducted") for r in reading.rows[1:]] == [0.5, 0.25]


def test_a_row_split_by_a_page_break_is_joined_but_a_new_row_is_not():
    reading = read_table(
        grid(
            [
                HEADER,
                ["1.1", "Thực hiện Kế hoạch", "1,5", "1", "0,5"],
                ["", "cải cách hành chính", "", "", ""],  # the rest of 1.1 on the next page
                ["", "Kiểm tra CCHC", "1", "0,75", "0,25"],  # its own values: its own row
            ],
            pages=[1, 1, 2, 2],
        )
    )
    assert [r.text("name") for r in reading.rows] == [
        "Thực hiện Kế hoạch cải cách hành chính",
        "Kiểm tra CCHC",
    ]


def test_task_rows_with_an_empty_index_are_tasks_unless_the_index_is_merged_down():
    reading = read_table(
        grid(
            [
                ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian"],
                ["", "Niêm yết đầy đủ TTHC", "Văn phòng", "Quý I/2025"],
                ["", "Số hóa hồ sơ", "Một cửa", "Năm 2025"],
                ["3", "Rà soát các văn bản", "Tư pháp", "Thường xuyên"],
                [None, "quy phạm pháp luật", "", "Thường xuyên"],
            ]
        )
    )
    assert [r.text("task") for r in reading.rows] == [
        "Niêm yết đầy đủ TTHC",
        "Số hóa hồ sơ",
        "Rà soát các văn bản quy phạm pháp luật",
    ]
    assert reading.rows[2].values("deadline") == "Thường xuyên"


@pytest.mark.parametrize(
    ("cell", "value"),
    [("11,5 95,25", None), ("0.53.81", None), ("1159525", None), ("(-2)", 2.0), ("-0,5", 0.5)],
)
def test_a_cell_is_one_number_of_points_or_none(cell, value):
    reading = read_table(grid([HEADER, ["1.1", "Thực hiện Kế hoạch", cell, "1", "0,5"]]))
    assert points(reading.rows[0], "max") == value


def _document(rows: list[list[str]], *preamble: str) -> Document:
    cells = [Cell(r, c, [t]) for r, texts in enumerate(rows) for c, t in enumerate(texts)]
    lines = ["KẾ HOẠCH", "Khắc phục hạn chế Chỉ số CCHC năm 2024", *preamble, "PHỤ LỤC"]
    return Document(
        [
            *(Paragraph(text, Provenance(i)) for i, text in enumerate(lines)),
            Table(cells, len(rows), len(rows[0]), Provenance(len(lines))),
        ],
        "docx",
    )


def test_the_total_stated_in_prose_and_in_a_totals_row_is_one_score():
    extraction = extract_plan(
        _document(
            [
                HEADER,
                ["1", "Cải cách thủ tục hành chính", "15", "13", "2"],
                ["", "Tổng cộng", "100", "86,5", "13,5"],
            ],
            "Xã đạt 86,5/100 điểm, xếp thứ 5/16.",
        )
    )
    totals = [s for s in extraction.scores if s.level == "total"]
    assert len(totals) == 1
    total = totals[0]
    assert (total.name, total.max_points, total.score, total.deducted) == (None, 100, 86.5, 13.5)
    assert (total.rank, total.rank_of) == (5, 16)


JUNK = ["0.53.81", "11,5 95,25", "1,2,3", "12..5", "--0,5", "9999", "½", "1/2/3", "0,5đ 0,25đ"]


@pytest.mark.parametrize("column", [2, 3, 4])
def test_malformed_numbers_in_any_points_column_cost_only_their_cell(column):
    rows = [HEADER]
    for i, junk in enumerate(JUNK, start=1):
        values = ["2", "1,5", "0,5"]
        values[column - 2] = junk
        rows.append([f"1.{i}", f"Tiêu chí số {i}", *values])
    extraction = extract_plan(_document(rows))
    criteria = {s.code: s for s in extraction.scores if s.level == "criterion"}
    assert len(criteria) == len(JUNK)
    role = ["max_points", "score", "deducted"][column - 2]
    assert all(getattr(s, role) is None for s in criteria.values())
    others = [r for r in ("max_points", "score", "deducted") if r != role]
    assert all(getattr(s, r) is not None for s in criteria.values() for r in others)
    unreadable = [f for f in extraction.findings if f.check == "unreadable_value"]
    assert sorted(f.code for f in unreadable) == sorted(criteria)


def _spanned(rows: list[list[str | None]], spans: dict) -> list[list]:
    out = grid(rows)
    for (r, c), (row_span, col_span) in spans.items():
        out[r][c].row_span, out[r][c].col_span = row_span, col_span
    return out


@pytest.mark.parametrize(
    "table",
    [
        _spanned(
            [
                ["STT", "Tiêu chí", "Điểm", None, None, "Lý do"],
                [None, None, "Tối đa", "Đạt", "Bị trừ", None],
                ["1.1", "Kế hoạch CCHC", "2", "1,5", "0,5", "Chưa đủ"],
            ],
            {(0, 0): (2, 1), (0, 1): (2, 1), (0, 2): (1, 3), (0, 5): (2, 1)},
        ),
        grid(
            [
                ["TT", "Nội dung", "Điểm bị trừ", "Điểm tối đa", "Điểm đạt"],
                ["1.1", "Kế hoạch", "0,5", "2", "1,5"],
            ]
        ),
        grid(
            [
                [
                    "Mã số",
                    "Tên tiêu chí",
                    "Thang điểm",
                    "Điểm tự chấm",
                    "Điểm thẩm định",
                    "Điểm trừ",
                ],
                ["1.1", "Kế hoạch", "2", "2", "1,5", "-0,5"],
            ]
        ),
        grid(
            [
                ["STT", "Lĩnh vực/Tiêu chí", "Điểm tối đa", "Kết quả", "Điểm bị trừ"],
                ["1.1", "Kế hoạch", "2", "1,5", "(-0,5)"],
            ]
        ),
    ],
    ids=["two-row-merged-header", "deducted-first", "self-assessed-column", "ket-qua"],
)
def test_header_variants_name_their_points_columns(table):
    row = read_table(table).rows[-1]
    assert (points(row, "max"), points(row, "score"), points(row, "deducted")) == (2, 1.5, 0.5)


def test_a_second_header_row_under_merged_cells_names_the_points_columns():
    table = _spanned(
        [
            ["TT", "Tiêu chí", "Điểm", None, "Lý do trừ điểm", "Trừ"],
            [None, None, "Đạt", "Tối đa", None, None],
            ["1.1", "Kế hoạch CCHC", "1,5", "2", "Chưa đủ", "(-0,5)"],
        ],
        {(0, 0): (2, 1), (0, 1): (2, 1), (0, 2): (1, 2), (0, 4): (2, 1), (0, 5): (2, 1)},
    )
    reading = read_table(table)
    assert reading.layout.header_rows == 2
    row = reading.rows[0]
    assert (points(row, "max"), points(row, "score"), points(row, "deducted")) == (2, 1.5, 0.5)


def test_a_header_a_narrow_column_wrapped_inside_its_words_is_read():
    table = grid(
        [
            ["Mã\nsố", "Tiêu chí", "Điể\nm\ntối\nđa", "Điể\nm\nđạt", "Điể\nm\nbị\ntrừ"],
            ["1.1", "Kế hoạch CCHC", "2", "1,5", "-\n0,5"],
        ]
    )
    row = read_table(table).rows[0]
    assert (points(row, "max"), points(row, "score"), points(row, "deducted")) == (2, 1.5, 0.5)


@pytest.mark.parametrize(
    "header",
    [
        ["TT", "Iĩnhvực", "Điểm tối đa", "Điểm đạt", "Điểm bị trừ"],  # the name's header garbled
        ["TT", "Lĩnh vực", "Điể m tối đa", "Điểm đạt", "Điểm bị trừ"],  # one points header
    ],
)
def test_a_header_ocr_garbled_is_read_by_its_likeness(header):
    reading = read_table(grid([header, ["1", "Cải cách thể chế", "8,75", "8", "0,75"]]))
    assert reading.layout.roles == {"key": 0, "name": 1, "max": 2, "score": 3, "deducted": 4}
