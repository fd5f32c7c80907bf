"""What the emulation register measures, per organization and period (core.registry.measures)."""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import Count

from core.periods import Period
from emulation.models import RECOGNISED, Commendation, Exemplar, ExemplarKind
from indicators.measures import Figure, _under, monthly
from orgs.models import Organization
from plans.models import Measure

COMMENDATIONS_COUNT = "commendations_count"


def good_models_count(organizations: Sequence[Organization], period: Period, *, level: str | None = None,
                      **_options) -> Figure:
    """The good models recognised (approved by the leader, then commended) within the period in the given
    organizations and below; with `level`, only those commended at that level. An organization that has never
    nominated in the register keeps the monthly counts entered by hand."""
    models = Exemplar.objects.filter(_under("organization", organizations), kind=ExemplarKind.MODEL,
                                     status__in=RECOGNISED, recognised_on__range=(period.start, period.end))
    if level:
        models = models.filter(commendations__level=level).distinct()
    hand_counted = monthly(Measure.GOOD_MODELS_COUNT)(organizations, period)

    def rows():
        in_register = set(Exemplar.objects.filter(_under("organization", organizations))
                          .values_list("organization__path", flat=True).distinct().order_by())
        counted = [(path, n, None) for path, n in models.order_by().values("organization__path")
                   .annotate(n=Count("pk", distinct=True)).values_list("organization__path", "n")]
        fallback = [] if level else [(path, n, None) for path, (n, _d) in hand_counted.by_path.items()
                                     if path not in in_register]
        return counted + fallback

    records = models.select_related("organization").order_by("-recognised_on", "-id")
    return Figure(records=records, rows=rows, count=True)


def commendations_count(organizations: Sequence[Organization], period: Period, *, level: str | None = None,
                        **_options) -> Figure:
    """The commendations decided within the period for the given organizations and below (of one level)."""
    commendations = Commendation.objects.filter(_under("organization", organizations),
                                                decision_date__range=(period.start, period.end))
    if level:
        commendations = commendations.filter(level=level)
    rows = (commendations.order_by().values("organization__path").annotate(n=Count("pk"))
            .values_list("organization__path", "n"))
    records = commendations.select_related("organization").order_by("-decision_date", "-id")
    return Figure(records=records, rows=lambda: ((path, n, None) for path, n in rows), count=True)
