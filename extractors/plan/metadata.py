"""Document fields: kind, title, unit, district, province, index year, signer, cited decisions."""

from __future__ import annotations

import re
from collections import Counter

from extractors.model import Decision, DocumentInfo
from extractors.plan.outline import Line, TableAt
from normalizers.dates import find_date
from normalizers.text import LOWER, UPPER, clean, clean_value, strip_accents

_KINDS = {"KE HOACH": "ke_hoach", "BAO CAO": "bao_cao"}  # matched without marks: OCR's "KE HOẠCH"
# a year named as such, not the year of a date ("ngày 07 tháng 02 năm 2025")
YEAR_OF = r"(?<!tháng \d )(?<!tháng \d\d )năm\s+((?:19|20)\d{2})"
_TITLE_STOP = re.compile(
    r"^(?:căn cứ|thực hiện|theo|để|nhằm|năm \d{4},|kính gửi|[IVX]+\.|\d+\.)", re.IGNORECASE
)
MAX_TITLE_LINES = 4
_WORD = f"[{UPPER}][{LOWER}]*"
_NAME = rf"{_WORD}(?:\s+{_WORD}){{0,3}}"
_UNIT = re.compile(rf"(?<!thị )(?<!Thị )\b(xã|phường|thị trấn)\s+({_NAME})\b")
_UNIT_CAPS = re.compile(
    rf"^(?:(?:ỦY|UỶ) BAN NHÂN DÂN\s+|UBND\s+)?(XÃ|PHƯỜNG|THỊ TRẤN)\s+([{UPPER} ]{{2,40}})$"
)
_DISTRICT_CAPS = re.compile(
    rf"^(?:(?:ỦY|UỶ) BAN NHÂN DÂN|UBND)\s+(?:HUYỆN|QUẬN|THỊ XÃ)\s+([{UPPER} ]{{2,40}})$"
)
_KIND_LINE = re.compile(r"^(KE HOACH|BAO CAO)\b\s*")
_RESULT_YEAR = re.compile(rf"(?:chỉ số|CCHC|PAPI|kết quả)[^.;]{{0,80}}?{YEAR_OF}", re.IGNORECASE)
_PUBLISHED_YEAR = re.compile(
    rf"(?:công bố|kết quả)[^.;]{{0,60}}?(?:chỉ số|CCHC|PAPI)[^.;]{{0,80}}?{YEAR_OF}",
    re.IGNORECASE,
)
_DISTRICT = re.compile(rf"\b(?:huyện|quận|thị xã)\s+({_NAME})\b")
_PROVINCE = re.compile(rf"\btỉnh\s+({_NAME})\b")
_YEAR = re.compile(YEAR_OF, re.IGNORECASE)
_DOC_NUMBER = re.compile(r"\bsố\s*:?\s*(\d+[\w.]*(?:[/-][\w.Đđ]+)+)", re.IGNORECASE)
_SIGNATURE_TITLE = re.compile(r"^(?:KT\.\s*|TM\.\s*)?(?:PHÓ )?CHỦ TỊCH$")
_PERSON_AT_END = re.compile(rf"([{UPPER}][{LOWER}]+(?:\s+[{UPPER}][{LOWER}]+){{1,4}})$")
SEAL_MARKS = 4  # characters of a seal's marks OCR may read before a signer's name


def read_info(events: list[Line | TableAt]) -> DocumentInfo:
    lines = list(_texts(events))
    info = DocumentInfo()
    for i, line in enumerate(lines):
        kind = _KIND_LINE.match(strip_accents(line))
        if kind:
            # the subject line may share the line with KẾ HOẠCH or follow it
            info.doc_kind = _KINDS[kind.group(1)]
            rest = line[kind.end() :]
            info.title = _title(([rest] if rest else []) + lines[i + 1 :])
            break
    text = "\n".join(lines)
    info.unit_type, info.unit_name = _unit(lines)
    info.district = _most_common(_DISTRICT, text) or _header_district(lines)
    info.province = _most_common(_PROVINCE, text)
    info.index_year = _index_year(info.title, events)
    closing = [e.text for e in events if isinstance(e, Line) and e.zone == "closing"]
    info.signer = _signer(lines, closing)
    info.decisions = _decisions(events)
    return info


