"""Generated plans "printed and scanned": each LibreOffice PDF drawn to page images at a dpi
drawn per plan, in grey or colour, stamped with a round red or blue seal over the signature
(and sometimes over body text), skewed, speckled, JPEG-compressed, one page perhaps fed turned,
and assembled by img2pdf at the page's real dpi: an image-only PDF, no text layer.

What a plan draws (its `Look`) depends only on (seed, plan id), so the same suite always gives
the same bytes; the manifest records it as `scan_*` dimensions for the per-dimension report.
"""

from __future__ import annotations

import io
import math
import random
from dataclasses import dataclass
from pathlib import Path

import img2pdf
import numpy as np
import pdfplumber
import pypdfium2
from PIL import Image, ImageChops, ImageDraw, ImageFont

from .convert import strip_stamps

POINTS_PER_INCH = 72
INKS = {"red": (200, 35, 45), "blue": (35, 60, 170)}
PAPER = (250, 248, 242)  # a printed sheet is never the renderer's pure white
SEAL_INCHES = 1.45  # a commune's seal is about 36-38 mm across
FONT_FILE = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


@dataclass(frozen=True)
class Look:
    """How one plan was printed and scanned."""

    dpi: int
    colour: bool
    skew: float  # degrees, counter-clockwise
    quality: int  # JPEG
    ink: str  # the seal's colour, a key of INKS
    opacity: float  # the seal's ink, 0..1
    body_seal: tuple[float, float, float] | None  # (page, x, y) as fractions, or none
    turn: int  # degrees clockwise one page was fed turned by; 0 for none
    turn_at: float  # which page, as a fraction of the page count
    noise_seed: int


def draw_look(seed: int, plan_id: str) -> Look:
    rng = random.Random(f"{seed}:scan:{plan_id}")
    return Look(
        dpi=rng.randrange(150, 301, 10),
        colour=rng.random() < 0.5,
        skew=round(rng.uniform(-1.5, 1.5), 2),
        quality=rng.randint(40, 85),
        ink=rng.choice(sorted(INKS)),
        opacity=round(rng.uniform(0.55, 0.85), 2),
        body_seal=(rng.random(), rng.uniform(0.25, 0.75), rng.uniform(0.3, 0.7))
        if rng.random() < 0.3
        else None,
        turn=rng.choice((90, 180)) if rng.random() < 0.3 else 0,
        turn_at=rng.random(),
        noise_seed=rng.getrandbits(32),
    )


