"""OCR misreads a value cannot be, put back: small str -> str functions."""

import re

_MISREAD_DECIMAL = re.compile(r"^([-–(]?\s*\d{1,3})[:;](\d{1,3}\)?)$")


def decimal_misread(text: str) -> str:
    """A number whose decimal comma OCR read as a colon or semicolon ("19:5", "- 1;5") gets its
    comma back; a colon within words (ISO 9001:2015) is left alone."""
    return _MISREAD_DECIMAL.sub(r"\1,\2", text)


_SECTION_SIGN_NUMBER = re.compile(r"^[\d.,/§]*§[\d.,/§]*$")


def section_sign_digit(word: str) -> str:
    """A word of digits in which OCR read an 8 as '§' ('§', '§,25', '1§'): plans number their
    articles in words ('Điều 4'), never with a section sign."""
    return word.replace("§", "8") if _SECTION_SIGN_NUMBER.match(word) else word


_STROKES = frozenset("|lI!")


def lone_stroke(text: str) -> str:
    """A cell that holds one stroke alone ('|', 'l', 'I') holds the digit 1 (a number column's
    '1', which OCR reads as a rule or a letter)."""
    return "1" if text.strip() in _STROKES else text


# a quarter OCR misread: there is no "Quý 11", and "IH" / "HI" are III with two strokes joined
_MISREAD_QUARTER = re.compile(r"\b(quý)\s+(11|1I|I1|Il|lI|H|IH|HI|1H|H1|111|lll|1V|lV)\b", re.I)
_QUARTERS = {"11": "II", "1I": "II", "I1": "II", "Il": "II", "lI": "II", "H": "II",
             "IH": "III", "HI": "III", "1H": "III", "H1": "III", "111": "III", "lll": "III",
             "1V": "IV", "lV": "IV"}  # fmt: skip


def quarter_misread(text: str | None) -> str | None:
    """'Quý 11/2025' -> 'Quý II/2025', 'Quý IH/2025' -> 'Quý III/2025': quarters that cannot be."""
    if text is None:
        return None
    return _MISREAD_QUARTER.sub(lambda m: f"{m[1]} {_QUARTERS.get(m[2], m[2])}", text)


# the first 1 of an "11" standing alone ("1 1,25") or after a slash ("điểm/1 1,00"), read as 1
# or as a stroke: at scanning resolutions Tesseract splits two ones by the width of their
# sides, as wide as a space
_SPLIT_ONE = re.compile(r"^(|.*/)[1Il|]$")
_STARTS_WITH_DIGIT = re.compile(r"^\d")


def split_eleven(left: str, right: str) -> str | None:
    """The one word OCR split in two after a lone 1 ('1', '1,25' -> '11,25'; 'điểm/1', '1,00'
    -> 'điểm/11,00'); None when the two are not such a split."""
    if _SPLIT_ONE.match(left) and _STARTS_WITH_DIGIT.match(right):
        return f"{left[:-1]}1{right}"
    return None


# a code whose last '.1' OCR read as a stroke or 'AI' after a space ('3.3 AI', '6.2 l'); its
# field is one digit, so a two-digit head before such a tail lost its dot too ('23 I')
_CODE_STROKE_TAIL = re.compile(r"^(\d)(\d)?([a-h]?(?:\s?[.,]\s?\d{1,2})*)\s*[.,]?\s*A?[Il|!]$")


def code_misread(text: str) -> str:
    """A code cell's last '.1' read as a stroke put back: '3.3 AI' -> '3.3.1', '23 I' ->
    '2.3.1'; anything else (a roman 'II', a code read right) is left alone."""
    match = _CODE_STROKE_TAIL.match(text.strip())
    if not match:
        return text
    field, second, rest = match.groups()
    return f"{field}{'.' + second if second else ''}{rest}.1"
