"""The body's content: targets (chỉ tiêu), deadlines and the units charged in "Tổ chức thực hiện"."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .layout import Layout, marker_level, strip_marker
from .patterns import (
    ASSIGNMENT_SECTION,
    CHARGE_PREFIX,
    CHARGE_VERB,
    COUNT_TARGET,
    DEADLINE_CUE,
    GROUP_HEADS,
    PERCENT,
    REACH_CUE,
    REPORT_DUE,
    TARGET_SECTION,
    UNIT_START,
    parse_day,
)

# Every deadline form has a day/month slash or the word "tháng"; most paragraphs have neither.
_DATE_HINT = re.compile(r"\d/\d|tháng")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[^\sa-zđ])")
# A heading that names a unit without saying what it does stays short.
_UNIT_HEADING_MAX_WORDS = 30
_UNIT_MAX_CHARS = 200


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s]


# --- Targets -----------------------------------------------------------------------------------
def _number(raw: str) -> int | float:
    value = float(raw.replace(",", "."))
    return int(value) if value.is_integer() else value


def _target(text: str) -> dict[str, object]:
    if m := PERCENT.search(text):
        return {"text": text, "value": _number(m.group(1)), "unit": "%"}
    if m := COUNT_TARGET.search(text):
        return {"text": text, "value": _number(m.group("value")), "unit": m.group("unit")}
    return {"text": text, "value": None, "unit": None}


def _is_reach(sentence: str) -> bool:
    """A sentence that fixes a figure to reach: "đạt mức trên 90%", "100% hồ sơ ...", "ít nhất 02 lần"."""
    m = PERCENT.search(sentence)
    if m:
        return sentence.lstrip().startswith(m.group(0)) or bool(REACH_CUE.search(sentence[: m.start()]))
    return bool(COUNT_TARGET.search(sentence)) and bool(re.search(r"(?i)ít nhất|tối thiểu|không dưới", sentence))


def _is_heading(para: str) -> bool:
    """A short line that titles what follows ("2. Chỉ tiêu", "a) Về học tập:")."""
    text = strip_marker(para).rstrip()
    return text.endswith(":") or (len(text.split()) <= 15 and not text.endswith(".") and not PERCENT.search(text))


def _subheadings(layout: Layout, start: int, end: int) -> list[int]:
    paras = layout.paras
    return [
        i
        for i in range(start, end)
        if marker_level(paras[i]) in (1, 2) and _is_heading(paras[i]) and TARGET_SECTION.search(paras[i])
    ]


def _target_blocks(layout: Layout) -> list[range]:
    """The specific-targets part: numbered "Chỉ tiêu" headings where there are some (a section
    "Mục đích, yêu cầu, chỉ tiêu" keeps its targets under one), else a roman section on chỉ tiêu."""
    paras = layout.paras
    section = next((s for s in layout.sections if TARGET_SECTION.search(s.title)), None)
    span = (section.start + 1, section.end) if section else (layout.preamble_end, layout.body_end)
    blocks = []
    for i in _subheadings(layout, *span):
        level = marker_level(paras[i])
        end = next((j for j in range(i + 1, span[1]) if marker_level(paras[j]) <= level), span[1])
        blocks.append(range(i + 1, end))
    if not blocks and section:
        blocks.append(range(*span))
    return blocks


def _group_items(paras: list[str]) -> list[list[str]]:
    """Paragraphs grouped by their top-level list mark; unmarked text continues the item above."""
    levels = [marker_level(p) for p in paras]
    top = min(levels, default=9)
    items: list[list[str]] = []
    for para, level in zip(paras, levels, strict=True):
        if level == top or not items:
            items.append([para])
        else:
            items[-1].append(para)
    return items


def _target_texts(paras: list[str]) -> list[str]:
    """One text per target: an item, or the items under a heading item."""
    texts = []
    for head, *children in _group_items(paras):
        if children and _is_heading(head):
            texts.extend(_target_texts(children))
        elif not strip_marker(head).rstrip().endswith(":"):
            texts.append(" ".join(strip_marker(p).strip() for p in [head, *children]))
    return texts


def targets(layout: Layout) -> list[dict[str, object]]:
    blocks = _target_blocks(layout)
    found = [_target(text) for block in blocks for text in _target_texts([layout.paras[i] for i in block])]
    skip = {i for block in blocks for i in block}
    for i in range(layout.preamble_end, layout.body_end):
        if i in skip:
            continue
        para = layout.paras[i]
        if "%" not in para and not COUNT_TARGET.search(para):
            continue
        for sentence in sentences(strip_marker(para)):
            if _is_reach(sentence):
                found.append(_target(sentence.strip()))
    return found


# --- Deadlines ---------------------------------------------------------------------------------
@dataclass
class Deadline:
    date: str
    text: str
    para: int


def _clause_before(text: str) -> str:
    clause = re.split(r"[,;:]\s+|\.\s+", text)[-1]
    return clause.strip(" ,;:-")


def deadlines(layout: Layout, year: int | None) -> list[Deadline]:
    found: list[Deadline] = []
    for i in range(layout.body_start, layout.body_end):
        para = layout.paras[i]
        if not _DATE_HINT.search(para):
            continue
        seen: set[int] = set()
        for pattern in (REPORT_DUE, DEADLINE_CUE):
            for m in pattern.finditer(para):
                date = parse_day(m.group("date"), year)
                if not date or m.start("date") in seen:
                    continue
                seen.add(m.start("date"))
                if pattern is REPORT_DUE:
                    text = para[m.start() : m.start("date")].strip(" :,")
                else:
                    text = _clause_before(para[: m.start()]) or para[m.start() : m.end()]
                found.append(Deadline(date, text, i))
    unique: dict[tuple[str, str], Deadline] = {}
    for d in found:
        unique.setdefault((d.date, d.text), d)
    return list(unique.values())


# --- Assignments -------------------------------------------------------------------------------
@dataclass
class Assignment:
    unit: str
    text: str
    paras: list[int] = field(default_factory=list)


def parse_unit(text: str) -> tuple[str, str] | None:
    """(unit, what it is charged with) when `text` starts with a unit's name."""
    text = CHARGE_PREFIX.sub("", text.strip())
    head = UNIT_START.match(text)
    if not head:
        return None
    colon = text.find(":")
    if 0 < colon <= _UNIT_MAX_CHARS and len(text[:colon].split()) <= 15:
        return text[:colon].strip(), text[colon + 1 :].strip()
    search_from = head.end()
    if head.group(0) in GROUP_HEADS and (verb := CHARGE_VERB.match(text, search_from + 1)):
        search_from = verb.end()  # "Tổ kiểm tra công vụ": the function is part of the name
    if verb := CHARGE_VERB.search(text, search_from):
        unit = text[: verb.start()].strip(" ,;-–")
        return (unit, text[verb.start() :].strip()) if len(unit) <= _UNIT_MAX_CHARS else None
    if len(text.split()) <= _UNIT_HEADING_MAX_WORDS and not text.rstrip().endswith("."):
        return text.rstrip(" :;."), ""
    return None


