"""Exceptions from readers, in words a user can act on (translated here, at the boundary)."""

from __future__ import annotations

import zipfile

from lxml import etree

from extractors.readers.office import ConversionError


def explain(error: BaseException) -> str:
    text = str(error)
    if isinstance(error, ConversionError):  # already in a user's words
        return text
    if isinstance(error, MemoryError):
        return (
            "reading this file needed more memory than allowed: check the file, or raise --memory"
        )
    if "password" in text.lower():
        return "an encrypted PDF: remove the password (print it to a new PDF) and run again"
    if type(error).__name__ == "PdfiumError" or type(error).__module__.startswith("pdfminer"):
        return f"a damaged PDF that cannot be opened ({text}): download it again or re-export it"
    if isinstance(error, zipfile.BadZipFile | KeyError) or type(error).__name__ == (
        "PackageNotFoundError"
    ):
        return "a damaged Word file: open it in Word, save it again as .docx and run again"
    if isinstance(error, etree.XMLSyntaxError):
        return f"a damaged Word file (its XML is broken: {text}): re-save it in Word and run again"
    return (
        f"could not read this file ({type(error).__name__}: {text}); please report it with the file"
    )
