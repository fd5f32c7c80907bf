"""The rules of plans: lifecycle, cascade, revisions. Views, API and commands call these."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import FilteredRelation, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from core.history import ChangeReason, acting_as
from legal.models import LegalDocument, normalize_number
from legal.services import register_document
from orgs.models import Organization, OrganizationKind
from orgs.scoping import Action, can
from plans.models import (
    MAX_PLAN_NUMBER,
    PUBLISHED,
    Activity,
    Assignment,
    AssignmentStatus,
    CommentKind,
    ContentArea,
    Plan,
    PlanComment,
    PlanKind,
    PlanStatus,
    Target,
    number_symbol,
)
from registry import services as registry_services


@dataclass(frozen=True)
class Transition:
    source: str
    target: str
    action: Action  # the permission the user needs on the plan's organization


# The lifecycle: step → (from, to, who may take it). Anything not listed is refused.
TRANSITIONS: dict[str, Transition] = {
    "submit": Transition(PlanStatus.DRAFT, PlanStatus.SUBMITTED, Action.CHANGE),
    "withdraw": Transition(PlanStatus.SUBMITTED, PlanStatus.DRAFT, Action.CHANGE),
    "return": Transition(PlanStatus.SUBMITTED, PlanStatus.DRAFT, Action.APPROVE),
    "approve": Transition(PlanStatus.SUBMITTED, PlanStatus.APPROVED, Action.APPROVE),
    "issue": Transition(PlanStatus.APPROVED, PlanStatus.ISSUED, Action.REGISTER),
}


def allowed_transitions(plan: Plan, user) -> list[str]:
    """Steps `user` may take on `plan` now (for the buttons a page shows)."""
    return [
        step for step, rule in TRANSITIONS.items()
        if rule.source == plan.status and can(user, rule.action, plan.organization)
    ]


def _transition(plan: Plan, step: str, *, by) -> Transition:
    rule = TRANSITIONS.get(step)
    if rule is None or rule.source != plan.status:
        raise ValidationError(
            _("A plan that is “%(source)s” cannot be moved this way.") % {"source": PlanStatus(plan.status).label}
        )
    if not can(by, rule.action, plan.organization):
        raise PermissionDenied(_("You may not do this to this plan."))
    return rule


def _comment(plan: Plan, kind: str, text: str, by) -> None:
    PlanComment.objects.create(plan=plan, kind=kind, text=text.strip(), author=by)


def _locked(plan: Plan) -> Plan:
    return Plan.objects.select_for_update().select_related("organization").get(pk=plan.pk)


def check_editable(plan: Plan, by) -> None:
    if not can(by, Action.CHANGE, plan.organization):
        raise PermissionDenied(_("You may not change this plan."))
    if plan.status != PlanStatus.DRAFT:
        raise ValidationError(
            _("Only a draft can be changed; this plan is “%(status)s”.") % {"status": plan.get_status_display()}
        )


def default_symbol(organization: Organization) -> str:
    """The symbol a plan takes when none is given: KH-SXD for Sở Xây dựng."""
    return f"KH-{organization.symbol}" if organization.symbol else "KH"


def _has_plan_for(organization: Organization, year: int, *, other_than: int | None = None) -> bool:
    return Plan.objects.filter(
        organization=organization, year=year, revision_of__isnull=True, kind=PlanKind.ANNUAL
    ).exclude(pk=other_than).exists()


def _one_plan_a_year_error(organization: Organization, year: int) -> ValidationError:
    return ValidationError(_("%(org)s already has a plan for %(year)s.") % {"org": organization.name, "year": year})


def check_one_plan_a_year(organization: Organization, year: int, *, other_than: int | None = None) -> None:
    """An organization writes one original annual plan a year; changes to it are revisions."""
    if _has_plan_for(organization, year, other_than=other_than):
        raise _one_plan_a_year_error(organization, year)


def _is_annual_original(plan: Plan) -> bool:
    # Thematic plans may be many a year; a revision replaces its original rather than adding one.
    return plan.kind == PlanKind.ANNUAL and plan.revision_of_id is None


def save_plan(plan: Plan, *, cited: Iterable[str], by) -> Plan:
    """Create a draft plan, or change a draft, with the numbers of the documents it cites.

    Two creations of one organization's plan for one year at the same moment both pass the check;
    the database's constraint stops the second (or full_clean's check of it, when the first is
    committed by then), and its user reads the same message as for a later duplicate."""
    creating = plan.pk is None
    try:
        return _save_plan(plan, cited=cited, by=by)
    except (IntegrityError, ValidationError):
        if _is_annual_original(plan) and _has_plan_for(plan.organization, plan.year, other_than=plan.pk):
            if creating:
                plan.pk = None
            raise _one_plan_a_year_error(plan.organization, plan.year) from None
        raise


def _save_plan(plan: Plan, *, cited: Iterable[str], by) -> Plan:
    with transaction.atomic(), acting_as(by):
        if plan.pk:
            check_editable(_locked(plan), by)
        else:
            if not can(by, Action.CHANGE, plan.organization):
                raise PermissionDenied(_("You may not create plans for this organization."))
            plan.created_by = plan.created_by or by
        if _is_annual_original(plan):
            # Also when an edit turns a thematic plan into the year's annual plan.
            check_one_plan_a_year(plan.organization, plan.year, other_than=plan.pk)
        plan.symbol = plan.symbol or default_symbol(plan.organization)
        plan.full_clean()
        plan.save()
        plan.basis_documents.set(_cited_documents(plan, cited, by=by))
    return plan


def _cited_documents(plan: Plan, numbers: Iterable[str], *, by) -> list:
    """The documents the plan cites: those it already cites by these numbers stay (whichever register
    they are in), others are found or added in the register for the plan's organization."""
    kept = {document.normalized_number: document for document in plan.basis_documents.all()}
    return [
        kept.get(normalize_number(number)) or register_document(number, organization=plan.organization, by=by)
        for number in numbers
    ]


