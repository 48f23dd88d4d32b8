"""Validation on the samples: the known real inconsistencies are reported, agreeing rows are not."""

import pandas as pd
import pytest

from extractors.model import DocumentInfo, Extraction, Score
from pipeline.validate import validate

KNOWN = {  # what the documents themselves get wrong, as an analyst reads them
    "cam-duong-2024": {
        ("score_arithmetic", "3.3.1"),  # 2 - 1.937 != 0.027
        ("criteria_vs_field", "1"),  # 4.493 vs 4.495
        ("criteria_vs_field", "3"),  # 4.365 vs 4.401
        ("criteria_vs_field", "7"),  # the 7b rows add up to 3.0, not 3.25
        ("criteria_vs_field", "7b"),
        ("narrative_vs_section", "1"),
        ("narrative_vs_section", "3"),
        ("narrative_vs_section", "7b"),  # section 1.2.6.2: items 3.5 vs 3.25
        ("recovered_value", "3.5.2"),  # "-05 điểm" read as 0.5
    },
    "thanh-xa-2022": {
        ("fields_vs_group", "1-7"),  # 64.43 vs 64,42
        ("unit_successor", "10861"),  # merged into xã Thanh Tân (tests/test_gazetteer.py)
    },
    "nhu-quynh-2024": {("fields_vs_total", None)},  # 82.35 vs 83.60
    "hoang-viet-2022": set(),
    "son-bao-2024": set(),
}


@pytest.fixture(scope="module")
def findings(quick_run):
    out = quick_run[1]
    issues = pd.read_parquet(out / "issues.parquet")
    documents = pd.read_parquet(out / "documents.parquet")
    merged = issues.merge(documents[["doc_id", "source_path"]], on="doc_id")
    return merged


@pytest.mark.parametrize("plan", sorted(KNOWN))
def test_known_inconsistencies_and_nothing_else(findings, plan):
    mine = findings[findings["source_path"] == f"docx/{plan}.docx"]
    got = {
        (c, None if pd.isna(code) else code)
        for c, code in zip(mine["check"], mine["code"], strict=True)
    }
    assert got == KNOWN[plan], mine["message"].tolist()


def test_findings_say_the_numbers(findings):
    message = findings[findings["check"] == "score_arithmetic"]["message"].iloc[0]
    assert "2" in message and "1.937" in message and "0.027" in message


def test_findings_never_change_the_printed_numbers():
    row = Score("CCHC", "criterion", "3.3.1", max_points=2, score=1.937, deducted=0.027)
    extraction = Extraction(DocumentInfo(index_year=2024), scores=[row])
    assert [f.check for f in validate(extraction)] == ["score_arithmetic"]
    assert (row.max_points, row.score, row.deducted) == (2, 1.937, 0.027)


def test_rank_and_year_checks():
    total = Score("CCHC", "total", None, rank=25, rank_of=23)
    checks = {f.check for f in validate(Extraction(DocumentInfo(index_year=1990), scores=[total]))}
    assert checks == {"rank_range", "implausible_year"}


def test_a_part_worth_more_than_the_whole_index_is_implausible():
    total = Score("CCHC", "total", None, max_points=95.25, score=80, deducted=15.25)
    glued = Score("CCHC", "field", "8", max_points=1159525, score=9, deducted=2.5)
    overdrawn = Score("CCHC", "criterion", "1.1", max_points=1, score=0.5, deducted=1.5)
    fine = Score("CCHC", "criterion", "1.2", max_points=1, score=0.5, deducted=0.5)
    extraction = Extraction(DocumentInfo(index_year=2024), scores=[total, glued, overdrawn, fine])
    implausible = [f for f in validate(extraction) if f.check == "implausible_value"]
    assert [f.code for f in implausible] == ["8", "1.1"]
    assert "1159525" in implausible[0].message and "95.25" in implausible[0].message
