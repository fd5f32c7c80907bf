"""Measures read from the petitions and receptions; organizations without any records fall back to their
monthly counts (indicators.measures.monthly), so figures entered before the register keep counting."""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import Count, Exists, OuterRef, Q

from citizens import deadlines
from citizens.calendar import reception_check
from citizens.models import Petition, PetitionEvent, PetitionState, Reception
from core.periods import Period
from indicators.measures import Figure, _under, monthly
from orgs.models import Organization
from plans.models import Measure

# The states after which a petition no longer waits on the organization.
ENDED_STATES = (PetitionState.REFUSED, PetitionState.TRANSFERRED, PetitionState.DECIDED, PetitionState.CLOSED)


def _split(organizations: Sequence[Organization], model, date_field: str, period: Period):
    """The organizations whose subtree holds records of `model` in the period, and the others."""
    # One query for every organization: the paths holding records, matched against each subtree in Python.
    paths = set(model.objects.filter(_under("organization", organizations),
                                     **{f"{date_field}__range": (period.start, period.end)})
                .order_by().values_list("organization__path", flat=True).distinct()) if organizations else set()
    with_records, without = [], []
    for organization in organizations:
        found = any(path.startswith(organization.path) for path in paths)
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


def petitions_backlog(organizations: Sequence[Organization], period: Period, **_options) -> Figure:
    """The petitions received by the end of the period that no step had refused, transferred, decided or
    closed by then: the backlog the period carries over (read from the steps' dates, so a past period
    counts what was open then)."""
    ended = PetitionEvent.objects.filter(petition=OuterRef("pk"), date__lte=period.end, state__in=ENDED_STATES)
    petitions = Petition.objects.filter(_under("organization", organizations), received_on__lte=period.end).exclude(
        Exists(ended))
    rows = (petitions.order_by().values("organization__path").annotate(n=Count("pk"))
            .values_list("organization__path", "n"))
    records = petitions.select_related("organization").order_by("-received_on", "-id")
    return Figure(records=records, rows=lambda: ((path, n, None) for path, n in rows), count=True)
