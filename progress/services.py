"""The rules of progress: who reports it, what a report must say, and how a plan's progress rolls up."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from attachments.services import attach
from core.history import acting_as
from plans import services as plan_services
from plans.models import Assignment, AssignmentStatus, Plan, PlanStatus, ProgressRollup
from progress.models import ProgressUpdate


def record_progress(assignment: Assignment, *, date: dt.date, text: str, percent: int, status: str,
                    sessions: Iterable = (), plans: Iterable = (), evidence: Iterable = (), by) -> ProgressUpdate:
    """A unit's report on one assignment, with its evidence files; the assignment takes its status."""
    if not Assignment.objects.scoped(by, "change").filter(pk=assignment.pk).exists():
        raise PermissionDenied(_("You may not report progress on this assignment."))
    if assignment.plan.status == PlanStatus.REPLACED:
        raise ValidationError(_("This plan has been replaced by a revision."))
    errors = {}
    if date > timezone.localdate():
        errors["date"] = _("Progress cannot be reported for a day that has not come yet.")
    if status == AssignmentStatus.DONE and percent != 100:
        errors["percent"] = _("A finished assignment stands at 100 percent.")
    if percent == 100 and status != AssignmentStatus.DONE:
        errors["status"] = _("At 100%, mark the assignment as done.")
    if errors:
        raise ValidationError(errors)
    update = ProgressUpdate(assignment=assignment, date=date, text=text.strip(), percent=percent, status=status,
                            created_by=by)
    update.full_clean(exclude=["created_by"])
    with transaction.atomic(), acting_as(by):
        update.save()
        update.sessions.set(list(sessions))
        update.plans.set(list(plans))
        for upload in evidence:
            attach(update, upload, by=by)
        if assignment.status != status:
            plan_services.set_assignment_status(assignment, status, by=by)
    return update


def latest_percent(assignments: Iterable[Assignment]) -> dict[int, int]:
    """Each assignment's last reported percentage (0 when nothing was reported), in one query."""
    ids = [a.pk for a in assignments]
    latest: dict[int, int] = dict.fromkeys(ids, 0)
    seen: set[int] = set()
    for assignment_id, percent in (ProgressUpdate.objects.filter(assignment_id__in=ids)
                                   .order_by("assignment_id", "-date", "-id").values_list("assignment_id", "percent")):
        if assignment_id not in seen:
            seen.add(assignment_id)
            latest[assignment_id] = percent
    return latest


def rolled_up(assignments: Iterable[Assignment], percents: dict[int, int], how: str) -> float | None:
    """The plain or weighted average of the assignments' percentages (None without assignments)."""
    assignments = list(assignments)
    weights = [a.weight if how == ProgressRollup.WEIGHTED else 1 for a in assignments]
    if not assignments or not sum(weights):
        return None
    return sum(percents[a.pk] * weight for a, weight in zip(assignments, weights, strict=True)) / sum(weights)


def plan_progress(plan: Plan) -> tuple[float | None, dict[int, float]]:
    """The plan's progress and each content area's, rolled up from their assignments' last reported
    percentages as the plan chose (plain or weighted average); None where there is no assignment."""
    assignments = list(plan.assignments.all())
    percents = latest_percent(assignments)
    by_area: dict[int, list[Assignment]] = {}
    for assignment in assignments:
        if assignment.content_area_id:
            by_area.setdefault(assignment.content_area_id, []).append(assignment)
    how = plan.progress_rollup
    return (rolled_up(assignments, percents, how),
            {area: rolled_up(items, percents, how) for area, items in by_area.items()})
