"""Reads that several pages, exports and the API share."""

from __future__ import annotations

import datetime as dt

from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.registry import Deadline, InboxItem
from orgs.models import Organization, OrganizationKind, Role
from orgs.scoping import memberships
from plans.models import Assignment, AssignmentStatus, CommentKind, ContentArea, Plan, PlanComment, PlanStatus

# The inbox warns of assignments due within this many days.
DUE_SOON_DAYS = 7


ROW_FIELDS = (
    "task", "due_date", "recurrence", "status", "plan_id", "lead_unit_id",
    "plan__year", "plan__number", "plan__symbol", "plan__status", "plan__organization_id",
    "plan__organization__name", "plan__organization__short_name", "lead_unit__name",
)


def content_of(plan_ids: list[int]) -> dict[int, list[dict]]:
    """Each plan's content areas in order, each with its activities' texts, as the plan API writes them:
    one query for a page of plans, no model instance per area or activity. The plans were read through
    the scope; their parts follow them."""
    rows = (
        ContentArea.objects.filter(plan_id__in=plan_ids)
        .order_by("plan_id", "order", "id", "activities__order", "activities__id")
        .values_list("plan_id", "id", "order", "title", "description", "source_id", "activities__text")
    )
    content: dict[int, list[dict]] = {}
    area: dict = {}
    for plan_id, area_id, order, title, description, source_id, activity in rows:
        if area.get("id") != area_id:
            area = {"id": area_id, "order": order, "title": title, "description": description,
                    "activities": [], "source": source_id}
            content.setdefault(plan_id, []).append(area)
        if activity is not None:
            area["activities"].append(activity)
    return content


def assignments_for_units(user, units) -> list[Assignment]:
    """Assignments charging any of `units` (as lead or support), soonest due first, undated last; each with
    `can_update`: whether the user may record its progress (its change scope)."""
    ids = [unit.pk for unit in units]
    # The supporting units through a subquery, not a join: no duplicate rows to make distinct, and
    # both conditions use their index instead of reading every assignment of the database.
    supported = Assignment.support_units.through.objects.filter(organization_id__in=ids).values("assignment_id")
    items = list(
        Assignment.objects.visible_with_permission(user, "change", "can_update")
        .filter(Q(lead_unit_id__in=ids) | Q(pk__in=supported))
        .exclude(plan__status=PlanStatus.REPLACED)
        .select_related("plan__organization", "lead_unit")
        # Only what a row (the page, its export, a deadline) shows: its plan's number and organization,
        # the lead unit's name. Every column more cost every page of every unit its compiling.
        .only(*ROW_FIELDS)
        .prefetch_related(Prefetch("support_units", queryset=Organization.objects.only("id", "name")))
        .order_by()  # sorted below by due date
    )
    return sorted(items, key=lambda a: (a.next_due_date() or dt.date.max, a.pk))


def assignment_deadlines(user, *, until: dt.date) -> list[Deadline]:
    """What the user's units must deliver by `until` (overdue included), for the inbox, digest and calendar."""
    units = [m.organization for m in memberships(user)]
    items = []
    for assignment in assignments_for_units(user, units):
        due = assignment.next_due_date()
        if due is not None and due <= until and assignment.status != AssignmentStatus.DONE:
            items.append(Deadline(title=assignment.task, due=due, url=assignment.plan.get_absolute_url(),
                                  kind=str(Assignment._meta.verbose_name), key=f"plans.assignment-{assignment.pk}"))
    return items


def plans_to_approve(user) -> list[InboxItem]:
    count = Plan.objects.scoped(user, "approve").filter(status=PlanStatus.SUBMITTED).count()
    url = f"{reverse('plans:plan_list')}?status={PlanStatus.SUBMITTED}"
    return [InboxItem(_("Plans waiting for approval"), count, url, level="warning")]


def plans_to_issue(user) -> list[InboxItem]:
    """For the registry office: approved plans waiting for their number and date."""
    count = Plan.objects.scoped(user, "register").filter(status=PlanStatus.APPROVED).count()
    url = f"{reverse('plans:plan_list')}?status={PlanStatus.APPROVED}"
    return [InboxItem(_("Approved plans waiting to be numbered and issued"), count, url, level="success")]


def plans_returned_to_me(user) -> list[InboxItem]:
    """Drafts the user may change whose last word from the leader was a return: they wait for the drafters."""
    last_step = PlanComment.objects.filter(plan=OuterRef("pk")).order_by("-created_at", "-id").values("kind")[:1]
    returned = list(
        Plan.objects.scoped(user, "change").filter(status=PlanStatus.DRAFT)
        .annotate(last_step=Subquery(last_step)).filter(last_step=CommentKind.RETURNED).values_list("pk", flat=True)
    )
    if len(returned) == 1:
        url = reverse("plans:plan_detail", args=[returned[0]])
    else:
        url = f"{reverse('plans:plan_list')}?status={PlanStatus.DRAFT}"
    return [InboxItem(_("Plans returned to you for changes"), len(returned), url, level="warning")]


def assignments_due(user) -> list[InboxItem]:
    """The user's units' assignments that are late, and those due within the week."""
    today = timezone.localdate()
    items = assignment_deadlines(user, until=today + dt.timedelta(days=DUE_SOON_DAYS))
    url = reverse("plans:my_assignments")
    late = sum(1 for item in items if item.due < today)
    return [
        InboxItem(_("Overdue assignments"), late, url, level="danger"),
        InboxItem(_("Assignments due within %(days)s days") % {"days": DUE_SOON_DAYS}, len(items) - late, url),
    ]


def agencies_without_plan(user) -> list[InboxItem]:
    """For the coordinator: the province's agencies with no plan for this year yet."""
    year = timezone.localdate().year
    items = []
    for membership in memberships(user):
        if membership.role != Role.COORDINATOR:
            continue
        province = membership.organization.path.split("/")[1]
        count = (
            Organization.objects.filter(path__startswith=f"/{province}/", kind=OrganizationKind.AGENCY)
            .active_on().exclude(plans__year=year).count()
        )
        url = f"{reverse('plans:coverage')}?year={year}"
        items.append(InboxItem(_("Agencies without a plan for %(year)s") % {"year": year}, count, url,
                               level="warning"))
    return items
