"""Word-level repairs of the scan reader, on words as Tesseract gives them."""

from extractors.readers.grid import Grid, GridCell
from extractors.readers.scan import _elevens_joined, _remnant
from extractors.readers.tesseract import OcrWord


def _word(text, x0, x1, line=(1, 1, 1)):
    return OcrWord(text, (x0, 100, x1, 121), (0, 95, 900, 125), line, 90.0)


def _texts(words):
    return [w.text for w in words]


def test_an_eleven_split_at_a_spaces_width_is_joined():
    words = [_word("đạt", 498, 537), _word("1", 549, 555), _word("1.25", 564, 608)]
    joined = _elevens_joined(words, [])
    assert _texts(joined) == ["đạt", "11.25"]
    assert joined[1].box == (549, 100, 608, 121)


def test_a_one_a_columns_width_away_is_its_own_number():
    words = [_word("1", 400, 406), _word("0,75", 520, 560)]
    assert _texts(_elevens_joined(words, [])) == ["1", "0,75"]


def test_a_one_on_another_line_or_in_another_cell_stays():
    other_line = [_word("1", 549, 555), _word("1.25", 564, 608, line=(1, 1, 2))]
    assert _texts(_elevens_joined(other_line, [])) == ["1", "1.25"]
    cells = [GridCell(0, 0, 1, 1, (500, 90, 558, 130)), GridCell(0, 1, 1, 1, (558, 90, 700, 130))]
    grid = Grid((500, 90, 700, 130), 1, 2, cells)
    beside = [_word("1", 549, 555), _word("1.25", 564, 608)]
    assert _texts(_elevens_joined(beside, [grid])) == ["1", "1.25"]


def test_a_dash_as_tall_as_a_digit_near_a_row_rule_is_kept():
    """What wiping leaves of a row's rule is flat; a dash whose box is a digit tall holds the
    '1' OCR lost ('-1' read as '-'), unless it stands by a column's rule."""
    cell = (1384, 588, 1481, 669)
    assert _remnant("-", (1401, 590, 1423, 592), cell, 9.4)  # a flat rule's remnant
    assert not _remnant("-", (1401, 596, 1423, 619), cell, 9.4)
    assert _remnant("-", (1475, 590, 1480, 630), cell, 9.4)  # beside the column's rule
