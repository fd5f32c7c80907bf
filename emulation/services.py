"""The rules of the emulation register: who nominates, reviews, approves and commends, as a table of steps."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.access import can
from core.history import ChangeReason, acting_as
from emulation.holds import holds_of
from emulation.models import Commendation, Exemplar, ExemplarKind, ExemplarStatus, Movement
from orgs.models import Organization, OrganizationKind

S = ExemplarStatus


def agency_of(organization: Organization) -> Organization:
    """The agency an organization belongs to (itself for an agency or a province)."""
    if organization.kind in (OrganizationKind.AGENCY, OrganizationKind.PROVINCE):
        return organization
    agency = (Organization.objects.filter(pk__in=organization.ancestor_ids, kind=OrganizationKind.AGENCY)
              .order_by("-path").first())
    return agency or organization


def may_nominate(user, exemplar: Exemplar) -> bool:
    return can(user, "change", exemplar.organization)


def may_review(user, exemplar: Exemplar) -> bool:
    """The focal office: those who change the agency's own records (a unit editor changes only its unit)."""
    return can(user, "change", agency_of(exemplar.organization))


def may_decide(user, exemplar: Exemplar) -> bool:
    """The leader: those who approve on the agency's behalf."""
    return can(user, "approve", agency_of(exemplar.organization))


@dataclass(frozen=True)
class Step:
    sources: tuple[str, ...]
    target: str
    allowed: object  # (user, exemplar) -> bool
    label: str
    # Refused while the exemplar's person or unit is held (holds.py).
    blocked_by_holds: bool = False
    needs_note: bool = False
    # Why, in the history, when the step carries no note of its own.
    reason: str = ChangeReason.STATUS_CHANGED


# The nomination workflow: a step is allowed only from its sources, to whom `allowed` admits.
STEPS: dict[str, Step] = {
    "submit": Step((S.DRAFT, S.RETURNED), S.NOMINATED, may_nominate, gettext_lazy("Nominate"),
                   reason=ChangeReason.SUBMITTED),
    "review": Step((S.NOMINATED,), S.REVIEWED, may_review, gettext_lazy("Mark reviewed"), blocked_by_holds=True),
    "return": Step((S.NOMINATED, S.REVIEWED), S.RETURNED,
                   lambda user, ex: may_review(user, ex) or may_decide(user, ex), gettext_lazy("Return"),
                   needs_note=True),
    "approve": Step((S.REVIEWED,), S.APPROVED, may_decide, gettext_lazy("Approve"), blocked_by_holds=True,
                    reason=ChangeReason.APPROVED),
    "reject": Step((S.NOMINATED, S.REVIEWED), S.REJECTED, may_decide, gettext_lazy("Reject"), needs_note=True),
}
# Recording the commendation of an approved exemplar moves it to COMMENDED (record_commendation).
COMMEND_FROM = (S.APPROVED,)


def steps_for(user, exemplar: Exemplar) -> list[tuple[str, Step]]:
    """The steps `user` may take on `exemplar` now (the buttons of its page)."""
    return [(name, step) for name, step in STEPS.items()
            if exemplar.status in step.sources and step.allowed(user, exemplar)]


def _measures_changed(exemplar: Exemplar) -> None:
    from indicators import signals
    from plans.models import Measure

    signals.changed([Measure.GOOD_MODELS_COUNT], [exemplar.organization_id], exemplar.year)


def _check_person(exemplar: Exemplar) -> None:
    if exemplar.kind == ExemplarKind.PERSON and exemplar.person_id is None:
        raise ValidationError({"person": _("Name the exemplary person.")})
    if exemplar.person_id and not exemplar.person.organization.path.startswith(
            agency_of(exemplar.organization).path):
        raise ValidationError({"person": _("The person is not staff of this agency.")})


def save_exemplar(exemplar: Exemplar, *, by) -> Exemplar:
    """Record a nomination (a draft) or change one while it is a draft or returned."""
    if not can(by, "change", exemplar.organization):
        raise PermissionDenied(_("You may not nominate for this organization."))
    if exemplar.pk:
        original = Exemplar.objects.get(pk=exemplar.pk)
        if original.status not in (S.DRAFT, S.RETURNED) or not can(by, "change", original):
            raise PermissionDenied(_("This nomination can no longer be changed."))
        exemplar.status = original.status
    if exemplar.movement_id and not exemplar.movement.year == exemplar.year:
        raise ValidationError({"movement": _("The movement is of another year.")})
    exemplar.full_clean(exclude=["created_by"])
    _check_person(exemplar)
    with transaction.atomic(), acting_as(by):
        if not exemplar.pk:
            exemplar.created_by = by
        exemplar.save()
    return exemplar


