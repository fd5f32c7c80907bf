"""Which targets' materialized figures a change of records makes stale, and their refresh enqueued.

Each receiver names the measures that read the changed record and the organizations it sits in (and, when
the record carries it, the plan year it counts in). At commit, the targets of those measures whose plan's
organization is one of those organizations or above them are marked changed (`MeasuredTarget.changed_at`),
which makes their figures stale at once (the pages compute them on demand again), and a refresh is enqueued
for each target that has none waiting: a burst of changes, in one transaction or many, enqueues one refresh
per target. Bulk inserts send no signal: the nightly refresh and MEASURES_MAX_AGE cover them.
"""

from __future__ import annotations

import functools
import threading

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.utils import timezone

from plans.models import Measure

STUDY = (Measure.STAFF_STUDY_RATE, Measure.STUDY_SESSIONS_HELD)
PLANS = (Measure.UNITS_PLAN_RATE, Measure.AGENCY_PLAN_ISSUED_ON_TIME, Measure.ASSIGNMENTS_DONE_RATE)
ALL = None  # every measure

_local = threading.local()


class _Batch:
    """What one transaction changed: (measures, organization id or path, year) scopes and target ids."""

    def __init__(self):
        self.scopes: set = set()
        self.targets: set[int] = set()

    def flush(self) -> None:
        if getattr(_local, "batch", None) is self:
            _local.batch = None
        mark(self.scopes, self.targets)


