"""Reads that several pages, exports and the API share."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q

from plans.models import Assignment, Plan, PlanStatus


def plan_list(user):
    return Plan.objects.visible_to(user).select_related("organization", "parent").order_by(
        "-year", "organization__path", "-id"
    )


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