def create_plan(*, organization: Organization, year: int, by, cited: Iterable[str] = (), **fields) -> Plan:
    """A new draft plan of `organization` for `year`; `fields` are the plan's other fields."""
    return save_plan(Plan(organization=organization, year=year, **fields), cited=cited, by=by)


def submit_plan(plan: Plan, *, by, comment: str = "") -> Plan:
    with transaction.atomic(), acting_as(by, reason=ChangeReason.SUBMITTED):
        plan = _locked(plan)
        _transition(plan, "submit", by=by)
        if not plan.content_areas.exists():
            raise ValidationError(_("Add at least one content area before submitting."))
        plan.status = PlanStatus.SUBMITTED
        plan.submitted_at = timezone.now()
        plan.save()
        _comment(plan, CommentKind.SUBMITTED, comment, by)
    return plan


def withdraw_plan(plan: Plan, *, by, comment: str = "") -> Plan:
    """The drafters take a submitted plan back to change it before anyone has decided."""
    with transaction.atomic(), acting_as(by, reason=ChangeReason.WITHDRAWN):
        plan = _locked(plan)
        _transition(plan, "withdraw", by=by)
        plan.status = PlanStatus.DRAFT
        plan.save()
        _comment(plan, CommentKind.WITHDRAWN, comment, by)
    return plan


def return_plan(plan: Plan, *, by, reason: str) -> Plan:
    """Send a submitted plan back to its drafters, saying what to change (required)."""
    reason = (reason or "").strip()
    with transaction.atomic(), acting_as(by, reason=reason or ChangeReason.RETURNED):
        plan = _locked(plan)
        _transition(plan, "return", by=by)
        if not reason:
            raise ValidationError({"comment": _("Say why the plan is returned.")})
        plan.status = PlanStatus.DRAFT
        plan.save()
        _comment(plan, CommentKind.RETURNED, reason, by)
    return plan


