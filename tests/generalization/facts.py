"""Who issues the plan, where, when, on the basis of which decisions, signed by whom."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from . import names
from .catalog import CATALOG_YEAR, has_catalog

UNIT_TYPES = ("xã", "xã", "xã", "phường", "thị trấn")


@dataclass
class Decision:
    number: str
    date: dt.date
    issuer: str  # "UBND huyện Kỳ Sơn", "Sở Nội vụ tỉnh Nghệ An"
    about: str


@dataclass
class Facts:
    kind: str
    unit_type: str
    unit_name: str
    district: str
    province: str
    district_named: bool
    province_named: bool
    year: int  # the index year the plan answers
    signer: str
    plan_number: int
    plan_date: dt.date
    decisions: list[Decision] = field(default_factory=list)

    @property
    def next(self) -> int:
        return self.year + 1

    @property
    def unit(self) -> str:
        return f"{self.unit_type} {self.unit_name}"

    @property
    def uses_catalog(self) -> bool:
        return has_catalog(self.province, self.year)

    @property
    def issuer_level(self) -> str:
        """Who publishes the index: the district (or the province when it is not named)."""
        if self.district_named and self.province_named:
            return f"UBND huyện {self.district}, tỉnh {self.province}"
        if self.district_named:
            return f"UBND huyện {self.district}"
        if self.province_named:
            return f"UBND tỉnh {self.province}"
        return "UBND huyện"

    def fill(self, text: str) -> str:
        return text.format(year=self.year, next=self.next, unit=self.unit_type)


def draw(rng: random.Random, kind: str, dims: dict, taken: set[str]) -> Facts:
    catalog = kind == "criteria" and dims["criterion_codes"] == "names_only"
    catalog = catalog or rng.random() < 0.3
    # plans that print criterion codes never share a province with plans that print names only
    coded = kind in ("criteria", "task_appendix")
    province = names.province(rng, catalog=catalog, coded=coded)
    year = CATALOG_YEAR if catalog else rng.choice((2021, 2022, 2023, 2024))
    named = dims["place_named"]
    if catalog and named in ("district", "none"):
        # a catalog's codes are the analyst's only when the plan says which province it is
        named = dims["place_named"] = "province" if named == "none" else "both"
    facts = Facts(
        kind=kind,
        unit_type=rng.choice(UNIT_TYPES),
        unit_name=names.place_name(rng, taken),
        district=names.place_name(rng, taken),
        province=province,
        district_named=named in ("both", "district"),
        province_named=named in ("both", "province"),
        year=year,
        signer=names.person(rng),
        plan_number=rng.randint(12, 245),
        plan_date=dt.date(year + 1, rng.randint(1, 4), rng.randint(1, 28)),
    )
    facts.decisions = _decisions(rng, facts, kind)
    return facts


def _decisions(rng: random.Random, facts: Facts, kind: str) -> list[Decision]:
    published = facts.plan_date - dt.timedelta(days=rng.randint(10, 80))
    if kind == "cchc_papi":
        office = f"Sở Nội vụ tỉnh {facts.province}" if facts.province_named else "Sở Nội vụ"
        first = rng.randint(800, 2400)
        return [
            Decision(f"{first}/QĐ-SNV", published, office, "Chỉ số cải cách hành chính"),
            Decision(
                f"{first + 1}/QĐ-SNV",
                published,
                office,
                "Chỉ số hiệu quả quản trị và hành chính công (PAPI)",
            ),
        ]
    main = Decision(
        f"{rng.randint(40, 3600)}/QĐ-UBND", published, facts.issuer_level,
        "Chỉ số cải cách hành chính",
    )  # fmt: skip
    if kind == "report":
        notice = Decision(
            f"{rng.randint(100, 900)}-TB/HU",
            published - dt.timedelta(days=rng.randint(0, 5)),
            f"Ban Thường vụ Huyện ủy {facts.district}" if facts.district_named else "Huyện ủy",
            "kết quả Chỉ số cải cách hành chính",
        )
        letter = Decision(
            f"{rng.randint(60, 400)}/UBND-NV",
            published + dt.timedelta(days=rng.randint(3, 9)),
            facts.issuer_level,
            "khắc phục tồn tại, hạn chế về công tác cải cách hành chính",
        )
        return [notice, main, letter]
    return [main]
