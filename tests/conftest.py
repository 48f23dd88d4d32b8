import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "raw" / "samples"
GOLD = ROOT / "tests" / "gold"


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def gold() -> Path:
    return GOLD


@pytest.fixture(scope="session")
def quick_run(tmp_path_factory):
    """The DOCX and PDF samples, run once for the session."""
    from pipeline.runner import run

    folder = tmp_path_factory.mktemp("quick-in")
    for form in ("docx", "pdf"):
        shutil.copytree(SAMPLES / form, folder / form)
    out = tmp_path_factory.mktemp("quick-out")
    return run(folder, out), out


@pytest.fixture(scope="session")
def full_run(tmp_path_factory):
    """Every sample, scans (OCR) included, run once for the session: slow tests only."""
    from pipeline.runner import run

    out = tmp_path_factory.mktemp("full-out")
    return run(SAMPLES, out), out
