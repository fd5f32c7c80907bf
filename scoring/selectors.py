"""What the inbox, the digest and the calendar read of scoring: assessments waiting for each side."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from core.access import scoped
from core.registry import Deadline, InboxItem
from orgs.models import Organization, OrganizationKind
from scoring.models import Assessment, AssessmentState


def _own_side(user):
    """The user's assessments as the agency (not those the user changes as the province's reviewer)."""
    return scoped(Assessment, user, "change").filter(agency__in=scoped(Organization, user, "change").values("pk"))


def _url(pks: list[int], state: str) -> str:
    if len(pks) == 1:
        return reverse("scoring:assessment_detail", args=[pks[0]])
    return f"{reverse('scoring:assessment_list')}?state={state}"


def to_review(user) -> list[InboxItem]:
    """For the province's reviewer: submitted self-assessments waiting for the review to start."""
    provinces = scoped(Organization, user, "change").filter(kind=OrganizationKind.PROVINCE).values("pk")
    pks = list(scoped(Assessment, user, "change").filter(state=AssessmentState.SUBMITTED,
                                                         criteria_set__province__in=provinces)
               .values_list("pk", flat=True))
    return [InboxItem(_("Self-assessments waiting for review"), len(pks), _url(pks, AssessmentState.SUBMITTED),
                      level="warning")]


def returned_to_me(user) -> list[InboxItem]:
    pks = list(_own_side(user).filter(state=AssessmentState.RETURNED).values_list("pk", flat=True))
    return [InboxItem(_("Self-assessments returned to you for explanation"), len(pks),
                      _url(pks, AssessmentState.RETURNED), level="danger")]


def submission_deadlines(user, *, until: dt.date) -> list[Deadline]:
    """The agency's draft self-assessments due by `until`."""
    drafts = (_own_side(user).filter(state=AssessmentState.DRAFT, criteria_set__submission_due__lte=until)
              .select_related("agency", "criteria_set"))
    return [Deadline(title=_("Self-assessment %(year)s: %(agency)s") % {"year": a.year, "agency": a.agency},
                     due=a.reopened_until or a.criteria_set.submission_due, url=a.get_absolute_url(),
                     kind=str(Assessment._meta.verbose_name), key=f"scoring.assessment-{a.pk}") for a in drafts]


def dashboard_panel(user, agencies, year: int) -> str | None:
    """The year's self-assessments of the agencies on the page: how many in each state, and the grades given."""
    from collections import Counter

    from django.template.loader import render_to_string

    rows = list(scoped(Assessment, user).filter(agency__in=[a.pk for a in agencies], year=year)
                .values_list("agency__name", "state", "total", "grade").order_by("agency__path"))
    if not rows:
        return None
    states = Counter(state for _name, state, _total, _grade in rows)
    return render_to_string("scoring/panel.html", {
        "year": year, "rows": rows if len(rows) <= 5 else [],
        "states": [(label, states[value]) for value, label in AssessmentState.choices if states[value]],
        "url": f"{reverse('scoring:assessment_list')}?year={year}"})
