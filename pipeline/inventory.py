"""Every file under the folder, hashed and typed from its content, before any parsing.

The type comes from the bytes (magic numbers, zip members, the OLE directory), not the file's
extension: a `.doc` renamed `.docx`, a password-protected Word file, a zip bomb or a Word file
carrying XML entity declarations is told apart here and never reaches a parser.

A file's name may be any bytes the file system holds (names unzipped from a Windows archive are
often in a legacy code page): `source_path` keeps them losslessly (bytes that are not UTF-8 are
escaped as \\xNN), `source_name` is the best reading of them.
"""

from __future__ import annotations

import hashlib
import os
import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path

import olefile

from normalizers.legacy import readable

MAX_UNZIPPED = 256 * 1024 * 1024  # a plan's Word file unpacks to a few MB
MAX_RATIO = 100  # deflate ratio of a member beyond which it is a bomb, not a document
READ_CHUNK = 1 << 20
_IMAGES = {
    b"\xff\xd8\xff": "jpg",
    b"\x89PNG": "png",
    b"GIF8": "gif",
    b"II*\x00": "tif",
    b"MM\x00*": "tif",
    b"BM": "bmp",
}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_RTF = b"{\\rtf"
_ODT = b"application/vnd.oasis.opendocument.text"
# Word's File Information Block: flags at byte 10, bit 8 set when the document is encrypted
_FIB_FLAGS, _FIB_ENCRYPTED = 10, 0x0100
# formats LibreOffice converts to DOCX for the DOCX reader
CONVERTED = ("doc", "rtf", "odt")


@dataclass(frozen=True)
class FileEntry:
    path: Path
    source_path: str  # relative to the folder the run was given; bytes not UTF-8 escaped
    sha256: str
    size: int
    kind: str  # docx | pdf | doc | rtf | odt | or what was detected for a file not read
    status: str | None = None  # set when the file is not to be parsed
    reason: str | None = None
    source_name: str = ""  # source_path as a person reads it

    @property
    def doc_id(self) -> str:
        return self.sha256[:16]

    @property
    def parse(self) -> bool:
        return self.status is None


def discover(folder: Path) -> list[Path]:
    """Every file under folder, recursively, in a stable order; hidden files are left out."""
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def inventory(folder: Path) -> list[FileEntry]:
    return [_entry(path, folder) for path in discover(folder)]


def _entry(path: Path, folder: Path) -> FileEntry:
    digest = hashlib.sha256()
    size = 0
    head = b""
    with open(path, "rb") as handle:
        while chunk := handle.read(READ_CHUNK):
            head = head or chunk[:65536]
            digest.update(chunk)
            size += len(chunk)
    kind, status, reason = sniff(path, head, size)
    raw = os.fsencode(path.relative_to(folder).as_posix())
    return FileEntry(
        path,
        raw.decode("utf-8", "backslashreplace"),
        digest.hexdigest(),
        size,
        kind,
        status,
        reason,
        "/".join(readable(part) for part in raw.split(b"/")),
    )


def sniff(path: Path, head: bytes, size: int) -> tuple[str, str | None, str | None]:
    """(kind, status, reason); status is None for a file a reader should parse."""
    if size == 0:
        return "empty", "failed", "the file is empty (0 bytes): download or copy it again"
    if head.startswith(b"%PDF"):
        return "pdf", None, None
    if head.startswith(b"PK\x03\x04"):
        return _zip(path)
    if head.startswith(_OLE):
        return _ole(path)
    if head.startswith(_RTF):
        return "rtf", None, None
    image = next((k for magic, k in _IMAGES.items() if head.startswith(magic)), None)
    if image:
        return image, "skipped", "an image: plans are read from DOCX or PDF (put scans in a PDF)"
    kind = path.suffix.lower().lstrip(".") or "unknown"
    return kind, "skipped", "not a plan: only Word (DOCX, DOC, RTF, ODT) and PDF files are read"


def _ole(path: Path) -> tuple[str, str | None, str | None]:
    """An OLE compound file, told by the streams its directory lists (wherever in the file the
    directory is: Word writes it near the end)."""
    encrypted = (
        "failed",
        (
            "a password-protected Word file: remove the password in Word "
            "(File > Info > Protect Document) and run again"
        ),
    )
    try:
        with olefile.OleFileIO(str(path)) as ole:
            if ole.exists("EncryptedPackage"):
                return ("docx-encrypted", *encrypted)
            if not ole.exists("WordDocument"):
                return (
                    "ole",
                    "skipped",
                    "an old Office file that is not a Word document (Excel, PowerPoint?): not read",
                )
            fib = ole.openstream("WordDocument").read(_FIB_FLAGS + 2)
    except (OSError, ValueError, struct.error, IndexError) as error:  # olefile's own are OSError
        return (
            "ole-damaged",
            "failed",
            (
                f"a damaged old Office file (its OLE directory cannot be read: {error}): open "
                "it in Word, save it as .docx and run again"
            ),
        )
    if len(fib) == _FIB_FLAGS + 2 and int.from_bytes(fib[_FIB_FLAGS:], "little") & _FIB_ENCRYPTED:
        return ("doc-encrypted", *encrypted)
    return "doc", None, None


def _zip(path: Path) -> tuple[str, str | None, str | None]:
    damaged = (
        "zip-damaged",
        "failed",
        "a damaged or incomplete Word file (not a whole zip archive): download it again or "
        "re-save it in Word",
    )
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            names = {m.filename for m in members}
            unzipped = sum(m.file_size for m in members)
            worst = max((m.file_size / max(m.compress_size, 1) for m in members), default=0)
            if unzipped > MAX_UNZIPPED or worst > MAX_RATIO:
                return (
                    "zip-bomb",
                    "failed",
                    (
                        f"the archive unpacks to {unzipped // (1024 * 1024)} MB (compression "
                        f"ratio up to {worst:.0f}:1): not a real Word document, not read"
                    ),
                )
            if "mimetype" in names and archive.read("mimetype").strip() == _ODT:
                kind, main = "odt", "content.xml"
            elif "word/document.xml" in names:
                kind, main = "docx", "word/document.xml"
            else:
                return (
                    "zip",
                    "skipped",
                    ("a zip archive that is not a Word document: unpack it into the folder"),
                )
            with archive.open(main) as part:
                prologue = part.read(4096)
    except (zipfile.BadZipFile, OSError, EOFError):
        return damaged
    if b"<!ENTITY" in prologue or b"<!DOCTYPE" in prologue:
        return (
            "docx-entities",
            "failed",
            (
                "the Word file declares XML entities, which Word never writes (a crafted file?): "
                "not read"
            ),
        )
    return kind, None, None
