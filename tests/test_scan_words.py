"""Word-level repairs of the scan reader, on words as Tesseract gives them."""

from extractors.readers.grid import Grid, GridCell
from extractors.readers.scan import _elevens_joined
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
