"""The head's reception calendar against the legal minimum (Luật Tiếp công dân 42/2013/QH13): a department's
head and the provincial chairman at least one day a month (Đ.12, Đ.18), a commune chairman at least one day a
week (Đ.15)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils import timezone

from citizens.models import Reception
from orgs.models import Organization, OrganizationKind, OrganizationType

WEEK, MONTH = "week", "month"
# How often the head of each type of organization receives citizens, at least.
MINIMUM = {
    OrganizationType.COMMUNE: WEEK,
    OrganizationType.DEPARTMENT: MONTH,
    OrganizationType.PROVINCIAL_SERVICE_UNIT: MONTH,
}


def minimum_for(organization: Organization) -> str | None:
    if organization.kind == OrganizationKind.PROVINCE:
        return MONTH
    if organization.kind != OrganizationKind.AGENCY:
        return None
    return MINIMUM.get(organization.org_type, MONTH)


def spans(frequency: str, start: dt.date, end: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The whole weeks (Monday–Sunday) or calendar months between `start` and `end` that have ended by `end`."""
    result = []
    if frequency == WEEK:
        first = start + dt.timedelta(days=(7 - start.weekday()) % 7)
        while first + dt.timedelta(days=6) <= end:
            result.append((first, first + dt.timedelta(days=6)))
            first += dt.timedelta(days=7)
    else:
        month = dt.date(start.year, start.month, 1)
        if month < start:
            month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
        while True:
            following = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
            if following - dt.timedelta(days=1) > end:
                break
            result.append((month, following - dt.timedelta(days=1)))
            month = following
    return result


@dataclass
class Check:
    agency: Organization
    frequency: str
    required: int
    held: int
    missed: list[tuple[dt.date, dt.date]]


def _agencies(organizations: Iterable[Organization]) -> list[Organization]:
    found: dict[int, Organization] = {}
    for organization in organizations:
        if organization.kind == OrganizationKind.AGENCY:
            found[organization.pk] = organization
            continue
        if minimum_for(organization):
            found[organization.pk] = organization
        for agency in Organization.objects.filter(path__startswith=organization.path, kind=OrganizationKind.AGENCY):
            found[agency.pk] = agency
    return list(found.values())


def reception_check(organizations: Sequence[Organization], start: dt.date, end: dt.date) -> list[Check]:
    """For each agency in or under `organizations`: how many weeks or months (ended by `end`, and by today) it
    had to hold a head's reception day, how many it held, and which it missed."""
    end = min(end, timezone.localdate())
    agencies = _agencies(organizations)
    days: dict[int, set[dt.date]] = {agency.pk: set() for agency in agencies}
    held = Reception.objects.filter(organization_id__in=list(days), head_session=True, date__range=(start, end))
    for organization_id, date in held.values_list("organization_id", "date"):
        days[organization_id].add(date)
    checks = []
    for agency in agencies:
        frequency = minimum_for(agency)
        periods = spans(frequency, start, end)
        missed = [(a, b) for a, b in periods if not any(a <= d <= b for d in days[agency.pk])]
        checks.append(Check(agency, frequency, len(periods), len(periods) - len(missed), missed))
    return checks
