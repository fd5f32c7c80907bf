"""Reads the inbox, the calendar and the dashboards share: remedies due, the public indices' trends."""

from __future__ import annotations

import datetime as dt

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.access import scoped
from core.registry import Deadline, InboxItem
from inspections.models import IndexScore, PublicIndex, Remedy
from orgs.models import Organization
from orgs.scoping import memberships, path_q

DUE_SOON_DAYS = 7
TREND_YEARS = 5


# The panel's place on a dashboard, filled once the page is shown (htmx): the dashboard's own queries stay as they are.

def _owned_remedies(user):
    """Open remedies owned by the user's own units (or below them): what they must do."""
    own = [m.organization.path for m in memberships(user)]
    remedies = scoped(Remedy, user, "change").open().select_related("inspection", "owner")
    if not own:
        return remedies.none()
    return remedies.filter(path_q(own, "owner__path"))


def remedy_deadlines(user, *, until: dt.date) -> list[Deadline]:
    return [Deadline(title=remedy.action[:120], due=remedy.due_date, url=remedy.get_absolute_url(),
                     kind=_("Inspection remedy"), key=f"inspections.remedy-{remedy.pk}")
            for remedy in _owned_remedies(user).filter(due_date__lte=until)]


def remedies_due(user) -> list[InboxItem]:
    today = timezone.localdate()
    items = remedy_deadlines(user, until=today + dt.timedelta(days=DUE_SOON_DAYS))
    url = f"{reverse('inspections:inspection_list')}?remedies=open"
    late = sum(1 for item in items if item.due < today)
    return [InboxItem(_("Overdue inspection remedies"), late, url, level="danger"),
            InboxItem(_("Inspection remedies due within %(days)s days") % {"days": DUE_SOON_DAYS},
                      len(items) - late, url)]


def index_trends(user, organizations, year: int) -> list[dict]:
    """Per organization and index: the scores of the last years up to `year`, with last year's beside this
    year's (the change in score and in rank)."""
    years = list(range(year - TREND_YEARS + 1, year + 1))
    scores = (scoped(IndexScore, user, "view").filter(organization__in=organizations, year__in=years)
              .select_related("organization").order_by("organization__path", "index", "year"))
    rows: dict[tuple, dict] = {}
    labels = dict(PublicIndex.choices)
    for score in scores:
        row = rows.setdefault((score.organization.path, score.index), {
            "organization": score.organization, "index": labels[score.index], "by_year": {}})
        row["by_year"][score.year] = score
    for row in rows.values():
        row["trend"] = [row["by_year"].get(y) for y in years]
        row["now"], row["last"] = row["by_year"].get(year), row["by_year"].get(year - 1)
        row["change"] = (row["now"].score - row["last"].score) if row["now"] and row["last"] else None
    return [row for row in rows.values() if row["now"] or row["last"]]


def indices_panel(user, agencies, year: int) -> str:
    """The agencies' and their province's public index scores, this year beside last year's."""
    if not agencies:
        return ""
    provinces = {int(agency.path.strip("/").split("/")[0]) for agency in agencies}
    organizations = [*Organization.objects.filter(pk__in=provinces), *agencies]
    rows = index_trends(user, organizations, year)
    years = list(range(year - TREND_YEARS + 1, year + 1))
    return render_to_string("inspections/_panel.html", {"index_rows": rows, "year": year, "years": years,
                                                        "list_url": reverse("inspections:score_list")})