def _batch() -> _Batch | None:
    """The current transaction's batch (its flush registered on commit); None outside a transaction."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        return None
    batch = getattr(_local, "batch", None)
    # A batch whose transaction (or savepoint) was rolled back has lost its callback: start another.
    if batch is None or not any(func == batch.flush for _ids, func, _robust in connection.run_on_commit):
        batch = _local.batch = _Batch()
        transaction.on_commit(batch.flush, robust=True)
    return batch


def changed(measures, organizations, year: int | None = None) -> None:
    """Records read by `measures` (ALL: any) changed in `organizations` (ids or paths) for `year` (None: any)."""
    key = tuple(sorted(measures)) if measures is not ALL else ALL
    scopes = {(key, organization, year) for organization in organizations if organization}
    batch = _batch()
    if batch is None:
        mark(scopes, ())
    else:
        batch.scopes |= scopes


def changed_targets(target_ids) -> None:
    batch = _batch()
    if batch is None:
        mark((), target_ids)
    else:
        batch.targets.update(target_ids)


def mark(scopes, target_ids) -> list[int]:
    """Mark the targets the scopes reach (and `target_ids`) changed now; enqueue a refresh for each that has
    none waiting. Returns the targets enqueued."""
    from core import registry
    from indicators.models import MeasuredTarget
    from indicators.tasks import refresh_target
    from orgs.models import Organization
    from plans.models import Target

    ids = {value for _m, value, _y in scopes if isinstance(value, int)}
    paths = dict(Organization.objects.filter(pk__in=ids).values_list("pk", "path")) if ids else {}
    query = Q(pk__in=list(target_ids))
    for measures, organization, year in scopes:
        path = paths.get(organization) if isinstance(organization, int) else organization
        if not path:
            continue
        above = [int(part) for part in path.strip("/").split("/") if part]
        scope = Q(plan__organization_id__in=above)
        if measures is not ALL:
            scope &= Q(measure__in=measures)
        if year is not None:
            scope &= Q(plan__year=year)
        query |= scope
    measured = [key for key, _measure in registry.measures.items()]
    targets = list(Target.objects.filter(query, measure__in=measured).values_list("pk", flat=True))
    if not targets:
        return []
    with transaction.atomic():
        MeasuredTarget.objects.bulk_create([MeasuredTarget(target_id=pk) for pk in targets], ignore_conflicts=True)
        idle = list(MeasuredTarget.objects.select_for_update().filter(target__in=targets, pending=False)
                    .values_list("target_id", flat=True))
        MeasuredTarget.objects.filter(target__in=targets).update(changed_at=timezone.now(), pending=True)
        # Enqueued once `pending` is committed: a worker that started at once would otherwise clear it first.
        for pk in idle:
            transaction.on_commit(functools.partial(refresh_target.enqueue, pk), robust=True)
    return idle


# Receivers


def _attendee_orgs(session) -> set:
    from orgs.models import StaffMember

    return set(StaffMember.objects.filter(study_sessions=session).values_list("organization_id", flat=True)
               .distinct().order_by())


def _session_changed(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    changed(STUDY, {instance.organization_id, *_attendee_orgs(instance)}, instance.date.year)


def _attendance_changed(sender, instance, action, reverse, pk_set, **kwargs):
    from orgs.models import StaffMember
    from training.models import StudySession

    if action not in ("post_add", "post_remove", "pre_clear"):
        return
    if reverse:  # staff_member.study_sessions.add(...)
        sessions = StudySession.objects.filter(pk__in=pk_set) if pk_set else instance.study_sessions.all()
        organizations = {instance.organization_id, *sessions.values_list("organization_id", flat=True)}
        changed(STUDY, organizations)
        return
    if action == "pre_clear":
        organizations = _attendee_orgs(instance)
    else:
        organizations = set(StaffMember.objects.filter(pk__in=pk_set).values_list("organization_id", flat=True)
                            .distinct().order_by())
    changed(STUDY, {instance.organization_id, *organizations}, instance.date.year)


def _session_documents_changed(sender, instance, action, reverse, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if reverse:  # document.study_sessions.add(...): rare; any study target of those sessions' organizations
        for session in instance.study_sessions.all() if hasattr(instance, "study_sessions") else ():
            _session_changed(sender, session)
        return
    _session_changed(sender, instance)


def _staff_before(sender, instance, **kwargs):
    if instance.pk and not kwargs.get("raw"):
        instance._measured_from = (sender.objects.filter(pk=instance.pk).values_list("organization_id", flat=True)
                                   .first())


def _staff_changed(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    changed((Measure.STAFF_STUDY_RATE,), {instance.organization_id, getattr(instance, "_measured_from", None)})


def _progress_changed(sender, instance, **kwargs):
    from plans.models import Assignment

    if kwargs.get("raw"):
        return
    row = (Assignment.objects.filter(pk=instance.assignment_id)
           .values_list("lead_unit_id", "plan__organization_id", "plan__year").first())
    if row:
        changed((Measure.ASSIGNMENTS_DONE_RATE,), row[:2], row[2])


def _assignment_changed(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    changed((Measure.ASSIGNMENTS_DONE_RATE,), {instance.lead_unit_id, getattr(instance, "_measured_from", None)})


def _assignment_before(sender, instance, **kwargs):
    if instance.pk and not kwargs.get("raw"):
        instance._measured_from = (sender.objects.filter(pk=instance.pk).values_list("lead_unit_id", flat=True)
                                   .first())


def _plan_changed(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    changed(PLANS, {instance.organization_id}, instance.year)
    if instance.pk and kwargs.get("signal") is post_save:
        changed_targets(instance.targets.exclude(measure="").values_list("pk", flat=True))


def _plan_basis_changed(sender, instance, action, reverse, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and not reverse:
        changed_targets(instance.targets.filter(measure__in=STUDY, documents=None).values_list("pk", flat=True))


def _count_changed(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    changed((instance.measure,), {instance.organization_id}, instance.month.year)


def _target_changed(sender, instance, **kwargs):
    if kwargs.get("raw") or not instance.measure:
        return
    changed_targets({instance.pk})


def _target_documents_changed(sender, instance, action, reverse, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and not reverse:
        changed_targets({instance.pk})


def _organization_before(sender, instance, **kwargs):
    if instance.pk and not kwargs.get("raw"):
        instance._measured_from = sender.objects.filter(pk=instance.pk).values_list("path", flat=True).first()


def _organization_changed(sender, instance, **kwargs):
    # Its kind, validity, merger or place in the tree: any measure, above its old and its new place.
    if kwargs.get("raw"):
        return
    # Its path is set after post_save: the organization itself (by id, read at commit) and its parent.
    changed(ALL, {instance.pk, instance.parent_id, getattr(instance, "_measured_from", None)})


def connect() -> None:
    from indicators.models import MonthlyCount
    from orgs.models import Organization, StaffMember
    from plans.models import Assignment, Plan, Target
    from progress.models import ProgressUpdate
    from training.models import StudySession

    uid = "indicators-measured"
    for model, before, after in (
            (StudySession, None, _session_changed), (StaffMember, _staff_before, _staff_changed),
            (ProgressUpdate, None, _progress_changed), (Assignment, _assignment_before, _assignment_changed),
            (Plan, None, _plan_changed), (MonthlyCount, None, _count_changed), (Target, None, _target_changed),
            (Organization, _organization_before, _organization_changed)):
        if before:
            pre_save.connect(before, sender=model, dispatch_uid=uid)
        post_save.connect(after, sender=model, dispatch_uid=uid)
        # A session's attendance is deleted before the session: read whom it counted before.
        (pre_delete if model is StudySession else post_delete).connect(after, sender=model, dispatch_uid=uid)
    m2m_changed.connect(_attendance_changed, sender=StudySession.attendees.through, dispatch_uid=uid)
    m2m_changed.connect(_session_documents_changed, sender=StudySession.documents.through, dispatch_uid=uid)
    m2m_changed.connect(_plan_basis_changed, sender=Plan.basis_documents.through, dispatch_uid=uid)
    m2m_changed.connect(_target_documents_changed, sender=Target.documents.through, dispatch_uid=uid)
