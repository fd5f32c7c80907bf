"""The measures this register feeds (registered in DemocracyConfig.ready in place of the monthly counts):
the share of disclosures made on time and the staff conferences held. Where an organization has no
records of the period, its monthly counts (entered by hand) still count."""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import Count, Q

from core.periods import Period
from democracy.models import Disclosure, Meeting, MeetingKind
from indicators.measures import Figure, _under, monthly
from orgs.models import Organization
from plans.models import Measure


def _with_fallback(rows: list[tuple[str, int, int | None]], fallback: Figure) -> list[tuple[str, int, int | None]]:
    """The register's rows, plus the monthly counts of the paths the register has nothing for."""
    covered = {path for path, _n, _d in rows}
    return rows + [(path, n, d) for path, (n, d) in fallback.by_path.items() if path not in covered]


def disclosures_on_time_rate(organizations: Sequence[Organization], period: Period, **_options) -> Figure:
    """Of the decisions made within the period that were disclosed, those disclosed within 5 working days
    and (when posted) kept up at least 20 consecutive days."""
    disclosures = Disclosure.objects.filter(_under("organization", organizations),
                                            decision_date__range=(period.start, period.end)).with_flags()

    def rows():
        own = list(disclosures.order_by().values("organization__path")
                   .annotate(total=Count("pk"), done=Count("pk", filter=Q(on_time=True)))
                   .values_list("organization__path", "done", "total"))
        return _with_fallback(own, monthly(Measure.DISCLOSURES_ON_TIME_RATE)(organizations, period))

    records = disclosures.select_related("organization").order_by("on_time", "-decision_date", "-id")
    return Figure(records=records, rows=rows)


def staff_conferences_held(organizations: Sequence[Organization], period: Period, **_options) -> Figure:
    """The yearly staff conferences the organizations (and those below) held within the period."""
    meetings = Meeting.objects.filter(_under("organization", organizations), kind=MeetingKind.STAFF_CONFERENCE,
                                      date__range=(period.start, period.end))

    def rows():
        own = [(path, n, None) for path, n in meetings.order_by().values("organization__path")
               .annotate(n=Count("pk")).values_list("organization__path", "n")]
        return _with_fallback(own, monthly(Measure.STAFF_CONFERENCE_HELD)(organizations, period))

    records = meetings.select_related("organization").order_by("-date", "-id")
    return Figure(records=records, rows=rows, count=True)
