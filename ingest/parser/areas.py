"""The body of a plan (SCHEMA.md version 2): the purposes of section I and the content areas of
the section that holds the work to do, with their activities, units and timing.

Only the general forms of administrative plans are used: roman sections, numbered / lettered /
dashed items, the field lines "Cơ quan chủ trì / phối hợp / Thời gian thực hiện", a table of
tasks, and the explicit assignment sentences ("Giao X chủ trì …", "X chủ trì, phối hợp với Y").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .layout import Layout, Section, marker_level, strip_marker
from .patterns import CHARGE_VERB, UNIT_START, fold
from .timing import parse_timing

# The section of purposes and requirements, and the one that holds the work to do.
PURPOSE_SECTION = re.compile(r"(?i)^\s*mục\s+(?:đích|tiêu)")
WORK_SECTION = re.compile(r"(?i)^\s*(?:nội\s+dung|(?:các\s+)?nhiệm\s+vụ)")
# A sub-heading of the purposes section: "1. Mục đích", "2. Yêu cầu", "Mục đích, yêu cầu:".
PURPOSE_HEADING = re.compile(
    r"(?i)^(?:mục\s+đích|yêu\s+cầu|mục\s+tiêu|chỉ\s+tiêu)(?:\s*[,;–-]\s*(?:yêu\s+cầu|mục\s+đích|chỉ\s+tiêu))?"
    r"(?:\s+(?:chung|cụ\s+thể|tổng\s+quát))?\s*:?\s*$"
)
FOOTNOTE = re.compile("^[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]")

_UNIT_WORD = r"(?:Cơ\s+quan|Đơn\s+vị|Bộ\s+phận)"
LEAD_LINE = re.compile(
    rf"(?i)^{_UNIT_WORD}\s+(?:chủ\s+trì(?:\s+(?:tham\s+mưu\s+)?thực\s+hiện|\s+tham\s+mưu)?|thực\s+hiện)\s*:\s*(?P<v>.*)$"
)
SUPPORT_LINE = re.compile(rf"(?i)^{_UNIT_WORD}\s+phối\s+hợp(?:\s+thực\s+hiện)?\s*:\s*(?P<v>.*)$")
TIMING_LINE = re.compile(r"(?i)^(?:thời\s+gian(?:\s+thực\s+hiện|\s+hoàn\s+thành)?|thời\s+hạn)\s*:?\s*(?P<v>.*)$")
CONTENT_LINE = re.compile(r"(?i)^nội\s+dung(?:\s+thực\s+hiện)?\s*:\s*(?P<v>.+)$")

# Explicit assignments inside an area.
_GIVE = re.compile(r"\bGiao\s+(?:cho\s+)?(?P<u>.+?)\s+(?:chủ\s+trì|thực\s+hiện|tham\s+mưu|triển\s+khai|là\s+cơ\s+quan)")
_LEAD_VERB = re.compile(r"\s(?:chủ\s+trì|có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm)(?!\w)")
# After "phối hợp với", the units run to a punctuation mark or to the verb of what is done.
_WITH = re.compile(
    r"\bphối\s+hợp\s+với\s+(?P<u>.+?)(?=\s+(?:để|nhằm|trong|biên\s+tập|mở|thực\s+hiện)\b|"
    + CHARGE_VERB.pattern.replace("(?<=\\s)", "\\s+")
    + r"|[.;:]|$)"
)
# What follows a unit's name to say what it does or within what limits.
_UNIT_TAIL = re.compile(
    r"\s+(?:trong\s+phạm\s+vi|theo\s+(?:chức\s+năng|quy\s+định|thẩm\s+quyền|nhiệm\s+vụ)|căn\s+cứ|"
    r"chủ\s+trì|phối\s+hợp|tham\s+mưu|thực\s+hiện|triển\s+khai|có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm|"
    r"tổ\s+chức\s+thực\s+hiện|theo\s+dõi|hướng\s+dẫn)\b.*$"
)
# A new unit name after "," or "và": a capitalised unit head or a group ("các cơ quan …").
_NEW_UNIT = re.compile(
    r"^(?:" + UNIT_START.pattern[1:] + r"|UBND|Ủy\s+ban|Uỷ\s+ban|Mặt\s+trận|Hội|Liên\s+đoàn|Đoàn|"
    r"(?:các|Các)\s+(?:cơ\s+quan|đơn\s+vị|sở|ban|ngành|phòng|tổ\s+chức|địa\s+phương|đoàn\s+thể|xã|phường|hội))"
)


@dataclass
class Area:
    label: str
    title: str
    activities: list[str] = field(default_factory=list)
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    timings: list[str] = field(default_factory=list)


def _item_text(para: str) -> str:
    return fold(strip_marker(para)).strip()


def _drop_period(text: str) -> str:
    return text.strip().rstrip(" .;,").strip()


def _label(para: str) -> str:
    m = re.match(r"^\s*(\w+(?:\.\w+)*)", para)
    return m.group(1).rstrip(".") if m else ""


# --- Purposes ----------------------------------------------------------------------------------
def _section(layout: Layout, pattern: re.Pattern[str]) -> Section | None:
    return next((s for s in layout.sections if pattern.search(s.title)), None)


def purposes(layout: Layout) -> list[str]:
    section = _section(layout, PURPOSE_SECTION)
    if section is None:
        return []
    out = []
    for i in range(section.start + 1, section.end):
        para = layout.paras[i]
        if FOOTNOTE.match(para):
            continue
        text = _item_text(para)
        if not text or PURPOSE_HEADING.match(text):
            continue
        out.append(text)
    return out


# --- Units ---------------------------------------------------------------------------------------
def split_units(text: str) -> list[str]:
    """A list of unit names as written: split at ";" and at "," / "và" where a new name begins."""
    out: list[str] = []
    for part in re.split(r"\s*;\s*", text):
        pieces = re.split(r"(,\s+|\s+và\s+)", part)
        current = pieces[0]
        for sep, piece in zip(pieces[1::2], pieces[2::2], strict=True):
            if _NEW_UNIT.match(piece) and not _is_group_word(current) and not _shared_office(current, sep):
                out.append(current)
                current = piece
            else:
                current += sep + piece
        out.append(current)
    return [u for u in (_clean_unit(u) for u in out) if u]


def _is_group_word(text: str) -> bool:
    """ "Các sở" before ", ban, ngành": the name goes on."""
    return bool(re.fullmatch(r"(?i)(?:các|tất cả các)\s+\w+", text.strip()))


def _shared_office(text: str, sep: str) -> bool:
    """ "Văn phòng HĐND và UBND huyện": one office of two bodies."""
    return sep.strip() == "và" and bool(re.fullmatch(r"Văn\s+phòng\s+\S+", text.strip()))


def _clean_unit(unit: str) -> str:
    unit = _UNIT_TAIL.sub("", unit.strip(" -–+,.;:"))
    unit = re.sub(r"^(?:và|với|cùng)\s+", "", unit)
    return _drop_period(unit)


# --- Content areas -------------------------------------------------------------------------------
def _field(text: str, area: Area) -> bool:
    """Read a field line into `area`; False when `text` is none."""
    if m := LEAD_LINE.match(text):
        _add(area.lead, split_units(m.group("v")))
    elif m := SUPPORT_LINE.match(text):
        _add(area.support, split_units(m.group("v")))
    elif (m := TIMING_LINE.match(text)) and len(text) <= 200:
        timing = _drop_period(m.group("v"))
        if timing and timing not in area.timings:
            area.timings.append(timing)
    else:
        return False
    return True


def _add(target: list[str], units: list[str]) -> None:
    for unit in units:
        if unit not in target:
            target.append(unit)


def _explicit_units(text: str, area: Area) -> None:
    """Units named in charge inside an activity: "Giao X chủ trì …", "X chủ trì …, phối hợp với Y"."""
    for sentence in re.split(r"(?<=[.;])\s+", text):
        lead: list[str] = []
        if m := _GIVE.search(sentence):
            lead = split_units(m.group("u"))
        elif UNIT_START.match(sentence) and (v := _LEAD_VERB.search(sentence)) and v.start() <= 150:
            lead = split_units(sentence[: v.start()])
        if not lead:
            continue
        _add(area.lead, lead)
        if w := _WITH.search(sentence):
            _add(area.support, split_units(w.group("u")))


def _area_level(layout: Layout, start: int, end: int) -> int | None:
    levels = {marker_level(layout.paras[i]) for i in range(start, end)}
    if 1 in levels:
        return 1
    if 5 in levels:
        return 5
    return None


def content_areas(layout: Layout) -> list[Area]:
    section = _section(layout, WORK_SECTION)
    if section is None:
        return []
    paras = layout.paras
    start, end = section.start + 1, section.end
    level = _area_level(layout, start, end)
    if level is None:
        return []
    heads = [i for i in range(start, end) if marker_level(paras[i]) == level]
    areas = []
    for n, head in enumerate(heads):
        stop = heads[n + 1] if n + 1 < len(heads) else end
        areas.append(_area(paras, head, stop))
    return areas


def _area(paras: list[str], head: int, stop: int) -> Area:
    area = Area(_label(paras[head]), _item_text(paras[head]))
    _explicit_units(area.title, area)
    body = [i for i in range(head + 1, stop) if not FOOTNOTE.match(paras[i])]
    for n, i in enumerate(body):
        text = _item_text(paras[i])
        if not text or _field(text, area):
            continue
        if m := CONTENT_LINE.match(text):
            text = m.group(1)
        elif text.endswith(":") and n + 1 < len(body) and _introduces(paras[i], paras[body[n + 1]]):
            continue  # "- Nhiệm vụ:", "- Đối với …:" only introduce their sub-items
        area.activities.append(text)
        _explicit_units(text, area)
    return area


def _introduces(para: str, following: str) -> bool:
    """An item ending with ":" followed by deeper items, or by items of the same mark that are
    not field lines (the sub-items of a lead-in)."""
    return marker_level(following) >= marker_level(para) or marker_level(para) == 9


def areas_json(layout: Layout, year: int | None) -> list[dict[str, object]]:
    out = []
    for area in content_areas(layout):
        timing = "; ".join(area.timings) or None
        due, recurrence = parse_timing(timing, year)
        out.append(
            {
                "label": area.label,
                "title": area.title,
                "activities": area.activities,
                "lead": area.lead,
                "support": area.support,
                "timing": timing,
                "due_date": due,
                "recurrence": recurrence,
            }
        )
    return out
