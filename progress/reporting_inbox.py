"""What periodic reports put in a user's inbox and deadlines: reports to review (the receiver),
reports returned (the author), reports due within 7 days or overdue (who must write them)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.access import scoped
from core.registry import Deadline, InboxItem
from orgs.models import Organization
from orgs.scoping import memberships
from progress import reporting
from progress.reporting_models import Report, ReportingPeriod, ReportStatus

DUE_SOON_DAYS = 7


def reports_waiting(user) -> list[InboxItem]:
    """Reports waiting for the user's review (as the receiver) and reports returned to the user's
    side for changes, counted in one query."""
    counts = Report.objects.scoped(user, "view").filter(period__closed=False).aggregate(
        review=Count("pk", filter=Q(status=ReportStatus.SUBMITTED,
                                    receiver__in=scoped(Organization, user, "change").values("pk"))),
        returned=Count("pk", filter=Q(status=ReportStatus.RETURNED,
                                      organization__in=scoped(Organization, user, "change").values("pk"))),
    )
    url = reverse("progress:report_list")
    return [
        InboxItem(_("Reports waiting for your review"), counts["review"], f"{url}?status={ReportStatus.SUBMITTED}",
                  level="warning"),
        InboxItem(_("Reports returned to you for changes"), counts["returned"],
                  f"{url}?status={ReportStatus.RETURNED}", level="warning"),
    ]


def report_deadlines(user, *, until: dt.date) -> list[Deadline]:
    """Each report the user's own organizations must still submit by `until` (overdue included)."""
    # A due date moved off a day off (Tết) falls at most a week later.
    periods = list(ReportingPeriod.objects.scoped(user, "view").filter(
        closed=False, due_date__lte=until + dt.timedelta(days=7)).select_related("province"))
    periods = [period for period in periods if period.effective_due <= until]
    own = {m.organization_id for m in memberships(user)}
    if not periods or not own:
        return []
    writable = set(scoped(Organization, user, "change").filter(pk__in=own).values_list("pk", flat=True))
    if not writable:
        return []
    items = []
    for period in periods:
        # Only the user's own organizations are read (not the province's thousand expected units).
        expected = list(reporting.expected_queryset(period).filter(pk__in=writable).order_by("path"))
        if not expected:
            continue
        submitted = set(Report.objects.filter(period=period, first_submitted_on__isnull=False,
                                              organization__in=[o.pk for o in expected])
                        .values_list("organization_id", flat=True))
        for org in expected:
            if org.pk not in submitted:
                items.append(Deadline(title=_("Report %(period)s — %(organization)s")
                                      % {"period": period.period.label, "organization": org.display_name},
                                      due=period.effective_due, url=period.get_absolute_url(),
                                      kind=str(Report._meta.verbose_name),
                                      key=f"progress.report-{period.pk}-{org.pk}"))
    return items


def reports_due(user) -> list[InboxItem]:
    today = timezone.localdate()
    items = report_deadlines(user, until=today + dt.timedelta(days=DUE_SOON_DAYS))
    late = sum(1 for item in items if item.due < today)
    url = reverse("progress:period_list")
    return [
        InboxItem(_("Overdue reports"), late, url, level="danger"),
        InboxItem(_("Reports due within %(days)s days") % {"days": DUE_SOON_DAYS}, len(items) - late, url),
    ]