def approve_plan(plan: Plan, *, by, comment: str = "") -> Plan:
    with transaction.atomic(), acting_as(by, reason=ChangeReason.APPROVED):
        plan = _locked(plan)
        _transition(plan, "approve", by=by)
        plan.status = PlanStatus.APPROVED
        plan.approved_by = by
        plan.approved_at = timezone.now()
        plan.save()
        _comment(plan, CommentKind.APPROVED, comment, by)
    return plan


def delete_plan(plan: Plan, *, by) -> None:
    """Delete a draft plan (never one that was issued); the history keeps what it was."""
    with transaction.atomic(), acting_as(by, reason=ChangeReason.DELETED):
        plan = _locked(plan)
        check_editable(plan, by)
        if plan.children.exists():
            raise ValidationError(_("Plans were made from this plan; it cannot be deleted."))
        plan.delete()


def suggested_number(plan: Plan, date: dt.date | None = None) -> int:
    """The next free number of the register the plan is issued under, for the year of `date` (today)."""
    date = date or timezone.localdate()
    return registry_services.next_free_number(registry_services.register_for(plan.organization), date.year)


def issue_plan(plan: Plan, *, by, number: int | None = None, date: dt.date | None = None) -> Plan:
    """Enter the plan in its register (number and date from the registry office); then it is read-only."""
    if number is not None and not 1 <= number <= MAX_PLAN_NUMBER:
        raise ValidationError(
            {"number": _("Enter a number from 1 to %(max)s.") % {"max": MAX_PLAN_NUMBER}}
        )
    with transaction.atomic(), acting_as(by, reason=ChangeReason.ISSUED):
        plan = _locked(plan)
        _transition(plan, "issue", by=by)
        entry = registry_services.register_document(
            organization=plan.organization, record=plan, type_code="KH", symbol=plan.symbol, title=plan.title,
            number=number, date=date, by=by,
        )
        plan.number = entry.number
        plan.date = entry.date
        plan.status = PlanStatus.ISSUED
        plan.issued_at = timezone.now()
        plan.save()
        _comment(plan, CommentKind.ISSUED, "", by)
        if plan.revision_of_id:
            replaced = Plan.objects.select_for_update().get(pk=plan.revision_of_id)
            replaced.status = PlanStatus.REPLACED
            replaced._change_reason = ChangeReason.REPLACED
            replaced.save()
    return plan


def _copy_contents(source: Plan, target: Plan, *, link: bool) -> dict[int, ContentArea]:
    """Copy sections and targets; `link` ties each copy to the superior item it serves."""
    area_map: dict[int, ContentArea] = {}
    for area in source.content_areas.prefetch_related("activities"):
        copy = ContentArea.objects.create(
            plan=target, order=area.order, title=area.title, description=area.description,
            source=area if link else area.source,
        )
        area_map[area.pk] = copy
        bulk_create_with_history(
            [Activity(content_area=copy, order=a.order, text=a.text) for a in area.activities.all()], Activity
        )
    for item in source.targets.prefetch_related("documents"):
        copied = Target.objects.create(
            plan=target, content_area=area_map.get(item.content_area_id), order=item.order, text=item.text,
            kind=item.kind, comparator=item.comparator, baseline=item.baseline, target_value=item.target_value,
            unit_of_measure=item.unit_of_measure, grade=item.grade, measure=item.measure,
            parent_target=item if link else item.parent_target,
        )
        copied.documents.set(item.documents.all())
    return area_map


