"""Reads the inbox, the deadline registry and the dashboards share: petitions due and overdue, reception days."""

from __future__ import annotations

import datetime as dt

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from citizens import deadlines
from citizens.calendar import reception_check
from citizens.models import OPEN_STATES, Petition, PetitionEvent
from citizens.privacy import HANDLE
from core.access import scoped
from core.registry import Deadline, InboxItem


def open_petitions_with_due(user, action: str = HANDLE) -> list[tuple[Petition, deadlines.Due]]:
    """The open petitions `user` handles, with the deadline of the step each waits for, soonest first."""
    petitions = list(scoped(Petition, user, action).filter(state__in=OPEN_STATES).select_related("organization"))
    rules = deadlines.load_rules() if petitions else []
    items = [(p, due) for p in petitions if (due := deadlines.current_due(p, rules=rules))]
    return sorted(items, key=lambda item: (item[1].due, item[0].pk))


def petition_deadlines(user, *, until: dt.date) -> list[Deadline]:
    return [Deadline(title=f"{petition.code}: {due.label}", due=due.due, url=petition.get_absolute_url(),
                     kind=str(Petition._meta.verbose_name), key=f"citizens.petition-{petition.pk}-{due.step}")
            for petition, due in open_petitions_with_due(user) if due.due <= until]


def petitions_inbox(user) -> list[InboxItem]:
    today = timezone.localdate()
    soon = today + dt.timedelta(days=deadlines.DUE_SOON_DAYS)
    items = open_petitions_with_due(user)
    overdue = sum(1 for _p, due in items if due.due < today)
    due_soon = sum(1 for _p, due in items if today <= due.due <= soon)
    url = reverse("citizens:petition_list")
    return [InboxItem(_("Petitions past their deadline"), overdue, f"{url}?due=overdue", level="danger"),
            InboxItem(_("Petitions due within %(days)s days") % {"days": deadlines.DUE_SOON_DAYS}, due_soon,
                      f"{url}?due=soon", level="warning")]


def notices_to_number(user) -> list[InboxItem]:
    """For the registry office: notices of acceptance or non-acceptance waiting for their number."""
    petitions = scoped(Petition, user, "register")
    count = PetitionEvent.objects.filter(petition__in=petitions, transition__in=("accept", "refuse"),
                                         notice__isnull=True).count()
    return [InboxItem(_("Petition notices waiting to be numbered"), count, reverse("citizens:petition_list"),
                      level="success")]


def dashboard_panel(user, agencies, year: int) -> str:
    """The panel itself: petitions overdue and due soon, and the periods a head's reception days missed the
    legal minimum."""
    today = timezone.localdate()
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    checks = [check for check in reception_check(agencies, start, end) if check.required]
    paths = tuple(agency.path for agency in agencies)
    petitions = [p for p in scoped(Petition, user, "view").filter(state__in=OPEN_STATES)
                 .select_related("organization") if p.organization.path.startswith(paths)]
    rules = deadlines.load_rules() if petitions else []
    dues = [deadlines.current_due(p, rules=rules) for p in petitions]
    overdue = sum(1 for due in dues if due and due.due < today)
    soon = sum(1 for due in dues if due and today <= due.due <= today + dt.timedelta(days=deadlines.DUE_SOON_DAYS))
    return render_to_string("citizens/dashboard_panel.html", {
        "checks": checks, "missing": [c for c in checks if c.missed], "overdue": overdue, "soon": soon,
        "open": len(petitions), "year": year, "list_url": reverse("citizens:petition_list")})
