"""Reads that several places share: what waits for a user (inbox, digest, calendar) and the conferences'
yearly check."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from core.registry import Deadline, InboxItem
from democracy.models import ON_TIME, Disclosure, FollowUpAction, Meeting, MeetingKind
from democracy.services import ConferenceStatus, conference_checks, review_due
from orgs.models import Organization, OrganizationKind, OrganizationType
from orgs.scoping import memberships, path_q

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


def review_deadlines(user, *, until: dt.date) -> list[Deadline]:
    """The six-monthly review of a staff conference's resolution, for those who record the conference."""
    if not getattr(user, "is_authenticated", False):
        return []
    meetings = (Meeting.objects.scoped(user, "change")
                .filter(kind=MeetingKind.STAFF_CONFERENCE, review_date__isnull=True,
                        date__gt=until - dt.timedelta(days=366)).only("pk", "date", "title"))
    items = []
    for meeting in meetings:
        due = review_due(meeting)
        if due <= until:
            items.append(Deadline(title=_("Six-monthly review: %(meeting)s") % {"meeting": meeting.title}, due=due,
                                  url=meeting.get_absolute_url(), kind=str(Meeting._meta.verbose_name),
                                  key=f"democracy.review-{meeting.pk}"))
    return items


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
    missing = [check for check in conference_checks(agencies, year, today=today)
               if check.status == ConferenceStatus.MISSING]
    url = f"{reverse('democracy:conference_check')}?{urlencode({'year': year})}"
    return [InboxItem(_("Staff conference of %(year)s not held") % {"year": year}, len(missing), url,
                      level="danger")]


def organizations_holding_conferences(user, day: dt.date):
    """The agencies and the public service units (with their own seal) the user sees: each holds its own."""
    return (Organization.objects.scoped(user, "view").active_on(day)
            .filter(Q(kind=OrganizationKind.AGENCY) | Q(org_type=OrganizationType.SERVICE_UNIT)).order_by("path"))


def democracy_panel(user, agencies, year: int) -> str:
    """The year's disclosures on time, the staff conference of each agency shown, the follow-up actions open."""
    if not agencies:
        return ""
    today = timezone.localdate()
    within = path_q([agency.path for agency in agencies], "organization__path")
    disclosures = Disclosure.objects.scoped(user, "view").filter(within, decision_date__year=year).aggregate(
        total=Count("pk"), on_time=Count("pk", filter=ON_TIME))
    checks = conference_checks(agencies, year - 1, today=today)
    actions = (FollowUpAction.objects.scoped(user, "view")
               .filter(path_q([agency.path for agency in agencies], "meeting__organization__path"),
                       done_on__isnull=True).aggregate(open=Count("pk"),
                                                      late=Count("pk", filter=Q(due_date__lt=today))))
    return render_to_string("democracy/_panel.html", {
        "year": year, "disclosures": disclosures, "checks": checks, "actions": actions,
        "check_url": f"{reverse('democracy:conference_check')}?year={year - 1}",
        "disclosures_url": f"{reverse('democracy:disclosure_list')}?year={year}",
        "actions_url": f"{reverse('democracy:action_list')}?done=false",
    })
