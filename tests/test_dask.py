"""The Dask executor reads a folder into the same tables as the local pool: each file under the
same timeout and memory cap, and a file that kills its Dask worker is retried on another, then
`failed`, the rest intact. A LocalCluster of two worker processes, on loopback only."""

import os
import shutil
import signal
import time

import pandas as pd
import pytest

from pipeline import runner
from pipeline.executors import DaskExecutor, parse_with_limits
from pipeline.runner import Limits, run

dask = pytest.importorskip("dask")  # the optional extra: pip install '.[dask]'

TABLES = ("documents", "scores", "deductions", "tasks", "issues")
LIMITS = Limits(timeout=5, memory_mb=2048, workers=2)


@pytest.fixture
def folder(tmp_path, samples):
    """The DOCX samples, and three PDFs whose reader is made to misbehave (misbehaving())."""
    folder = tmp_path / "in"
    shutil.copytree(samples / "docx", folder)
    bad = {"hang": "hoang-viet-2022", "greedy": "son-bao-2024", "killer": "thanh-xa-2022"}
    for name, sample in bad.items():
        shutil.copy(samples / "pdf" / f"{sample}.pdf", folder / f"{name}.pdf")
    return folder


def misbehaving(kill):
    """runner._parse, made to hang, to blow its memory cap or to call kill() on one file each."""
    real = runner._parse

    def parse(path, kind):
        if path.name == "hang.pdf":
            time.sleep(60)
        if path.name == "greedy.pdf":
            bytearray(3 * 1024**3)
        if path.name == "killer.pdf":
            kill()
        return real(path, kind)

    return parse


def dask_setup(worker):
    """Run by each Dask worker as it starts (a preload): its reader, forked for each file,
    misbehaves, and the killer kills the worker it was forked from."""
    runner._parse = misbehaving(lambda: os.kill(os.getppid(), signal.SIGKILL))


def _read(out):
    return {t: pd.read_parquet(out / f"{t}.parquet") for t in TABLES}


def test_dask_reads_the_same_tables_and_a_killed_worker_fails_its_file_only(
    folder, tmp_path, monkeypatch
):
    monkeypatch.setattr(runner, "_parse", misbehaving(lambda: os.kill(os.getpid(), signal.SIGKILL)))
    run(folder, tmp_path / "local", limits=LIMITS)
    with dask.config.set({"distributed.worker.preload": [__name__]}):
        started = time.monotonic()
        run(folder, tmp_path / "dask", limits=LIMITS, executor=DaskExecutor(workers=2))
    assert time.monotonic() - started < 60

    local, on_dask = _read(tmp_path / "local"), _read(tmp_path / "dask")
    documents = on_dask["documents"].set_index("source_path")
    assert documents.loc["killer.pdf", "status"] == "failed"
    assert "a Dask worker died reading this file" in documents.loc["killer.pdf", "error"]
    assert "longer than 5 s" in documents.loc["hang.pdf", "error"]
    assert "memory" in documents.loc["greedy.pdf", "error"]
    assert set(documents.drop(index=["hang.pdf", "greedy.pdf", "killer.pdf"])["status"]) == {"ok"}

    killer = local["documents"]["source_path"] == "killer.pdf"
    assert local["documents"].loc[killer, "error"].str.contains("crashed").all()
    for tables in (local, on_dask):  # the one difference: how the killer's reader died
        tables["documents"].loc[killer, "error"] = None
    for table in TABLES:
        pd.testing.assert_frame_equal(local[table], on_dask[table])


def test_a_file_a_worker_does_not_see_is_failed_for_this_run_only(tmp_path):
    parsed = parse_with_limits(str(tmp_path / "elsewhere.docx"), "docx", 5, 2048)
    assert parsed.status == "failed" and parsed.transient  # not cached: read once mounted
    assert "shared path" in parsed.error
