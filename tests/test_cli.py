import subprocess
import sys

import pandas as pd
import pyarrow.parquet as pq

from pipeline.output import SCHEMAS
from tests.conftest import ROOT
from tests.docx_factory import build


def extract(folder, out):
    return subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", str(folder), "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


def test_a_messy_folder_gives_a_row_per_file_and_a_summary(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    build(
        folder / "sub" / "plan.docx",
        [
            "KẾ HOẠCH",
            "Khắc phục hạn chế năm 2024 của xã Tân An",
            "II. NHIỆM VỤ, GIẢI PHÁP",
            "1. Cải cách thủ tục hành chính",
            "a) Kết quả: đạt 16,5/18 điểm (-1,5 điểm).",
            "b) Giải pháp:",
            "- Niêm yết đầy đủ các thủ tục hành chính.",
            "c) Giao công chức Văn phòng chủ trì thực hiện.",
        ],
    )
    (folder / "notes.txt").write_text("ghi chú", encoding="utf-8")
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    (folder / "old.docx").write_bytes(ole + "WordDocument".encode("utf-16-le") + b"\0" * 100)
    out = tmp_path / "out"
    done = extract(folder, out)
    assert done.returncode == 0, done.stderr
    summary = done.stdout.strip().splitlines()[-1]
    assert summary.startswith("4 files: 1 ok, 0 partial, 2 failed, 1 skipped")
    for name, schema in SCHEMAS.items():
        assert pq.read_schema(out / f"{name}.parquet").names == schema.names
    documents = pd.read_parquet(out / "documents.parquet").set_index("source_path")
    assert documents.loc["old.docx", "error"].startswith("a damaged old Office file")
    assert documents.loc["broken.docx", "status"] == "failed"
    assert documents.loc["notes.txt", "status"] == "skipped"
    plan = documents.loc["sub/plan.docx"]
    assert (plan["status"], plan["unit_name"], plan["index_year"]) == ("ok", "Tân An", 2024)
    scores = pd.read_parquet(out / "scores.parquet")
    field = scores[scores["level"] == "field"].iloc[0]
    values = (field["code"], field["max_points"], field["score"], field["deducted"])
    assert values == ("3", 18, 16.5, 1.5)
    tasks = pd.read_parquet(out / "tasks.parquet")
    assert tasks["lead"].tolist() == ["công chức Văn phòng"]


def test_help_lists_the_commands():
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "--help"], capture_output=True, text=True, cwd=ROOT
    )
    assert "extract" in done.stdout and "eval" in done.stdout


def test_a_log_gets_a_line_per_file_read_and_none_for_cached_ones(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b"):
        build(folder / f"{name}.docx", ["KẾ HOẠCH", f"Khắc phục hạn chế năm 2024 của xã {name}"])
    first = extract(folder, tmp_path / "out")  # stderr is a pipe here, as in CI or cron
    lines = [line for line in first.stderr.splitlines() if line.startswith("[")]
    assert [line.split()[0] for line in lines] == ["[1/2]", "[2/2]"]
    assert all(" s  " in line and "left)" in line for line in lines), lines
    again = extract(folder, tmp_path / "out")
    assert not [line for line in again.stderr.splitlines() if line.startswith("[")]
