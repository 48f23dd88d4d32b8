"""What a district's folder holds besides Unicode DOCX: plans typed in the legacy fonts (TCVN3
.VnTime / .VnTimeH, VNI-Times, mixed with Unicode runs), Word 97-2003 .doc files, and file
names in a legacy code page. Every legacy input is generated here from a Unicode plan, its twin.
"""

import json
import os
import shutil
import tempfile
import unicodedata
from datetime import date

import pandas as pd
import pdfplumber
import pytest

from extractors.model import Paragraph, Table
from extractors.readers import office
from extractors.readers.docx import read_docx
from extractors.readers.pdf import read_pdf
from normalizers import legacy
from pipeline.evaluate import DOCUMENT_FIELDS, evaluate
from pipeline.runner import Limits, run
from tests.bad_inputs import saved_as_doc
from tests.docx_factory import build, paragraph_xml
from tests.legacy_factory import FONT_NAMES, encode, legacy_docx, legacy_fonts, saved_as_pdf

TABLES = ("documents", "scores", "deductions", "tasks", "issues")
FLOOR = 0.97  # F1 of each table, and the share of document fields right
NO_LIBREOFFICE = pytest.mark.skipif(
    office.find_soffice() is None,
    reason=f"LibreOffice is not installed (apt-get install {office.PACKAGE}): no .doc, no PDF",
)
# each run of the plan takes the next encoding: legacy runs mixed with Unicode ones
MIXES = {"tcvn3": ("tcvn3", "tcvn3", "unicode"), "vni": ("vni", "vni", "unicode")}


# ---- the conversion itself ----------------------------------------------------------------


def _letters(encoding: str) -> str:
    return "".join(sorted(set(legacy.table(encoding).values())))


@pytest.mark.parametrize("encoding", legacy.ENCODINGS)
def test_every_letter_comes_back(encoding):
    letters = _letters(encoding)
    assert len(letters) == {"tcvn3": 74, "vni": 134}[encoding]
    assert legacy.decode(encode(letters, encoding), legacy.Legacy(encoding)) == letters


def test_tcvn3_capitals_font_and_soft_hyphen():
    capitals = legacy.Legacy("tcvn3", capitals=True)
    assert legacy.decode("kÕ ho¹ch c¶i c¸ch", capitals) == "KẾ HOẠCH CẢI CÁCH"
    sentence = "Thùc hiÖn KÕ ho¹ch CCHC ch\u00ada ®¹t tû lÖ"
    assert legacy.decode(sentence, legacy.Legacy("tcvn3")) == (
        "Thực hiện Kế hoạch CCHC chưa đạt tỷ lệ"
    )


@pytest.mark.parametrize(
    ("font", "expected"),
    [
        (".VnTime", legacy.Legacy("tcvn3")),
        (".VnTimeH", legacy.Legacy("tcvn3", capitals=True)),
        ("ABCDEF+.VnTimeH-Bold", legacy.Legacy("tcvn3", capitals=True)),
        ("VnArial", legacy.Legacy("tcvn3")),
        ("VNI-Times", legacy.Legacy("vni")),
        ("BAAAAA+VNI-Times,Bold", legacy.Legacy("vni")),
        ("Times New Roman", None),
        ("AAAAAA+LiberationSerif-Bold", None),
        (None, None),
    ],
)
def test_a_font_name_tells_its_encoding(font, expected):
    assert legacy.of_font(font) == expected


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Thùc hiÖn KÕ ho¹ch c¶i c¸ch hµnh chÝnh", "tcvn3"),
        ("Thöïc hieän keá hoaïch caûi caùch haønh chính", "vni"),
        ("Thực hiện kế hoạch cải cách hành chính © 2024", None),
        ("Cải cách hành chính toàn diện", None),
        ("Administrative reform plan, 2024", None),
        ("ho¹ch", None),  # too little to tell
    ],
)
def test_without_a_font_name_the_text_tells(text, encoding):
    found = legacy.detect(text)
    assert (found.encoding if found else None) == encoding


def test_a_run_typed_in_unicode_is_left_alone_whatever_its_font():
    tcvn3 = legacy.Legacy("tcvn3")
    assert legacy.convert("Cải cách", tcvn3) == "Cải cách"
    assert legacy.convert("c¶i c¸ch", tcvn3) == "cải cách"


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("Kế hoạch.docx".encode(), "Kế hoạch.docx"),
        (b"K\xea\xec hoa\xf2ch.docx", "Kế hoạch.docx"),  # CP1258: tone marks combine
        (b"K\xd5 ho\xb9ch.docx", "Kế hoạch.docx"),  # TCVN3
        ("Báo cáo.pdf".encode("latin-1"), "Báo cáo.pdf"),
    ],
)
def test_a_file_name_in_a_legacy_code_page_is_read(raw, name):
    assert legacy.readable(raw) == name


