"""Due dates from a timing text as plans write it.

A date is that date; a month ("trong tháng 12/2025") its last day; a quarter ("Quý II năm 2024")
its last day; "hằng năm, trước ngày 15/11" a recurring annual deadline (its date in the plan's
year); "thường xuyên" (continuous) no due date. Where several are given, the latest counts.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .patterns import iso_date, parse_day

YEARLY = "yearly"
_YEARLY = re.compile(r"(?i)\b(?:hằng|hàng)\s+năm\b|\bđịnh\s+kỳ\s+(?:hằng|hàng)\s+năm\b|\bmỗi\s+năm\b")
_QUARTER = re.compile(r"(?i)\bquý\s+(?P<q>IV|I{1,3}|[1-4])(?:\s*(?:/|năm)\s*(?P<y>(?:19|20)\d\d))?")
_MONTH = re.compile(r"(?i)\btháng\s+(?P<m>\d{1,2})(?:\s*(?:/|năm)\s*(?P<y>(?:19|20)\d\d))?(?!\s*/\s*\d{1,2}\b)")
_HALF = re.compile(r"(?i)\b(?P<n>6|sáu)\s+tháng\s+(?P<which>đầu|cuối)\s+năm(?:\s+(?P<y>(?:19|20)\d\d))?")
_DAY = re.compile(
    r"(?i)(?:ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?|(?<![\d/])\d{1,2}/\d{1,2}(?:/(?:19|20)\d\d)?(?![\d/]))"
)
_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4}


def _last_day(year: int, month: int) -> str | None:
    if not 1 <= month <= 12:
        return None
    return dt.date(year, month, calendar.monthrange(year, month)[1]).isoformat()


def parse_timing(text: str | None, year: int | None) -> tuple[str | None, str | None]:
    """(due date ISO or None, recurrence "yearly" or None) for a timing text."""
    if not text:
        return None, None
    recurrence = YEARLY if _YEARLY.search(text) else None
    dates: list[str] = []
    for m in _DAY.finditer(text):
        if d := parse_day(m.group(0), year):
            dates.append(d)
    rest = _DAY.sub(" ", text)
    for m in _QUARTER.finditer(rest):
        y = int(m.group("y")) if m.group("y") else year
        q = _QUARTERS.get(m.group("q").upper()) or int(m.group("q"))
        if y and (d := _last_day(y, 3 * q)):
            dates.append(d)
    for m in _HALF.finditer(rest):
        y = int(m.group("y")) if m.group("y") else year
        if y:
            dates.append(_last_day(y, 6 if m.group("which").lower() == "đầu" else 12))
    rest = _HALF.sub(" ", rest)
    for m in _MONTH.finditer(rest):
        y = int(m.group("y")) if m.group("y") else year
        if y and (d := _last_day(y, int(m.group("m")))):
            dates.append(d)
    dates = [d for d in dates if d]
    return (max(dates) if dates else None), recurrence


__all__ = ["YEARLY", "iso_date", "parse_timing"]
