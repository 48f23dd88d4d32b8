"""PDFs the scan path must read like their clean twins, made from the samples by
tests/scan_factory.py: a scan whose pages carry /Rotate 90, a scan turned 180 degrees in its
pixels, a born-digital plan whose fonts lost their ToUnicode maps, and a born-digital plan whose
signed last page is an image. Also: no OCR reading of a cell, however damaged, fails a plan."""

from __future__ import annotations

import random
import re
import shutil

import pandas as pd
import pypdfium2
import pytest

from extractors.model import Table
from extractors.plan import extract_plan
from extractors.readers.pdf import (
    NO_UNICODE,
    NO_VIETNAMESE,
    SCANNED,
    probe_pdf,
    read_pdf,
    text_problem,
)
from pipeline.evaluate import DOCUMENT_FIELDS, TEXT_PAIRING, similar
from pipeline.runner import run
from pipeline.validate import validate
from tests import scan_factory

SCORE_COLUMNS = ["index", "level", "code", "max_points", "score", "deducted"]
INFO_COLUMNS = list(DOCUMENT_FIELDS)


def _pages(path) -> int:
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


@pytest.fixture(scope="module")
def twin(samples):
    """The sample with the shortest scan: its scan and its born-digital PDF."""
    scan = min((samples / "scan").glob("*.scan.pdf"), key=_pages)
    return scan, samples / "pdf" / scan.name.replace(".scan.pdf", ".pdf")


def test_pages_to_read_by_ocr_are_told_by_their_text_layer(twin, samples, tmp_path):
    scan, pdf = twin
    last = _pages(pdf)
    hybrid = scan_factory.with_image_pages(pdf, tmp_path / "hybrid.pdf", [last])
    garbled = scan_factory.without_tounicode(pdf, tmp_path / "garbled.pdf")
    assert probe_pdf(scan) == (last, dict.fromkeys(range(1, last + 1), SCANNED))
    assert probe_pdf(hybrid) == (last, {last: SCANNED})
    assert probe_pdf(garbled) == (last, dict.fromkeys(range(1, last + 1), NO_UNICODE))
    for path in (samples / "pdf").glob("*.pdf"):
        assert probe_pdf(path)[1] == {}, path.name


def test_text_without_vietnamese_words_is_unreadable():
    assert text_problem("Qbsd fmr tnoz kvuy hplw " * 10) == NO_VIETNAMESE
    assert text_problem("Kế hoạch khắc phục hạn chế, nâng cao Chỉ số CCHC " * 5) is None
    # TCVN3 text (".VnTime") is Vietnamese once converted: its own reader converts it
    assert text_problem("KÕ ho¹ch kh¾c phôc h¹n chÕ, n©ng cao ChØ sè " * 5) is None


# ---- OCR'd values: never a failed plan -------------------------------------------------------

_DAMAGE = (
    lambda s: s.replace(",", ".") + ".81",  # '0,53' -> '0.53.81'
    lambda s: s.replace(",", ", "),  # a space after the decimal comma
    lambda s: s.replace(".", "").replace(",", ""),  # dots dropped
    lambda s: s.replace("0", "O").replace("1", "l"),  # letters for digits
    lambda s: s + "/" + s,
    lambda s: "-" + s + "-",
    lambda s: s.replace("/", "1"),  # '4,75/5' -> '4,7515'
)


def _damaged(document, seed: int):
    chance = random.Random(seed)
    for block in document.blocks:
        if isinstance(block, Table):
            for cell in block.cells:
                cell.paragraphs = [
                    re.sub(r"\d[\d.,/]*", lambda m: chance.choice(_DAMAGE)(m.group()), p)
                    for p in cell.paragraphs
                ]
    return document


@pytest.mark.parametrize("seed", range(3))
def test_damaged_numbers_in_cells_never_fail_a_plan(samples, seed):
    for path in sorted((samples / "pdf").glob("*.pdf")):
        extraction = extract_plan(_damaged(read_pdf(path), seed))
        validate(extraction)  # raises nothing either


