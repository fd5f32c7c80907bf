"""Measures read from the petitions and receptions; organizations without any records fall back to their
monthly counts (indicators.measures.monthly), so figures entered before the register keep counting."""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import Q

from citizens import deadlines
from citizens.calendar import reception_check
from citizens.models import Petition, Reception
from core.periods import Period
from indicators.measures import Figure, _under, monthly
from orgs.models import Organization
from plans.models import Measure


def _split(organizations: Sequence[Organization], model, date_field: str, period: Period):
    """The organizations whose subtree holds records of `model` in the period, and the others."""
    with_records, without = [], []
    for organization in organizations:
        found = model.objects.filter(organization__path__startswith=organization.path,
                                     **{f"{date_field}__range": (period.start, period.end)}).exists()
        (with_records if found else without).append(organization)
    return with_records, without


def petitions_on_time_rate(organizations: Sequence[Organization], period: Period, **_options) -> Figure:
    """Of the petitions decided within the period, those decided by their statutory deadline."""
    with_records, without = _split(organizations, Petition, "decided_on", period)
    petitions = Petition.objects.filter(_under("organization", with_records) if with_records else Q(pk__in=[]),
                                        decided_on__range=(period.start, period.end))
    fallback = monthly(Measure.PETITIONS_ON_TIME_RATE)(without, period) if without else None

    def rows():
        rules = deadlines.load_rules()
        for petition in petitions.select_related("organization"):
            on_time = deadlines.settled_on_time(petition, rules=rules)
            yield petition.organization.path, int(bool(on_time)), 1
        if fallback is not None:
            for path, (n, d) in fallback.by_path.items():
                yield path, n, d

    records = petitions.select_related("organization").order_by("-decided_on", "-id")
    return Figure(records=records if with_records or fallback is None else fallback.records, rows=rows)


def reception_days_rate(organizations: Sequence[Organization], period: Period, **_options) -> Figure:
    """Of the weeks or months (by organization type) within the period that passed, those in which the head
    held at least one reception day."""
    with_records, without = _split(organizations, Reception, "date", period)
    fallback = monthly(Measure.RECEPTION_DAYS_RATE)(without, period) if without else None

    def rows():
        for check in reception_check(with_records, period.start, period.end):
            yield check.agency.path, check.held, check.required
        if fallback is not None:
            for path, (n, d) in fallback.by_path.items():
                yield path, n, d

    records = Reception.objects.filter(
        _under("organization", with_records) if with_records else Q(pk__in=[]), head_session=True,
        date__range=(period.start, period.end)).select_related("organization").order_by("-date", "-id")
    return Figure(records=records if with_records or fallback is None else fallback.records, rows=rows)
