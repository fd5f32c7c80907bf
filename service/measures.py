"""The measures the service records replace: dossiers settled on time, citizens satisfied, late dossiers
with an apology. Each reads the records where an organization has them in the period and falls back to
the monthly counts (indicators) where it has none, so the measures' callers see no change."""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import Count, IntegerField, Q, Sum, Value

from core.periods import Period
from indicators.measures import Figure, _under
from indicators.models import MonthlyCount
from orgs.models import Organization
from plans.models import Measure
from service.models import DossierStat, Letter, LetterKind, SurveyResponse

SATISFIED = 4  # an average (or an answer) of 4 or 5 counts as satisfied


def _with_fallback(kind: str, records, own_rows, organizations, period) -> Figure:
    """The figure of `own_rows` (path, numerator, denominator) plus the monthly counts of the organizations
    that have no records in the period, read in one query (a UNION of the two sums)."""
    counts = (MonthlyCount.objects.filter(_under("organization", organizations), measure=kind,
                                          month__range=(period.start, period.end))
              .order_by().values("organization__path")
              .annotate(n=Sum("numerator"), d=Sum("denominator"), own=Value(0, output_field=IntegerField()))
              .values_list("organization__path", "n", "d", "own"))

    def rows():
        both = list(own_rows.annotate(own=Value(1, output_field=IntegerField()))
                    .values_list("organization__path", "n", "d", "own").union(counts, all=True))
        covered = {path for path, _n, _d, own in both if own}
        return [(path, n, d) for path, n, d, own in both if own or path not in covered]

    return Figure(records=records, rows=rows)


def dossiers_on_time_rate(organizations: Sequence[Organization], period: Period, **_options) -> Figure:
    """Of the dossiers settled within the period's months, those settled early or on time."""
    stats = DossierStat.objects.filter(_under("organization", organizations),
                                       month__range=(period.start.replace(day=1), period.end))

    own_rows = (stats.order_by().values("organization__path")
                .annotate(n=Sum("settled_early") + Sum("settled_on_time"),
                          d=Sum("settled_early") + Sum("settled_on_time") + Sum("settled_late")))

    records = stats.select_related("organization").order_by("-month", "organization__path")
    return _with_fallback(Measure.DOSSIERS_ON_TIME_RATE, records, own_rows, organizations, period)


def satisfaction_rate(organizations: Sequence[Organization], period: Period, **_options) -> Figure:
    """Of the citizens who answered the survey within the period, those whose answers average 4 or more."""
    responses = SurveyResponse.objects.filter(_under("organization", organizations),
                                              submitted_on__range=(period.start, period.end))

    own_rows = (responses.order_by().values("organization__path")
                .annotate(n=Count("pk", filter=Q(average__gte=SATISFIED)), d=Count("pk")))

    records = responses.select_related("organization", "service_point").order_by("-submitted_on", "-id")
    return _with_fallback(Measure.SATISFACTION_RATE, records, own_rows, organizations, period)


def apology_letters_rate(organizations: Sequence[Organization], period: Period, **_options) -> Figure:
    """Of the dossiers late within the period (settled late or pending past the deadline), those that got an
    apology letter dated within it."""
    under = _under("organization", organizations)
    letters = Letter.objects.filter(under, kind=LetterKind.APOLOGY, date__range=(period.start, period.end))
    # Both sums in one query (a UNION of the two), each row marked with what it counts.
    late = (DossierStat.objects.filter(under, month__range=(period.start.replace(day=1), period.end))
            .order_by().values("organization__path")
            .annotate(n=Sum("settled_late") + Sum("pending_overdue"), letters=Value(0, output_field=IntegerField()))
            .values_list("organization__path", "n", "letters"))
    sent = (letters.order_by().values("organization__path")
            .annotate(n=Count("pk"), letters=Value(1, output_field=IntegerField()))
            .values_list("organization__path", "n", "letters"))

    def rows():
        counts = {0: {}, 1: {}}
        for path, n, is_letters in late.union(sent, all=True):
            counts[is_letters][path] = n or 0
        late_by, sent_by = counts[0], counts[1]
        return [(path, min(sent_by.get(path, 0), late_by.get(path, 0)), late_by.get(path, 0))
                for path in {*late_by, *sent_by}]

    return Figure(records=letters.select_related("organization").order_by("-date", "-id"), rows=rows)
