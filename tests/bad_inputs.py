"""Generators of the broken, hostile and not-a-plan files a district folder really contains."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

from extractors.readers.office import convert, find_soffice
from tests.docx_factory import build, content_control, deleted, inserted, paragraph_xml, run
from tests.legacy_factory import encode

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
# a small plan typed in VNI, in a PDF whose font does not say so: told by its characters
LEGACY_PLAN = [
    "KẾ HOẠCH",
    "Khắc phục hạn chế năm 2024 của xã Kỳ Lạc",
    "1. Cải cách thủ tục hành chính: đạt 16,5/18 điểm (-1,5 điểm).",
]


def zero_page_pdf() -> bytes:
    objects = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[]/Count 0>>"]
    out = io.BytesIO(b"%PDF-1.4\n")
    out.seek(0, 2)
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def pdf_with_text(path: Path, lines: list[str], **options) -> Path:
    """A PDF of plain lines in a standard font (Latin-1 only: legacy-font text fits)."""
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), **options)
    y = 780
    for line in lines:
        page.drawString(60, y, line)
        y -= 20
    page.save()
    return path


def saved_as_doc(source: Path, path: Path) -> Path:
    """source (a DOCX) saved by LibreOffice as a Word 97-2003 .doc at path."""
    with tempfile.TemporaryDirectory() as folder:
        path.write_bytes(convert(source, "docx", "doc", Path(folder)).read_bytes())
    return path


def encrypted_docx(source: Path, path: Path) -> Path:
    """source protected with a password as Word does it (an OLE file holding the package)."""
    from msoffcrypto.format.ooxml import OOXMLFile

    with open(source, "rb") as plain, open(path, "wb") as out:
        OOXMLFile(plain).encrypt("secret", out)
    return path


def zip_bomb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (40 * 1024 * 1024))
    return path


def entity_bomb(path: Path) -> Path:
    lol = '<!ENTITY a "lollollollollollollollollollol">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8)
    )
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{lol}]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)
    return path


def tracked_plan(path: Path) -> Path:
    """A small plan whose task and unit are inside a content control and a tracked insertion."""
    return build(
        path,
        [
            "KẾ HOẠCH",
            "Khắc phục hạn chế năm 2024 của xã Hòa Bình",
            "II. NHIỆM VỤ, GIẢI PHÁP",
            "1. Cải cách thủ tục hành chính",
            "a) Giải pháp:",
            ("xml", content_control(paragraph_xml(run("- Rà soát, công bố đầy đủ TTHC.")))),
            (
                "xml",
                paragraph_xml(
                    run("- Số hóa "), inserted("hồ sơ TTHC"), deleted("bản giấy"), run(".")
                ),
            ),
        ],
    )


def write_all(folder: Path, samples: Path) -> dict[str, Path]:
    """Every kind of bad input, next to good plans; returns name -> path."""
    from reportlab.pdfgen import canvas

    folder.mkdir(parents=True, exist_ok=True)
    good_pdf = (samples / "pdf" / "hoang-viet-2022.pdf").read_bytes()
    files = {
        "good.docx": samples / "docx" / "cam-duong-2024.docx",
        "good.pdf": samples / "pdf" / "hoang-viet-2022.pdf",
    }
    made = {name: folder / name for name in files}
    for name, source in files.items():
        made[name].write_bytes(source.read_bytes())
    (folder / "second").mkdir()
    made["second/good.docx"] = folder / "second" / "good.docx"
    made["second/good.docx"].write_bytes(made["good.docx"].read_bytes())
    made["empty.pdf"] = folder / "empty.pdf"
    made["empty.pdf"].write_bytes(b"")
    made["truncated.pdf"] = folder / "truncated.pdf"
    made["truncated.pdf"].write_bytes(good_pdf[: len(good_pdf) * 4 // 10])
    cut = good_pdf.rfind(b"startxref")
    made["broken-xref.pdf"] = folder / "broken-xref.pdf"
    made["broken-xref.pdf"].write_bytes(good_pdf[:cut] + b"startxref\n999999\n%%EOF\n")
    made["encrypted.pdf"] = pdf_with_text(folder / "encrypted.pdf", ["KE HOACH"], encrypt="secret")
    made["zero-pages.pdf"] = folder / "zero-pages.pdf"
    made["zero-pages.pdf"].write_bytes(zero_page_pdf())
    blank = canvas.Canvas(str(folder / "blank.pdf"))
    blank.showPage()
    blank.save()
    made["blank.pdf"] = folder / "blank.pdf"
    invoice = [
        "Hoa don ban hang so 123",
        "Cong ty TNHH Minh An, ngay 12/3/2024",
        "Tong tien 1.200.000",
    ]
    made["huge-page.pdf"] = pdf_with_text(
        folder / "huge-page.pdf", invoice, pagesize=(14400, 14400)
    )
    made["not-a-plan.pdf"] = pdf_with_text(folder / "not-a-plan.pdf", invoice)
    made["legacy-font.pdf"] = pdf_with_text(
        folder / "legacy-font.pdf", [encode(line, "vni") for line in LEGACY_PLAN]
    )
    made["corrupt-ole.doc"] = folder / "corrupt-ole.doc"
    made["corrupt-ole.doc"].write_bytes(OLE + "WordDocument".encode("utf-16-le") + b"\0" * 64)
    made["zip-bomb.docx"] = zip_bomb(folder / "zip-bomb.docx")
    made["entity-bomb.docx"] = entity_bomb(folder / "entity-bomb.docx")
    made["tracked.docx"] = tracked_plan(folder / "tracked.docx")
    made["encrypted.docx"] = encrypted_docx(made["tracked.docx"], folder / "encrypted.docx")
    if find_soffice():  # a real .doc needs LibreOffice to be made
        made["renamed-doc.docx"] = saved_as_doc(made["tracked.docx"], folder / "renamed-doc.docx")
    made["notes.txt"] = folder / "notes.txt"
    made["notes.txt"].write_text("ghi chú của chuyên viên", encoding="utf-8")
    made["photo.jpg"] = folder / "photo.jpg"
    made["photo.jpg"].write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 200)
    return made
