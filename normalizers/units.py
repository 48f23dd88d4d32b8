"""A task's lead unit folded to one spelling, so the same office groups together.

'Văn phòng – Thống kê', 'Văn phòng thống kê', 'VP-TK', 'công chức Văn phòng - Thống kê xã'
-> 'Văn phòng – Thống kê'. The spellings are data: data/lexicon/units.csv (key, alias) and
data/lexicon/unit_affixes.csv (role and commune words around a name). A lead naming several
units ('công chức Văn hóa xã hội, văn phòng một cửa') is the keys of its parts, in order; a unit
the lexicon does not know keeps its printed name, cleaned (affixes off, one kind of dash).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from extractors.plan.lexicon import read_rows
from normalizers.text import clean_value, fold, strip_accents

_DASHES = re.compile(r"\s*[-–—−]\s*")
_WORD = re.compile(r"[^\W\d_]+")
_PARTS = re.compile(r"\s*(?:[,;+]|\bvà\b|\bvới\b)\s*", re.IGNORECASE)


def _key(text: str) -> str:
    """Comparison form: folded, without accents, '&' read as 'và'."""
    return strip_accents(fold(text.replace("&", " và ")))


@cache
def _affixes(position: str, form: Callable[[str], str]) -> tuple[str, ...]:
    """The prefix or suffix words in the given form, longest first ('ubnd xã' before 'xã')."""
    rows = read_rows("lexicon/unit_affixes.csv")
    words = (form(r["words"]) for r in rows if r["position"] == position)
    return tuple(sorted(words, key=len, reverse=True))


def _forms(text: str, form: Callable[[str], str]) -> list[str]:
    """text, without its role prefix, and each of those without a commune suffix it ends with.

    Each suffix is tried on its own: 'ubnd xã' would take too much of 'Văn phòng HĐND và UBND
    xã', where 'xã' alone leaves a known name.
    """
    forms = [text]
    for prefix in _affixes("prefix", form):
        if text.lower().startswith(prefix + " "):
            forms.append(text[len(prefix) + 1 :])
            break
    for whole in list(forms):
        forms.extend(
            whole[: -len(suffix) - 1]
            for suffix in _affixes("suffix", form)
            if whole.lower().endswith(" " + suffix)
        )
    return forms


@cache
def _aliases() -> dict[str, str]:
    out: dict[str, str] = {}
    for row in read_rows("lexicon/units.csv"):
        out.setdefault(_key(row["key"]), row["key"])
        out.setdefault(_key(row["alias"]), row["key"])
    return out


def restore_marks(name: str | None) -> str | None:
    """A known unit's name read without some of its marks ('Văn phong - thong kè', OCR of bold
    capitals) with its words spelt as the lexicon spells the name it matched ('Văn phòng -
    thống kê'); a name the lexicon does not know is left as read."""
    if not name:
        return name
    spelt = next((_spelt()[f] for f in _forms(_key(name), _key) if f in _spelt()), None)
    if spelt is None:
        return name
    words = iter(spelt.split())
    wanted = next(words, None)

    def respell(match: re.Match[str]) -> str:
        nonlocal wanted
        word = match.group()
        if wanted is None or strip_accents(word.lower()) != strip_accents(wanted):
            return word  # a word the lexicon's name lacks (a role, the commune)
        right, wanted = wanted, next(words, None)
        if word.isupper() and len(word) > 1:
            return right.upper()
        return right[:1].upper() + right[1:] if word[:1].isupper() else right

    return _WORD.sub(respell, name)


@cache
def _spelt() -> dict[str, str]:
    """A name's comparison form -> its words as the lexicon spells them, lower case."""
    out: dict[str, str] = {}
    for row in read_rows("lexicon/units.csv"):
        for text in (row["key"], row["alias"]):
            out.setdefault(_key(text), " ".join(_WORD.findall(text.lower())))
    return out


def _known(text: str) -> str | None:
    aliases = _aliases()
    return next((aliases[f] for f in _forms(_key(text), _key) if f in aliases), None)


def _printed(text: str) -> str:
    """An unknown unit's key: its printed name, affixes off, dashes alike, capitalised."""
    name = min(_forms(_DASHES.sub(" – ", text), str.lower), key=len).strip(" –")
    return name[:1].upper() + name[1:]


def lead_key(lead: str | None) -> str | None:
    """The canonical spelling of a lead unit (or of each unit a lead names), for grouping."""
    text = clean_value(lead)
    if text is None:
        return None
    known = _known(text)
    if known:
        return known
    parts = [p for p in _PARTS.split(text) if p.strip()]
    keys = [_known(p) for p in parts]
    if len(parts) > 1 and all(keys):
        return "; ".join(dict.fromkeys(keys))
    return _printed(text)
