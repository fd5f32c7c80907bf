"""Reads that several pages, exports and the API share."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.registry import Deadline, InboxItem
from plans.models import Assignment, AssignmentStatus, Plan, PlanStatus


def assignments_for_units(user, units) -> list[Assignment]:
    """Assignments charging any of `units` (as lead or support), soonest due first, undated last."""
    ids = [unit.pk for unit in units]
    items = list(
        Assignment.objects.visible_to(user)
        .filter(Q(lead_unit_id__in=ids) | Q(support_units__in=ids))
        .exclude(plan__status=PlanStatus.REPLACED)
        .distinct()
        .select_related("plan__organization", "lead_unit", "content_area")
        .prefetch_related("support_units")
    )
    return sorted(items, key=lambda a: (a.next_due_date() or dt.date.max, a.pk))


def assignment_deadlines(user, *, until: dt.date) -> list[Deadline]:
    """What the user's units must deliver by `until` (overdue included), for the inbox, digest and calendar."""
    units = [m.organization for m in user.memberships.select_related("organization")]
    items = []
    for assignment in assignments_for_units(user, units):
        due = assignment.next_due_date()
        if due is not None and due <= until and assignment.status != AssignmentStatus.DONE:
            items.append(Deadline(title=assignment.task, due=due, url=assignment.plan.get_absolute_url(),
                                  kind=str(Assignment._meta.verbose_name)))
    return items


def plans_to_approve(user) -> list[InboxItem]:
    count = Plan.objects.scoped(user, "approve").filter(status=PlanStatus.SUBMITTED).count()
    url = f"{reverse('plans:plan_list')}?status={PlanStatus.SUBMITTED}"
    return [InboxItem(_("Plans waiting for approval"), count, url, level="warning")]