def delete_exemplar(exemplar: Exemplar, *, by) -> None:
    if exemplar.status not in (S.DRAFT, S.RETURNED) or not can(by, "change", exemplar):
        raise PermissionDenied(_("This nomination can no longer be deleted."))
    with transaction.atomic(), acting_as(by):
        exemplar.delete()


def advance(exemplar: Exemplar, step_name: str, *, by, note: str = "") -> Exemplar:
    """Take one step of the workflow; an illegal step (wrong state, wrong role, held) is refused."""
    step = STEPS.get(step_name)
    if step is None:
        raise ValidationError(_("Unknown step."))
    with transaction.atomic():
        exemplar = Exemplar.objects.select_for_update().get(pk=exemplar.pk)
        if exemplar.status not in step.sources:
            raise ValidationError(_("A nomination that is “%(status)s” cannot be moved this way.")
                                  % {"status": exemplar.get_status_display()})
        if not step.allowed(by, exemplar):
            raise PermissionDenied(_("You may not take this step."))
        if step.needs_note and not note.strip():
            raise ValidationError({"note": _("Say why.")})
        if step.blocked_by_holds and (reasons := holds_of(exemplar)):
            raise ValidationError(_("The nomination is held: %(reasons)s") % {"reasons": "; ".join(reasons)})
        exemplar.status = step.target
        exemplar.last_note = note.strip()
        if step.target == S.APPROVED:
            exemplar.recognised_on = timezone.localdate()
        with acting_as(by, reason=note.strip() or step.reason):
            exemplar.save()
        if step.target in (S.APPROVED, S.REJECTED):
            _measures_changed(exemplar)
    return exemplar


def save_commendation(commendation: Commendation, *, by) -> Commendation:
    """Record a commendation (its decision's number and date). For an exemplar: once approved and not held,
    which moves it to COMMENDED; by the focal office, once the leader approved."""
    exemplar = commendation.exemplar
    if exemplar is not None:
        commendation.organization = exemplar.organization
        if not commendation.recipient:
            commendation.recipient = exemplar.person.full_name if exemplar.person_id else exemplar.name
        if not may_review(by, exemplar):
            raise PermissionDenied(_("You may not record commendations of this agency."))
    elif not can(by, "change", commendation.organization):
        raise PermissionDenied(_("You may not record commendations of this organization."))
    if commendation.pk and not Commendation.objects.scoped(by, "view").filter(pk=commendation.pk).exists():
        raise PermissionDenied(_("You may not change this commendation."))
    commendation.full_clean()
    if commendation.decision_date > timezone.localdate():
        raise ValidationError({"decision_date": _("The decision date is in the future.")})
    with transaction.atomic(), acting_as(by):
        if exemplar is not None and not commendation.pk:
            exemplar = Exemplar.objects.select_for_update().get(pk=exemplar.pk)
            if exemplar.status not in COMMEND_FROM:
                raise ValidationError(_("Only an approved nomination is commended."))
            if reasons := holds_of(exemplar):
                raise ValidationError(_("The nomination is held: %(reasons)s") % {"reasons": "; ".join(reasons)})
            exemplar.status = S.COMMENDED
            exemplar.save()
            _measures_changed(exemplar)
        commendation.save()
    return commendation


def delete_commendation(commendation: Commendation, *, by) -> None:
    if not can(by, "change", commendation.organization) or commendation.exemplar_id:
        raise PermissionDenied(_("This commendation cannot be deleted."))
    with transaction.atomic(), acting_as(by):
        commendation.delete()


def save_movement(movement: Movement, *, by) -> Movement:
    if not can(by, "change", movement.organization):
        raise PermissionDenied(_("You may not launch movements for this organization."))
    movement.full_clean()
    with transaction.atomic(), acting_as(by):
        movement.save()
    return movement


OPEN = (S.DRAFT, S.NOMINATED, S.REVIEWED, S.RETURNED)


def pass_nominations_to_successor(source: Organization, *, into: Organization, date, by) -> None:
    """An organization merged into another hands it its nominations not yet decided (core.registry.merge_handlers);
    those decided stay where they were recognised."""
    for exemplar in Exemplar.objects.filter(organization=source, status__in=OPEN):
        exemplar.organization = into
        exemplar.save()