# ---- the DOCX reader ---------------------------------------------------------------------


def test_runs_convert_by_the_font_their_style_gives(tmp_path):
    """The document's Normal style is .VnTime; one run says Times New Roman, one .VnTimeH, one
    holds the ư that LibreOffice writes as a soft-hyphen element."""
    mixed = paragraph_xml(
        _run(".VnTimeH", f"<w:t>{encode('kế hoạch', 'tcvn3')}</w:t>"),
        _run("Times New Roman", '<w:t xml:space="preserve"> của xã Tân An </w:t>'),
        _run(None, "<w:t>ch</w:t><w:softHyphen/><w:t>a</w:t>"),
    )
    path = build(
        tmp_path / "styled.docx",
        [encode("Kế hoạch khắc phục", "tcvn3"), ("xml", mixed), "Cải cá\u00adch"],
    )
    _set_normal_font(path, ".VnTime")
    document = read_docx(path)
    texts = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    # the last paragraph is typed in Unicode in the .VnTime style: its soft hyphen is one
    assert texts == ["Kế hoạch khắc phục", "KẾ HOẠCH của xã Tân An chưa", "Cải cách"]
    assert document.legacy_runs == {"tcvn3": 3}


def _run(font, inner):
    fonts = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr>' if font else ""
    return f"<w:r>{fonts}{inner}</w:r>"


def _set_normal_font(path, font):
    import docx

    document = docx.Document(str(path))
    document.styles["Normal"].font.name = font
    document.save(str(path))


# ---- the PDF reader ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def fonts(tmp_path_factory):
    return legacy_fonts(tmp_path_factory.mktemp("fonts"))


@NO_LIBREOFFICE
def test_a_borderless_table_in_a_legacy_font_is_converted_too(tmp_path, fonts):
    """camelot reads such a table's text without its fonts: the page's words give them."""
    rows = [
        ["TT", "Nhiệm vụ, giải pháp", "Đơn vị chủ trì", "Thời gian thực hiện"],
        ["1", "Rà soát thủ tục hành chính", "Văn phòng", "Quý I/2025"],
        ["2", "Niêm yết công khai TTHC", "Tư pháp", "Thường xuyên"],
        ["3", "Số hóa hồ sơ", "Bộ phận một cửa", "Năm 2025"],
    ]
    twin = build(tmp_path / "twin.docx", ["KẾ HOẠCH", ("table", rows, []), "Nơi nhận:"])
    typed = legacy_docx(twin, tmp_path / "typed.docx", MIXES["tcvn3"])
    read = {
        form: read_pdf(saved_as_pdf(source, tmp_path / f"{form}.pdf", fonts))
        for form, source in (("typed", typed), ("twin", twin))
    }
    grids = {}
    for form, document in read.items():
        table = next(b for b in document.blocks if isinstance(b, Table))
        assert table.method.startswith("camelot-")
        grids[form] = [[c.text if c else "" for c in row] for row in table.grid()]
    assert grids["typed"] == grids["twin"]
    assert grids["twin"][-1] == rows[-1]
    assert read["typed"].legacy_runs["tcvn3"] > 0


# ---- plans typed in legacy fonts, against their Unicode twins -----------------------------


def _as_gold(out, folder):
    """A run's records written as gold labels (tests/gold's form): the twin's, to hold the
    legacy form's records against."""
    tables = {t: pd.read_parquet(out / f"{t}.parquet") for t in TABLES[:4]}
    tables["scores"] = tables["scores"].rename(columns={"max_points": "max"})
    folder.mkdir()
    for doc in tables["documents"].to_dict("records"):
        gold = {
            t: _plain(tables[t][tables[t]["doc_id"] == doc["doc_id"]]).to_dict("records")
            for t in ("scores", "deductions", "tasks")
        }
        gold["document"] = {k: doc[k] for k in DOCUMENT_FIELDS if pd.notna(doc[k])}
        gold["document"]["decisions"] = [{"number": d["number"]} for d in doc["decisions"]]
        name = os.path.basename(doc["source_path"]).split(".")[0]
        (folder / f"{name}.json").write_text(json.dumps(gold, default=_json), encoding="utf-8")
    return folder


