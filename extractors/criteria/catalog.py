"""Criterion catalogs (data/catalogs/criteria/<province>_<year>.csv): one entry per name or alias
of a criterion, with its code and max points."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from extractors.criteria.names import name_forms
from extractors.plan import lexicon
from normalizers.codes import field_of
from normalizers.text import strip_accents


@dataclass(frozen=True)
class Entry:
    code: str
    name: str
    max_points: float | None = None
    source: str = "catalog"
    forms: tuple[str, ...] = ()
    plain: tuple[str, ...] = ()

    @classmethod
    def of(cls, code: str, name: str, max_points: float | None = None, source: str = "catalog"):
        forms = name_forms(name)
        return cls(code, name, max_points, source, forms, tuple(strip_accents(f) for f in forms))

    @property
    def field(self) -> str:
        return field_of(self.code)


def catalog_name(province: str | None, year: int | None) -> str | None:
    if not province or not year:
        return None
    slug = "-".join(strip_accents(province).lower().split())
    return f"criteria/{slug}_{year}.csv"


@cache
def load_catalog(province: str | None, year: int | None) -> tuple[Entry, ...]:
    """The province-year criterion catalog; empty when there is none."""
    name = catalog_name(province, year)
    if name is None or not (lexicon.DATA_DIR / "catalogs" / name).exists():
        return ()
    entries = []
    for row in lexicon.read_rows(f"catalogs/{name}"):
        maximum = float(row["max_points"]) if row["max_points"] else None
        for alias in [row["name"], *filter(None, row["aliases"].split("|"))]:
            entries.append(Entry.of(row["code"], alias, maximum, row["source"]))
    return tuple(entries)
