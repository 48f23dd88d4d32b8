"""Vietnamese dates: 'ngày 12 tháng 12 năm 2024', 'ngày 27/01/2023', '14-3-2023'."""

import re
from datetime import date

_WORDS = re.compile(r"(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_NUMERIC = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")


def find_date(text: str) -> tuple[date, int, int] | None:
    """The first valid date in text, with its (start, end) offsets."""
    found = []
    for pattern in (_WORDS, _NUMERIC):
        for m in pattern.finditer(text):
            day, month, year = (int(g) for g in m.groups())
            try:
                found.append((m.start(), date(year, month, day), m.end()))
            except ValueError:
                continue
            break
    if not found:
        return None
    start, value, end = min(found)
    return value, start, end