def dimensions(look: Look) -> dict[str, str]:
    """The look as manifest dimensions, in bands coarse enough to gather several plans each."""
    low = min(look.dpi // 50 * 50, 250)
    return {
        "scan_dpi": f"{low}-{low + 49 if low < 250 else 300}",
        "scan_colour": "colour" if look.colour else "grey",
        "scan_jpeg": "40-59" if look.quality < 60 else "60-85",
        "scan_skew": "under 0.75" if abs(look.skew) < 0.75 else "0.75-1.5",
        "scan_seal": f"{look.ink}, {'also on body' if look.body_seal else 'signature only'}",
        "scan_turned": str(look.turn) if look.turn else "none",
    }


def write_scans(
    pdf_dir: Path, out_dir: Path, looks: dict[str, Look], documents: dict[str, dict]
) -> list[Path]:
    """OUT/<id>.scan.pdf for each plan id of `looks`, from pdf_dir/<id>.pdf; documents: each
    plan's gold document fields (the seal names the unit, and sits over the signer)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    return [
        scan_pdf(pdf_dir / f"{plan_id}.pdf", out_dir / f"{plan_id}.scan.pdf", look,
                 documents[plan_id])
        for plan_id, look in looks.items()
    ]  # fmt: skip


def scan_pdf(source: Path, target: Path, look: Look, document: dict) -> Path:
    seals = _seal_spots(source, look, document.get("signer"))
    seal = _seal_mask(_seal_text(document), round(SEAL_INCHES * look.dpi))
    noise = np.random.default_rng(look.noise_seed)
    pdf = pypdfium2.PdfDocument(str(source))
    try:
        turned = int(look.turn_at * len(pdf)) if look.turn else -1
        pages = []
        for number in range(len(pdf)):
            image = pdf[number].render(scale=look.dpi / POINTS_PER_INCH).to_pil().convert("RGB")
            for x, y, angle in seals.get(number, ()):
                _press(image, seal.rotate(angle, resample=Image.BICUBIC), x, y, look)
            turn = look.turn if number == turned else 0
            pages.append(_jpeg(_print_and_scan(image, look, turn, noise), look))
    finally:
        pdf.close()
    target.write_bytes(img2pdf.convert(pages, nodate=True))
    strip_stamps(target)  # img2pdf's file ID is random
    return target


def _seal_text(document: dict) -> str:
    unit = " ".join(filter(None, (document.get("unit_type"), document.get("unit_name"))))
    province = document.get("province") or ""
    return f"ỦY BAN NHÂN DÂN {unit} • {province} • ".upper()


def _seal_spots(source: Path, look: Look, signer: str | None) -> dict[int, list]:
    """page index -> [(x, y, angle)]: the seal's centre in pixels and its tilt. The signature
    seal overlaps the left of the signer's name and the title above it, as a chairman's does."""
    scale = look.dpi / POINTS_PER_INCH
    rng = random.Random(look.noise_seed)
    spots: dict[int, list] = {}
    with pdfplumber.open(source) as pdf:
        page_number, x, y = _signature_point(pdf, signer)
        spots[page_number] = [(x * scale, y * scale, rng.uniform(-30, 30))]
        if look.body_seal:
            at, fx, fy = look.body_seal
            page = pdf.pages[int(at * len(pdf.pages))]
            spot = (fx * page.width * scale, fy * page.height * scale, rng.uniform(-30, 30))
            spots.setdefault(page.page_number - 1, []).append(spot)
    return spots


def _signature_point(pdf: pdfplumber.PDF, signer: str | None) -> tuple[int, float, float]:
    """(page index, x, y in points from the top left) where the seal goes: just above and left
    of the signer's printed name; without it, over the last words of the last page."""
    for page in reversed(pdf.pages) if signer else ():
        found = page.search(signer, regex=False)
        if found:
            name = found[-1]
            return page.page_number - 1, name["x0"] + 8, name["top"] - 30
    page = pdf.pages[-1]
    words = page.extract_words() or [{"x0": page.width * 0.6, "bottom": page.height * 0.5}]
    return len(pdf.pages) - 1, max(w["x0"] for w in words[-3:]), words[-1]["bottom"] - 40


def _seal_mask(text: str, size: int) -> Image.Image:
    """A round seal as an ink mask (L, 255 = ink): two rings, the text around the band
    between them, a star in the middle."""
    mask = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(mask)
    line = max(2, size // 70)
    draw.ellipse((0, 0, size - 1, size - 1), outline=255, width=2 * line)
    inner = round(size * 0.2)
    draw.ellipse((inner, inner, size - 1 - inner, size - 1 - inner), outline=255, width=line)
    _star(draw, size / 2, size / 2, size * 0.14)
    _ring_text(mask, text, radius=size * 0.4, height=round(size * 0.1))
    return mask


def _star(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float) -> None:
    points = []
    for k in range(10):
        angle = math.pi / 2 + k * math.pi / 5
        reach = r if k % 2 == 0 else r * 0.4
        points.append((cx + reach * math.cos(angle), cy - reach * math.sin(angle)))
    draw.polygon(points, fill=255)


def _ring_text(mask: Image.Image, text: str, radius: float, height: int) -> None:
    """Each letter stood on the circle, its foot towards the centre, clockwise from the top."""
    font = _font(height)
    centre = mask.width / 2
    for k, char in enumerate(text):
        angle = 360 * k / len(text)
        left, top, right, bottom = font.getbbox(char)
        glyph = Image.new("L", (max(1, right), max(1, bottom)), 0)
        ImageDraw.Draw(glyph).text((0, 0), char, font=font, fill=255)
        glyph = glyph.rotate(-angle, resample=Image.BICUBIC, expand=True)
        x = centre + radius * math.sin(math.radians(angle)) - glyph.width / 2
        y = centre - radius * math.cos(math.radians(angle)) - glyph.height / 2
        mask.paste(255, (round(x), round(y)), glyph)


def _font(height: int) -> ImageFont.FreeTypeFont:
    try:
        return ImageFont.truetype(FONT_FILE, height)
    except OSError:  # no DejaVu: Pillow's own font has the Vietnamese letters too
        return ImageFont.load_default(height)


def _press(page: Image.Image, seal: Image.Image, x: float, y: float, look: Look) -> None:
    """Inks the seal onto the page centred at (x, y): multiplied, as ink over ink, so the print
    under it stays dark and shows through."""
    box = (round(x - seal.width / 2), round(y - seal.height / 2))
    ink = Image.new("RGB", seal.size, (255, 255, 255))
    ink.paste(INKS[look.ink], mask=seal.point(lambda v: round(v * look.opacity)))
    region = page.crop((*box, box[0] + seal.width, box[1] + seal.height))
    page.paste(ImageChops.multiply(region, ink), box)


def _print_and_scan(page: Image.Image, look: Look, turn: int, noise) -> Image.Image:
    page = ImageChops.multiply(page, Image.new("RGB", page.size, PAPER))
    page = page.rotate(look.skew, resample=Image.BICUBIC, fillcolor=PAPER)
    if turn:
        page = page.rotate(-turn, expand=True)  # PIL turns counter-clockwise
    if not look.colour:
        page = page.convert("L")
    return _speckle(page, noise)


def _speckle(page: Image.Image, noise: np.random.Generator) -> Image.Image:
    """The scanner's grain (faint noise over the sheet) and dust (a few dark dots)."""
    pixels = np.asarray(page, dtype=np.int16)
    grain = noise.normal(0, 4, pixels.shape[:2]).astype(np.int16)
    pixels += grain[..., None] if pixels.ndim == 3 else grain  # the same grain in R, G and B
    dots = page.width * page.height // 60_000
    ys = noise.integers(0, page.height - 1, dots)
    xs = noise.integers(0, page.width - 1, dots)
    shade = noise.integers(40, 170, dots)
    for dy in (0, 1):  # two pixels tall, as dust is at 150 dpi and more
        pixels[ys + dy, xs] = shade[:, None] if pixels.ndim == 3 else shade
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), page.mode)


def _jpeg(page: Image.Image, look: Look) -> bytes:
    buffer = io.BytesIO()
    page.save(buffer, format="JPEG", quality=look.quality, dpi=(look.dpi, look.dpi))
    return buffer.getvalue()