def cascade_plan(parent: Plan, *, to_org: Organization, by) -> Plan:
    """Create `to_org`'s plan from its superior's, pre-filled with sections, targets and basis."""
    if parent.status not in (PlanStatus.ISSUED,):
        raise ValidationError(_("Only an issued plan can be implemented by a lower plan."))
    if not can(by, Action.CHANGE, to_org):
        raise PermissionDenied(_("You may not create plans for this organization."))
    below = to_org.path.startswith(parent.organization.path) and to_org != parent.organization
    if not below:
        raise ValidationError(_("The plan can only be implemented by an organization under %(org)s.")
                              % {"org": parent.organization.name})
    if to_org.kind not in (OrganizationKind.AGENCY, OrganizationKind.UNIT):
        raise ValidationError(_("Only agencies and units write plans."))
    with transaction.atomic(), acting_as(by, reason=ChangeReason.CASCADED):
        plan = create_plan(
            organization=to_org,
            year=parent.year,
            kind=parent.kind,
            year_to=parent.year_to,
            progress_rollup=parent.progress_rollup,
            by=by,
            cited=[document.number for document in parent.basis_documents.all()],
            place=parent.place,
            title=_("Implementing state mobilization work in %(year)s") % {"year": parent.year},
            parent=parent,
            introduction=_("Implementing Plan No. %(number)s dated %(date)s of %(org)s, %(me)s issues its plan "
                           "as follows:") % {
                "number": parent.number_symbol, "date": parent.date.strftime("%d/%m/%Y") if parent.date else "",
                "org": parent.organization.name, "me": to_org.name,
            },
            purposes=parent.purposes,
            recipients="\n".join(_default_recipients(to_org)),
            archive="VT" + (f", {_focal_symbol(to_org)}" if _focal_symbol(to_org) else ""),
            signer_principal=parent.signer_principal if to_org.kind == parent.organization.kind else "",
        )
        _copy_contents(parent, plan, link=True)
    return plan


def _focal_symbol(org: Organization) -> str:
    focal = org.children.filter(is_focal_office=True).first()
    return focal.symbol if focal else ""


def _default_recipients(org: Organization) -> list[str]:
    if org.kind == OrganizationKind.AGENCY:
        return [_("Department of Home Affairs"), _("Board of directors"), _("Divisions and units of the department")]
    return [_("Leaders of %(org)s") % {"org": org.parent.name if org.parent else ""}]


def current_annual_plan(organization: Organization, year: int) -> Plan | None:
    """The organization's annual plan for `year` as it stands: the original, or its latest revision."""
    plan = Plan.objects.filter(
        organization=organization, year=year, kind=PlanKind.ANNUAL, revision_of__isnull=True
    ).select_related("organization").first()
    while plan is not None:
        revision = Plan.objects.filter(revision_of=plan).select_related("organization").first()
        if revision is None:
            return plan
        plan = revision
    return None


def revise_plan(plan: Plan, *, by, with_contents: bool = True) -> Plan:
    """A draft copy of an issued plan that will replace it once issued; without its content areas,
    targets and assignments when another text (an imported document) gives them."""
    if plan.status != PlanStatus.ISSUED:
        raise ValidationError(_("Only an issued plan can be revised."))
    if not can(by, Action.CHANGE, plan.organization):
        raise PermissionDenied(_("You may not change this plan."))
    with transaction.atomic(), acting_as(by, reason=ChangeReason.REVISED):
        plan = _locked(plan)
        if Plan.objects.filter(revision_of=plan).exists():
            raise ValidationError(_("This plan already has a revision."))
        copy = Plan.objects.get(pk=plan.pk)
        copy.pk = None
        copy.id = None
        copy._state.adding = True
        copy.number = None
        copy.date = None
        copy.status = PlanStatus.DRAFT
        copy.revision_of = plan
        copy.created_by = by
        copy.submitted_at = copy.approved_at = copy.issued_at = None
        copy.approved_by = None
        copy.save()
        copy.basis_documents.set(plan.basis_documents.all())
        if not with_contents:
            return copy
        area_map = _copy_contents(plan, copy, link=False)
        for assignment in plan.assignments.prefetch_related("support_units"):
            new = Assignment.objects.create(
                plan=copy, content_area=area_map.get(assignment.content_area_id), lead_unit=assignment.lead_unit,
                task=assignment.task, due_date=assignment.due_date, recurrence=assignment.recurrence,
                status=assignment.status, order=assignment.order, timing=assignment.timing,
                other_units=assignment.other_units, weight=assignment.weight,
            )
            new.support_units.set(assignment.support_units.all())
    return copy


