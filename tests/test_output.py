"""Outputs others can open: readable as the umask allows, nullable integers, run metadata."""

import os
import stat

import pandas as pd
import pyarrow.parquet as pq

from pipeline import __version__
from pipeline.output import write_tables

ROWS = {
    "scores": [
        {"doc_id": "a", "index": "CCHC", "level": "total", "score": 80.5, "rank": 3, "rank_of": 12},
        {"doc_id": "a", "index": "CCHC", "level": "field", "code": "1", "score": 9.0},
    ]
}


def test_tables_are_readable_as_the_umask_allows(tmp_path):
    old = os.umask(0o022)
    try:
        write_tables(ROWS, tmp_path)
    finally:
        os.umask(old)
    mode = stat.S_IMODE((tmp_path / "scores.parquet").stat().st_mode)
    assert mode == 0o644


def test_integers_that_may_be_missing_read_as_nullable_integers(tmp_path):
    write_tables(ROWS, tmp_path)
    scores = pd.read_parquet(tmp_path / "scores.parquet")
    assert str(scores["rank"].dtype) == "Int32"
    assert scores["rank"].tolist()[0] == 3 and scores["rank"].isna().tolist() == [False, True]
    assert str(pd.read_parquet(tmp_path / "documents.parquet")["pages"].dtype) == "Int32"


def test_each_table_says_the_pipeline_version_and_run_time(tmp_path):
    write_tables(ROWS, tmp_path)
    metadata = pq.read_schema(tmp_path / "tasks.parquet").metadata
    assert metadata[b"cchc_extract_version"].decode() == __version__
    assert metadata[b"run_time"].decode().startswith("20")
