"""Reads the inbox and the dashboards share: nominations waiting for someone, the year's commendations."""

from __future__ import annotations

from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from core.access import scoped
from core.registry import InboxItem
from emulation.models import Award, AwardLevel, Commendation, Exemplar, ExemplarKind, ExemplarStatus
from orgs.scoping import ROLE_RULES, Reach, anchor_path, memberships, organization_paths, path_q

# The panel's place on a dashboard, filled once the page is shown (htmx): the dashboard's own queries stay as they are.

def _agency_prefixes(user, action: str) -> list[str]:
    """The subtrees of the agencies on whose behalf the user holds `action` (the focal office changes the agency's
    own records, the leader approves for it): read from the memberships the scope has already loaded."""
    prefixes = []
    for membership in memberships(user):
        reaches = ROLE_RULES.get(membership.role, {}).get(action, ())
        for reach in (reaches,) if isinstance(reaches, Reach) else reaches:
            if reach in (Reach.AGENCY, Reach.PROVINCE):
                prefixes.append(anchor_path(membership.organization, reach))
    return prefixes


def _list_url(status: str) -> str:
    return f"{reverse('emulation:exemplar_list')}?status={status}"


def nominations_waiting(user) -> list[InboxItem]:
    """Nominations to review (the focal office) or returned to their unit, counted in one query; those to approve
    (the leader) in another, asked only of those who approve somewhere."""
    items = []
    to_review = _agency_prefixes(user, "change")
    if organization_paths(user, "change"):
        counts = scoped(Exemplar, user, "view").aggregate(
            review=Count("pk", filter=Q(status=ExemplarStatus.NOMINATED) & path_q(to_review, "organization__path")),
            returned=Count("pk", filter=Q(status=ExemplarStatus.RETURNED,
                                          pk__in=scoped(Exemplar, user, "change").values("pk"))))
        items += [InboxItem(_("Nominations waiting for review"), counts["review"],
                            _list_url(ExemplarStatus.NOMINATED)),
                  InboxItem(_("Nominations returned to you"), counts["returned"], _list_url(ExemplarStatus.RETURNED),
                            level="warning")]
    to_decide = _agency_prefixes(user, "approve")
    if to_decide:
        count = scoped(Exemplar, user, "view").filter(path_q(to_decide, "organization__path"),
                                                      status=ExemplarStatus.REVIEWED).count()
        items.append(InboxItem(_("Nominations waiting for approval"), count, _list_url(ExemplarStatus.REVIEWED),
                               level="warning"))
    return items


def commendations_panel(user, agencies, year: int) -> str:
    """The year's recognised exemplars and commendations of the agencies shown, by level."""
    if not agencies:
        return ""
    within = path_q([agency.path for agency in agencies], "organization__path")
    exemplars = scoped(Exemplar, user, "view").filter(within, year=year, status__in=[
        ExemplarStatus.APPROVED, ExemplarStatus.COMMENDED])
    by_kind = dict(exemplars.order_by().values_list("kind").annotate(n=Count("pk")))
    commendations = scoped(Commendation, user, "view").filter(within, decision_date__year=year)
    by_level = dict(commendations.order_by().values_list("level").annotate(n=Count("pk")))
    latest = list(commendations.select_related("organization").order_by("-decision_date", "-id")[:8])
    awards = dict(Award.choices)
    return render_to_string("emulation/_panel.html", {
        "year": year, "models": by_kind.get(ExemplarKind.MODEL, 0), "people": by_kind.get(ExemplarKind.PERSON, 0),
        "levels": [(label, by_level.get(value, 0)) for value, label in AwardLevel.choices],
        "latest": [(c, awards.get(c.award, c.award)) for c in latest],
        "list_url": f"{reverse('emulation:commendation_list')}?year={year}",
    })