def _json(value):
    """numpy integers as numbers, dates (tasks.deadline_date) in ISO form."""
    return value.isoformat() if isinstance(value, date) else int(value)


def _plain(frame):
    """Missing values as None (JSON null), not NaN."""
    return frame.drop(columns="doc_id").astype(object).where(frame.notna(), None)


def _measured(report, form):
    measured = {t: round(report.f1(t, form), 3) for t in ("scores", "deductions", "tasks")}
    measured["fields"] = round(report.field_accuracy(form), 3)
    return measured


@pytest.fixture(scope="module")
def twin_run(tmp_path_factory, samples, fonts):
    """The sample plans saved as PDF by LibreOffice, as the legacy ones are: their Unicode
    twins, run once."""
    root = tmp_path_factory.mktemp("twin")
    (root / "in").mkdir()
    for source in sorted((samples / "docx").glob("*.docx")):
        saved_as_pdf(source, root / "in" / f"{source.stem}.pdf", fonts)
    run(root / "in", root / "out")
    return root / "out"


@pytest.fixture(scope="module", params=sorted(MIXES))
def legacy_run(request, tmp_path_factory, samples, fonts):
    """The sample plans re-encoded run by run in one legacy encoding mixed with Unicode (DOCX),
    and those saved as PDF by LibreOffice drawing the legacy fonts (where it is installed),
    run once."""
    encoding = request.param
    root = tmp_path_factory.mktemp(encoding)
    for folder in ("in/docx", "in/pdf"):
        (root / folder).mkdir(parents=True)
    for source in sorted((samples / "docx").glob("*.docx")):
        typed = legacy_docx(source, root / "in" / "docx" / source.name, MIXES[encoding])
        if office.find_soffice():
            saved_as_pdf(typed, root / "in" / "pdf" / f"{source.stem}.pdf", fonts)
    run(root / "in", root / "out")
    return encoding, root


def test_a_legacy_docx_gives_the_gold_records(legacy_run, gold):
    """The DOCX twin is the sample itself: the legacy form is held against the gold labels."""
    encoding, root = legacy_run
    measured = _measured(evaluate(root / "out", gold), "docx")
    print(encoding, "docx against gold:", measured)
    assert min(measured.values()) >= FLOOR, measured


@NO_LIBREOFFICE
def test_a_legacy_pdf_is_drawn_in_the_legacy_fonts(legacy_run):
    """The PDF names the fonts a clerk typed in, bold ones too, and its text layer holds the
    legacy characters: not a font LibreOffice put in their place."""
    encoding, root = legacy_run
    chars = []
    for path in sorted((root / "in" / "pdf").glob("*.pdf")):
        with pdfplumber.open(path) as pdf:
            chars += [c for page in pdf.pages for c in page.chars]
    typed = [c for c in chars if legacy.of_font(c["fontname"]) is not None]
    names = {c["fontname"].split("+")[-1] for c in typed}
    name = FONT_NAMES[encoding]
    assert {name, f"{name}-Bold"} <= names, names
    text = "".join(c["text"] for c in typed)
    for words in ("Thực hiện", "được"):  # TCVN3 types the latter's ư as U+00AD
        assert encode(words, encoding) in text, words


@NO_LIBREOFFICE
def test_a_legacy_pdf_gives_the_gold_records_as_its_twin_does(legacy_run, twin_run, gold):
    encoding, root = legacy_run
    against_twin = evaluate(root / "out", _as_gold(twin_run, root / "twin-gold"))
    measured = {
        "against gold": _measured(evaluate(root / "out", gold), "pdf"),
        "against its twin": _measured(against_twin, "pdf"),
    }
    for against, figures in measured.items():
        print(encoding, f"pdf {against}:", figures)
    print(encoding, "twin against gold:", _measured(evaluate(twin_run, gold), "pdf"))
    assert min(min(figures.values()) for figures in measured.values()) >= FLOOR, measured


def test_a_converted_plan_is_ok_and_says_so(legacy_run):
    encoding, root = legacy_run
    documents = pd.read_parquet(root / "out" / "documents.parquet")
    assert set(documents["status"]) == {"ok"}, documents[["source_path", "error"]]
    issues = pd.read_parquet(root / "out" / "issues.parquet")
    said = issues[issues["check"] == "legacy_encoding_converted"]
    assert set(said["doc_id"]) == set(documents["doc_id"])
    assert set(said["code"]) == {encoding} and set(said["severity"]) == {"info"}
    assert said["message"].str.contains(r"\d+ runs").all()


