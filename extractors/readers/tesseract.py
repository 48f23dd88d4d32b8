"""Tesseract, called directly: a page image in (its real dpi told), words out
with their boxes, their line's box and their confidence (Tesseract's TSV).

Tesseract must be told the dpi: an image without one is taken as 70 dpi and whole columns of
small digits come back empty. Each call runs single-threaded (pages run side by side instead).
"""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

LANGUAGE = "vie"
PAGE, BLOCK = 3, 6  # page segmentation modes
OSD_CONFIDENCE = 2.0  # OSD's confidence below which its answer is not taken
_OSD = re.compile(r"Rotate: (\d+)\s+Orientation confidence: ([\d.]+)")
_ENV = {**os.environ, "OMP_THREAD_LIMIT": "1"}
_WORD_LEVEL, _LINE_LEVEL = 5, 4


class TesseractError(RuntimeError):
    pass


@dataclass(frozen=True)
class OcrWord:
    text: str
    box: tuple[int, int, int, int]  # x0, top, x1, bottom in pixels
    line_box: tuple[int, int, int, int]  # the box of the line the word is on
    line: tuple[int, int, int]  # (block, paragraph, line) numbers: the words of one line
    confidence: float  # 0..100


def read_words(tones: np.ndarray, dpi: float, layout: int = PAGE) -> list[OcrWord]:
    """The words Tesseract reads on a grey image, in its reading order; layout: Tesseract's
    page segmentation mode (PAGE finds columns and blocks, BLOCK reads one block of lines)."""
    rows = _tsv(_run(tones, dpi, ["--psm", str(layout), "-l", LANGUAGE, "tsv"]))
    lines = {_key(row): _box(row) for row in rows if int(row["level"]) == _LINE_LEVEL}
    return [
        OcrWord(row["text"], _box(row), lines[_key(row)], _key(row), float(row["conf"]))
        for row in rows
        if int(row["level"]) == _WORD_LEVEL and row["text"].strip()
    ]


def orientation(tones: np.ndarray, dpi: float) -> int:
    """Degrees clockwise that turn the page upright, by Tesseract's orientation detection;
    0 when it is unsure."""
    try:
        output = _run(tones, dpi, ["--psm", "0", "-l", "osd"])
    except TesseractError:  # too little text to tell
        return 0
    found = _OSD.search(output)
    if found is None or float(found[2]) < OSD_CONFIDENCE:
        return 0
    return int(found[1])


def mean_confidence(words: list[OcrWord]) -> float:
    return float(np.mean([w.confidence for w in words])) if words else 0.0


def _run(tones: np.ndarray, dpi: float, arguments: list[str]) -> str:
    # an uncompressed BMP file: written in milliseconds and read fastest (Tesseract reads an
    # image on stdin a tenth of a second slower per page)
    with tempfile.TemporaryDirectory(prefix="cchc-ocr-") as folder:
        image = str(Path(folder) / "page.bmp")
        cv2.imwrite(image, tones)
        command = ["tesseract", image, "stdout", "--dpi", str(round(dpi)), *arguments]
        result = subprocess.run(command, capture_output=True, env=_ENV)
    if result.returncode != 0:
        message = result.stderr.decode(errors="replace").strip().splitlines()
        raise TesseractError(message[-1] if message else f"tesseract exited {result.returncode}")
    return result.stdout.decode("utf-8", errors="replace")


def _tsv(output: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(output), delimiter="\t", quoting=csv.QUOTE_NONE))


def _key(row: dict[str, str]) -> tuple[int, int, int]:
    return int(row["block_num"]), int(row["par_num"]), int(row["line_num"])


def _box(row: dict[str, str]) -> tuple[int, int, int, int]:
    left, top = int(row["left"]), int(row["top"])
    return left, top, left + int(row["width"]), top + int(row["height"])
