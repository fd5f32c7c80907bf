"""The `document` part: number and symbol, issuer, place and date, type, year, title."""

from __future__ import annotations

import re

from .layout import Layout
from .patterns import (
    CLOSING,
    HEADER_NUMBER,
    ISSUER_HEAD,
    ISSUER_VERB,
    NATIONAL_HEADER,
    PLACE_DATE,
    TYPE_CODES,
    TYPE_HEADINGS,
    fold,
    iso_date,
)

_YEAR_IN_TITLE = re.compile(r"\bnăm\s+((?:19|20)\d\d)\b")
# A multi-year plan: "giai đoạn 2026 - 2030", "giai đoạn 2026-2030", "2026 – 2030".
_PERIOD_IN_TITLE = re.compile(
    r"(?:\bgiai\s+đoạn\s+(?:từ\s+(?:năm\s+)?)?)?((?:19|20)\d\d)\s*(?:[-–—]|đến(?:\s+năm)?)\s*((?:19|20)\d\d)\b"
)
_NAME_END = re.compile(r"\s*(?:\./\.|,\s*(?:đề nghị|kính đề nghị|yêu cầu)|\.\s|\.$|;|$)", re.IGNORECASE)


def _number(header: list[str]) -> dict[str, str | None]:
    for para in header:
        if m := HEADER_NUMBER.search(para):
            symbol = m.group("symbol")
            year = re.sub(r"\s", "", m.group("year") or "")
            number = f"{m.group('n')}{year}{m.group('sep')}{symbol}" if m.group("n") else None
            return {"number": number, "symbol": symbol, "span": para[m.end() :]}
    return {"number": None, "symbol": None, "span": None}


def _type_code(symbol: str | None, heading: str | None) -> str | None:
    if symbol:
        # State "KH-SXD": the type comes first; Party "KH/BDVTU" too.
        first = re.split(r"[-/]", symbol)[0]
        if first in TYPE_CODES:
            return first
    if heading:
        return TYPE_HEADINGS[heading]
    return "CV" if symbol else None


def _place_date(header: list[str], after_number: str | None) -> tuple[str | None, str | None, int | None]:
    candidates = ([after_number] if after_number else []) + header
    for para in candidates:
        if m := PLACE_DATE.search(para):
            year = int(m.group("y")) if m.group("y") else None
            return fold(m.group("place")), iso_date(m.group("d"), m.group("m"), m.group("y")), year
    return None, None, None


def _name_before(text: str) -> str | None:
    """The issuing body named just before "xây dựng kế hoạch": the last comma-separated run of the
    sentence that starts with the head of an organization name ("Sở", "Ủy ban", "Phòng" ...)."""
    sentence = re.split(r"[.;:]\s", text)[-1]
    segments = sentence.split(", ")
    for k in range(len(segments) - 1, max(-1, len(segments) - 5), -1):
        tail = ", ".join(segments[k:])
        if m := ISSUER_HEAD.search(tail):
            name = tail[m.start() :].strip(" ,")
            return name if len(name) <= 120 else None
    return None


def _issuer_in_body(layout: Layout) -> str | None:
    for para in layout.paras[layout.body_start : layout.preamble_end]:
        for m in ISSUER_VERB.finditer(para):
            if name := _name_before(para[: m.start()]):
                return name
    for para in layout.closing[:3]:
        if not CLOSING.match(para):
            continue
        for m in reversed(list(re.finditer(r"\bcủa\s+", para))):
            tail = para[m.end() :]
            if ISSUER_HEAD.match(tail):
                return tail[: _NAME_END.search(tail).start()].strip(" ,")
    return None


def _issuer_in_header(layout: Layout) -> str | None:
    """The last line above "Số:" that is neither the national motto nor a rule: the issuing body.
    The body often names it in ordinary case; that spelling is preferred."""
    lines = []
    for para in layout.header:
        if HEADER_NUMBER.search(para):
            break
        if not NATIONAL_HEADER.search(para) and re.search(r"[A-ZĐ]{2}", para):
            lines.append(fold(para))
    if not lines:
        return None
    name = lines[-1]
    text = " ".join(layout.paras[layout.body_start :])
    if m := re.search(re.escape(name), text, re.IGNORECASE):
        return m.group(0)
    return name


def document_fields(layout: Layout) -> dict[str, object]:
    number = _number(layout.header)
    place, date, date_year = _place_date(layout.header, number["span"])
    title = layout.title
    year = None
    if title and (m := _PERIOD_IN_TITLE.search(title)) and int(m.group(1)) < int(m.group(2)):
        year = int(m.group(1))  # a multi-year plan is for its period's first year on
    elif title and (m := _YEAR_IN_TITLE.search(title)):
        year = int(m.group(1))
    year = year or (int(date[:4]) if date else date_year)
    return {
        "type": _type_code(number["symbol"], layout.type_heading),
        "number": number["number"],
        "symbol": number["symbol"],
        "issuer": _issuer_in_body(layout) or _issuer_in_header(layout),
        "place": place,
        "date": date,
        "year": year,
        "title": title,
    }


def period(layout: Layout, year: int | None) -> dict[str, int | None]:
    """The years the plan covers: a multi-year plan's "giai đoạn 2026 - 2030", else its year."""
    title = layout.title
    if title and (m := _PERIOD_IN_TITLE.search(title)) and int(m.group(1)) < int(m.group(2)):
        return {"from": int(m.group(1)), "to": int(m.group(2))}
    return {"from": year, "to": year}
