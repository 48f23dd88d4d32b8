"""Golden regression: the pipeline on the sample plans, scored against the gold labels."""

import shutil

import pandas as pd
import pytest

from pipeline.evaluate import evaluate
from pipeline.runner import run

BAR = {"scores": 0.98, "deductions": 0.95, "tasks": 0.90, "fields": 0.95}
# scans: issue 9's targets for the sample scans (measured 0.959, 0.976, 0.980, 0.95)
SCAN_FLOOR = {"scores": 0.95, "deductions": 0.90, "tasks": 0.90, "fields": 0.95}


def _check(out, gold, form, floors):
    report = evaluate(out, gold)
    measured = {t: report.f1(t, form) for t in ("scores", "deductions", "tasks")}
    measured["fields"] = report.field_accuracy(form)
    print(report.render(misses=200))
    below = {k: round(v, 3) for k, v in measured.items() if v < floors[k]}
    assert not below, f"{form}: below the floor: {below}"


@pytest.mark.parametrize("form", ["docx", "pdf"])
def test_form_meets_its_floors(quick_run, gold, form):
    _check(quick_run[1], gold, form, BAR)


@pytest.mark.slow
def test_scans_meet_their_floor(full_run, gold):
    _check(full_run[1], gold, "scan", SCAN_FLOOR)


def test_pdf_rows_say_their_page(quick_run):
    _, out = quick_run
    documents = pd.read_parquet(out / "documents.parquet")
    pdfs = documents[documents["file_format"] == "pdf"]["doc_id"]
    for table in ("scores", "deductions", "tasks"):
        rows = pd.read_parquet(out / f"{table}.parquet")
        rows = rows[rows["doc_id"].isin(pdfs)]
        assert len(rows) and rows["page"].notna().all(), table
    assert (documents.loc[documents["file_format"] == "pdf", "pages"] > 0).all()


@pytest.mark.slow
def test_every_sample_file_has_a_documents_row(full_run, samples):
    _, out = full_run
    documents = pd.read_parquet(out / "documents.parquet")
    files = {p.relative_to(samples).as_posix() for p in samples.rglob("*") if p.is_file()}
    assert set(documents["source_path"]) == files
    assert documents["doc_id"].is_unique
    assert set(documents["status"]) == {"ok"}, documents[["source_path", "error"]]
    scans = documents[documents["source_path"].str.startswith("scan/")]
    assert set(scans["file_format"]) == {"pdf_scanned"}


def test_the_run_reads_documents_not_file_names(tmp_path, samples, quick_run):
    """Renamed copies must give the same records: rules read the document, not its name."""
    for i, path in enumerate(sorted((samples / "docx").glob("*.docx"))):
        shutil.copy(path, tmp_path / f"plan-{i}.docx")
    out = tmp_path / "out"
    run(tmp_path, out)
    renamed = pd.read_parquet(out / "scores.parquet")
    documents = pd.read_parquet(quick_run[1] / "documents.parquet")
    docx = documents[documents["file_format"] == "docx"]["doc_id"]
    original = pd.read_parquet(quick_run[1] / "scores.parquet")
    assert len(renamed) == len(original[original["doc_id"].isin(docx)]) > 0
