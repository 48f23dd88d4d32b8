"""How a pipeline run does on a generated suite: F1 per table and form, and per dimension
value, so the variants that fail stand out.

    python -m tests.generalization.report RUN_OUT SUITE/gold SUITE/manifest.json [--worst 12]

Each document is scored alone with pipeline.evaluate (the project's metric), then the tallies
are summed over the plans that drew a value.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.evaluate import Tally, evaluate

TABLES = ("scores", "deductions", "tasks")


@dataclass
class Scored:
    """Tallies of one group of documents: per table, and the document fields right/total."""

    tables: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    fields: list[int] = field(default_factory=lambda: [0, 0])
    plans: set[str] = field(default_factory=set)

    def add(self, other: Scored) -> None:
        for table, t in other.tables.items():
            self.tables[table].add(t.tp, t.fp, t.fn)
        self.fields[0] += other.fields[0]
        self.fields[1] += other.fields[1]
        self.plans |= other.plans

    def f1(self, table: str) -> float | None:
        t = self.tables.get(table)
        return None if t is None or not (t.tp + t.fp + t.fn) else t.f1

    def field_accuracy(self) -> float | None:
        return self.fields[0] / self.fields[1] if self.fields[1] else None

    def mean(self) -> float:
        values = [v for v in (*map(self.f1, TABLES), self.field_accuracy()) if v is not None]
        return sum(values) / len(values) if values else 1.0

    def line(self) -> str:
        cells = [f"{t} {_fmt(self.f1(t))}" for t in TABLES]
        return "  ".join([*cells, f"fields {_fmt(self.field_accuracy())}"])


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def score_documents(run_out: Path, gold_dir: Path) -> dict[tuple[str, str], Scored]:
    """(plan id, form) -> its tallies, each plan scored alone against its own gold."""
    out: dict[tuple[str, str], Scored] = {}
    with tempfile.TemporaryDirectory(prefix="gen-gold-") as scratch:
        for path in sorted(gold_dir.glob("*.json")):
            one = Path(scratch) / path.stem
            one.mkdir()
            shutil.copy(path, one / path.name)
            report = evaluate(run_out, one)
            forms = {form for _, form in report.tables} | set(report.fields)
            for form in forms - {"all"}:
                s = Scored(plans={path.stem})
                for table in TABLES:
                    t = report.tables.get((table, form))
                    if t is not None:
                        s.tables[table].add(t.tp, t.fp, t.fn)
                s.fields = list(report.fields.get(form, [0, 0]))
                out[(path.stem, form)] = s
    return out


def group(
    scored: dict[tuple[str, str], Scored], manifest: dict
) -> tuple[dict[str, Scored], dict[tuple[str, str], dict[str, Scored]]]:
    """Per form; and per (dimension, value) -> per form (and "all")."""
    forms: dict[str, Scored] = defaultdict(Scored)
    dims: dict[tuple[str, str], dict[str, Scored]] = defaultdict(lambda: defaultdict(Scored))
    for (plan, form), s in scored.items():
        entry = manifest.get(plan)
        if entry is None:
            continue
        forms[form].add(s)
        forms["all"].add(s)
        values = {"kind": entry["kind"], **entry["dimensions"]}
        for name, value in values.items():
            dims[(name, value)][form].add(s)
            dims[(name, value)]["all"].add(s)
    return forms, dims


def render(run_out: Path, gold_dir: Path, manifest_path: Path, worst: int = 12) -> str:
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    forms, dims = group(score_documents(run_out, gold_dir), manifest)
    lines = ["F1 per form (documents scored: plans x forms)"]
    for form in sorted(forms, key=lambda f: (f == "all", f)):
        lines.append(f"  {form:<8} {forms[form].line()}")
    lines.append("\nper dimension value (all forms; n = plans)")
    for (name, value), by_form in sorted(dims.items()):
        s = by_form["all"]
        lines.append(f"  {f'{name}={value}':<44} n={len(s.plans):<3} {s.line()}")
    ranked = sorted(dims.items(), key=lambda kv: kv[1]["all"].mean())[:worst]
    lines.append(f"\nworst {worst} dimension values (mean of the three F1 and field accuracy)")
    for (name, value), by_form in ranked:
        per_form = "; ".join(
            f"{form} {by_form[form].mean():.3f}" for form in sorted(by_form) if form != "all"
        )
        lines.append(
            f"  {f'{name}={value}':<44} {by_form['all'].mean():.3f}  ({per_form})\n"
            f"      {by_form['all'].line()}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("run_out", type=Path, help="the pipeline's output folder (Parquet)")
    parser.add_argument("gold", type=Path, help="the suite's gold folder")
    parser.add_argument("manifest", type=Path, help="the suite's manifest.json")
    parser.add_argument("--worst", type=int, default=12)
    args = parser.parse_args(argv)
    print(render(args.run_out, args.gold, args.manifest, args.worst))


if __name__ == "__main__":
    main()