def test_no_output_text_holds_legacy_characters(legacy_run):
    _, root = legacy_run
    _assert_no_mojibake(root / "out")


def _assert_no_mojibake(out):
    """Every text of every table (the decisions' numbers inside their lists too)."""
    for table in TABLES:
        frame = pd.read_parquet(out / f"{table}.parquet")
        for column in frame.columns:
            left = {
                c for value in frame[column] for t in _texts(value) for c in legacy.signature(t)
            }
            assert not left, f"{table}.{column} holds {sorted(left)}"


def _texts(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif hasattr(value, "__len__"):  # a list (numpy array) of decisions
        for item in value:
            yield from _texts(item)


# ---- Word 97-2003 .doc ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def doc_run(tmp_path_factory, samples):
    """Each sample saved as .doc by LibreOffice: two as .doc, two renamed .docx, one typed in
    TCVN3 first (its ư goes through LibreOffice as a soft hyphen)."""
    root = tmp_path_factory.mktemp("doc")
    sources = sorted((samples / "docx").glob("*.docx"))
    for folder in ("doc", "renamed", "legacy"):
        (root / "in" / folder).mkdir(parents=True)
    for source in sources[:2]:
        saved_as_doc(source, root / "in" / "doc" / f"{source.stem}.doc")
    for source in sources[2:4]:
        saved_as_doc(source, root / "in" / "renamed" / source.name)
    typed = legacy_docx(sources[4], root / sources[4].name, MIXES["tcvn3"])
    saved_as_doc(typed, root / "in" / "legacy" / f"{sources[4].stem}.doc")
    run(root / "in", root / "out")
    return root


@NO_LIBREOFFICE
def test_a_doc_gives_the_records_of_the_docx_it_was_saved_from(doc_run, gold, quick_run):
    documents = pd.read_parquet(doc_run / "out" / "documents.parquet")
    assert set(documents["status"]) == {"ok"}, documents[["source_path", "error"]]
    assert set(documents["file_format"]) == {"doc"}
    measured = _measured(evaluate(doc_run / "out", gold), "all")
    print(".doc against gold:", measured)
    assert min(measured.values()) >= FLOOR, measured
    docx = _records(quick_run[1], "docx/")
    doc = _records(doc_run / "out", "")
    for name, rows in doc.items():
        assert rows == docx[name], name


def _records(out, prefix):
    """Each document's scores, by its file's stem, in a comparable form."""
    documents = pd.read_parquet(out / "documents.parquet")
    scores = pd.read_parquet(out / "scores.parquet")
    columns = ["index", "level", "code", "max_points", "score", "deducted", "rank", "rank_of"]
    by_name = {}
    for doc in documents.to_dict("records"):
        if doc["source_path"].startswith(prefix):
            rows = scores[scores["doc_id"] == doc["doc_id"]][columns].astype(str)
            name = os.path.basename(doc["source_path"]).split(".")[0]
            by_name[name] = sorted(map(tuple, rows.values.tolist()))
    return by_name


@NO_LIBREOFFICE
@pytest.mark.parametrize("kind", ["rtf", "odt"])
def test_rtf_and_odt_are_read_like_doc(kind, tmp_path, samples, gold):
    source = samples / "docx" / "hoang-viet-2022.docx"
    (tmp_path / "in").mkdir()
    made = office.convert(source, "docx", kind, tmp_path)
    shutil.copy(made, tmp_path / "in" / f"{source.stem}.{kind}")
    run(tmp_path / "in", tmp_path / "out")
    row = pd.read_parquet(tmp_path / "out" / "documents.parquet").iloc[0]
    assert (row["status"], row["file_format"]) == ("ok", kind)
    measured = _measured(evaluate(tmp_path / "out", gold), "other")
    assert min(measured.values()) >= FLOOR, measured


@NO_LIBREOFFICE
def test_a_legacy_doc_is_converted_too(doc_run):
    issues = pd.read_parquet(doc_run / "out" / "issues.parquet")
    assert "tcvn3" in set(issues.loc[issues["check"] == "legacy_encoding_converted", "code"])
    _assert_no_mojibake(doc_run / "out")


@NO_LIBREOFFICE
def test_a_corrupt_ole_file_fails_with_a_reason(tmp_path, samples):
    """A .doc cut in half: its OLE directory, at the end, is gone (tests/bad_inputs.py has
    one made of the OLE signature alone)."""
    whole = saved_as_doc(samples / "docx" / "cam-duong-2024.docx", tmp_path / "a.doc")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "cut.doc").write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    run(tmp_path / "in", tmp_path / "out")
    row = pd.read_parquet(tmp_path / "out" / "documents.parquet").iloc[0]
    assert (row["status"], row["file_format"]) == ("failed", "ole-damaged")
    assert row["error"].startswith("a damaged old Office file")


