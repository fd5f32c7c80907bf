"""The registry office's rules: which register an organization issues under, the next number, no number twice."""

from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from core.history import acting_as
from orgs.models import Organization
from orgs.scoping import Action, can
from registry.models import DocumentRegister, RegisteredDocument


def registering_organization(organization: Organization) -> Organization:
    """The organization whose register `organization` issues under: itself, or its nearest ancestor with one."""
    if organization.has_own_registry:
        return organization
    ancestors = {org.pk: org for org in Organization.objects.filter(pk__in=organization.ancestor_ids)}
    for pk in reversed(organization.ancestor_ids):
        if ancestors[pk].has_own_registry:
            return ancestors[pk]
    return organization


def register_for(organization: Organization) -> DocumentRegister:
    register, _created = DocumentRegister.objects.get_or_create(organization=registering_organization(organization))
    return register


def next_free_number(register: DocumentRegister, year: int) -> int:
    """The number the registry office gives next: one more than the highest of the year."""
    top = register.documents.filter(year=year).aggregate(top=Max("number"))["top"]
    return (top or 0) + 1


def check_date(date) -> dt.date:
    if not isinstance(date, dt.date):
        raise ValidationError({"date": _("Enter a real date (dd/mm/yyyy).")})
    if date > timezone.localdate():
        raise ValidationError({"date": _("The date of issue cannot lie in the future.")})
    return date


def register_document(
    *, organization: Organization, record, type_code: str, symbol: str, title: str, by,
    number: int | None = None, date: dt.date | None = None,
) -> RegisteredDocument:
    """Enter an issued document in its register: the given number (or the next free one) and date.

    The caller (a plan's issue, later a report's or a letter's) runs this inside its own transaction,
    so a refusal here leaves the record unissued.
    """
    register = register_for(organization)
    if not can(by, Action.REGISTER, register.organization):
        raise PermissionDenied(_("Only the registry office of %(org)s numbers its documents.")
                               % {"org": register.organization.name})
    date = check_date(date if date is not None else timezone.localdate())
    with transaction.atomic(), acting_as(by):
        # Lock the register so two documents registered at once cannot take the same number.
        register = DocumentRegister.objects.select_for_update().get(pk=register.pk)
        number = number or next_free_number(register, date.year)
        if register.documents.filter(year=date.year, number=number).exists():
            raise ValidationError({"number": _("Number %(number)s is already used in the register of %(org)s "
                                               "for %(year)s; the next free number is %(free)s.") % {
                "number": number, "org": register.organization.name, "year": date.year,
                "free": next_free_number(register, date.year)}})
        try:
            with transaction.atomic():
                return RegisteredDocument.objects.create(
                    register=register, year=date.year, number=number, type_code=type_code, symbol=symbol,
                    date=date, title=title[:500], issuer=organization, registered_by=by,
                    content_type=ContentType.objects.get_for_model(record), object_id=record.pk,
                )
        except IntegrityError as exc:
            raise ValidationError(_("This document is already registered.")) from exc


def record_issued(*, organization: Organization, record, type_code: str, symbol: str, title: str, number: int,
                  date: dt.date) -> RegisteredDocument | None:
    """Enter a document issued before the register existed (demo data, records brought in from paper).

    Nobody acts here, so no right is checked; a number the register already holds is left out.
    """
    register = register_for(organization)
    content_type = ContentType.objects.get_for_model(record)
    if register.documents.filter(year=date.year, number=number).exists() or RegisteredDocument.objects.filter(
        content_type=content_type, object_id=record.pk
    ).exists():
        return None
    return RegisteredDocument.objects.create(
        register=register, year=date.year, number=number, type_code=type_code, symbol=symbol, date=date,
        title=title[:500], issuer=organization, content_type=content_type, object_id=record.pk,
    )
