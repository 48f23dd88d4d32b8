"""Plans typed in the legacy Vietnamese fonts, made from Unicode plans: the encoder is the inverse
of normalizers.legacy's tables.

- `legacy_docx`: a DOCX re-encoded run by run, each run's font set to what it is typed in
  (.VnTime, .VnTimeH for a run in capitals, VNI-Times), mixed with runs left in Unicode.
- `saved_as_pdf`: a DOCX saved as PDF by LibreOffice with `legacy_fonts` installed for it: fonts
  named like the legacy ones, made from a Unicode serif, drawing their characters as the letters
  they stand for. The PDF is laid out as the plan is, bold and tables and all.
"""

from __future__ import annotations

import copy
import itertools
import tempfile
import unicodedata
from collections.abc import Callable
from functools import cache
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from extractors.readers import office
from normalizers import legacy

UNICODE = "unicode"
FONT_NAMES = {"tcvn3": ".VnTime", "tcvn3-capitals": ".VnTimeH", "vni": "VNI-Times"}


@cache
def _inverse(encoding: str) -> dict[str, str]:
    return {letter: sequence for sequence, letter in legacy.table(encoding).items()}


def encodable(text: str, encoding: str) -> bool:
    """Whether every letter of text has a code in the encoding (TCVN3 has no capitals with a
    tone mark: those are typed in its capitals-only fonts)."""
    inverse = _inverse(encoding)
    return all(c.isascii() or c in inverse for c in unicodedata.normalize("NFC", text))


def encode(text: str, encoding: str) -> str:
    """Unicode text as a legacy font's user typed it ('Thực' -> 'Thùc' in TCVN3)."""
    inverse = _inverse(encoding)
    return "".join(inverse.get(c, c) for c in unicodedata.normalize("NFC", text))


def typist(text: str, encoding: str) -> tuple[str, Callable[[str], str]] | None:
    """(font, how text is typed in it) for a run in the encoding; None where the encoding
    cannot type the run (it stays in Unicode)."""
    if encoding == UNICODE or not any(c.isalpha() for c in text):
        return None
    if encoding == "tcvn3" and text == text.upper():  # a heading in the capitals-only font
        return FONT_NAMES["tcvn3-capitals"], lambda piece: encode(piece.lower(), "tcvn3")
    if not encodable(text, encoding):
        return None
    return FONT_NAMES[encoding], lambda piece: encode(piece, encoding)


def legacy_docx(source: Path, path: Path, mix: tuple[str, ...]) -> Path:
    """source re-encoded run by run, the runs taking the encodings of mix in turn."""
    document = docx.Document(str(source))
    turns = itertools.cycle(mix)
    for run in document.element.body.iter(qn("w:r")):
        pieces = list(run.iter(qn("w:t")))
        found = typist("".join(t.text or "" for t in pieces), next(turns))
        if found is None:
            continue
        font, type_ = found
        for piece in pieces:
            piece.text = type_(piece.text or "")
        _set_font(run, font)
    document.save(str(path))
    return path


def _set_font(run, font: str) -> None:
    fonts = run.get_or_add_rPr().get_or_add_rFonts()
    for name in list(fonts.attrib):
        del fonts.attrib[name]
    for slot in ("ascii", "hAnsi", "cs"):
        fonts.set(qn(f"w:{slot}"), font)


# ---- PDF ----------------------------------------------------------------------------------

# the Unicode serif the legacy fonts are made from, in each style plans are typed in (bold
# headings, italic notes); a style missing here is slanted or emboldened by LibreOffice
SERIF = Path("/usr/share/fonts/truetype/dejavu")
STYLES = ("DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSerif-Italic", "DejaVuSerif-BoldItalic")
# LibreOffice takes U+00AD for a soft hyphen, drawn only where a line breaks at it; Word draws
# it in the run's font, and in TCVN3 it is the letter ư. The PDF is made with a stand-in that
# the legacy fonts draw as ư, and its text layer is given U+00AD back: the PDF Word makes.
STAND_IN = "\ue0ad"


def legacy_fonts(folder: Path) -> Path:
    """Font files named like the legacy fonts, in each style, made in folder from the Unicode
    serif: each legacy character draws the letter it stands for (a VNI mark a zero-width
    combining mark), the capitals-only font's lower case draws capitals. A PDF drawn in them
    names the font a clerk typed in, and its text layer holds the legacy characters."""
    sources = [SERIF / f"{style}.ttf" for style in STYLES if (SERIF / f"{style}.ttf").exists()]
    if not sources:
        pytest.fail("DejaVu Serif is needed to make the legacy fonts: apt-get install fonts-dejavu")
    for name, drawn in _legacy_glyphs().items():
        for source in sources:
            font = _renamed(source, name)
            _draw_as(font, drawn)
            font.save(str(folder / f"{name.strip('.')}-{source.stem}.ttf"))
    return folder


