"""PDF pages -> images to OCR, upright as the page is shown, at the dpi they were scanned at.

A scanned page is one image covering the page: its own pixels are taken as they are (no
re-rasterising, which blurs small digits and costs time), turned by the page's /Rotate flag,
and its dpi is the pixels over the points it covers. Any other page (text whose fonts cannot
be read, an image on part of the page) is rendered at RENDER_DPI. PDFium is not thread-safe:
one thread reads the pages.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pypdfium2

RENDER_DPI = 300
POINTS_PER_INCH = 72
# an image drawn over this share of the page, each way, is the page
COVERS = 0.97
# PDFium's bitmap formats that hold the image's pixels as they are
_GREY, _BGR, _BGRX, _BGRA = 1, 2, 3, 4


@dataclass
class PageImage:
    number: int  # 1-based
    pixels: np.ndarray  # uint8, H x W (grey) or H x W x 3 (RGB), upright
    dpi: float


def page_images(path: Path, numbers: Collection[int] | None = None) -> Iterator[PageImage]:
    """The pages (1-based numbers; None for all) as images, in order."""
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        wanted = range(1, len(pdf) + 1) if numbers is None else sorted(numbers)
        for number in wanted:
            page = pdf[number - 1]
            yield _own_image(page, number) or _rendered(page, number)
    finally:
        pdf.close()


def _own_image(page: pypdfium2.PdfPage, number: int) -> PageImage | None:
    """The page's one image when it covers the page, placed upright and unflipped."""
    images = list(page.get_objects(filter=[pypdfium2.raw.FPDF_PAGEOBJ_IMAGE], max_depth=1))
    if len(images) != 1:
        return None
    image = images[0]
    left, bottom, right, top = image.get_bounds()
    width, height = page.get_width(), page.get_height()
    if page.get_rotation() % 180:
        width, height = height, width  # get_width/height give the page as shown
    a, b, c, d, _, _ = image.get_matrix().get()
    if (
        b
        or c
        or a <= 0
        or d <= 0
        or (right - left) < COVERS * width
        or (top - bottom) < COVERS * height
    ):
        return None
    try:
        bitmap = image.get_bitmap(render=False)
    except pypdfium2.PdfiumError:
        return None
    pixels = _as_array(bitmap)
    if pixels is None:
        return None
    dpi = math.sqrt(pixels.shape[0] * pixels.shape[1] / (width * height)) * POINTS_PER_INCH
    # the /Rotate flag turns the page clockwise; numpy's rot90 turns counter-clockwise
    pixels = np.ascontiguousarray(np.rot90(pixels, -(page.get_rotation() // 90)))
    return PageImage(number, pixels, dpi)


def _rendered(page: pypdfium2.PdfPage, number: int) -> PageImage:
    bitmap = page.render(scale=RENDER_DPI / POINTS_PER_INCH, rev_byteorder=True)
    pixels = _grey_if_grey(np.ascontiguousarray(bitmap.to_numpy()[..., :3]))
    return PageImage(number, pixels, RENDER_DPI)


def _as_array(bitmap: pypdfium2.PdfBitmap) -> np.ndarray | None:
    """The bitmap as grey or RGB pixels; None for a format it may not come in."""
    pixels = bitmap.to_numpy()
    if bitmap.format == _GREY:
        return pixels
    if bitmap.format in (_BGR, _BGRX, _BGRA):
        rgb = pixels[..., 2::-1] if not bitmap.rev_byteorder else pixels[..., :3]
        return _grey_if_grey(rgb)
    return None


def _grey_if_grey(rgb: np.ndarray) -> np.ndarray:
    """An RGB image whose channels agree is a grey one (many scanners write grey as RGB)."""
    sample = rgb[::16, ::16].astype(np.int16)
    spread = np.abs(sample[..., 0] - sample[..., 1]) + np.abs(sample[..., 1] - sample[..., 2])
    return rgb[..., 1].copy() if spread.max() <= 12 else rgb
