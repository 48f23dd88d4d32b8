"""Sentences that state a total and a rank, in the plan's phrasing."""

from __future__ import annotations

from decimal import Decimal

from .writer import Writer

PEERS = {"xã": "xã, thị trấn", "thị trấn": "xã, thị trấn", "phường": "xã, phường, thị trấn"}


def rank(w: Writer) -> tuple[int, int]:
    of = w.rng.randint(9, 32)
    return w.rng.randint(1, of), of


def rank_text(w: Writer, position: int, of: int) -> tuple[str, int | None]:
    """ "xếp thứ 3/12 xã, thị trấn" and the rank_of the gold takes from it."""
    peers = PEERS[w.facts.unit_type]
    phrase = w.dims["rank_phrase"]
    if phrase == "slash":
        return f"xếp thứ {position}/{of} {peers}", of
    if phrase == "tren":
        return f"xếp thứ {position} trên tổng số {of} {peers}", of
    return f"đứng thứ {position} toàn huyện", None


def out_of(w: Writer, score: Decimal, max_points: Decimal, places: int | None = None) -> str:
    """ "12,2/15 điểm", "12,2 điểm/15 điểm" or "12,2 điểm trên tổng số 15 điểm"."""
    got, of = w.num(score, places), w.num(max_points, places)
    return {
        "slash": f"{got}/{of} điểm",
        "diem_slash": f"{got} điểm/{of} điểm",
        "tren": f"{got} điểm trên tổng số {of} điểm",
    }[w.dims["score_phrase"]]
