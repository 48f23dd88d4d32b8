"""Results kept by content hash, valid for one version of the rules.

A file whose bytes and whose rules (the pipeline's code and data files) did not change since
the last run is not parsed again. Entries are written atomically; an unreadable one is a miss.
"""

from __future__ import annotations

import hashlib
import pickle
from functools import cache
from pathlib import Path

from pipeline import __version__
from pipeline.atomic import replacing

ROOT = Path(__file__).resolve().parents[1]
RULES = ("pipeline", "extractors", "normalizers", "data/lexicon", "data/catalogs", "data/encodings")


@cache
def fingerprint() -> str:
    """A hash of everything that decides what a file yields."""
    digest = hashlib.sha256(__version__.encode())
    for folder in RULES:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and path.suffix in (".py", ".csv"):
                digest.update(path.relative_to(ROOT).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


class ResultCache:
    def __init__(self, folder: Path, enabled: bool = True):
        self.folder = folder
        self.enabled = enabled

    def _path(self, sha256: str) -> Path:
        return self.folder / f"{sha256}.pkl"

    def get(self, sha256: str):
        if not self.enabled:
            return None
        try:
            with open(self._path(sha256), "rb") as handle:
                rules, value = pickle.load(handle)
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, AttributeError):
            return None
        return value if rules == fingerprint() else None

    def put(self, sha256: str, value) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        with replacing(self._path(sha256)) as temporary, open(temporary, "wb") as out:
            pickle.dump((fingerprint(), value), out)
