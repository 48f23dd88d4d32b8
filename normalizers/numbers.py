"""Vietnamese score numbers: '14,5', '11,804', '70.301', '- 1,5', '(-0,25 điểm)', '- 0.36⏎8'.

Index scores never reach 1000, so a single '.' or ',' is always a decimal separator
('11,804' is 11.804, '1.000/4.000 điểm' is 1/4). When both appear, the last one is decimal.
"""

import re

NUMBER = r"\d+(?:[.,]\d+)*"
# points are under 1000 with at most one decimal separator: '11,595,25' is two numbers glued
POINTS = r"\d{1,3}(?:[.,]\d+)?"
_SIGNED_CELL = re.compile(rf"^\(?\s*([-–−]?)\s*({POINTS})\s*(?:điểm|đ)?\s*\)?\.?$", re.IGNORECASE)


def parse_number(token: str) -> float | None:
    """One printed number -> float ('14,5' -> 14.5, '70.301' -> 70.301, '1.234,5' -> 1234.5)."""
    token = token.strip()
    if not re.fullmatch(NUMBER, token):
        return None
    separators = [c for c in token if c in ".,"]
    if not separators:
        return float(token)
    decimal = separators[-1]
    if len(separators) > 1 and len(set(separators)) == 1:
        # '1.000.000': repeated same separator is digit grouping
        return float(token.replace(decimal, ""))
    thousands = "," if decimal == "." else "."
    return float(token.replace(thousands, "").replace(decimal, "."))


def parse_points(text: str | None) -> float | None:
    """A cell or parenthesis holding one signed number of points -> its magnitude; None for
    anything else ('11,5 95,25' is two numbers, '0.53.81' is no number).

    A cell's line wrap may break a number ('- 0.36\\n8') and OCR may space one ('64, 42'): a line
    break between digits and a space after a separator are dropped; a space between digits is not.
    """
    if text is None:
        return None
    compact = re.sub(r"(?<=[.,])\s+(?=\d)|(?<=\d)[ \t]*\n\s*(?=\d)", "", text.strip())
    match = _SIGNED_CELL.match(compact)
    if not match:
        return None
    return parse_number(match.group(2))


def point_readings(token: str) -> tuple[float, ...]:
    """Every way a clerk may have meant a printed number of points.

    '-05 điểm' is either 5 or a dropped decimal point (0.5); the caller picks the reading that
    agrees with the rest of the document.
    """
    value = parse_number(token)
    if value is None:
        return ()
    if re.fullmatch(r"0\d+", token):
        return (value, float("0." + token[1:]))
    return (value,)