# What a plan's text gives, as opposed to where the plan stands (organization, year, kind, number,
# status): a draft replaced by another text takes these from it, or their defaults.
TEXT_FIELDS = (
    "symbol", "place", "title", "parent", "introduction", "purposes", "closing", "recipients", "archive",
    "signer_authority", "signer_principal", "signer_title", "signer_name", "lower_plans_due",
)


def replace_draft(plan: Plan, *, by, cited: Iterable[str] = (), **fields) -> Plan:
    """Replace a draft's text by another (an imported document): its text fields become `fields` (those
    not given, their defaults), its cited documents `cited`, and its content areas, targets and
    assignments are removed for the caller to add the new ones. The history keeps what was replaced."""
    unknown = set(fields) - set(TEXT_FIELDS)
    if unknown:
        raise TypeError(f"replace_draft() cannot set {sorted(unknown)}")
    with transaction.atomic(), acting_as(by):
        plan = _locked(plan)
        check_editable(plan, by)
        for name in TEXT_FIELDS:
            field = Plan._meta.get_field(name)
            setattr(plan, field.attname if name not in fields else name,
                    fields[name] if name in fields else field.get_default())
        # Assignments and targets first: removing an area first would rewrite them to point nowhere.
        for part in (plan.assignments, plan.targets, plan.content_areas):
            for item in part.all():
                item.delete()
        save_plan(plan, cited=cited, by=by)
    return plan


def save_plan_part(instance, *, plan: Plan, by):
    """Save a content area, activity, target or assignment of a draft plan."""
    with transaction.atomic(), acting_as(by):
        check_editable(_locked(plan), by)
        instance.full_clean()
        instance.save()
    return instance


def save_target(target: Target, *, plan: Plan, documents: Iterable[LegalDocument] = (), by) -> Target:
    """Save a draft plan's target with the documents it cites (for a study target: whose study counts)."""
    with transaction.atomic(), acting_as(by):
        save_plan_part(target, plan=plan, by=by)
        target.documents.set(list(documents))
    return target


def save_content_area(area: ContentArea, *, plan: Plan, activities: list[str], by) -> ContentArea:
    """Save a draft plan's content area with its activities, one per line, in order."""
    with transaction.atomic(), acting_as(by):
        area.plan = plan
        save_plan_part(area, plan=plan, by=by)
        area.activities.all().delete()
        bulk_create_with_history(
            [Activity(content_area=area, order=i, text=text) for i, text in enumerate(activities, 1)], Activity
        )
    return area


def save_assignment(assignment: Assignment, *, plan: Plan, support_units: Iterable[Organization], by) -> Assignment:
    """Save a draft plan's assignment; its lead and supporting units must belong to the plan's organization."""
    support_units = list(support_units)
    with transaction.atomic(), acting_as(by):
        validate_assignment_units(plan, assignment.lead_unit, support_units)
        assignment.plan = plan
        save_plan_part(assignment, plan=plan, by=by)
        assignment.support_units.set(support_units)
    return assignment


def delete_plan_part(instance, *, plan: Plan, by) -> None:
    with transaction.atomic(), acting_as(by):
        check_editable(_locked(plan), by)
        instance.delete()


def validate_assignment_units(plan: Plan, lead_unit: Organization, support_units: Iterable[Organization]) -> None:
    """Only the plan's own units (below its organization) can be charged with its tasks."""
    for unit in [lead_unit, *support_units]:
        if not unit.path.startswith(plan.organization.path) or unit.pk == plan.organization_id:
            raise ValidationError(
                _("%(unit)s is not part of %(org)s.") % {"unit": unit.name, "org": plan.organization.name}
            )


def add_target(plan: Plan, *, by, **fields) -> Target:
    """Add a target to a draft plan."""
    return save_plan_part(Target(plan=plan, **fields), plan=plan, by=by)


def add_assignment(
    plan: Plan, *, lead_unit: Organization, support_units: Iterable[Organization] = (), by, **fields
) -> Assignment:
    """Charge one of the plan's units (helped by others of its units) with a task of a draft plan."""
    return save_assignment(Assignment(plan=plan, lead_unit=lead_unit, **fields), plan=plan,
                           support_units=support_units, by=by)


