"""Where a plan's unit is, then and now: the unit the document names (type and name, with the
district and province when it names them) looked up in the official gazetteer the
`vietnamadminunits` package ships: the 63-province units in force before July 2025 (GSO codes),
the 34-province units after, and the mapping between them.

Names are compared exactly once normalised (normalizers/places.py): a commune is never matched
to a differently named one. A name several units share, and that the district and province do
not tell apart, is left unresolved (`ambiguous_unit`); a unit the gazetteer does not hold is
`unit_not_in_gazetteer`, unless the gazetteer records its name as a former name of a unit (a
commune merged into it) in the district or province the document names, which then places it
(`unit_successor`, with no code: the code is the successor's). Only the package's data is read,
never its parser: the parser matches keywords without accents, and importing it loads a
geocoder.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from contextlib import closing
from dataclasses import dataclass
from functools import cache
from importlib.metadata import distribution
from pathlib import Path

from extractors.model import DocumentInfo, Finding
from normalizers.places import ascii_key, name_key, split_type
from normalizers.text import clean

PACKAGE = "vietnamadminunits"
_COMMUNE_TYPES = ("xã", "phường", "thị trấn")
_LEGACY = """SELECT wardCode, ward, wardAlias, districtShort, districtAlias, provinceShort,
    provinceAlias, provinceKey, districtKey, wardKey
