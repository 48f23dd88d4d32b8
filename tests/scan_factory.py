"""PDFs the scan path must read as well as their clean twins, made from the sample files:

- `flag_rotated`: every page carries a `/Rotate` flag (as many scanners write), its image upright;
- `pixels_rotated`: every page image turned 180 degrees in its pixels (the sheet fed upside down);
- `without_tounicode`: a born-digital PDF whose fonts lost their ToUnicode maps (its text layer
  extracts as glyph numbers);
- `with_image_pages`: a born-digital PDF whose chosen pages are replaced by images of
  themselves (a signed last page scanned back in).
"""

from __future__ import annotations

import io
from pathlib import Path

import img2pdf
import pikepdf
import pypdfium2
from pikepdf import PdfImage
from PIL import Image

POINTS_PER_INCH = 72


def flag_rotated(source: Path, target: Path, degrees: int = 90) -> Path:
    with pikepdf.open(source) as pdf:
        for page in pdf.pages:
            page.rotate(degrees, relative=True)
        pdf.save(target)
    return target


def pixels_rotated(source: Path, target: Path, degrees: int = 180) -> Path:
    """Each page's own image turned in its pixels, kept at its dpi; lossless (PNG), so that OCR
    of the page turned back sees the very pixels of the original."""
    images = []
    with pikepdf.open(source) as pdf:
        for page in pdf.pages:
            (image,) = page.get_images().values()
            picture = PdfImage(image).as_pil_image()
            dpi = round(picture.width * POINTS_PER_INCH / float(page.mediabox[2]))
            images.append(_png(picture.rotate(degrees, expand=True), dpi))
    target.write_bytes(img2pdf.convert(images))
    return target


def without_tounicode(source: Path, target: Path) -> Path:
    with pikepdf.open(source) as pdf:
        for page in pdf.pages:
            for font in _fonts(page):
                if "/ToUnicode" in font:
                    del font["/ToUnicode"]
        pdf.save(target)
    return target


def with_image_pages(source: Path, target: Path, pages: list[int], dpi: int = 200) -> Path:
    """pages: 1-based numbers of the pages to replace by a grey image of themselves."""
    rendered = pypdfium2.PdfDocument(str(source))
    scans = {}
    for number in pages:
        bitmap = rendered[number - 1].render(scale=dpi / POINTS_PER_INCH, grayscale=True)
        scans[number] = img2pdf.convert(_png(bitmap.to_pil().convert("L"), dpi))
    rendered.close()
    with pikepdf.open(source) as pdf:
        donors = {number: pikepdf.open(io.BytesIO(scan)) for number, scan in scans.items()}
        for number, donor in donors.items():
            pdf.pages[number - 1] = donor.pages[0]
        pdf.save(target)  # the donors stay open until their pages are written
    return target


def _fonts(page: pikepdf.Page):
    """Fonts of a page and of the form XObjects it draws."""
    resources = [page.obj.get("/Resources", pikepdf.Dictionary())]
    while resources:
        current = resources.pop()
        yield from current.get("/Font", pikepdf.Dictionary()).values()
        for xobject in current.get("/XObject", pikepdf.Dictionary()).values():
            if xobject.get("/Subtype") == "/Form" and "/Resources" in xobject:
                resources.append(xobject["/Resources"])


def _png(picture: Image.Image, dpi: int) -> bytes:
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", dpi=(dpi, dpi))
    return buffer.getvalue()
