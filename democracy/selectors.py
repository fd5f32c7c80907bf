"""Reads that several places share: what waits for a user (inbox, digest, calendar) and the conferences'
yearly check."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from core.registry import Deadline, InboxItem
from democracy.models import FollowUpAction
from democracy.services import ConferenceStatus, conference_status
from orgs.models import Organization, OrganizationKind
from orgs.scoping import memberships

DUE_SOON_DAYS = 7


def actions_of(user):
    """Open follow-up actions owned by one of the user's units or by the user in person."""
    units = [membership.organization.pk for membership in memberships(user)]
    return (FollowUpAction.objects.scoped(user, "view")
            .filter(Q(owner_unit_id__in=units) | Q(owner__user=user), done_on__isnull=True)
            .select_related("meeting", "owner_unit"))


def action_deadlines(user, *, until: dt.date) -> list[Deadline]:
    if not getattr(user, "is_authenticated", False):
        return []
    return [
        Deadline(title=action.description, due=action.due_date, url=action.get_absolute_url(),
                 kind=str(FollowUpAction._meta.verbose_name), key=f"democracy.action-{action.pk}")
        for action in actions_of(user).filter(due_date__lte=until)
    ]


def actions_due(user) -> list[InboxItem]:
    """The follow-up actions the user's units owe: late, and due within the week."""
    today = timezone.localdate()
    dates = list(actions_of(user).filter(due_date__lte=today + dt.timedelta(days=DUE_SOON_DAYS))
                 .values_list("due_date", flat=True))
    late = sum(1 for due in dates if due < today)
    url = f"{reverse('democracy:action_list')}?{urlencode({'mine': 'true', 'done': 'false'})}"
    return [
        InboxItem(_("Overdue follow-up actions of conferences and dialogues"), late, url, level="danger"),
        InboxItem(_("Follow-up actions of conferences and dialogues due within %(days)s days") % {
            "days": DUE_SOON_DAYS}, len(dates) - late, url),
    ]


def conferences_missing(user) -> list[InboxItem]:
    """For those who record an agency's conferences: last year's staff conference not held by its deadline."""
    today = timezone.localdate()
    year = today.year - 1
    agencies = Organization.objects.scoped(user, "change").filter(kind=OrganizationKind.AGENCY).active_on(today)
    missing = [agency for agency in agencies
               if conference_status(agency, year, today=today) is ConferenceStatus.MISSING]
    url = f"{reverse('democracy:meeting_list')}?{urlencode({'kind': 'staff_conference'})}"
    return [InboxItem(_("Staff conference of %(year)s not held") % {"year": year}, len(missing), url,
                      level="danger")]
