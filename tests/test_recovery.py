"""Points OCR misread, recovered by a score row's arithmetic (extractors/plan/recovery.py)."""

import pytest

from extractors.plan.recovery import Recovered, readings, recover


def _row(max_points: str, score: str, deducted: str):
    from normalizers.numbers import parse_points

    printed = {"max": max_points, "score": score, "deducted": deducted}
    return printed, {role: parse_points(text) for role, text in printed.items()}


@pytest.mark.parametrize(
    ("cells", "role", "value"),
    [
        (("2", "1.S57", "0.443"), "score", 1.557),  # a letter for a digit: no number read
        (("1", "0588", "0.412"), "score", 0.588),  # the decimal point lost
        (("19:5", "12.913", "6.587"), "max", 19.5),  # the decimal comma read as a colon
        (("0,5", "0,25", "- 0,26"), "deducted", 0.25),  # one digit for another
        (("1.5", "1.375 |", "0.125"), "score", 1.375),  # a rule's stroke beside the number
        (("1.5", "0,5", "-"), "deducted", 1.0),  # '-1' read as its sign alone
        # '05' is odd by itself, '0.5' only beside it: 0.5 | 0 | 5 is not taken
        (("0.5", "0", "- 05"), "deducted", 0.5),
    ],
)
def test_the_one_reading_that_makes_the_row_add_up_is_taken(cells, role, value):
    printed, values = _row(*cells)
    assert recover(printed, values) == [Recovered(role, printed[role], value)]


@pytest.mark.parametrize(
    "cells",
    [
        ("2", "1.937", "0.027"),  # the document's own slip: no single OCR slip explains it
        ("2", "1.5", "0.5"),  # the row adds up already
        ("2", "", "0.5"),  # an empty cell: nothing to check against
        ("1", "0.25", "0.25"),  # two readings fit (score 0.75 or deducted 0.75): ambiguous
    ],
)
def test_a_row_is_left_as_read_when_no_single_reading_fits(cells):
    printed, values = _row(*cells)
    assert recover(printed, values) == []


def test_cells_read_as_no_number_are_recovered_together():
    printed, values = _row("2", "1.95 8", "- 0.04 2")  # a low dpi splits numbers
    found = {(r.role, r.value) for r in recover(printed, values)}
    assert found == {("score", 1.958), ("deducted", 0.042)}
    # every number of the row misread: the points put back never make '09.66' (15 | 9.66 |
    # 5.34 adds up too)
    printed, values = _row("l5", "096 6", "- 053 4")
    found = {(r.role, r.value) for r in recover(printed, values)}
    assert found == {("max", 1.5), ("score", 0.966), ("deducted", 0.534)}
    printed, values = _row("2", "025", "- 175")  # no point: both read, neither believable
    found = {(r.role, r.value) for r in recover(printed, values)}
    assert found == {("score", 0.25), ("deducted", 1.75)}


def test_more_points_than_an_index_has_are_doubtful():
    printed, values = _row("925", "85", "0.75")  # both decimal points lost; 925 cannot be
    found = {(r.role, r.value) for r in recover(printed, values)}
    assert found == {("max", 9.25), ("score", 8.5)}


def test_readings_are_one_slip_away():
    assert readings("O,5")[0.5] == 0  # a letter read as its digit: no slip
    assert readings("12;5")[12.5] == 0
    assert 1.0 not in readings("0.5")  # a digit is never dropped or made up


def _plan(read_by_ocr: bool):
    from extractors.model import Document, Paragraph, Provenance
    from extractors.plan import extract_plan

    texts = [
        "KẾ HOẠCH",
        "Khắc phục tồn tại, hạn chế cải cách hành chính năm 2024",
        "Cải cách thể chế đạt 8,25/10 điểm, bị trừ 1,15 điểm.",  # 1,75 with a 7 read as 1
    ]
    blocks = [
        Paragraph(t, Provenance(block=i, page=1), ocr=read_by_ocr) for i, t in enumerate(texts)
    ]
    return extract_plan(Document(blocks=blocks, file_format="pdf", pages=1))


def test_a_sentence_read_by_ocr_is_put_right_by_its_arithmetic_and_a_printed_one_is_not():
    (scanned,) = [s for s in _plan(True).scores if s.code == "2"]
    assert (scanned.max_points, scanned.score, scanned.deducted) == (10.0, 8.25, 1.75)
    printed = _plan(False)
    assert [s.deducted for s in printed.scores if s.code == "2"] == [1.15]
    assert not [f for f in printed.findings if f.check == "recovered_value"]
