"""Rules for the organization tree and the staff roster. Views, API and commands call these."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from core import registry
from core.history import ChangeReason, acting_as
from orgs.models import (
    TYPES_BY_KIND,
    Organization,
    OrganizationChange,
    OrganizationChangeKind,
    OrganizationKind,
    OrganizationType,
    StaffMember,
    guess_type,
)
from orgs.scoping import Action, can

# Which kinds may sit under which: the tree's shape.
ALLOWED_PARENT_KINDS: dict[str, set[str | None]] = {
    OrganizationKind.PROVINCE: {None},
    OrganizationKind.AGENCY: {OrganizationKind.PROVINCE},
    OrganizationKind.UNIT: {OrganizationKind.AGENCY, OrganizationKind.UNIT},
    OrganizationKind.MASS_ORG: {OrganizationKind.AGENCY, OrganizationKind.UNIT},
}


def _check_shape(kind: str, parent: Organization | None) -> None:
    parent_kind = parent.kind if parent else None
    if parent_kind not in ALLOWED_PARENT_KINDS[kind]:
        raise ValidationError(
            {"parent": _("A %(kind)s cannot be placed under this organization.")
             % {"kind": OrganizationKind(kind).label}}
        )


def _check_type(fields: dict, kind: str) -> None:
    """The type must be one its kind admits; none given takes the one its name suggests."""
    org_type = fields.get("org_type") or ""
    if not org_type:
        fields["org_type"] = guess_type(kind, fields.get("name", ""))
        return
    if org_type not in TYPES_BY_KIND[kind]:
        raise ValidationError(
            {"org_type": _("A %(kind)s cannot be of type “%(type)s”.")
             % {"kind": OrganizationKind(kind).label, "type": OrganizationType(org_type).label}}
        )


def create_organization(*, by, parent: Organization | None, **fields) -> Organization:
    if parent is None and not by.is_superuser:
        raise PermissionDenied(_("Only an administrator can create a province."))
    if parent is not None and not can(by, Action.STRUCTURE, parent):
        raise PermissionDenied(_("You cannot add organizations here."))
    _check_shape(fields["kind"], parent)
    _check_type(fields, fields["kind"])
    with transaction.atomic(), acting_as(by):
        organization = Organization(parent=parent, **fields)
        organization.full_clean(exclude=["path"])
        organization.save()
        OrganizationChange.objects.create(
            organization=organization,
            kind=OrganizationChangeKind.ESTABLISH,
            date=organization.valid_from or timezone.localdate(),
            new_name=organization.name,
            recorded_by=by,
        )
    return organization


def update_organization(
    organization: Organization, *, by, effective_date: dt.date | None = None, decision: str = "", **fields
) -> Organization:
    """Change an organization; a new name is recorded as a dated rename."""
    if not can(by, Action.STRUCTURE, organization):
        raise PermissionDenied(_("You cannot change this organization."))
    parent = fields.get("parent", organization.parent)
    if parent is not None:
        if parent.pk == organization.pk or parent.path.startswith(organization.path):
            raise ValidationError({"parent": _("An organization cannot be placed under itself.")})
        if not can(by, Action.STRUCTURE, parent):
            raise PermissionDenied(_("You cannot move organizations there."))
    kind = fields.get("kind", organization.kind)
    _check_shape(kind, parent)
    if "org_type" in fields or kind != organization.kind:
        fields.setdefault("org_type", organization.org_type if kind == organization.kind else "")
        fields.setdefault("name", organization.name)
        _check_type(fields, kind)
    old_name = organization.name
    renamed = fields.get("name", old_name) != old_name
    with transaction.atomic(), acting_as(by, reason=ChangeReason.RENAMED if renamed else None):
        for name, value in fields.items():
            setattr(organization, name, value)
        organization.full_clean(exclude=["path"])
        organization.save()
        if organization.name != old_name:
            record_rename(organization, old_name=old_name, by=by, date=effective_date, decision=decision)
    return organization


def record_rename(
    organization: Organization, *, old_name: str, by, date: dt.date | None = None, decision: str = ""
) -> OrganizationChange:
    """The dated record of a rename already saved (by update_organization, or in the admin)."""
    with acting_as(by, reason=ChangeReason.RENAMED):
        return OrganizationChange.objects.create(
            organization=organization,
            kind=OrganizationChangeKind.RENAME,
            date=date or timezone.localdate(),
            old_name=old_name,
            new_name=organization.name,
            decision=decision,
            recorded_by=by,
        )


def merge_organizations(
    sources: Iterable[Organization], *, into: Organization, date: dt.date, by, decision: str = ""
) -> list[OrganizationChange]:
    """Close `sources` the day before `date` and record that `into` absorbed them.

    The sources keep their units and history, so last year's plans still read under
    the old names; new work goes to `into`, and each app registered in
    `core.registry.merge_handlers` hands it what the source still had open (plans: open
    assignments; progress: open reports), in the same transaction.
    """
    sources = list(sources)
    if not sources:
        raise ValidationError(_("Choose at least one organization to merge."))
    for organization in [*sources, into]:
        if not can(by, Action.STRUCTURE, organization):
            raise PermissionDenied(_("You cannot change this organization."))
    if any(source.pk == into.pk for source in sources):
        raise ValidationError(_("An organization cannot be merged into itself."))
    if any(source.kind != into.kind for source in sources):
        raise ValidationError(_("Only organizations of the same kind can be merged."))
    closing = date - dt.timedelta(days=1)
    changes = []
    with transaction.atomic(), acting_as(by, reason=ChangeReason.MERGED):
        for source in sources:
            if source.valid_to is not None and source.valid_to < closing:
                raise ValidationError(
                    _("%(name)s had already ceased to exist before this date.") % {"name": source.name}
                )
            source.valid_to = closing
            source.successor = into
            source.full_clean(exclude=["path"])
            source.save()
            # Its units close with it; they stay readable under their old names.
            for unit in Organization.objects.filter(path__startswith=source.path).exclude(pk=source.pk).filter(
                Q(valid_to__isnull=True) | Q(valid_to__gt=closing)
            ):
                unit.valid_to = closing
                unit.save()
            changes.append(
                OrganizationChange.objects.create(
                    organization=source,
                    kind=OrganizationChangeKind.MERGE,
                    date=date,
                    old_name=source.name,
                    new_name=into.name,
                    result=into,
                    decision=decision,
                    recorded_by=by,
                )
            )
            for handler in registry.merge_handlers:
                handler(source, into=into, date=date, by=by)
    return changes


def save_staff_member(staff: StaffMember, *, by) -> StaffMember:
    """Create or update a roster entry inside the user's reach."""
    if not can(by, Action.CHANGE, staff.organization):
        raise PermissionDenied(_("You cannot change the roster of this organization."))
    if staff.pk:
        original = StaffMember.objects.select_related("organization").get(pk=staff.pk)
        if not can(by, Action.CHANGE, original.organization):
            raise PermissionDenied(_("You cannot change the roster of this organization."))
    with transaction.atomic(), acting_as(by):
        staff.full_clean()
        staff.save()
    return staff


def delete_staff_member(staff: StaffMember, *, by) -> None:
    if not can(by, Action.CHANGE, staff.organization):
        raise PermissionDenied(_("You cannot change the roster of this organization."))
    with acting_as(by):
        staff.delete()