def _texts(events):
    """Every line of text in reading order, table cells included (header and signature blocks
    are often tables)."""
    for event in events:
        if isinstance(event, Line):
            yield event.text
        else:
            for cell in event.table.cells:
                for paragraph in cell.paragraphs:
                    text = clean(paragraph)
                    if text:
                        yield text


def _title(following: list[str]) -> str | None:
    parts = []
    for line in following[:MAX_TITLE_LINES]:
        if _TITLE_STOP.match(line) or (parts and len(line) > 200):
            break
        parts.append(line)
    return clean(" ".join(parts)) or None


def _index_year(title: str | None, events: list[Line | TableAt]) -> int | None:
    """The year of the results the opening paragraphs cite as published ("công bố Chỉ số CCHC
    năm 2024"); else the year in the subject line, which may also be the plan's own year
    ("nâng cao Chỉ số CCHC năm 2025"); else the first year they give any results."""
    preamble = [e.text for e in events if isinstance(e, Line) and e.zone == "preamble"]
    return (
        _first_year(_PUBLISHED_YEAR, preamble)
        or _first_year(_YEAR, [title or ""])
        or _first_year(_RESULT_YEAR, preamble)
    )


def _first_year(pattern: re.Pattern[str], texts: list[str]) -> int | None:
    found = next(filter(None, (pattern.search(text) for text in texts)), None)
    return int(found.group(1)) if found else None


def _unit(lines: list[str]) -> tuple[str | None, str | None]:
    counts = Counter(m.groups() for line in lines for m in _UNIT.finditer(line))
    if counts:
        return counts.most_common(1)[0][0]
    for line in lines:
        caps = _UNIT_CAPS.match(line)
        if caps:
            return caps.group(1).lower(), caps.group(2).strip().title()
    return None, None


def _header_district(lines: list[str]) -> str | None:
    """The district of the header block's first line ("UBND HUYỆN VĂN LÃNG"), when the text
    names it nowhere else."""
    caps = next(filter(None, (_DISTRICT_CAPS.match(line) for line in lines)), None)
    return caps.group(1).strip().title() if caps else None


def _most_common(pattern: re.Pattern[str], text: str) -> str | None:
    counts = Counter(m.group(1) for m in pattern.finditer(text))
    return counts.most_common(1)[0][0] if counts else None


def _signer(lines: list[str], closing: list[str]) -> str | None:
    """The name under the signature title; where a stamp made the title illegible, the last
    name in the closing block (after "Nơi nhận")."""
    for i, line in enumerate(lines):
        if _SIGNATURE_TITLE.match(line):
            for candidate in lines[i + 1 : i + 8]:
                if name := _person(candidate):
                    return name
    names = [name for name in map(_person, closing) if name]
    return names[-1] if names else None


def _person(line: str) -> str | None:
    """The line as a person's name; a scan may set a few marks of the seal before it ("vì
    -Định Minh Kiên"): a short prefix with no capital letter is dropped."""
    found = _PERSON_AT_END.search(line)
    if found is None:
        return None
    prefix = line[: found.start(1)]
    if len(prefix.strip()) > SEAL_MARKS or any(c.isupper() for c in prefix):
        return None
    return found.group(1)


def _decisions(events: list[Line | TableAt]) -> list[Decision]:
    """The documents the opening paragraphs cite as the basis of the published results."""
    out: dict[str, Decision] = {}
    for line in events:
        if not isinstance(line, Line) or line.zone != "preamble":
            continue
        # "Số: 25/KH-UBND" opening a line is the document's own number, not a citation
        matches = [m for m in _DOC_NUMBER.finditer(line.text) if line.text[: m.start()].strip()]
        for n, match in enumerate(matches):
            end = matches[n + 1].start() if n + 1 < len(matches) else len(line.text)
            dated = find_date(line.text[match.end() : end])
            number = clean_value(match.group(1))
            out.setdefault(number, Decision(number, dated[0] if dated else None))
    return list(out.values())
