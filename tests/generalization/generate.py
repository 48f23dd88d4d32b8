"""A suite of generated plans: each plan's blocks written as DOCX (and HTML), its gold, and
the manifest of the dimension values it drew. Deterministic for a seed."""

from __future__ import annotations

import json
import random
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from . import convert, dimensions, facts, render_docx, render_html, scan
from .blocks import Block
from .gold import Gold
from .kinds import cchc_papi, criteria, narrative, report, task_appendix
from .writer import Writer

FORMS = ("docx", "pdf", "browser")
# a scan is slow to read (OCR): written only when asked for
ALL_FORMS = (*FORMS, "scan")
WRITERS: dict[str, Callable[[Writer], None]] = {
    "criteria": criteria.write,
    "narrative": narrative.write,
    "report": report.write,
    "cchc_papi": cchc_papi.write,
    "task_appendix": task_appendix.write,
}


@dataclass
class Plan:
    id: str
    kind: str
    dims: dict[str, str]
    blocks: list[Block]
    gold: Gold


def plans(count: int, seed: int) -> list[Plan]:
    """`count` plans, the kinds in turn; each plan's draws depend only on (seed, its number)
    and the names taken before it."""
    taken: set[str] = set()
    out = []
    for n in range(count):
        rng = random.Random(f"{seed}:{n}")
        kind = dimensions.KINDS[n % len(dimensions.KINDS)]
        dims = dimensions.draw(rng, kind)
        plan_facts = facts.draw(rng, kind, dims, taken)
        dims["catalog"] = "ha-tinh_2024" if plan_facts.uses_catalog else "none"
        writer = Writer(rng, plan_facts, dims)
        WRITERS[kind](writer)
        out.append(Plan(f"p{n + 1:03d}-{kind}", kind, dims, writer.blocks, writer.gold))
    return out


def write_suite(out: Path, count: int = 48, seed: int = 1, forms=FORMS) -> list[Plan]:
    started = time.monotonic()
    unknown = set(forms) - set(ALL_FORMS)
    if unknown:
        raise ValueError(f"unknown forms {sorted(unknown)}: choose from {ALL_FORMS}")
    suite = plans(count, seed)
    looks = {p.id: scan.draw_look(seed, p.id) for p in suite} if "scan" in forms else {}
    out.mkdir(parents=True, exist_ok=True)
    (out / "gold").mkdir(exist_ok=True)
    manifest = {
        p.id: {"kind": p.kind, "dimensions": {**p.dims, **_scan_dimensions(looks.get(p.id))}}
        for p in suite
    }
    (out / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    for p in suite:
        (out / "gold" / f"{p.id}.json").write_text(
            json.dumps(p.gold.as_json(p.id), ensure_ascii=False, indent=1), encoding="utf-8"
        )
    with tempfile.TemporaryDirectory(prefix="gen-plans-") as scratch:
        scratch = Path(scratch)
        docx_dir = out / "docx" if "docx" in forms else scratch / "docx"
        docx_dir.mkdir(parents=True, exist_ok=True)
        docx_files = [render_docx.write(p.blocks, docx_dir / f"{p.id}.docx") for p in suite]
        jobs = []
        pdf_dir = out / "pdf" if "pdf" in forms else scratch / "pdf"  # scans are made from it
        if "pdf" in forms or looks:
            jobs.append(lambda: convert.docx_to_pdf(docx_files, pdf_dir))
        if "browser" in forms:
            pairs = [
                (render_html.write(p.blocks, scratch / f"{p.id}.html"),
                 out / "browser" / f"{p.id}.browser.pdf")
                for p in suite
            ]  # fmt: skip
            jobs.append(lambda: convert.html_to_pdf(pairs))
        with ThreadPoolExecutor(max_workers=2) as pool:
            for future in [pool.submit(job) for job in jobs]:
                future.result()
        if looks:
            documents = {p.id: p.gold.document for p in suite}
            scan.write_scans(pdf_dir, out / "scan", looks, documents)
    print(f"{count} plans x {len(forms)} forms in {time.monotonic() - started:.1f} s -> {out}")
    return suite


def _scan_dimensions(look: scan.Look | None) -> dict[str, str]:
    return {} if look is None else scan.dimensions(look)
