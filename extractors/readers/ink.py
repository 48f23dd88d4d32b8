"""A page image cleaned for OCR: small pure functions on numpy arrays, chained by readers.scan.

  colour -> grey with the seal's ink dropped by its hue (red and blue ink is chroma, the
  printed text is not) -> straightened (the skew that makes text lines sharpest) -> light
  marks whitened (a per-page cut between the ink and the lighter tones: a grey seal, speckle,
  the halo around the letters).
OCR reads the cleaned page better than the raw scan: a halo merges "64,42" into "64, 42" and
drops the dots of codes, and a seal over a digit turns it into another.
"""

from __future__ import annotations

import math

import cv2
import numpy as np

# a pixel whose channels differ by this much is coloured ink (a seal, a signature in blue),
# never the black print under it
CHROMA = 45
FRINGE = 5  # pixels around a seal's ink that may be its blended edge
PRINT = 140  # print is darker than this where it crosses a seal
MAX_SKEW = 2.0  # degrees either way a page is looked at for skew
SKEW_STEPS = (0.1, 0.02)  # degrees: a coarse search, then a fine one around its best
MIN_SKEW = 0.05  # degrees below which a page is left as it is
INK = 160  # darker than this is ink when measuring skew
# the paper's tone is the commonest one above this
PAPER_FLOOR = 128
# tones within this of the paper's are paper
PAPER_MARGIN = 45
SEAL_TONES = 110  # a grey seal's mode is lighter than this (black print, coloured seal)
SEAL_MODE = 2.0  # a seal's mode stands this many times above the valleys either side of it
SMOOTHING = 9  # tones a histogram is averaged over before its modes are looked for
MIN_CUT = 90


def grey(pixels: np.ndarray) -> np.ndarray:
    """An image as grey tones, coloured ink turned to paper."""
    if pixels.ndim == 2:
        return pixels
    channels = pixels.astype(np.int16)
    seal = (channels.max(axis=2) - channels.min(axis=2)) > CHROMA
    tones = cv2.cvtColor(pixels, cv2.COLOR_RGB2GRAY)
    # the seal's edges are blended with the paper (and JPEG blurs its colour): around its ink,
    # what is lighter than print goes too
    fringe = cv2.dilate(seal.astype(np.uint8), np.ones((FRINGE, FRINGE), np.uint8)).view(bool)
    tones[seal | (fringe & (tones > PRINT))] = 255
    return tones


def skew(tones: np.ndarray) -> float:
    """Degrees counter-clockwise the page's text lines lean: the angle whose row profile of
    ink is sharpest (text lines and rules pile up in few rows when level)."""
    # every 2nd row and 4th column: the angle needs a sample of the ink, not all of it; the
    # profile is counted in bins of the rows' step, so that no angle is favoured by aliasing
    ys, xs = np.nonzero(tones[::2, ::4] < INK)
    if len(ys) < 100:
        return 0.0
    ys, xs = ys.astype(np.float64), xs * 2.0  # in units of the sampled rows
    best = 0.0
    for step in SKEW_STEPS:
        reach = MAX_SKEW if step == SKEW_STEPS[0] else SKEW_STEPS[0]
        angles = best + np.arange(-reach, reach + step / 2, step)
        best = max(angles, key=lambda a: _sharpness(ys, xs, a))
    return float(best)


def _sharpness(ys: np.ndarray, xs: np.ndarray, degrees: float) -> float:
    rows = np.floor(ys + xs * math.tan(math.radians(degrees))).astype(np.int64)
    counts = np.bincount(rows - rows.min())
    return float(np.dot(counts, counts))


def straighten(tones: np.ndarray, degrees: float) -> np.ndarray:
    """The page turned by degrees (counter-clockwise lean undone), the corners filled white."""
    if abs(degrees) < MIN_SKEW:
        return tones
    height, width = tones.shape
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), -degrees, 1.0)
    return cv2.warpAffine(tones, matrix, (width, height), flags=cv2.INTER_LINEAR, borderValue=255)


def whitening_cut(tones: np.ndarray) -> int:
    """The tone above which a page's marks are not print. A seal printed in grey is a mode of
    its own between the print and the paper: the cut is the valley below it. Otherwise only
    what is close to the paper goes (speckle, the paper's grain, the faintest halo): at 150 to
    200 dpi the edges of thin strokes are mid-grey, and cutting them loses commas and accents."""
    counts = np.bincount(tones[::2, ::2].ravel(), minlength=256).astype(np.float64)
    smooth = np.convolve(counts, np.ones(SMOOTHING) / SMOOTHING, mode="same")
    paper = PAPER_FLOOR + int(np.argmax(counts[PAPER_FLOOR:]))
    light = paper - PAPER_MARGIN
    if light <= SEAL_TONES + SMOOTHING:
        return max(light, MIN_CUT)
    between = smooth[SEAL_TONES:light]
    peak = int(np.argmax(between))
    below, above = between[: peak + 1], between[peak:]
    if min(below.min(), above.min()) * SEAL_MODE < between[peak]:
        return SEAL_TONES + int(np.argmin(below))
    return light


def whiten(tones: np.ndarray, cut: int) -> np.ndarray:
    """Tones lighter than cut set to paper; the print keeps its tones."""
    out = tones.copy()
    out[out > cut] = 255
    return out