# ---- turned, half-scanned and garbled PDFs: read like their twins ----------------------------


@pytest.fixture(scope="module")
def variants(twin, tmp_path_factory):
    scan, pdf = twin
    folder = tmp_path_factory.mktemp("variants")
    made = {
        "scan": shutil.copy(scan, folder / "scan.pdf"),
        "pdf": shutil.copy(pdf, folder / "pdf.pdf"),
        "flag-rotated": scan_factory.flag_rotated(scan, folder / "flag-rotated.pdf", 90),
        "pixels-rotated": scan_factory.pixels_rotated(scan, folder / "pixels-rotated.pdf", 180),
        "garbled": scan_factory.without_tounicode(pdf, folder / "garbled.pdf"),
        "hybrid": scan_factory.with_image_pages(pdf, folder / "hybrid.pdf", [_pages(pdf)]),
    }
    out = tmp_path_factory.mktemp("variants-out")
    run(folder, out)
    documents = pd.read_parquet(out / "documents.parquet")
    ids = {name: documents.loc[documents.source_path == p.name, "doc_id"].item()
           for name, p in made.items()}  # fmt: skip
    return out, documents.set_index("doc_id"), ids


def _rows(out, table: str, doc_id: str) -> pd.DataFrame:
    rows = pd.read_parquet(out / f"{table}.parquet")
    return rows[rows.doc_id == doc_id]


def _as_text(rows: pd.DataFrame) -> list[tuple[str, ...]]:
    """Rows as text, a missing value as 'None' / 'nan' (sortable with the rest)."""
    return [tuple(map(str, row)) for row in rows.itertuples(index=False)]


def _assert_reads_like(variants, name: str, twin: str) -> None:
    out, documents, ids = variants
    mine, theirs = ids[name], ids[twin]
    assert documents.loc[mine, "status"] == "ok", documents.loc[mine, "error"]
    info = documents[INFO_COLUMNS].astype(str)
    assert info.loc[mine].tolist() == info.loc[theirs].tolist()
    scores = [set(_as_text(_rows(out, "scores", d)[SCORE_COLUMNS])) for d in (mine, theirs)]
    assert scores[0] == scores[1]
    for table, key in (("deductions", ["code", "points"]), ("tasks", ["field", "deadline"])):
        got, want = (_rows(out, table, d) for d in (mine, theirs))
        assert sorted(_as_text(got[key])) == sorted(_as_text(want[key])), table
        unpaired = [
            t for t in want.text if max((similar(g, t) for g in got.text), default=0) < TEXT_PAIRING
        ]
        assert not unpaired, (table, unpaired)


@pytest.mark.slow
@pytest.mark.parametrize(
    "name, clean, file_format",
    [
        ("flag-rotated", "scan", "pdf_scanned"),
        ("pixels-rotated", "scan", "pdf_scanned"),
        ("garbled", "pdf", "pdf_scanned"),
        ("hybrid", "pdf", "pdf_mixed"),
    ],
)
def test_a_variant_reads_like_its_twin(variants, name, clean, file_format):
    _assert_reads_like(variants, name, clean)
    assert variants[1].loc[variants[2][name], "file_format"] == file_format


@pytest.mark.slow
def test_the_signer_on_a_scanned_last_page_is_read(variants):
    _, documents, ids = variants
    signer = documents.loc[ids["pdf"], "signer"]
    assert signer and documents.loc[ids["hybrid"], "signer"] == signer


@pytest.mark.slow
def test_pages_read_by_ocr_in_a_born_digital_pdf_are_reported(variants):
    out, _, ids = variants
    issues = pd.read_parquet(out / "issues.parquet")
    said = issues[issues.check == "read_by_ocr"]
    assert said.doc_id.value_counts().to_dict() == {ids["garbled"]: 1, ids["hybrid"]: 1}
    assert (said.severity == "info").all()
