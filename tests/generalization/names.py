"""Invented communes and people, real provinces: never the samples' names."""

from __future__ import annotations

import random

from .catalog import CATALOG_PROVINCE

SAMPLE_NAMES = {
    "Cẩm Dương", "Hoàng Việt", "Thanh Xá", "Như Quỳnh", "Sơn Bao",
    "Văn Lãng", "Thanh Hà", "Sơn Hà", "Văn Lâm",
}  # fmt: skip
SAMPLE_PROVINCES = {"Lạng Sơn", "Hải Dương", "Hưng Yên", "Quảng Ngãi"}
SAMPLE_SIGNERS = {"Hoàng Văn Linh", "Âu Hồng Ngân", "Phạm Thị Mây", "Vũ Văn Sữa", "Giáp Hùng Vương"}

PROVINCES = (
    "Nghệ An", "Thanh Hóa", "Quảng Bình", "Quảng Trị", "Bắc Giang", "Thái Bình", "Nam Định",
    "Ninh Bình", "Phú Thọ", "Tuyên Quang", "Yên Bái", "Bình Định", "Quảng Nam", "Phú Yên",
    "Đắk Lắk", "Lâm Đồng", "Long An", "Bến Tre", "Sóc Trăng", "Cà Mau", "Vĩnh Long", "Bắc Ninh",
    "Thái Nguyên", "Hòa Bình", "Sơn La", "Gia Lai", "Kon Tum", "Tây Ninh", "Đồng Tháp",
    "An Giang", "Kiên Giang", "Trà Vinh",
)  # fmt: skip
# Plans of a province outside the catalog print their criterion codes (criteria kind) or no
# criteria table at all: the two sets never share a province, so a run's learned catalog never
# codes a names-only item of the same province-year (its gold code is null).
CODED_PROVINCES = PROVINCES[::2]
PLAIN_PROVINCES = PROVINCES[1::2]

FIRST = (
    "Tân", "Phú", "Hòa", "An", "Bình", "Thạnh", "Lộc", "Phước", "Long", "Mỹ", "Đông", "Tây",
    "Thượng", "Kim", "Ngọc", "Xuân", "Hương", "Quang", "Minh", "Đức", "Vĩnh", "Gia", "Khánh",
    "Cát", "Yên", "Kỳ", "Thạch", "Trung", "Nghĩa", "Hồng", "Quỳnh", "Diễn", "Hải", "Tiên",
)  # fmt: skip
SECOND = (
    "Lập", "Phú", "Hòa", "Bình", "Thịnh", "Lợi", "Hưng", "Thành", "Sơn", "Thủy", "Lâm", "Tiến",
    "Phong", "Điền", "Trạch", "Mỹ", "Hải", "Quang", "Tân", "Long", "Khê", "Đồng", "Hà", "Liên",
    "Xuyên", "Giang", "Châu", "Hội", "Ninh", "Định", "Lạc", "Nguyên", "Trường", "Vân",
)  # fmt: skip
FAMILY = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
    "Ngô", "Dương", "Lý", "Đinh", "Trương", "Lương", "Mai", "Cao", "Lò", "Hà", "Tạ", "Chu",
)  # fmt: skip
MIDDLE = ("Văn", "Thị", "Đức", "Hữu", "Minh", "Quốc", "Thanh", "Ngọc", "Xuân", "Đình", "Công")
GIVEN = (
    "Hùng", "Dũng", "Lan", "Hoa", "Tuấn", "Bình", "Hải", "Thắng", "Nam", "Hạnh", "Thảo", "Long",
    "Phong", "Quân", "Tâm", "Trung", "Hiếu", "Khánh", "Lợi", "Tùng", "Nhung", "Phúc", "Toàn",
    "Thủy", "Cường", "Duy", "Hòa", "Kiên", "Sáu", "Yến",
)  # fmt: skip


def place_name(rng: random.Random, taken: set[str]) -> str:
    while True:
        name = f"{rng.choice(FIRST)} {rng.choice(SECOND)}"
        first, second = name.split()
        if first != second and name not in SAMPLE_NAMES and name not in taken:
            taken.add(name)
            return name


def person(rng: random.Random) -> str:
    while True:
        name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        if name not in SAMPLE_SIGNERS:
            return name


def province(rng: random.Random, *, catalog: bool, coded: bool) -> str:
    if catalog:
        return CATALOG_PROVINCE
    return rng.choice(CODED_PROVINCES if coded else PLAIN_PROVINCES)
