"""Where the parts of a document are (Nghị định 30/2020): header, type and title, body, closing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .normalize import starts_item
from .patterns import (
    AUTHORITY,
    BASIS_START,
    CLOSING,
    DASH_MARKER,
    DIGIT_MARKER,
    LETTER_MARKER,
    RECIPIENTS,
    ROMAN,
    ROMAN_HEADING,
    TYPE_HEADINGS,
    fold,
)

# Headings are short; a longer "I. ..." line is a wrapped sentence, not a section.
_HEADING_MAX = 160
# The type line ("KẾ HOẠCH") comes within the first paragraphs of the page.
_HEADER_SPAN = 25


@dataclass
class Section:
    label: str
    title: str
    start: int  # index of the heading paragraph
    end: int  # index after the section's last paragraph


@dataclass
class Layout:
    paras: list[str]
    type_index: int | None  # the "KẾ HOẠCH" paragraph
    type_heading: str | None
    title: str | None
    body_start: int  # first paragraph after the title
    body_end: int  # first paragraph of the closing (Trên đây / Nơi nhận / signature)
    sections: list[Section] = field(default_factory=list)

    @property
    def header(self) -> list[str]:
        end = self.type_index if self.type_index is not None else min(self.body_start, 5)
        return self.paras[:end]

    @property
    def preamble_end(self) -> int:
        if self.sections:
            return self.sections[0].start
        for i in range(self.body_start, self.body_end):
            if starts_item(self.paras[i]):
                return i
        return self.body_end

    @property
    def closing(self) -> list[str]:
        return self.paras[self.body_end :]


def marker_level(para: str) -> int:
    """Depth of a paragraph's list mark: 0 roman, 1+ numbers ("1.", "1.1."), 5 letters, 6 dashes,
    9 unmarked."""
    if ROMAN_HEADING.match(para) and len(para) <= _HEADING_MAX:
        return 0
    if m := DIGIT_MARKER.match(para):
        return 1 + m.group("label").count(".")
    if LETTER_MARKER.match(para):
        return 5
    if DASH_MARKER.match(para) and starts_item(para):
        return 6
    return 9


def strip_marker(para: str) -> str:
    for pattern in (DIGIT_MARKER, LETTER_MARKER):
        if m := pattern.match(para):
            return para[m.end() :]
    if m := DASH_MARKER.match(para):
        return para[m.end() :]
    return para


def _type_line(paras: list[str]) -> tuple[int, str, str] | None:
    for i, para in enumerate(paras[:_HEADER_SPAN]):
        for heading in TYPE_HEADINGS:
            if para == heading or para.startswith(heading + " "):
                return i, heading, para[len(heading) :].strip()
    return None


def _title(paras: list[str], type_index: int, rest: str) -> tuple[str | None, int]:
    """The trích yếu: on the type line itself or the paragraph after it."""
    if rest:
        return fold(rest).rstrip(" ."), type_index + 1
    nxt = type_index + 1
    if nxt >= len(paras):
        return None, nxt
    candidate = paras[nxt]
    if ROMAN_HEADING.match(candidate) or (BASIS_START.match(candidate) and re.search(r"\bsố\b", candidate)):
        return None, nxt
    return fold(candidate).rstrip(" ."), nxt + 1


def _closing_start(paras: list[str], start: int) -> int:
    for i in range(start, len(paras)):
        para = paras[i]
        if CLOSING.match(para) or RECIPIENTS.match(para):
            return i
        if (m := AUTHORITY.match(para)) and m.start() == 0:
            return i
    return len(paras)


# OCR reads the "I" of a roman numeral as "l", "|" or "H" ("HI." for "III.").
# It also drops the period after a numeral of two or more letters ("II Một số chỉ tiêu"), and reads
# the first section's "I." as "1." ("1. Mục đích yêu cầu").
_OCR_ROMAN = re.compile(
    r"^(?P<label>[IVXlLH|]{1,4}|1)(?:\s*[.:/-]\s*|(?<=[IVX]{2})\s+|\s+(?=[A-ZĐÀ-Ỹ]{2,}\s))(?P<title>[A-ZĐÀ-Ỹ].*)$"
)
_OCR_FIXES = str.maketrans({"l": "I", "L": "I", "|": "I", "H": "II", "1": "I"})
# The headings a plan's roman sections carry; a "1." reads as "I." only with one of them.
_SECTION_WORDS = re.compile(
    r"(?i)^(?:mục\s+đích|mục\s+tiêu|yêu\s+cầu|nội\s+dung|(?:các\s+)?nhiệm\s+vụ|chỉ\s+tiêu|kinh\s+phí|"
    r"giải\s+pháp|tổ\s+chức\s+thực\s+hiện|đánh\s+giá|tình\s+hình|kết\s+quả)"
)


def _has_second_section(paras: list[str], start: int, end: int) -> bool:
    return any((m := ROMAN_HEADING.match(paras[i])) and m.group("label") == "II" for i in range(start, end))


def _sections(paras: list[str], start: int, end: int) -> list[Section]:
    """Top-level roman sections in sequence: "III." only counts after "II.". A heading read twice
    ("II." where "III." is due, an OCR slip) takes the due label; one that skips a label is kept."""
    found: list[Section] = []
    due = 0  # index in ROMAN of the label expected next
    for i in range(start, end):
        para = paras[i]
        m = ROMAN_HEADING.match(para) or _OCR_ROMAN.match(para)
        if not m or len(para) > _HEADING_MAX or due >= len(ROMAN):
            continue
        if m.group("label") == "1" and not (
            due == 0 and _SECTION_WORDS.match(m.group("title")) and _has_second_section(paras, i + 1, end)
        ):
            continue
        label = m.group("label").translate(_OCR_FIXES)
        title = fold(m.group("title"))
        heading_like = len(title) <= 100 and not title.endswith(".") and title[0].isupper()
        if label == ROMAN[due] and (ROMAN_HEADING.match(para) or heading_like):
            pass
        elif heading_like and found and label == found[-1].label:
            label = ROMAN[due]
        elif heading_like and due + 1 < len(ROMAN) and label == ROMAN[due + 1]:
            due += 1
        else:
            continue
        if found:
            found[-1].end = i
        found.append(Section(label, title, i, end))
        due += 1
    return found


def locate(paras: list[str]) -> Layout:
    type_line = _type_line(paras)
    if type_line:
        type_index, heading, rest = type_line
        title, body_start = _title(paras, type_index, rest)
    else:
        # No type line: the body starts at the first "Căn cứ ..." or roman section.
        type_index, heading, title = None, None, None
        body_start = next((i for i, p in enumerate(paras) if BASIS_START.match(p) or ROMAN_HEADING.match(p)), 0)
    body_end = _closing_start(paras, body_start)
    layout = Layout(paras, type_index, heading, title, body_start, body_end)
    layout.sections = _sections(paras, body_start, body_end)
    return layout