def _assign(layout: Layout, indices: list[int], out: list[Assignment]) -> None:
    """Walk the items of `indices` top level first; an item that names no unit is searched below."""
    paras = layout.paras
    levels = [marker_level(paras[i]) for i in indices]
    top = min(levels, default=9)
    groups: list[list[int]] = []
    for i, level in zip(indices, levels, strict=True):
        if level == top or not groups:
            groups.append([i])
        else:
            groups[-1].append(i)
    for group in groups:
        head = strip_marker(paras[group[0]])
        parsed = parse_unit(head) if marker_level(paras[group[0]]) == top else None
        if parsed:
            unit, charge = parsed
            charge = charge or " ".join(strip_marker(paras[i]) for i in group[1:])
            out.append(Assignment(unit, sentences(charge)[0] if charge else "", group))
        elif top == 9 and out:
            out[-1].paras.append(group[0])  # unmarked text continues the unit above
        elif len(group) > 1:
            _assign(layout, group[1:], out)


def assignments(layout: Layout) -> list[Assignment]:
    section = next((s for s in layout.sections if ASSIGNMENT_SECTION.search(s.title)), None)
    if section:
        indices = list(range(section.start + 1, section.end))
    else:
        start = next(
            (
                i
                for i in range(layout.preamble_end, layout.body_end)
                if marker_level(layout.paras[i]) <= 2
                and ASSIGNMENT_SECTION.search(layout.paras[i])
                and len(layout.paras[i].split()) <= 12
            ),
            None,
        )
        if start is None:
            return []
        level = marker_level(layout.paras[start])
        end = next(
            (j for j in range(start + 1, layout.body_end) if marker_level(layout.paras[j]) <= level), layout.body_end
        )
        indices = list(range(start + 1, end))
    out: list[Assignment] = []
    _assign(layout, indices, out)
    return out
