"""The field catalog and the Hà Tĩnh 2024 criteria the generated plans draw from."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

CATALOGS = Path(__file__).resolve().parents[2] / "data" / "catalogs"
CATALOG_PROVINCE, CATALOG_YEAR = "Hà Tĩnh", 2024


@dataclass(frozen=True)
class Criterion:
    code: str
    name: str
    max_points: Decimal

    @property
    def field(self) -> str:
        return self.code.split(".")[0].rstrip("ab")

    @property
    def group(self) -> str | None:
        """The sub-group (7a, 7b, 8b) the criterion sits in, if any."""
        head = self.code.split(".")[0]
        return head if head[-1] in "ab" else None


@dataclass(frozen=True)
class FieldInfo:
    index: str
    code: str
    name: str
    aliases: tuple[str, ...]


@cache
def fields() -> dict[tuple[str, str], FieldInfo]:
    with open(CATALOGS / "fields.csv", encoding="utf-8") as f:
        return {
            (r["index"], r["code"]): FieldInfo(
                r["index"], r["code"], r["name"], tuple(a for a in r["aliases"].split("|") if a)
            )
            for r in csv.DictReader(f)
        }


@cache
def criteria() -> tuple[Criterion, ...]:
    """Leaf criteria only: a parent printed beside its children would count their points twice."""
    path = CATALOGS / "criteria" / "ha-tinh_2024.csv"
    with open(path, encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["level"] == "criterion"]
    codes = {r["code"] for r in rows}
    return tuple(
        Criterion(r["code"], r["name"], Decimal(r["max_points"]))
        for r in rows
        if not any(other.startswith(r["code"] + ".") for other in codes)
    )


@cache
def group_names() -> dict[str, str]:
    path = CATALOGS / "criteria" / "ha-tinh_2024.csv"
    with open(path, encoding="utf-8") as f:
        return {r["code"]: r["name"] for r in csv.DictReader(f) if r["level"] == "group"}


def criteria_of(field_code: str) -> list[Criterion]:
    return [c for c in criteria() if c.field == field_code]


def has_catalog(province: str | None, year: int) -> bool:
    """Only a province-year with a file in data/catalogs/criteria codes a name printed alone."""
    return province == CATALOG_PROVINCE and year == CATALOG_YEAR
