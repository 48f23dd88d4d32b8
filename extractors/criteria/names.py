"""The forms a criterion name is compared in: folded, abbreviations expanded, leading code and
filler words dropped, with and without what it says in parentheses; and, for a narrative item
that opens with a criterion's name, the name part (its words before the shortfall)."""

from __future__ import annotations

import re
from functools import cache

from extractors.plan import lexicon
from extractors.plan.fields import match_key
from normalizers.text import nfc, strip_accents

_LEADING_CODE = re.compile(r"^\s*\d{1,2}[a-z]?(?:\.\s?\d{1,2})*\.?\s+")
_PARENTHESES = re.compile(r"\([^)]*\)?")
_COLON = re.compile(r":(?!\d)")  # "...đúng hạn: chưa đạt", not "ISO 9001:2015"
MIN_NAME_WORDS = 2  # a name part shorter than this says too little to be compared


def name_forms(name: str) -> tuple[str, ...]:
    """The comparison forms of a name: whole, and without what it says in parentheses."""
    bare = _LEADING_CODE.sub("", name)
    forms = [match_key(bare), match_key(_PARENTHESES.sub(" ", bare))]
    return tuple(dict.fromkeys(f for f in forms if f))


@cache
def _shortfall() -> re.Pattern[str]:
    patterns = (strip_accents(r["pattern"]) for r in lexicon.read_rows("lexicon/deficiencies.csv"))
    return re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\b", re.IGNORECASE)


def _accentless(text: str) -> str:
    """strip_accents letter by letter, so that positions in the result are positions in text."""
    return "".join(p if len(p := strip_accents(c)) == 1 else c for c in text)


def name_part(item: str) -> str | None:
    """The words a narrative item opens with before its shortfall ("Tỷ lệ hồ sơ TTHC được giải
    quyết đúng hạn: chưa đạt điểm tối đa" -> "Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn"), when
    the item has a shortfall to cut at and they are words enough to be a name."""
    text = nfc(item)
    head = _COLON.split(text, maxsplit=1)[0]
    cue = _shortfall().search(_accentless(head))
    if cue:
        head = head[: cue.start()].rstrip(" ,;-–")
    if head == text or len(head.split()) < MIN_NAME_WORDS:
        return None
    return head
