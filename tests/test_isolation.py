"""One file's hang, crash or memory blow-up fails that file only; re-runs parse only what changed;
a run killed at any moment leaves the previous outputs whole, and the next run matches."""

import os
import shutil
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest

from pipeline import runner
from pipeline.runner import Limits, run
from tests.conftest import ROOT

TABLES = ("documents", "scores", "deductions", "tasks", "issues")


@pytest.fixture
def folder(tmp_path, samples):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("hoang-viet-2022", "thanh-xa-2022"):
        shutil.copy(samples / "docx" / f"{name}.docx", folder)
    return folder


def _statuses(out):
    documents = pd.read_parquet(out / "documents.parquet")
    pairs = zip(documents["status"], documents["error"], strict=True)
    return dict(zip(documents["source_path"], pairs, strict=True))


def _misbehave_on(name, action, monkeypatch):
    """Make the reader misbehave on one file (the workers are forked, so they see this)."""
    real = runner._parse

    def parse(path, kind):
        if path.name == name:
            action()
        return real(path, kind)

    monkeypatch.setattr(runner, "_parse", parse)


def test_a_hanging_file_times_out_and_the_others_are_read(folder, tmp_path, monkeypatch):
    _misbehave_on("hoang-viet-2022.docx", lambda: time.sleep(60), monkeypatch)
    started = time.monotonic()
    run(folder, tmp_path / "out", limits=Limits(timeout=2, workers=2))
    assert time.monotonic() - started < 30
    statuses = _statuses(tmp_path / "out")
    assert statuses["hoang-viet-2022.docx"][0] == "failed"
    assert "longer than 2 s" in statuses["hoang-viet-2022.docx"][1]
    assert statuses["thanh-xa-2022.docx"][0] == "ok"


def test_a_crashing_reader_fails_its_file_only(folder, tmp_path, monkeypatch):
    _misbehave_on("hoang-viet-2022.docx", lambda: os.kill(os.getpid(), signal.SIGKILL), monkeypatch)
    run(folder, tmp_path / "out")
    statuses = _statuses(tmp_path / "out")
    assert statuses["hoang-viet-2022.docx"][0] == "failed"
    assert "crashed" in statuses["hoang-viet-2022.docx"][1]
    assert statuses["thanh-xa-2022.docx"][0] == "ok"


def test_the_memory_cap_stops_a_greedy_file(folder, tmp_path, monkeypatch):
    _misbehave_on("hoang-viet-2022.docx", lambda: bytearray(3 * 1024**3), monkeypatch)
    run(folder, tmp_path / "out", limits=Limits(memory_mb=1536))
    statuses = _statuses(tmp_path / "out")
    assert statuses["hoang-viet-2022.docx"][0] == "failed"
    assert "memory" in statuses["hoang-viet-2022.docx"][1]
    assert statuses["thanh-xa-2022.docx"][0] == "ok"


def test_reruns_parse_only_what_changed(folder, tmp_path, samples):
    out = tmp_path / "out"
    first = run(folder, out)
    assert (first.parsed, first.cached) == (2, 0)
    again = run(folder, out)
    assert (again.parsed, again.cached) == (0, 2)
    assert "(parsed 0, from cache 2)" in again.line()
    shutil.copy(samples / "docx" / "son-bao-2024.docx", folder)
    more = run(folder, out)
    assert (more.parsed, more.cached) == (1, 2)
    forced = run(folder, out, force=True)
    assert (forced.parsed, forced.cached) == (3, 0)


def _cli(folder, out, *flags):
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline", "extract", str(folder), "--out", str(out), *flags],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _read(out):
    return {t: pd.read_parquet(out / f"{t}.parquet") for t in TABLES}


def _same(a, b):
    for table in TABLES:
        pd.testing.assert_frame_equal(a[table], b[table])


@pytest.mark.slow
def test_a_killed_run_leaves_whole_outputs_and_the_next_run_matches(tmp_path, samples):
    folder = tmp_path / "in"
    shutil.copytree(samples / "docx", folder)
    shutil.copytree(samples / "pdf", folder / "pdf")
    reference = tmp_path / "reference"
    assert _cli(folder, reference).wait() == 0
    expected = _read(reference)
    out = tmp_path / "out"
    assert _cli(folder, out).wait() == 0
    for delay in (0.2, 0.6, 1.0, 1.5, 2.0, 2.5):
        process = _cli(folder, out, "--force")
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        _same(_read(out), expected)  # every table whole and readable, as before
    assert _cli(folder, out).wait() == 0
    _same(_read(out), expected)


@pytest.mark.slow
def test_an_unchanged_rerun_parses_nothing_within_two_seconds(tmp_path, full_run):
    out = tmp_path / "out"
    shutil.copytree(full_run[1] / ".cache", out / ".cache")  # the scans' OCR, done once
    command = [sys.executable, "-m", "pipeline", "extract", "data/raw", "--out", str(out)]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    started = time.monotonic()
    done = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)
    elapsed = time.monotonic() - started
    assert "(parsed 0, from cache" in done.stdout
    assert elapsed < 2.0, f"unchanged re-run took {elapsed:.2f} s"


def test_no_network_is_used(folder, tmp_path, monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("the pipeline opened a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    run(folder, tmp_path / "out", force=True)
    assert {s for s, _ in _statuses(tmp_path / "out").values()} == {"ok"}