@NO_LIBREOFFICE
def test_a_password_protected_doc_fails_with_a_reason(tmp_path, samples):
    import olefile

    (tmp_path / "in").mkdir()
    path = saved_as_doc(samples / "docx" / "son-bao-2024.docx", tmp_path / "in" / "locked.doc")
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        stream = bytearray(ole.openstream("WordDocument").read())
        stream[11] |= 0x01  # the File Information Block's fEncrypted flag
        ole.write_stream("WordDocument", bytes(stream))
    run(tmp_path / "in", tmp_path / "out")
    row = pd.read_parquet(tmp_path / "out" / "documents.parquet").iloc[0]
    assert (row["status"], row["file_format"]) == ("failed", "doc-encrypted")
    assert "password-protected Word file" in row["error"]


@NO_LIBREOFFICE
def test_without_libreoffice_a_doc_fails_naming_the_package(tmp_path, samples, monkeypatch):
    (tmp_path / "in").mkdir()
    saved_as_doc(samples / "docx" / "son-bao-2024.docx", tmp_path / "in" / "plan.doc")
    monkeypatch.setattr(office, "find_soffice", lambda: None)  # the workers are forked
    run(tmp_path / "in", tmp_path / "out")
    row = pd.read_parquet(tmp_path / "out" / "documents.parquet").iloc[0]
    assert (row["status"], row["file_format"]) == ("failed", "doc")
    assert row["error"] == "needs LibreOffice: apt-get install libreoffice-writer-nogui"


@NO_LIBREOFFICE
def test_a_hanging_conversion_is_stopped_with_its_worker(tmp_path, samples, monkeypatch):
    (tmp_path / "in").mkdir()
    saved_as_doc(samples / "docx" / "son-bao-2024.docx", tmp_path / "in" / "plan.doc")
    hanging = tmp_path / "soffice"
    hanging.write_text(f"#!/bin/sh\necho $$ > {tmp_path / 'pid'}\nexec sleep 60\n")
    hanging.chmod(0o755)
    monkeypatch.setattr(office, "find_soffice", lambda: str(hanging))
    temporary = tmp_path / "tmp"  # the conversion's folder is made here (the workers are forked)
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    run(tmp_path / "in", tmp_path / "out", limits=Limits(timeout=3, workers=1))
    row = pd.read_parquet(tmp_path / "out" / "documents.parquet").iloc[0]
    assert row["status"] == "failed" and "longer than 3 s" in row["error"]
    with pytest.raises(ProcessLookupError):
        os.kill(int((tmp_path / "pid").read_text()), 0)
    assert not list(temporary.glob("cchc-office-*"))  # the stopped worker left no folder


# ---- file names in any bytes --------------------------------------------------------------


def test_a_file_named_in_latin1_bytes_is_extracted_with_the_rest(tmp_path, samples, gold):
    folder = tmp_path / "in"
    folder.mkdir()
    odd = os.fsdecode(b"K\xe9 ho\xb9ch.docx")
    shutil.copy(samples / "docx" / "thanh-xa-2022.docx", folder / odd)
    shutil.copy(samples / "docx" / "son-bao-2024.docx", folder / "son-bao-2024.docx")
    out = tmp_path / "out"
    summary = run(folder, out)
    assert summary.line().startswith("2 files: 2 ok")
    documents = pd.read_parquet(out / "documents.parquet").set_index("source_path")
    row = documents.loc["K\\xe9 ho\\xb9ch.docx"]
    assert row["source_name"] == unicodedata.normalize("NFC", "Kộ hoạch.docx")
    unit_name = json.loads((gold / "thanh-xa-2022.json").read_text("utf-8"))["document"][
        "unit_name"
    ]
    assert row["unit_name"] == unit_name
    assert os.fsencode(odd).decode("utf-8", "backslashreplace") == row.name  # lossless
    scores = pd.read_parquet(out / "scores.parquet")
    assert (scores["doc_id"] == row["doc_id"]).sum() > 0
    assert documents.loc["son-bao-2024.docx", "source_name"] == "son-bao-2024.docx"


def test_the_legacy_fonts_are_named_as_clerks_have_them():
    assert {legacy.of_font(f).encoding for f in FONT_NAMES.values()} == set(legacy.ENCODINGS)
