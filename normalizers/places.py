"""Place names as keys for exact comparison: the type word split off ('Thị trấn', 'TT.', 'H.'),
case, spacing and tone-mark placement ('Hoà' / 'Hòa') folded. Two different names never get
the same key, except by `ascii_key`, which is the spelling the gazetteer's alias lists use."""

from __future__ import annotations

import re
import unicodedata

from normalizers.text import collapse_whitespace, fold, nfc

_TYPES = ("thị trấn", "thị xã", "thành phố", "đặc khu", "xã", "phường", "huyện", "quận", "tỉnh")
_ABBREVIATIONS = {
    "tt": "thị trấn",
    "tx": "thị xã",
    "tp": "thành phố",
    "x": "xã",
    "p": "phường",
    "h": "huyện",
    "q": "quận",
    "t": "tỉnh",
}
# a type word ends at a space; an abbreviation needs its dot ('H. Văn Lâm'), or a space when
# it has two letters ('TT Yên Viên'): a letter alone could be a name's initial
_TYPE_WORD = re.compile(
    rf"^(?:({'|'.join(_TYPES)})\s+|({'|'.join(_ABBREVIATIONS)})\.\s*|(tt|tx|tp)\s+)(?=\S)",
    re.IGNORECASE,
)
_LEADING_ZEROS = re.compile(r"\b0+(?=\d)")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def split_type(name: str) -> tuple[str | None, str]:
    """'TT. Yên Viên' -> ('thị trấn', 'Yên Viên'); 'Tân Hiệp' -> (None, 'Tân Hiệp')."""
    text = collapse_whitespace(nfc(name))
    found = _TYPE_WORD.match(text)
    if not found:
        return None, text
    word = next(g for g in found.groups() if g).lower()
    return _ABBREVIATIONS.get(word, word), text[found.end() :]


def name_key(name: str) -> str:
    """A name without its type, folded: 'Hoà Bình' and 'HÒA BÌNH' meet; 'Phường 01' is '1'."""
    return _LEADING_ZEROS.sub("", fold(split_type(name)[1]))


def ascii_key(text: str) -> str:
    """'Xã Tân Hiệp' -> 'xatanhiep': letters and digits without accents, as the gazetteer keys
    the former names it records."""
    # what is not ASCII once decomposed is a mark: dropped (the gazetteer's 10,000 names are
    # keyed on every run, and this is twice as fast as filtering by category)
    bare = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return _NOT_ALNUM.sub("", bare.encode("ascii", "ignore").decode().lower())
