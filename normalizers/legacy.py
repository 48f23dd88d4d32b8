"""Text typed in the pre-Unicode Vietnamese fonts, converted to Unicode.

Clerks still type in TCVN3 (ABC: the .Vn fonts, .VnTime) and VNI (the VNI- fonts, VNI-Times).
Such text is stored as Windows-1252 characters that the font draws as Vietnamese letters:
".VnTime" draws "Thùc hiÖn" as "Thực hiện". A font's name tells its encoding; where no name
says so, the text itself does (`detect`). The tables are data files (data/encodings/).
"""

from __future__ import annotations

import csv
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

TABLES = Path(os.environ.get("CCHC_DATA", Path(__file__).resolve().parents[1] / "data")) / (
    "encodings"
)
ENCODINGS = ("tcvn3", "vni")
NAMES = {"tcvn3": "TCVN3 (ABC, .Vn fonts)", "vni": "VNI (VNI- fonts)"}
MIN_EVIDENCE = 3  # legacy characters that make a text legacy when no font name says so
SOFT_HYPHEN = "\u00ad"  # TCVN3's ư: a soft hyphen to Unicode, so easily dropped on the way
# "ABCDEF+" subset prefix of an embedded PDF font, and a style suffix ("-Bold", ",Italic")
_TONES = set("\u0300\u0301\u0303\u0309\u0323")  # grave, acute, tilde, hook, dot below
_SUBSET = re.compile(r"^[A-Z]{6}\+")
_STYLE = re.compile(r"[-,]?(?:Bold|Italic|Oblique|Regular)+$", re.IGNORECASE)


@dataclass(frozen=True)
class Legacy:
    """How a piece of text is encoded."""

    encoding: str
    capitals: bool = False  # a capitals-only font (.VnTimeH): every letter it draws is a capital


