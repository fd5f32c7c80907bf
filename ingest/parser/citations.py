"""Cited documents: every numbered document once, with its kind and date, and the plan's basis."""

from __future__ import annotations

import re

from .layout import Layout
from .patterns import (
    BASIS_START,
    DATE_AFTER_NUMBER,
    DOC_NUMBER,
    KIND_ALIASES,
    KIND_WORD,
    KIND_WORD_ANY_CASE,
    KINDS,
    PARTY_TYPE_CODES,
    TYPE_CODES,
    iso_date,
)

# How far before a number its kind may stand ("Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15").
_KIND_WINDOW = 90
_CANONICAL_KIND = {k.lower(): k for k in KINDS}


def clean_number(raw: str) -> str:
    return re.sub(r"\s+", "", raw)


def _kind_from_code(number: str) -> str:
    party = re.match(r"\d+-", number) is not None
    # The type code follows the digits (and a year) in both state and Party numbers.
    m = re.match(r"\d+(?:/\d{4})?[/-]([^/-]+)", number)
    code = m.group(1) if m else ""
    if party and code in PARTY_TYPE_CODES:
        return PARTY_TYPE_CODES[code]
    if code in TYPE_CODES:
        return TYPE_CODES[code]
    if re.fullmatch(r"QH\d*", code):
        return "Luật"
    if re.fullmatch(r"UBTVQH\d*", code):
        return "Nghị quyết"
    return "Công văn"  # a công văn carries no type code ("575/UBND-NC")


def _kind_from_text(before: str) -> str | None:
    """The last kind word in the clause before the number, capitalized ones first."""
    window = re.split(r"[;(]", before[-_KIND_WINDOW:])[-1]
    for pattern in (KIND_WORD, KIND_WORD_ANY_CASE):
        if matches := list(pattern.finditer(window)):
            kind = _CANONICAL_KIND[matches[-1].group(1).lower()]
            return KIND_ALIASES.get(kind, kind)
    return None


def mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, number) of every document number in `text`."""
    return [(m.start(), m.end(), clean_number(m.group(0))) for m in DOC_NUMBER.finditer(text)]


def references(layout: Layout, own_number: str | None) -> list[dict[str, object]]:
    found: dict[str, dict[str, object]] = {}
    for para in layout.paras[layout.body_start : layout.body_end]:
        previous_end = 0
        for start, end, number in mentions(para):
            before = para[previous_end:start]
            previous_end = end
            if number == own_number:
                continue
            m = DATE_AFTER_NUMBER.match(para[end:])
            date = iso_date(*m.groups()) if m else None
            if number not in found:
                kind = _kind_from_text(before) or _kind_from_code(number)
                found[number] = {"number": number, "kind": kind, "date": date}
            elif found[number]["date"] is None:
                found[number]["date"] = date
    return list(found.values())


def basis(layout: Layout) -> list[str]:
    """Numbers cited in the preamble's "Căn cứ ..." / "Thực hiện ..." clauses, in order."""
    numbers: list[str] = []
    for para in layout.paras[layout.body_start : layout.preamble_end]:
        for clause in re.split(r";\s*|(?<=[.])\s+(?=[A-ZĐ])", para):
            if not BASIS_START.match(clause.strip()):
                continue
            for _, _, number in mentions(clause):
                if number not in numbers:
                    numbers.append(number)
    return numbers
