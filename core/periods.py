"""How DanVan counts time: reporting periods, working days and deadlines.

Every rule that counts days goes through here, so a holiday or a period boundary is
decided in one place. "Today" is always ``timezone.localdate()`` (Asia/Ho_Chi_Minh).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import holidays
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

MIN_YEAR, MAX_YEAR = 2000, 2100


class PeriodKind(models.TextChoices):
    MONTH = "month", _("Month")
    QUARTER = "quarter", _("Quarter")
    HALF = "half", _("Six months")
    NINE_MONTHS = "nine_months", _("Nine months")
    YEAR = "year", _("Year")


# Months each kind spans and how many such periods a year holds (nine months: only the first).
_SPAN = {
    PeriodKind.MONTH: (1, 12),
    PeriodKind.QUARTER: (3, 4),
    PeriodKind.HALF: (6, 2),
    PeriodKind.NINE_MONTHS: (9, 1),
    PeriodKind.YEAR: (12, 1),
}
_KEY_SUFFIX = {PeriodKind.QUARTER: "Q", PeriodKind.HALF: "H", PeriodKind.MONTH: "M"}
_KEY_RE = re.compile(r"(?P<year>\d{4})(?:-(?:(?P<kind>[QHM])(?P<n>\d{1,2})|(?P<nine>9M)))?")
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@functools.total_ordering
@dataclass(frozen=True)
class Period:
    """A reporting period: ``Period(2025, PeriodKind.QUARTER, 2)`` is the second quarter of 2025.

    ``n`` is the month (1–12), quarter (1–4), half (1–2), or 1 for nine months and year.
    ``due`` is when the period's report or task is due: there is no single rule (a quarterly
    report may be due on the 15th of the last month, an annual one in December), so whoever
    knows it passes it; it defaults to the last day of the period. Two periods are equal when
    they cover the same months, whatever their due dates; they sort by end, then longest first.
    """

    year: int
    kind: PeriodKind
    n: int = 1
    due: dt.date | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.year, int) or not MIN_YEAR <= self.year <= MAX_YEAR:
            raise ValueError(gettext("Periods run from %(min)s to %(max)s.") % {"min": MIN_YEAR, "max": MAX_YEAR})
        try:
            kind = PeriodKind(self.kind)
        except ValueError:
            raise ValueError(gettext("Unknown kind of period: %(kind)s.") % {"kind": self.kind}) from None
        if not isinstance(self.n, int) or not 1 <= self.n <= _SPAN[kind][1]:
            raise ValueError(gettext("%(kind)s %(n)s does not exist.") % {"kind": kind.label, "n": self.n})
        object.__setattr__(self, "kind", kind)

    @classmethod
    def containing(cls, day: dt.date, kind: PeriodKind | str) -> Period:
        """The period of this kind that includes ``day``; nine months contain only January to September."""
        months = _SPAN[PeriodKind(kind)][0]
        return cls(day.year, PeriodKind(kind), (day.month - 1) // months + 1)

    @classmethod
    def from_key(cls, key: str) -> Period:
        """The inverse of ``key``: "2025", "2025-M03", "2025-Q2", "2025-H1", "2025-9M"; nothing else."""
        match = _KEY_RE.fullmatch(key) if isinstance(key, str) else None
        if match:
            year = int(match["year"])
            if match["nine"]:
                period = cls(year, PeriodKind.NINE_MONTHS)
            elif match["kind"]:
                kind = next(kind for kind, suffix in _KEY_SUFFIX.items() if suffix == match["kind"])
                period = cls(year, kind, int(match["n"]))
            else:
                period = cls(year, PeriodKind.YEAR)
            if period.key == key:
                return period
        raise ValueError(gettext("Unknown period: %(key)s.") % {"key": key})

    @property
    def _first_month(self) -> int:
        return (self.n - 1) * _SPAN[self.kind][0] + 1

    @property
    def _last_month(self) -> int:
        return self._first_month + _SPAN[self.kind][0] - 1

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, self._first_month, 1)

    @property
    def end(self) -> dt.date:
        return dt.date(self.year, self._last_month, calendar.monthrange(self.year, self._last_month)[1])

    @property
    def due_date(self) -> dt.date:
        return self.due or self.end

    @property
    def key(self) -> str:
        if self.kind == PeriodKind.YEAR:
            return str(self.year)
        if self.kind == PeriodKind.NINE_MONTHS:
            return f"{self.year}-9M"
        width = 2 if self.kind == PeriodKind.MONTH else 1
        return f"{self.year}-{_KEY_SUFFIX[self.kind]}{self.n:0{width}d}"

    @property
    def label(self) -> str:
        """As Vietnamese documents write it: "Quý II/2025", "6 tháng đầu năm 2025", "Tháng 03/2025"."""
        values = {"year": self.year, "n": self.n}
        if self.kind == PeriodKind.MONTH:
            return gettext("Month %(n)02d/%(year)s") % values
        if self.kind == PeriodKind.QUARTER:
            return gettext("Quarter %(roman)s/%(year)s") % {**values, "roman": _ROMAN[self.n]}
        if self.kind == PeriodKind.HALF:
            text = gettext("First half of %(year)s") if self.n == 1 else gettext("Second half of %(year)s")
            return text % values
        if self.kind == PeriodKind.NINE_MONTHS:
            return gettext("First nine months of %(year)s") % values
        return gettext("Year %(year)s") % values

    def __str__(self) -> str:
        return self.label

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return (self.end, self.start) < (other.end, other.start)

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def previous(self) -> Period:
        """The period of the same kind just before (nine months and years: the year before)."""
        if self.n > 1:
            return Period(self.year, self.kind, self.n - 1)
        return Period(self.year - 1, self.kind, _SPAN[self.kind][1])

    def next(self) -> Period:
        if self.n < _SPAN[self.kind][1]:
            return Period(self.year, self.kind, self.n + 1)
        return Period(self.year + 1, self.kind, 1)

    def elapsed_share(self, day: dt.date) -> float:
        """How much of the period has gone by at the end of ``day``: 0 before it starts, 1 from its last day."""
        length = (self.end - self.start).days + 1
        elapsed = (day - self.start).days + 1
        return min(max(elapsed / length, 0.0), 1.0)

    def months(self) -> Iterator[Period]:
        for month in range(self._first_month, self._last_month + 1):
            yield Period(self.year, PeriodKind.MONTH, month)


@functools.lru_cache(maxsize=32)
def _calendar(year: int) -> holidays.HolidayBase:
    """Vietnamese public holidays of ``year``, with its neighbours so that a Saturday worked in
    exchange for a holiday across New Year (e.g. 05/01/2019 for 31/12/2018) is known as well."""
    return holidays.Vietnam(years=range(year - 1, year + 2), expand=False, language="vi")


def is_working_day(day: dt.date) -> bool:
    """Monday to Friday outside public holidays (Tết, Hùng Kings, 30/4, 1/5, 2/9 …), plus the
    Saturdays the government swaps in for a bridging day off."""
    return _calendar(day.year).is_working_day(day)


def holiday_name(day: dt.date) -> str | None:
    """The Vietnamese name of the public holiday on ``day``, or None."""
    return _calendar(day.year).get(day)


def next_working_day(day: dt.date) -> dt.date:
    """``day`` itself when it is a working day, otherwise the first working day after it."""
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def add_days(day: dt.date, n: int) -> dt.date:
    """``n`` calendar days after ``day`` (before it when ``n`` is negative)."""
    return day + dt.timedelta(days=n)


def add_working_days(day: dt.date, n: int) -> dt.date:
    """The ``n``-th working day after ``day`` (before it when ``n`` is negative); ``day`` itself is not counted."""
    step = dt.timedelta(days=1 if n >= 0 else -1)
    for _count in range(abs(n)):
        day += step
        while not is_working_day(day):
            day += step
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after ``start`` up to and including ``end``, so that
    ``working_days_between(d, add_working_days(d, n)) == n``; negative when ``end`` is before ``start``."""
    if end < start:
        return -working_days_between(end, start)
    return sum(is_working_day(add_days(start, offset)) for offset in range(1, (end - start).days + 1))


def deadline(start: dt.date, n: int, *, working: bool) -> dt.date:
    """``n`` working or calendar days after ``start``; a deadline that falls on a day off moves
    to the next working day (RULES.md)."""
    return next_working_day(add_working_days(start, n) if working else add_days(start, n))
