"""DOCX -> PDF with LibreOffice (one call for the batch) and HTML -> PDF with headless
Chromium, each with a private profile so runs never share state; dates stripped so the same
plan always gives the same bytes."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
)


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def docx_to_pdf(docx_files: list[Path], out_dir: Path, timeout: float = 600) -> None:
    binary = soffice()
    if binary is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gen-soffice-") as profile:
        subprocess.run(
            [
                binary,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out_dir),
                *map(str, docx_files),
            ],
            check=True,
            capture_output=True,
            timeout=timeout,
        )
    missing = [p.name for p in docx_files if not (out_dir / f"{p.stem}.pdf").exists()]
    if missing:
        raise RuntimeError(f"LibreOffice wrote no PDF for {missing}")
    for p in docx_files:
        strip_stamps(out_dir / f"{p.stem}.pdf")


def html_to_pdf(pairs: list[tuple[Path, Path]], workers: int = 2, timeout: float = 120) -> None:
    """pairs: (html file, pdf to write); each print gets its own Chromium profile."""
    binary = chromium()
    if binary is None:
        raise RuntimeError("Chromium is not installed")

    def one(pair: tuple[Path, Path]) -> None:
        html, pdf = pair
        pdf.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="gen-chromium-") as profile:
            subprocess.run(
                [
                    binary,
                    *CHROMIUM_FLAGS,
                    f"--user-data-dir={profile}",
                    f"--print-to-pdf={pdf}",
                    html.resolve().as_uri(),
                ],
                check=True,
                capture_output=True,
                timeout=timeout,
            )
        if not pdf.exists() or pdf.stat().st_size == 0:
            raise RuntimeError(f"Chromium wrote no PDF for {html.name}")
        strip_stamps(pdf)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(one, pairs))


def strip_stamps(pdf: Path) -> None:
    """Drops the creation dates and derives the file ID from the content, so a PDF written
    again from the same plan has the same bytes (and the run's cache serves it)."""
    import pikepdf

    with pikepdf.open(pdf, allow_overwriting_input=True) as document:
        for key in ("/CreationDate", "/ModDate"):
            if key in document.docinfo:
                del document.docinfo[key]
        if "/Metadata" in document.Root:
            del document.Root.Metadata
        for key in ("/DocChecksum", "/ID"):  # LibreOffice's, from the bytes and the time
            if key in document.trailer:
                del document.trailer[key]
        document.save(pdf, deterministic_id=True)
