"""A messy district folder: every file ends with the status and reason a user can act on, the
run completes, and the good plans in the same folder are still extracted correctly."""

import pandas as pd
import pytest

from extractors.readers.office import find_soffice
from pipeline.runner import run
from tests.bad_inputs import write_all

EXPECTED = {  # file -> (status, words of the reason)
    "good.docx": ("ok", None),
    "good.pdf": ("ok", None),
    "second/good.docx": ("skipped", "same content as good.docx"),
    "empty.pdf": ("failed", "empty (0 bytes)"),
    "truncated.pdf": ("failed", "damaged PDF"),
    "broken-xref.pdf": ("ok", None),  # PDFium rebuilds a broken cross-reference table
    "encrypted.pdf": ("failed", "encrypted PDF: remove the password"),
    "zero-pages.pdf": ("failed", "no pages"),
    "blank.pdf": ("failed", "OCR found no text"),
    "huge-page.pdf": ("skipped", "not a plan"),
    "not-a-plan.pdf": ("skipped", "not a plan"),
    "legacy-font.pdf": ("ok", None),  # typed in VNI: converted
    "corrupt-ole.doc": ("failed", "a damaged old Office file"),
    "encrypted.docx": ("failed", "password-protected Word file"),
    "zip-bomb.docx": ("failed", "compression ratio"),
    "entity-bomb.docx": ("failed", "declares XML entities"),
    "tracked.docx": ("ok", None),
    "notes.txt": ("skipped", "only Word (DOCX, DOC, RTF, ODT) and PDF"),
    "photo.jpg": ("skipped", "an image"),
}
if find_soffice():  # made only where LibreOffice is (tests/test_legacy_inputs.py says so)
    EXPECTED["renamed-doc.docx"] = ("ok", None)  # a real .doc renamed: read by its content


@pytest.fixture(scope="module")
def messy(tmp_path_factory, samples):
    folder = tmp_path_factory.mktemp("district")
    write_all(folder, samples)
    out = folder.parent / f"{folder.name}-out"
    summary = run(folder, out)
    tables = {n: pd.read_parquet(out / f"{n}.parquet") for n in ("documents", "scores", "tasks")}
    return summary, tables


def test_the_run_completes_with_a_row_for_every_file(messy):
    summary, tables = messy
    documents = tables["documents"]
    assert sorted(documents["source_path"]) == sorted(EXPECTED)
    assert summary.line().startswith(f"{len(EXPECTED)} files:")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_status_and_reason(messy, name):
    documents = messy[1]["documents"].set_index("source_path")
    status, reason = EXPECTED[name]
    row = documents.loc[name]
    assert row["status"] == status, row["error"]
    if reason is None:
        assert pd.isna(row["error"])
    else:
        assert reason in row["error"]


def test_good_files_are_still_extracted_correctly(messy):
    documents, scores = messy[1]["documents"], messy[1]["scores"]
    good = documents.set_index("source_path").loc["good.docx", "doc_id"]
    rows = scores[scores["doc_id"] == good]
    assert len(rows) == 51
    total = rows[rows["level"] == "total"].iloc[0]
    assert (total["score"], total["rank"], total["rank_of"]) == (70.301, 18, 23)
    copy = documents.set_index("source_path").loc["second/good.docx", "doc_id"]
    assert copy == good, "the same bytes have the same id"


def test_content_controls_and_tracked_changes_keep_their_text(messy):
    documents, tasks = messy[1]["documents"], messy[1]["tasks"]
    doc_id = documents.set_index("source_path").loc["tracked.docx", "doc_id"]
    texts = tasks[tasks["doc_id"] == doc_id]["text"].tolist()
    assert texts == ["Rà soát, công bố đầy đủ TTHC.", "Số hóa hồ sơ TTHC."]