FROM admin_units_legacy WHERE ward IS NOT NULL"""
_CURRENT = "SELECT provinceKey, wardKey, ward, provinceShort FROM admin_units"


@dataclass(frozen=True)
class Unit2025:
    name: str  # as the gazetteer prints it: 'Xã Cẩm Duệ'
    province: str

    def label(self) -> str:
        """With its type in lower case, as a province may have a xã and a phường of one name."""
        unit_type, name = split_type(self.name)
        return clean(f"{unit_type} {name}")


@dataclass(frozen=True)
class Unit:
    """A commune-level unit of the 63-province gazetteer."""

    code: str
    unit_type: str  # xã | phường | thị trấn
    name: str
    district: str
    province: str
    former: frozenset[str]  # ascii keys of the names merged into it (or spelled otherwise)
    district_former: frozenset[str]
    province_former: frozenset[str]
    after_2025: tuple[Unit2025, ...]  # several when the unit was divided in 2025

    def label(self) -> str:
        return clean(
            f"{self.unit_type} {self.name}, {self.district}, {self.province} ({self.code})"
        )


@dataclass(frozen=True)
class Gazetteer:
    version: str
    # keyed without accents, to be read in full: a name matches only as name_key compares it
    by_ascii: dict[str, tuple[Unit, ...]]
    by_former: dict[str, tuple[Unit, ...]]  # ascii key of a former name, with its type
    districts: frozenset[str]  # every name_key and former ascii key a district is known by
    provinces: frozenset[str]


@dataclass(frozen=True)
class Resolution:
    unit: Unit | None = None
    successor: bool = False  # placed through a former name the gazetteer records
    candidates: tuple[Unit, ...] = ()  # what the names leave when they tell no one unit


# ---- the data ------------------------------------------------------------------------------


@cache
def gazetteer() -> Gazetteer:
    """Read once per process; files of the installed package, no network."""
    package = distribution(PACKAGE)
    data = Path(package.locate_file(f"{PACKAGE}/data"))
    with closing(sqlite3.connect(f"{(data / 'dataset.db').as_uri()}?mode=ro", uri=True)) as db:
        legacy, current = db.execute(_LEGACY).fetchall(), db.execute(_CURRENT).fetchall()
    mapping = json.loads((data / "converter_2025.json").read_text(encoding="utf-8"))
    after = _after_2025(mapping, current)
    units = [_unit(row, after) for row in legacy]
    return Gazetteer(
        version=f"{PACKAGE} {package.version}",
        by_ascii=_index(units, lambda u: [ascii_key(u.name)]),
        by_former=_index(units, lambda u: u.former),
        districts=_known({u.district for u in units}, [u.district_former for u in units]),
        provinces=_known({u.province for u in units}, [u.province_former for u in units]),
    )


def _aliases(printed: str | None) -> frozenset[str]:
    return frozenset(json.loads(printed)) if printed else frozenset()


def _unit(row: tuple, after: dict[str, tuple[Unit2025, ...]]) -> Unit:
    # the type the name is printed with, not the wardType column, which a few rows contradict
    code, ward, former, district, district_former, province, province_former = row[:7]
    unit_type, name = split_type(ward)
    return Unit(
        code=code,
        unit_type=unit_type,
        name=name,
        district=district,
        province=province,
        former=_aliases(former),
        district_former=_aliases(district_former),
        province_former=_aliases(province_former),
        after_2025=after.get("_".join(row[7:]), ()),
    )


def _known(names: set[str], former: list[frozenset[str]]) -> frozenset[str]:
    return frozenset({name_key(n) for n in names}.union(*former))


def _after_2025(mapping: dict, current: list[tuple]) -> dict[str, tuple[Unit2025, ...]]:
    """The package's 2025 mapping, keyed as it keys old units ('province_district_ward'):
    the new units each old one went into."""
    new = {}
    for province_key, ward_key, ward, province in current:
        new[province_key, ward_key] = Unit2025(ward, province)
    after: dict[str, list[Unit2025]] = defaultdict(list)
    for province_key, wards in mapping["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for ward_key, old_keys in wards.items():
            for old_key in old_keys:
                after[old_key].append(new[province_key, ward_key])
    for province_key, divided in mapping["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_key, wards in divided.items():
            after[old_key].extend(new[province_key, w["newWardKey"]] for w in wards)
    return {k: tuple(v) for k, v in after.items()}


def _index(units: list[Unit], keys) -> dict[str, tuple[Unit, ...]]:
    index: dict[str, list[Unit]] = defaultdict(list)
    for unit in units:
        for key in keys(unit):
            index[key].append(unit)
    return {k: tuple(v) for k, v in index.items()}


# ---- resolving one document's unit ---------------------------------------------------------


def _named(clue: str, name: str, former: frozenset[str]) -> bool:
    return name_key(clue) == name_key(name) or ascii_key(split_type(clue)[1]) in former


def _telling(clue: str | None, names: frozenset[str]) -> bool:
    """A clue the gazetteer knows no place by (misread, or renamed without record) tells
    nothing, so it is not held against the candidates."""
    return bool(clue) and (name_key(clue) in names or ascii_key(split_type(clue)[1]) in names)


def resolve(
    unit_type: str | None,
    unit_name: str,
    district: str | None = None,
    province: str | None = None,
    places: Gazetteer | None = None,
) -> Resolution:
    """The one unit the names identify, else the candidates they leave (none, or several)."""
    places = places or gazetteer()
    district = district if _telling(district, places.districts) else None
    province = province if _telling(province, places.provinces) else None

    def fits(unit: Unit) -> bool:
        return (
            unit_type in (None, unit.unit_type)
            and (district is None or _named(district, unit.district, unit.district_former))
            and (province is None or _named(province, unit.province, unit.province_former))
        )

    key = name_key(unit_name)
    same_name = places.by_ascii.get(ascii_key(split_type(unit_name)[1]), ())
    exact = [u for u in same_name if name_key(u.name) == key and fits(u)]
    former_keys = {
        ascii_key(f"{t} {unit_name}") for t in ([unit_type] if unit_type else _COMMUNE_TYPES)
    }
    merged = [u for k in former_keys for u in places.by_former.get(k, ()) if fits(u)]
    candidates = tuple(dict.fromkeys(exact + merged))
    if len(candidates) != 1:
        return Resolution(candidates=candidates)
    if not exact and district is None and province is None:
        # former names are recorded without accents: only the places named make it this one
        return Resolution()
    return Resolution(candidates[0], successor=not exact)


def locate(info: DocumentInfo) -> list[Finding]:
    """Fill the document's place columns from the gazetteer; findings say why not, or how."""
    if not info.unit_name:
        return []
    places = gazetteer()
    found = resolve(info.unit_type, info.unit_name, info.district, info.province, places)
    if found.unit is None:
        return [_unresolved(_as_named(info), found.candidates, places.version)]
    unit = found.unit
    info.district_resolved, info.province_resolved = clean(unit.district), clean(unit.province)
    info.unit_code = None if found.successor else unit.code
    provinces = {u.province for u in unit.after_2025}
    info.province_2025 = clean(provinces.pop()) if len(provinces) == 1 else None
    info.unit_2025 = unit.after_2025[0].label() if len(unit.after_2025) == 1 else None
    findings = []
    if found.successor:
        message = (
            f"{_as_named(info)} is not in the gazetteer ({places.version}), which records it as "
            f"merged into (or a former name of) {unit.label()}: placed there, without a unit code"
        )
        findings.append(Finding("info", "unit_successor", message, "documents", unit.code))
    if len(unit.after_2025) > 1:
        parts = ", ".join(u.label() for u in unit.after_2025)
        message = f"{unit.label()} was divided in July 2025 between {parts}: unit_2025 left empty"
        findings.append(Finding("info", "unit_divided_2025", message, "documents", unit.code))
    return findings


def _unresolved(named: str, candidates: tuple[Unit, ...], version: str) -> Finding:
    if candidates:
        listed = "; ".join(u.label() for u in candidates)
        message = (
            f"{named} fits {len(candidates)} units of the gazetteer (by their name, or a former "
            f"name merged into them): {listed}"
        )
        return Finding("warning", "ambiguous_unit", message, "documents")
    message = f"{named} is not in the gazetteer ({version}): place columns left empty"
    return Finding("warning", "unit_not_in_gazetteer", message, "documents")


def _as_named(info: DocumentInfo) -> str:
    """The unit as the document names it: 'xã Tân Hiệp (district Hóc Môn, province Hồ Chí
    Minh)'."""
    where = [f"district {info.district}"] if info.district else []
    where += [f"province {info.province}"] if info.province else []
    unit = f"{info.unit_type or 'unit'} {info.unit_name}"
    return f"{unit} ({', '.join(where)})" if where else unit