def add_content_area(
    plan: Plan, *, title: str, activities: Iterable[str] = (), leads: Iterable[Organization] = (),
    supports: Iterable[Organization] = (), other_leads: Iterable[str] = (), other_units: Iterable[str] = (),
    timing: str = "", due_date: dt.date | None = None, recurrence: str = "", order: int = 1,
    first_assignment: int = 1, by,
) -> ContentArea:
    """Add a content area with its activities to a draft plan, and charge each of its lead units with it:
    one assignment per lead, the area's title as its task, the other leads and the supporting units as
    its support, the timing kept as written. `other_leads` and `other_units` are the lead and supporting
    units named as written that are not organizations of the plan (groups, outside bodies); they stay
    text. Where no lead is an organization of the plan, the area's description keeps who does it and
    when, as written."""

    def names(items: Iterable[str]) -> list[str]:
        return [name for name in dict.fromkeys(name.strip() for name in items) if name]

    leads = list(dict.fromkeys(leads))
    supports = list(dict.fromkeys(supports))
    other_leads, other_units = names(other_leads), names(other_units)
    timing = timing.strip()
    description = ""
    if not leads:
        lines = []
        if other_leads:
            lines.append(_("Lead units: %(units)s") % {"units": "; ".join(other_leads)})
        if supports or other_units:
            helpers = [unit.name for unit in supports] + other_units
            lines.append(_("Supporting units: %(units)s") % {"units": "; ".join(helpers)})
        if timing:
            lines.append(_("Timing: %(timing)s") % {"timing": timing})
        description = "\n".join(lines)
    with transaction.atomic(), acting_as(by):
        area = save_content_area(
            ContentArea(plan=plan, order=order, title=title.strip(), description=description),
            plan=plan, activities=[text.strip() for text in activities if text.strip()], by=by,
        )
        for number, lead in enumerate(leads, first_assignment):
            helpers = [unit for unit in [*leads, *supports] if unit != lead]
            add_assignment(
                plan, lead_unit=lead, support_units=list(dict.fromkeys(helpers)), by=by, content_area=area,
                task=area.title, other_units="; ".join(names([*other_leads, *other_units])), timing=timing,
                due_date=due_date,
                recurrence=recurrence, order=number,
            )
    return area


def set_assignment_status(assignment: Assignment, status: str, *, by) -> Assignment:
    """Progress is recorded by the lead unit or the plan's editors, on issued plans too."""
    if not Assignment.objects.editable_by(by).filter(pk=assignment.pk).exists():
        raise PermissionDenied(_("You may not update this assignment."))
    if status not in AssignmentStatus.values:
        raise ValidationError(_("Unknown status."))
    if assignment.plan.status == PlanStatus.REPLACED:
        raise ValidationError(_("This plan has been replaced by a revision."))
    assignment.status = status
    with acting_as(by, reason=ChangeReason.STATUS_CHANGED):
        assignment.save(update_fields=["status"])
    return assignment


@dataclass(frozen=True)
class CoveredOrganization:
    """What a coverage row shows of an organization."""

    pk: int
    name: str
    code: str
    org_type: str

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class CoveredPlan:
    """What a coverage row shows of a plan. Read as values, not model instances: the page opens on
    every agency of a province, and 120 plans built as models cost more than the rest of it."""

    pk: int
    number: int | None
    symbol: str
    date: dt.date | None
    status: str

    @property
    def number_symbol(self) -> str:
        return number_symbol(self.number, self.symbol)

    def get_status_display(self) -> str:
        return str(PlanStatus(self.status).label)


@dataclass
class CoverageRow:
    organization: CoveredOrganization
    plan: CoveredPlan | None
    # The date the superior plan set for the plans below it (Plan.lower_plans_due).
    due: dt.date | None = None

    @property
    def late(self) -> bool:
        """Issued after the superior plan's deadline, or not issued although it has passed."""
        if self.due is None:
            return False
        if self.plan is not None and self.plan.date is not None and self.plan.status in PUBLISHED:
            return self.plan.date > self.due
        return timezone.localdate() > self.due


