"""Internal consistency of a generated gold: the sums a plan prints hold, as the generator
builds them (the validator's checks, run on the gold instead of on extracted rows)."""

from __future__ import annotations

from collections import defaultdict

TOLERANCE = 1e-6
COMPONENTS = ("KTXH", "XHH", "SIPAS")  # parts of field 8 when the plan prints field 8


def _near(a: float, b: float) -> bool:
    return abs(a - b) <= TOLERANCE


def _sum(rows: list[dict], key: str) -> float | None:
    values = [r[key] for r in rows]
    return None if not rows or any(v is None for v in values) else sum(values)


def problems(gold: dict) -> list[str]:
    found = []
    for key in ("doc_kind", "title", "unit_type", "unit_name", "index_year", "signer"):
        if not gold["document"].get(key):
            found.append(f"document.{key} is empty")
    scores = gold["scores"]
    for r in scores:
        if None not in (r["max"], r["score"], r["deducted"]) and not _near(
            r["max"] - r["score"], r["deducted"]
        ):
            found.append(f"{r['level']} {r['code']}: {r['max']} - {r['score']} != {r['deducted']}")
    for index in ("CCHC", "PAPI"):
        rows = [r for r in scores if r["index"] == index]
        found += _fields_vs_total(index, rows)
        found += _criteria_vs_fields(rows)
    found += _items_vs_fields(gold)
    for table in ("deductions", "tasks"):
        found += [f"{table}: a row without text" for r in gold[table] if not r["text"]]
    return found


def _fields_vs_total(index: str, rows: list[dict]) -> list[str]:
    out = []
    total = next((r for r in rows if r["level"] == "total"), None)
    fields = {r["code"]: r for r in rows if r["level"] == "field"}
    if "8" in fields:
        parts = [fields.pop(c) for c in COMPONENTS if c in fields]
        for key in ("max", "score"):
            value = _sum(parts, key)
            if parts and value is not None and not _near(value, fields["8"][key]):
                out.append(f"{index} field 8 {key}: components sum {value}")
    group = next((r for r in rows if r["level"] == "group" and r["code"] == "1-7"), None)
    if group:
        seven = [fields[c] for c in "1234567" if c in fields]
        for key in ("max", "score"):
            if not _near(_sum(seven, key), group[key]):
                out.append(f"{index} fields 1-7 {key} != group 1-7")
    if total and fields:
        tops = list(fields.values())
        if _near(_sum(tops, "max") or 0, total["max"] or 0):  # the same scale only
            for key in ("score", "deducted"):
                value = _sum(tops, key)
                if value is not None and total[key] is not None and not _near(value, total[key]):
                    out.append(f"{index} fields' {key} sum {value} != total {total[key]}")
    return out


def _criteria_vs_fields(rows: list[dict]) -> list[str]:
    out = []
    by_field, by_group = defaultdict(list), defaultdict(list)
    for r in rows:
        if r["level"] == "criterion":
            head = r["code"].split(".")[0]
            by_field[head.rstrip("ab")].append(r)
            by_group[head].append(r)
    for r in rows:
        pool = by_field if r["level"] == "field" else by_group if r["level"] == "group" else {}
        found = pool.get(r["code"])
        if found and r["deducted"] is not None:
            value = _sum(found, "deducted")
            if not _near(value, r["deducted"]):
                out.append(f"{r['level']} {r['code']}: criteria lose {value} != {r['deducted']}")
    return out


def _items_vs_fields(gold: dict) -> list[str]:
    out = []
    items = defaultdict(list)
    for d in gold["deductions"]:
        items[(d["index"], d["field"])].append(d)
    for r in gold["scores"]:
        found = items.get((r["index"], r["code"])) if r["level"] == "field" else None
        if found and r["deducted"] is not None and all(d["points"] is not None for d in found):
            value = sum(d["points"] for d in found)
            if not _near(value, r["deducted"]):
                out.append(f"field {r['code']}: items lose {value} != {r['deducted']}")
    return out
