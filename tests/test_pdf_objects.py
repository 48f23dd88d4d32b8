"""readers.pdf's quick making of pdfplumber's page objects gives pdfplumber's own dicts, key for
key and in the same order, for every object of a page: what read_pdf reads is unchanged."""

import pdfplumber
import pikepdf
import pytest
from pdfplumber.page import Page

from extractors.readers.pdf import _Objects, read_pdf


def _objects(layout):
    for obj in layout:
        yield obj
        if hasattr(obj, "_objs"):  # a figure's own objects
            yield from _objects(obj._objs)


def _same_as_pdfplumber(path) -> int:
    count = 0
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            quick = _Objects(page)
            for obj in _objects(page.layout._objs):
                theirs, ours = Page.process_object(page, obj), quick(obj)
                assert ours == theirs and list(ours) == list(theirs)
                count += 1
    return count


@pytest.mark.parametrize("name", ["son-bao-2024", "thanh-xa-2022"])
def test_the_objects_are_pdfplumbers(samples, name):
    assert _same_as_pdfplumber(samples / "pdf" / f"{name}.pdf") > 1000


def test_a_page_whose_mediabox_is_not_at_the_origin(samples, tmp_path):
    moved = tmp_path / "moved.pdf"
    with pikepdf.open(samples / "pdf" / "thanh-xa-2022.pdf") as pdf:
        for page in pdf.pages:
            x0, y0, x1, y1 = (float(v) for v in page.mediabox)
            page.MediaBox = [x0 + 12.5, y0 + 20.25, x1 + 12.5, y1 + 20.25]
        pdf.save(moved)
    assert _same_as_pdfplumber(moved) > 1000


def test_a_scan_page_image_is_pdfplumbers(samples):
    assert _same_as_pdfplumber(samples / "scan" / "thanh-xa-2022.scan.pdf") > 0


def test_read_pdf_reads_the_same_with_pdfplumbers_objects(samples, monkeypatch):
    path = samples / "pdf" / "son-bao-2024.pdf"
    quick = read_pdf(path)
    monkeypatch.setattr("extractors.readers.pdf._Objects", lambda page: page.process_object)
    assert read_pdf(path) == quick
