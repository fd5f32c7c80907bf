"""The satisfaction panel of the leader's and the coordinator's dashboards."""

from __future__ import annotations

from django.db.models import Q
from django.template.loader import render_to_string

from core.access import scoped
from core.periods import Period, PeriodKind
from service.models import SurveyResponse
from service.selectors import factor_rates, overall_rate


def satisfaction_panel(user, agencies, year: int) -> str | None:
    """The year's satisfaction rate of the agencies shown, per factor, with the respondents beside each rate."""
    if not agencies:
        return None
    period = Period(year, PeriodKind.YEAR, 1)
    within = Q(pk__in=[])
    for agency in agencies:
        within |= Q(organization__path__startswith=agency.path)
    responses = scoped(SurveyResponse, user, "view").filter(within, submitted_on__range=(period.start, period.end))
    # Two queries: the overall rate, and the factors' only when someone answered.
    overall = overall_rate(responses)
    if not overall.respondents:
        return None
    return render_to_string("service/satisfaction_panel.html", {
        "overall": overall, "factors": factor_rates(responses), "year": year})
