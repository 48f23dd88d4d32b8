"""An unchanged re-run writes nothing and loads none of the heavy modules; any change to the
files, the overrides, the day or the outputs themselves makes the run write its outputs again."""

import subprocess
import sys
from datetime import date

import pytest

from pipeline import runner
from pipeline.runner import DEFAULT_OVERRIDES, run
from tests.conftest import ROOT
from tests.docx_factory import build

PLAN = ["KẾ HOẠCH", "Khắc phục hạn chế năm 2024 của xã {}", "1. Cải cách thủ tục hành chính"]
HEAVY = ("pdfplumber", "cv2", "underthesea", "pandas", "pyarrow", "matplotlib", "jinja2", "docx")


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("An", "Binh"):
        build(folder / f"{name}.docx", [line.format(name) for line in PLAN])
    return folder


def _outputs(out):
    """Each output file's modification time."""
    return {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.is_file()}


def test_an_unchanged_rerun_writes_nothing_and_reports_the_same(folder, tmp_path):
    out = tmp_path / "out"
    first = run(folder, out)
    written = _outputs(out)
    assert {"documents.parquet", "review.csv", "report.html"} <= set(written)
    again = run(folder, out)
    assert _outputs(out) == written
    assert (again.parsed, again.cached) == (0, 2)
    assert [(r.source_path, r.status, r.error) for r in again.results] == [
        (r.source_path, r.status, r.error) for r in first.results
    ]


@pytest.mark.parametrize("change", ["new file", "removed output", "overrides", "next day"])
def test_a_change_writes_the_outputs_again(folder, tmp_path, monkeypatch, change):
    out = tmp_path / "out"
    overrides = tmp_path / "overrides.csv"
    overrides.write_text("province,year,name,code\n", encoding="utf-8")
    run(folder, out, overrides=overrides)
    if change == "new file":
        build(folder / "Cuong.docx", [line.format("Cuong") for line in PLAN])
    elif change == "removed output":
        (out / "tasks.parquet").unlink()
    elif change == "overrides":
        overrides.write_text("province,year,name,code\n,2024,Niêm yết,1.1\n", encoding="utf-8")
    else:

        class Tomorrow(date):
            @classmethod
            def today(cls):
                return date(2099, 1, 1)

        monkeypatch.setattr(runner, "date", Tomorrow)
    written = _outputs(out)
    run(folder, out, overrides=overrides)
    assert (out / "tasks.parquet").exists()
    assert _outputs(out)["documents.parquet"] != written.get("documents.parquet")


def test_a_report_that_could_not_be_drawn_is_tried_again(folder, tmp_path, monkeypatch):
    def broken(out, folder):
        raise ValueError("no tables")

    out = tmp_path / "out"
    with monkeypatch.context() as patch:
        patch.setattr("pipeline.report.write_report", broken)
        run(folder, out)
    assert not (out / "report.html").exists()
    run(folder, out)
    assert (out / "report.html").exists()


def test_an_unchanged_rerun_loads_no_reader_extractor_or_writer(folder, tmp_path):
    out = tmp_path / "out"
    run(folder, out)
    probe = (
        "import sys; from pathlib import Path; from pipeline.runner import run; "
        f"run(Path({str(folder)!r}), Path({str(out)!r})); "
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_the_default_overrides_are_the_data_folders():
    from extractors.plan.lexicon import DATA_DIR

    assert DEFAULT_OVERRIDES == DATA_DIR / "overrides.csv"