@cache
def table(encoding: str) -> dict[str, str]:
    """Legacy character sequence (as Word and PDF text layers hold it) -> Unicode letter."""
    with open(TABLES / f"{encoding}.csv", encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {bytes.fromhex(r["bytes"]).decode("cp1252"): r["unicode"] for r in rows}


@cache
def _pattern(encoding: str) -> re.Pattern[str]:
    """Longest sequences first, so that VNI's "oâ" (ô) wins over its "o" and "â"."""
    keys = sorted(table(encoding), key=len, reverse=True)
    return re.compile("|".join(re.escape(k) for k in keys))


def decode(text: str, legacy: Legacy) -> str:
    """The Unicode (NFC) text that the legacy font draws."""
    mapping = table(legacy.encoding)
    out = _pattern(legacy.encoding).sub(lambda m: mapping[m.group()], text)
    return out.upper() if legacy.capitals else out


def convert(text: str, legacy: Legacy | None) -> str:
    """A run of text in one font, as the font draws it. A run holding a letter that no legacy
    keyboard types was typed in Unicode (in a document whose style still names a legacy
    font): it is left alone."""
    if legacy is None or _unicode_letters(text):
        return text
    return decode(text, legacy)


def of_font(name: str | None) -> Legacy | None:
    """The encoding a font's name says: TCVN3 fonts start with ".Vn" (".VnTimeH" and the other
    names ending in H are capitals only), VNI fonts with "VNI-"."""
    if not name:
        return None
    family = _STYLE.sub("", _SUBSET.sub("", name.strip()))
    if re.match(r"\.?Vn[A-Z]", family):
        return Legacy("tcvn3", capitals=family.endswith("H"))
    if family.upper().startswith("VNI-"):
        return Legacy("vni")
    return None


def detect(text: str) -> Legacy | None:
    """The legacy encoding text is in, told by its characters; None for Unicode (or too little
    to tell). Legacy text is all Windows-1252: any letter beyond it says Unicode."""
    evidence = _count(_signature(), text)
    if evidence < MIN_EVIDENCE or evidence <= _unicode_letters(text):
        return None
    tcvn3 = _count(_tcvn3_only(), text)
    vni = len(_vni_pairs().findall(text))
    return Legacy("tcvn3" if tcvn3 >= vni else "vni")


def by_font(texts: dict[str | None, str]) -> dict[str | None, Legacy]:
    """For each font (name -> all the text set in it), the legacy encoding of its text: by the
    font's name, else by the text's characters. Fonts in Unicode are left out."""
    found = {font: of_font(font) or detect(text) for font, text in texts.items()}
    return {font: legacy for font, legacy in found.items() if legacy}


@dataclass
class Converter:
    """One document's legacy fonts (font -> encoding), and the runs converted so far."""

    encodings: dict[str | None, Legacy]
    runs: Counter = field(default_factory=Counter)

    @classmethod
    def for_fonts(cls, texts: dict[str | None, str]) -> Converter:
        """texts: each font's name -> all the text the document sets in it."""
        return cls(by_font(texts))

    def __call__(self, text: str, font: str | None) -> str:
        """One run of text (all in one font) as the font draws it."""
        found = self.encodings.get(font)
        out = convert(text, found)
        if found is not None and out != text:
            self.runs[found.encoding] += 1
        return out


def readable(raw: bytes) -> str:
    """A file name's bytes as a person would read them: UTF-8, else the Windows code pages
    Vietnamese names come in (CP1258, TCVN3, Latin-1), whichever reads most like Vietnamese."""
    try:
        return unicodedata.normalize("NFC", raw.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    surface = raw.decode("cp1252", "replace")
    candidates = [
        unicodedata.normalize("NFC", raw.decode("cp1258", "replace")),
        decode(surface, Legacy("tcvn3")),
        raw.decode("latin-1"),
    ]
    return max(candidates, key=_plausibility)  # the first of equals: CP1258, Windows' own


def _plausibility(text: str) -> int:
    """Words with Vietnamese letters, less the words no Vietnamese text holds: with a legacy
    character, an unreadable byte, or two tone marks in one syllable."""
    score = 0
    for word in re.findall(r"[^\W\d_]+|\ufffd", text):
        tones = sum(c in _TONES for c in unicodedata.normalize("NFD", word))
        if tones > 1 or "\ufffd" in word or signature(word):
            score -= 1
        elif not word.isascii():
            score += 1
    return score


def signature(text: str) -> set[str]:
    """The characters of text that only legacy encodings use: mojibake if they are left."""
    return {c for c in text if c in _signature()}


@cache
def _vietnamese() -> frozenset[str]:
    letters = set()
    for encoding in ENCODINGS:
        letters.update(table(encoding).values())
    return frozenset(letters | {c.upper() for c in letters})


@cache
def _signature() -> frozenset[str]:
    """Characters of the legacy tables that no Vietnamese (nor English) text uses."""
    used = {c for encoding in ENCODINGS for key in table(encoding) for c in key}
    return frozenset(c for c in used if c not in _vietnamese() and not c.isascii())


@cache
def _tcvn3_only() -> frozenset[str]:
    vni = {c for key in table("vni") for c in key}
    return frozenset(c for c in _signature() if c not in vni)


def _count(characters: frozenset[str], text: str) -> int:
    """How many of text's characters are among these (all of a document's text is told at
    once: the regular expression engine counts it far faster than a loop over characters)."""
    return len(_one_of(characters).findall(text)) if characters else 0


@cache
def _one_of(characters: frozenset[str]) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(''.join(sorted(characters)))}]")


@cache
def _vni_pairs() -> re.Pattern[str]:
    pairs = [k for k in table("vni") if len(k) == 2]
    return re.compile("|".join(re.escape(k) for k in pairs))


def _unicode_letters(text: str) -> int:
    """Vietnamese letters (or combining marks) beyond Windows-1252: never in legacy text."""
    return sum(
        ord(c) > 0xFF and (c in _vietnamese() or unicodedata.category(c) == "Mn") for c in text
    )