def plan_coverage(parent: Organization, year: int, org_type: str = "") -> list[CoverageRow]:
    """For each agency of a province (or unit of an agency), of one type if asked: its plan for the
    year, if any."""
    kinds = [OrganizationKind.AGENCY] if parent.kind == OrganizationKind.PROVINCE else [OrganizationKind.UNIT]
    children = Organization.objects.filter(parent=parent, kind__in=kinds).active_on(dt.date(year, 12, 31))
    if org_type:
        children = children.filter(org_type=org_type)
    # One query: each organization with its annual plan of the year joined (thematic plans do not answer
    # the province's call for an annual plan); a province's 120 agencies as parameters of a second query
    # cost the page more to bind than the database to read. Of two plans the later one counts.
    annual = FilteredRelation("plans", condition=Q(plans__year=year, plans__kind=PlanKind.ANNUAL)
                              & ~Q(plans__status=PlanStatus.REPLACED))
    rows = (children.annotate(annual=annual).order_by("name", "id", "annual__id").values_list(
        "id", "name", "code", "org_type", "annual__id", "annual__number", "annual__symbol", "annual__date",
        "annual__status"))
    listed: dict[int, CoveredOrganization] = {}
    plans: dict[int, CoveredPlan] = {}
    for pk, name, code, org_type, plan_pk, number, symbol, date, status in rows:
        listed.setdefault(pk, CoveredOrganization(pk, name, code, org_type))
        if plan_pk is not None:
            plans[pk] = CoveredPlan(plan_pk, number, symbol, date, status)
    due = (Plan.objects.filter(organization=parent, year=year, status=PlanStatus.ISSUED).order_by("-id")
           .values_list("lower_plans_due", flat=True).first())
    return [CoverageRow(child, plans.get(child.pk), due) for child in listed.values()]


@dataclass
class CoverageTotal:
    label: str
    count: int
    share: float  # of all organizations listed, 0–100


def coverage_summary(rows: list[CoverageRow]) -> list[CoverageTotal]:
    """How many of the listed organizations have a plan in each state, and how many have none."""
    total = len(rows)
    counts = {status: 0 for status in PlanStatus if status != PlanStatus.REPLACED}
    missing = 0
    for row in rows:
        if row.plan is None:
            missing += 1
        else:
            counts[row.plan.status] = counts.get(row.plan.status, 0) + 1
    items = [(PlanStatus(status).label, count) for status, count in counts.items()]
    items.append((_("No plan yet"), missing))
    return [CoverageTotal(str(label), count, round(100 * count / total, 1) if total else 0.0)
            for label, count in items]


def pass_assignments_to_successor(source: Organization, *, into: Organization, date: dt.date, by) -> int:
    """An organization merged into another (orgs.services.merge_organizations, through
    core.registry.merge_handlers): its assignments not yet done, in the plans of the merge's year and
    later (not replaced by a revision), are led by — or supported by — the successor from now on.
    Each assignment's history records the change with the merge as its reason; earlier years' plans
    keep the old name. Returns how many assignments passed."""
    open_assignments = (Assignment.objects.filter(plan__year__gte=date.year)
                        .exclude(plan__status=PlanStatus.REPLACED).exclude(status=AssignmentStatus.DONE))
    moved = 0
    with acting_as(by, reason=ChangeReason.MERGED):
        for assignment in open_assignments.filter(lead_unit=source).order_by("pk"):
            assignment.lead_unit = into
            assignment.save(update_fields=["lead_unit"])
            if assignment.support_units.filter(pk=into.pk).exists():
                assignment.support_units.remove(into)
            moved += 1
        for assignment in open_assignments.filter(support_units=source).order_by("pk"):
            assignment.support_units.remove(source)
            if assignment.lead_unit_id != into.pk:
                assignment.support_units.add(into)
    return moved
