"""What the inspections register measures, per organization and period (core.registry.measures)."""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import Count, F, Q

from core.periods import Period
from indicators.measures import Figure, _under
from inspections.models import Finding, Remedy
from orgs.models import Organization

REMEDIES_ON_TIME_RATE = "remedies_on_time_rate"
VIOLATIONS_FOUND = "violations_found"


def remedies_on_time_rate(organizations: Sequence[Organization], period: Period, **_options) -> Figure:
    """Of the remedies due within the period owned by the given organizations (and below), those done by
    their deadline."""
    remedies = Remedy.objects.filter(_under("owner", organizations), due_date__range=(period.start, period.end))
    rows = (remedies.order_by().values("owner__path")
            .annotate(done=Count("pk", filter=Q(done_on__lte=F("due_date"))), total=Count("pk"))
            .values_list("owner__path", "done", "total"))
    # The late and open ones first: what still needs doing.
    records = remedies.select_related("owner", "inspection").order_by(F("done_on").desc(nulls_first=True), "due_date")
    return Figure(records=records, rows=lambda: rows)


def violations_found(organizations: Sequence[Organization], period: Period, **_options) -> Figure:
    """The violations found by inspections concluded within the period in the given organizations (and below)."""
    findings = Finding.objects.filter(_under("inspection__subject", organizations), is_violation=True,
                                      inspection__concluded_on__range=(period.start, period.end))
    rows = (findings.order_by().values("inspection__subject__path").annotate(n=Count("pk"))
            .values_list("inspection__subject__path", "n"))
    records = findings.select_related("inspection", "person").order_by("-inspection__concluded_on", "-id")
    return Figure(records=records, rows=lambda: ((path, n, None) for path, n in rows), count=True)
