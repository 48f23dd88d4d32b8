"""How a plan's narrative misprints a criterion's name: cut short, abbreviated, mistyped."""

from __future__ import annotations

import random
import re
import unicodedata

ABBREVIATIONS = (
    ("thủ tục hành chính", "TTHC"),
    ("cải cách hành chính", "CCHC"),
    ("dịch vụ công", "DVC"),
    ("Ủy ban nhân dân", "UBND"),
    ("Hợp tác xã", "HTX"),
    ("kinh tế - xã hội", "KT-XH"),
    ("cán bộ, công chức", "CBCC"),
    ("ngân sách nhà nước", "NSNN"),
    ("quy phạm pháp luật", "QPPL"),
    ("thông tin điện tử", "TTĐT"),
    ("Hội đồng nhân dân", "HĐND"),
)
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # grave acute tilde hook dot-below
SHAPES = {"\u0302", "\u0306", "\u031b"}  # circumflex breve horn
VARIANTS = ("full", "truncated", "abbreviated", "expanded", "typo", "tone")


def _replace(text: str, pairs) -> str:
    for long, short in pairs:
        text = re.sub(re.escape(long), short, text, flags=re.IGNORECASE)
    return text


def abbreviate(text: str) -> str:
    return _replace(text, ABBREVIATIONS)


def expand(text: str) -> str:
    return _replace(text, [(short, long.lower()) for long, short in ABBREVIATIONS])


def truncate(rng: random.Random, text: str) -> str:
    """Cut mid-name at a word boundary, keeping at least four words."""
    words = text.split()
    if len(words) <= 5:
        return text
    keep = rng.randint(max(4, len(words) // 2), len(words) - 1)
    return " ".join(words[:keep]).rstrip(",;(")


def _words(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"\w{4,}", text) if not m.group().isupper()]


def typo(rng: random.Random, text: str) -> str:
    """One typing slip in one word: two letters swapped, one dropped or one doubled."""
    spans = _words(text)
    if not spans:
        return text
    start, end = rng.choice(spans)
    word = text[start:end]
    i = rng.randrange(1, len(word) - 1)
    slip = rng.choice(("swap", "drop", "double"))
    if slip == "swap":
        word = word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]
    elif slip == "drop":
        word = word[:i] + word[i + 1 :]
    else:
        word = word[:i] + word[i] + word[i:]
    return text[:start] + word + text[end:]


def tone_slip(rng: random.Random, text: str) -> str:
    """A dropped tone mark ("hanh"), a dropped letter shape ("luu") or a misplaced tone
    ("nhiẹm"), in one or two words."""
    spans = [s for s in _words(text) if _marks(text[s[0] : s[1]])]
    for start, end in rng.sample(spans, min(len(spans), rng.choice((1, 2)))):
        text = text[:start] + _slip(rng, text[start:end]) + text[end:]
    return text


def _marks(word: str) -> list[str]:
    return [c for c in unicodedata.normalize("NFD", word) if c in TONES | SHAPES]


def _slip(rng: random.Random, word: str) -> str:
    chars = list(unicodedata.normalize("NFD", word))
    marked = [i for i, c in enumerate(chars) if c in TONES | SHAPES]
    i = rng.choice(marked)
    tone = chars[i] if chars[i] in TONES else None
    shape_at = next((j for j in marked if chars[j] in SHAPES), None)
    if tone and shape_at is not None and rng.random() < 0.5:
        del chars[shape_at]  # "nhiệm" -> "nhiẹm": the tone stays, the hat goes
    else:
        del chars[i]
    return unicodedata.normalize("NFC", "".join(chars))


def misprint(rng: random.Random, name: str, variant: str) -> str:
    if variant == "truncated":
        return truncate(rng, name)
    if variant == "abbreviated":
        return abbreviate(name)
    if variant == "expanded":
        return expand(name)
    if variant == "typo":
        return typo(rng, name)
    if variant == "tone":
        return tone_slip(rng, name)
    return name
