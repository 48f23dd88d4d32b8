"""Word 97-2003 .doc, RTF and OpenDocument text -> DOCX with headless LibreOffice, then the DOCX
reader.

Each conversion runs in a temporary folder with a private LibreOffice profile, so conversions in
parallel workers never share (and lock) one profile. LibreOffice is a child of the worker: it
inherits the worker's memory cap, and a worker stopped for its timeout takes it down too.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from extractors.model import Document
from extractors.readers.docx import read_docx

PACKAGE = "libreoffice-writer-nogui"
# LibreOffice's export filters: DOCX to read; the others make test inputs
FILTERS = {
    "docx": "docx:MS Word 2007 XML",
    "doc": "doc:MS Word 97",
    "rtf": "rtf:Rich Text Format",
    "odt": "odt:writer8",
    "pdf": "pdf:writer_pdf_Export",
}


class ConversionError(Exception):
    """LibreOffice is missing or could not convert the file; the message says what to do."""


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_converted(path: Path, kind: str) -> Document:
    """A .doc / .rtf / .odt file read as the DOCX LibreOffice saves it as."""
    with tempfile.TemporaryDirectory(prefix="cchc-office-") as folder:
        return read_docx(convert(path, kind, "docx", Path(folder)))


def convert(path: Path, kind: str, target: str, folder: Path) -> Path:
    """path (a `kind` file) saved as `target` (docx, doc, pdf) in folder, which the caller owns:
    a worker stopped for its timeout removes it before it dies."""
    soffice = find_soffice()
    if soffice is None:
        raise ConversionError(f"needs LibreOffice: apt-get install {PACKAGE}")
    # a copy under a plain name: the file's own name may be in any bytes, or look like an option
    source = folder / f"input.{kind}"
    shutil.copyfile(path, source)
    out = folder / "out"
    command = [
        soffice,
        f"-env:UserInstallation={(folder / 'profile').as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        FILTERS[target],
        "--outdir",
        str(out),
        str(source),
    ]
    with _own_group(command, folder) as process:
        _, errors = process.communicate()
    result = out / f"input.{target}"
    if not result.exists():
        detail = errors.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
        raise ConversionError(
            f"LibreOffice could not convert this .{kind} file ({detail[0]}): open it in Word, "
            "save it as .docx and run again"
        )
    return result


@contextmanager
def _own_group(command: list[str], home: Path) -> Iterator[subprocess.Popen]:
    """LibreOffice in a process group of its own, killed whole when the conversion ends or
    the worker is told to stop (its launcher starts the real office as a grandchild)."""
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
        env={**os.environ, "HOME": str(home)},  # nothing written to the user's own profile
    )

    def stop(signum, frame):
        _kill_group(process)
        # the worker dies of the signal, its `finally` blocks unrun: its folder goes now
        shutil.rmtree(home, ignore_errors=True)
        signal.signal(signum, previous)
        os.kill(os.getpid(), signum)

    # a timed-out worker is sent SIGTERM (signals reach the main thread only)
    watching = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, stop) if watching else None
    try:
        yield process
    finally:
        if watching:
            signal.signal(signal.SIGTERM, previous)
        _kill_group(process)


def _kill_group(process: subprocess.Popen) -> None:
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
