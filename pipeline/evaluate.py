"""How close a run is to gold labels: precision / recall / F1 per table and per form.

The same metric as the shared scorer (written here, not copied): a run's document belongs to
gold <id> by its file name (<id>.docx, <id>.pdf, <id>.scan.pdf); scores pair by (index, level,
code) and must agree on every number; deductions and tasks pair one-to-one by text similarity
and must agree on their other fields.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz

TOLERANCE = 1e-6
TEXT_PAIRING = 85  # token_set_ratio that pairs a text row with a gold one
UNIT_AGREEMENT = 90  # token_set_ratio at which two unit names or deadlines agree
DOCUMENT_FIELDS = (
    "doc_kind",
    "unit_type",
    "unit_name",
    "district",
    "province",
    "index_year",
    "signer",
)
FORMS = ((".scan.pdf", "scan"), (".browser.pdf", "browser"), (".pdf", "pdf"), (".docx", "docx"))
SCORE_VALUES = (
    ("max_points", "max"),
    ("score", "score"),
    ("deducted", "deducted"),
    ("rank", "rank"),
    ("rank_of", "rank_of"),
)


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def norm(value) -> str | None:
    if _missing(value):
        return None
    text = unicodedata.normalize("NFC", str(value)).replace("–", "-").replace("—", "-")
    return " ".join(text.split()).strip(" .;:").lower() or None


def same_number(a, b) -> bool:
    if _missing(a) or _missing(b):
        return _missing(a) and _missing(b)
    return abs(float(a) - float(b)) <= TOLERANCE


def similar(a, b) -> float:
    return fuzz.token_set_ratio(norm(a) or "", norm(b) or "")


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float(not self.fn)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    tables: dict[tuple[str, str], Tally] = field(default_factory=lambda: defaultdict(Tally))
    fields: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    misses: list[str] = field(default_factory=list)

    def f1(self, table: str, form: str = "all") -> float:
        return self.tables[(table, form)].f1

    def field_accuracy(self, form: str = "all") -> float:
        right, total = self.fields[form]
        return right / total if total else 0.0

    def render(self, misses: int = 40) -> str:
        lines = [f"{'table':<11} {'form':<5} {'prec':>6} {'recall':>6} {'F1':>6}   tp/fp/fn"]
        for (table, form), t in sorted(self.tables.items()):
            lines.append(
                f"{table:<11} {form:<5} {t.precision:6.3f} {t.recall:6.3f} {t.f1:6.3f}"
                f"   {t.tp}/{t.fp}/{t.fn}"
            )
        for form, (right, total) in sorted(self.fields.items()):
            lines.append(f"document fields {form:<5} {right}/{total} correct")
        if self.misses:
            lines.append(f"\n{len(self.misses)} misses:")
            lines.extend("  " + m for m in self.misses[:misses])
        return "\n".join(lines)


def form_of(path: str) -> tuple[str, str]:
    name = Path(path).name
    for suffix, form in FORMS:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)], form
    return Path(name).stem, "other"


def evaluate(out: Path, gold_dir: Path) -> Report:
    gold = {
        p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))
    }
    tables = {}
    for name in ("documents", "scores", "deductions", "tasks"):
        path = Path(out) / f"{name}.parquet"
        tables[name] = pd.read_parquet(path) if path.exists() else pd.DataFrame()
    report = Report()
    seen = set()
    for doc in _records(tables["documents"]):
        gid, form = form_of(doc.get("source_path", ""))
        if gid not in gold:
            continue
        seen.add(gid)
        tag = f"[{gid}.{form}]"
        _compare_fields(doc, gold[gid]["document"], form, tag, report)
        mine = {t: _records(tables[t], doc["doc_id"]) for t in ("scores", "deductions", "tasks")}
        for table, counts in (
            ("scores", _compare_scores(mine["scores"], gold[gid]["scores"], tag, report)),
            (
                "deductions",
                _compare_texts(
                    mine["deductions"],
                    gold[gid]["deductions"],
                    ("code", "points"),
                    tag,
                    "deduction",
                    report,
                ),
            ),
            (
                "tasks",
                _compare_texts(
                    mine["tasks"],
                    gold[gid]["tasks"],
                    ("lead", "partners", "deadline"),
                    tag,
                    "task",
                    report,
                ),
            ),
        ):
            report.tables[(table, form)].add(*counts)
            report.tables[(table, "all")].add(*counts)
    for gid in gold.keys() - seen:
        report.misses.append(f"[{gid}] no document in the run")
        for table in ("scores", "deductions", "tasks"):
            report.tables[(table, "all")].add(0, 0, len(gold[gid][table]))
    return report


def _records(frame: pd.DataFrame, doc_id: str | None = None) -> list[dict]:
    if frame.empty:
        return []
    if doc_id is not None:
        frame = frame[frame["doc_id"] == doc_id]
    return [
        {k: (None if _missing(v) else v) for k, v in r.items()} for r in frame.to_dict("records")
    ]


def _compare_fields(doc: dict, want: dict, form: str, tag: str, report: Report) -> None:
    for name in (*DOCUMENT_FIELDS, "decisions"):
        expected, got = want.get(name), doc.get(name)
        if name == "decisions":
            expected = sorted(norm(d["number"]) for d in expected or [])
            got = sorted(norm(d["number"]) for d in (got if got is not None else []))
            right = expected == got
        elif name == "index_year":
            right = expected == (None if got is None else int(got))
        else:
            right = norm(expected) == norm(got)
        for key in (form, "all"):
            report.fields[key][0] += right
            report.fields[key][1] += 1
        if not right:
            report.misses.append(f"{tag} document.{name}: want {expected!r} got {got!r}")


def _score_key(row: dict) -> tuple:
    return (norm(row.get("index")) or "cchc", norm(row.get("level")), norm(row.get("code")))


def _compare_scores(mine: list[dict], gold: list[dict], tag: str, report: Report) -> tuple:
    wanted = {_score_key(r): r for r in gold}
    found: dict[tuple, dict] = {}
    for row in mine:
        found.setdefault(_score_key(row), row)
    tp = 0
    for key, want in wanted.items():
        got = found.get(key)
        numbers = got is not None and all(
            same_number(got.get(a), want.get(b)) for a, b in SCORE_VALUES
        )
        reason = (
            got is None
            or not norm(want.get("reason"))
            or similar(want.get("reason"), got.get("reason")) >= TEXT_PAIRING
        )
        if numbers and reason:
            tp += 1
        elif numbers:
            report.misses.append(f"{tag} score {key}: reason differs")
        else:
            values = None if got is None else {a: got.get(a) for a, _ in SCORE_VALUES}
            report.misses.append(
                f"{tag} score {key}: want "
                f"{ {b: want.get(b) for _, b in SCORE_VALUES} }; got {values}"
            )
    report.misses.extend(f"{tag} score {k}: not in gold" for k in found.keys() - wanted.keys())
    return tp, len(found) - tp, len(wanted) - tp


def _pairs(mine: list[dict], gold: list[dict]) -> list[tuple[int, int]]:
    """One-to-one pairs by text similarity, best first."""
    candidates = sorted(
        (
            (s, i, j)
            for i, g in enumerate(gold)
            for j, m in enumerate(mine)
            if (s := similar(g.get("text"), m.get("text"))) >= TEXT_PAIRING
        ),
        reverse=True,
    )
    used_gold, used_mine, pairs = set(), set(), []
    for _, i, j in candidates:
        if i not in used_gold and j not in used_mine:
            used_gold.add(i)
            used_mine.add(j)
            pairs.append((i, j))
    return pairs


def _compare_texts(mine, gold, compared, tag, kind, report) -> tuple:
    pairs = _pairs(mine, gold)
    tp = 0
    for i, j in pairs:
        want, got = gold[i], mine[j]
        wrong = [name for name in compared if not _agree(name, got.get(name), want.get(name))]
        if wrong:
            report.misses.append(
                f"{tag} {kind} '{str(want.get('text'))[:60]}': "
                + "; ".join(f"{n} {got.get(n)!r}!={want.get(n)!r}" for n in wrong)
            )
        else:
            tp += 1
    paired = {i for i, _ in pairs}
    report.misses.extend(
        f"{tag} {kind} missing: '{str(g.get('text'))[:80]}'"
        for i, g in enumerate(gold)
        if i not in paired
    )
    return tp, len(mine) - tp, len(gold) - tp


def _agree(name: str, got, want) -> bool:
    if name == "points":
        return same_number(got, want)
    if norm(got) == norm(want):
        return True
    return (
        name in ("lead", "partners", "deadline")
        and norm(got) is not None
        and norm(want) is not None
        and similar(got, want) >= UNIT_AGREEMENT
    )