def _draw_as(font, drawn: dict[str, str]) -> None:
    """Each character of drawn mapped to a copy of its letter's glyph, a glyph of its own: a
    PDF's text layer gives back one character for each glyph, and several characters draw the
    same letter (every VNI mark, a capital and its lower case in .VnTimeH)."""
    glyphs = dict(font.getBestCmap())  # before any change: the subtables may share one
    copies = {}
    for c, letter in drawn.items():
        own, model = f"legacy{ord(c):04X}", glyphs[ord(letter)]
        font["glyf"][own] = copy.deepcopy(font["glyf"][model])  # added to the glyph order too
        font["hmtx"][own] = font["hmtx"][model]
        copies[ord(c)] = own
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap.update(copies)


def _renamed(source: Path, name: str):
    """source's font under the family name, its style kept (".VnTime" Bold is ".VnTime-Bold"
    to a PDF, as the PostScript name)."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(source))
    family = font["name"].getDebugName(1)
    postscript = font["name"].getDebugName(6).split("-")[0]
    for record in font["name"].names:
        if record.nameID in (1, 4, 16):
            record.string = str(record).replace(family, name)
        elif record.nameID == 6:
            record.string = str(record).replace(postscript, name)
    return font


def _legacy_glyphs() -> dict[str, dict[str, str]]:
    """For each legacy font, character -> the Unicode character whose glyph it draws."""
    tcvn3 = {**legacy.table("tcvn3"), STAND_IN: legacy.table("tcvn3")[legacy.SOFT_HYPHEN]}
    capitals = {c: letter.upper() for c, letter in tcvn3.items()}
    capitals.update({c: c.upper() for c in "abcdefghijklmnopqrstuvwxyz"})
    vni = {key: letter for key, letter in legacy.table("vni").items() if len(key) == 1}
    vni.update({key[1]: "\u0301" for key in legacy.table("vni") if len(key) == 2})
    drawn = {"tcvn3": tcvn3, "tcvn3-capitals": capitals, "vni": vni}
    return {FONT_NAMES[kind]: glyphs for kind, glyphs in drawn.items()}


def saved_as_pdf(source: Path, path: Path, fonts: Path) -> Path:
    """source (a DOCX) saved as a PDF by LibreOffice, as an office suite makes a plan's PDF, the
    font files of fonts installed for that LibreOffice alone: it runs with its work folder as
    HOME, and fontconfig reads ~/.fonts."""
    with tempfile.TemporaryDirectory(prefix="cchc-legacy-pdf-") as name:
        folder = Path(name)
        (folder / ".fonts").symlink_to(fonts)
        typed = _soft_hyphens_as_stand_ins(source, folder / "typed.docx")
        _stand_ins_as_soft_hyphens(office.convert(typed, "docx", "pdf", folder), path)
    return path


def _soft_hyphens_as_stand_ins(source: Path, path: Path) -> Path:
    """source with each ư of its TCVN3 runs typed as the stand-in."""
    document = docx.Document(str(source))
    for run in document.element.body.iter(qn("w:r")):
        if _encoding(run) == "tcvn3":
            for piece in run.iter(qn("w:t")):
                piece.text = (piece.text or "").replace(legacy.SOFT_HYPHEN, STAND_IN)
    document.save(str(path))
    return path


def _encoding(run) -> str | None:
    """The legacy encoding the run's own font says (legacy_docx sets every legacy run's)."""
    fonts = run.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    found = legacy.of_font(fonts.get(qn("w:ascii")) if fonts is not None else None)
    return found.encoding if found else None


def _stand_ins_as_soft_hyphens(made: Path, path: Path) -> Path:
    """made with U+00AD where its text layer (each font's ToUnicode map) says the stand-in."""
    import pikepdf

    with pikepdf.open(made) as pdf:
        for item in pdf.objects:
            if isinstance(item, pikepdf.Dictionary) and "/ToUnicode" in item:
                text = item.ToUnicode.read_bytes()
                item.ToUnicode.write(text.replace(_hex(STAND_IN), _hex(legacy.SOFT_HYPHEN)))
        pdf.save(path)
    return path


def _hex(character: str) -> bytes:
    """character as a ToUnicode map writes it (LibreOffice's: UTF-16, upper case)."""
    return f"<{ord(character):04X}>".encode()
