"""Reads the survey's pages, API, export and panel share: rates per organization, service point and factor,
each with its number of respondents."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from service.measures import SATISFIED
from service.models import Answer, Factor, Organization, ServicePoint, SurveyResponse
from service.services import reads_comments


@dataclass
class Rate:
    label: str
    respondents: int
    satisfied: int

    @property
    def rate(self) -> float | None:
        return round(100 * self.satisfied / self.respondents, 1) if self.respondents else None


@dataclass
class Results:
    overall: Rate
    organizations: list[Rate]
    points: list[Rate]
    factors: list[Rate]


def _respondent_rates(responses, field: str) -> list[tuple[int, int, int]]:
    return list(responses.order_by().values(field).annotate(
        d=Count("pk"), n=Count("pk", filter=Q(average__gte=SATISFIED))).values_list(field, "n", "d"))


@dataclass
class FactorRate(Rate):
    answers: int = 0

    @property
    def rate(self) -> float | None:
        return round(100 * self.satisfied / self.answers, 1) if self.answers else None


def factor_rates(responses) -> list[Rate]:
    """Each factor's rate: the share of its answers at 4 or 5; beside it, how many answered it."""
    rows = {factor: (n, d, people) for factor, n, d, people in Answer.objects.filter(response__in=responses.values(
        "pk")).order_by().values("factor").annotate(
        d=Count("pk"), n=Count("pk", filter=Q(value__gte=SATISFIED)),
        people=Count("response", distinct=True)).values_list("factor", "n", "d", "people")}
    result = []
    for value, label in Factor.choices:
        n, d, people = rows.get(value, (0, 0, 0))
        result.append(FactorRate(str(label), people, n, d))
    return result


def overall_rate(responses) -> Rate:
    """The share of respondents whose answers average 4 or more, in one query."""
    counts = responses.aggregate(d=Count("pk"), n=Count("pk", filter=Q(average__gte=SATISFIED)))
    return Rate(_("All respondents"), counts["d"], counts["n"])


def results(responses) -> Results:
    overall = overall_rate(responses)
    by_org = _respondent_rates(responses, "organization")
    names = dict(Organization.objects.filter(pk__in=[pk for pk, _n, _d in by_org]).values_list("pk", "name"))
    by_point = _respondent_rates(responses, "service_point")
    points = {p.pk: p for p in ServicePoint.objects.filter(pk__in=[pk for pk, _n, _d in by_point])
              .select_related("organization")}
    return Results(
        overall,
        sorted((Rate(names[pk], d, n) for pk, n, d in by_org), key=lambda r: r.label),
        sorted((Rate(f"{points[pk].name} — {points[pk].organization.name}", d, n) for pk, n, d in by_point),
               key=lambda r: r.label),
        factor_rates(responses),
    )


def export_rows(result: Results) -> tuple[list[str], list[list]]:
    headers = [_("Group"), _("Name"), _("Respondents"), _("Satisfied"), _("Rate (%)")]
    rows = [[_("Overall"), result.overall.label, result.overall.respondents, result.overall.satisfied,
             result.overall.rate]]
    rows += [[_("Organization"), r.label, r.respondents, r.satisfied, r.rate] for r in result.organizations]
    rows += [[_("Service point"), r.label, r.respondents, r.satisfied, r.rate] for r in result.points]
    rows += [[_("Factor"), r.label, r.respondents, r.satisfied, r.rate] for r in result.factors]
    return headers, rows


def readable_comments(responses, user, limit: int = 50) -> list[SurveyResponse]:
    """The free text of the responses whose organization the user leads (or coordinates)."""
    rows = list(responses.exclude(comment="").select_related("organization", "service_point")
                .order_by("-submitted_on", "-id")[:limit])
    allowed = {}
    shown = []
    for row in rows:
        if row.organization_id not in allowed:
            allowed[row.organization_id] = reads_comments(user, row.organization)
        if allowed[row.organization_id]:
            shown.append(row)
    return shown
