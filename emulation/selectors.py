"""Reads the inbox and the dashboards share: nominations waiting for someone, the year's commendations."""

from __future__ import annotations

from django.db.models import Count
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from core.access import scoped
from core.registry import InboxItem
from emulation.models import Award, AwardLevel, Commendation, Exemplar, ExemplarKind, ExemplarStatus
from orgs.models import Organization, OrganizationKind
from orgs.scoping import path_q

# The panel's place on a dashboard, filled once the page is shown (htmx): the dashboard's own queries stay as they are.
PLACEHOLDER = ('<section class="mb-4" id="{}" hx-get="{}" hx-trigger="load" hx-swap="outerHTML">'
               '<h2 class="h5">{}</h2><p class="small text-muted">{}</p></section>')


def _waiting(user, status: str, action: str) -> int:
    """Nominations in `status` within the agencies on whose behalf the user holds `action` (the focal office
    changes the agency's own records, the leader approves for it): counted in the database."""
    agencies = list(scoped(Organization, user, action).filter(kind=OrganizationKind.AGENCY)
                    .values_list("path", flat=True))
    if not agencies:
        return 0
    return scoped(Exemplar, user, "view").filter(path_q(agencies, "organization__path"), status=status).count()


def _list_url(status: str) -> str:
    return f"{reverse('emulation:exemplar_list')}?status={status}"


def nominations_to_review(user) -> list[InboxItem]:
    count = _waiting(user, ExemplarStatus.NOMINATED, "change")
    return [InboxItem(_("Nominations waiting for review"), count, _list_url(ExemplarStatus.NOMINATED))]


def nominations_to_decide(user) -> list[InboxItem]:
    count = _waiting(user, ExemplarStatus.REVIEWED, "approve")
    return [InboxItem(_("Nominations waiting for approval"), count, _list_url(ExemplarStatus.REVIEWED),
                      level="warning")]


def nominations_returned(user) -> list[InboxItem]:
    count = scoped(Exemplar, user, "change").filter(status=ExemplarStatus.RETURNED).count()
    return [InboxItem(_("Nominations returned to you"), count, _list_url(ExemplarStatus.RETURNED), level="warning")]


def commendations_panel(user, agencies, year: int) -> str | None:
    """A placeholder the page fills once shown (htmx): the dashboards' own query count stays as it is."""
    if not agencies:
        return None
    query = {"year": year}
    if len(agencies) == 1:
        query["organization"] = agencies[0].pk
    return format_html(PLACEHOLDER, "emulation-panel", f"{reverse('emulation:commendations_panel')}?{urlencode(query)}",
                       _("Emulation and commendation in %(year)s") % {"year": year}, _("Loading…"))


def commendations_panel_html(user, agencies, year: int) -> str:
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
