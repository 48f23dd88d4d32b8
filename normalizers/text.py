"""str -> str cleaners for Vietnamese text (in the spirit of unstructured's cleaners)."""

import re
import unicodedata
from functools import lru_cache

from underthesea.pipeline.text_normalize import token_normalize

_WORD = re.compile(r"(\w+)")  # split() keeps the words at the odd places
_LETTERS = [chr(c) for c in range(0x41, 0x1EFA) if chr(c).isalpha()]
# character classes for regular expressions: Python's re has no Unicode upper/lower classes
UPPER = "".join(c for c in _LETTERS if c.isupper() and c == unicodedata.normalize("NFC", c))
LOWER = "".join(c for c in _LETTERS if c.islower() and c == unicodedata.normalize("NFC", c))
_SPACE = re.compile(r"\s+")
_BULLET = re.compile(r"^\s*(?:[-+*•·▪–—−]\s*)+")
_TRAILING = " \t.;:,"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fix_tone_marks(text: str) -> str:
    """Old-style tone placement to the modern one, word by word ('hoá' -> 'hóa', 'qủa' -> 'quả').

    underthesea's text_normalize tokenizes and re-joins with spaces ("a , b"); applying its
    token normalizer to each word keeps the punctuation and spacing exactly as printed.
    """
    pieces = _WORD.split(text)
    # map over the cached function, not a re.sub callback: a word seen before costs no Python
    # call (a plan has thousands of words, nearly all of them unchanged)
    pieces[1::2] = map(_modern_word, pieces[1::2])
    return "".join(pieces)


@lru_cache(maxsize=1 << 16)
def _modern_word(word: str) -> str:
    # a plan repeats its words thousands of times; underthesea's normalizer is slow per call
    return token_normalize(word)


def collapse_whitespace(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def strip_bullet(text: str) -> str:
    """Leading list marks ('-', '+', '*', '•') removed."""
    return _BULLET.sub("", text)


def strip_trailing_punctuation(text: str) -> str:
    return text.rstrip(_TRAILING).strip()


# the same texts are cleaned again and again (a line by the outline, then by each record
# extractor; a name each time it is compared): the cleaners are pure, their results kept
@lru_cache(maxsize=1 << 13)  # a plan cleans about 2,000 different texts: a few MB at most
def clean(text: str) -> str:
    """The form every text value leaves the pipeline in: NFC, modern tone marks, single spaces."""
    return collapse_whitespace(fix_tone_marks(nfc(text)))


def clean_item(text: str) -> str:
    """A list item's words: clean, without its bullet."""
    return strip_bullet(clean(text)).strip()


def clean_value(text: str | None) -> str | None:
    """A short field value (a unit, a deadline): clean, no bullet, no trailing punctuation."""
    if text is None:
        return None
    return strip_trailing_punctuation(clean_item(text)) or None


# grave, acute, tilde, hook above, dot below: the marks OCR most often gets wrong ("tôn tại" for
# "tồn tại"); the vowel's own shape (â, ă, ê, ô, ơ, ư) stays
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def _stripping(keep: str) -> dict[int, str]:
    """A translate table that drops every combining mark but those in keep, letter for letter."""
    table = {}
    for code in range(0xC0, 0x1F00):
        char = chr(code)
        marks = unicodedata.normalize("NFD", char)
        bare = unicodedata.normalize(
            "NFC",
            "".join(c for c in marks if not unicodedata.combining(c) or c in keep),
        )
        if bare != char and len(bare) == 1:
            table[code] = bare
    return table


_TONELESS = _stripping(
    keep="".join(m for m in map(chr, range(0x300, 0x370)) if m not in _TONE_MARKS)
)
_BARE = {
    **_stripping(keep=""),
    **{code: None for code in range(0x300, 0x370)},  # marks of decomposed text
    ord("đ"): "d",
    ord("Đ"): "D",
}


def toneless(text: str) -> str:
    """Tone marks dropped, character for character (positions in the result are positions in
    the text): a key for matching words OCR may have given the wrong tone."""
    return text.translate(_TONELESS)


@lru_cache(maxsize=1 << 12)
def fold(text: str) -> str:
    """Comparison key: clean, lower-case, punctuation to spaces."""
    return collapse_whitespace(re.sub(r"[^\w]+", " ", clean(text).lower()))


def strip_accents(text: str) -> str:
    """'Cải cách' -> 'Cai cach' (and 'đ' -> 'd'), character for character (positions in the
    result are positions in the text): for accent-blind matching of OCR text, and of words OCR
    read without their marks (bold capitals: 'CHU TRI' for 'CHỦ TRÌ')."""
    return text.translate(_BARE)


def sentence_case(text: str) -> str:
    """'VĂN PHÒNG THỐNG KÊ' -> 'Văn phòng thống kê' (only for text printed all in capitals)."""
    if text != text.upper():
        return text
    lower = text.lower()
    return lower[:1].upper() + lower[1:]
