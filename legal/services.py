"""The rules of the register of cited documents: who finds which document, who adds, confirms, merges."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from core.history import ChangeReason, acting_as
from legal.levels import Level, level_of
from legal.models import LegalDocument, kind_from_number, normalize_number
from orgs.models import Organization
from orgs.scoping import Action, can


def province_of(organization: Organization) -> Organization:
    """The province (the root of its tree) an organization belongs to."""
    root_id = int(organization.path.strip("/").split("/")[0])
    return organization if organization.pk == root_id else Organization.objects.get(pk=root_id)


def find_document(number: str, *, organization: Organization | None) -> LegalDocument | None:
    """The document `organization` means by `number`: the national one, else its province's confirmed
    one, else one waiting for confirmation that it, or an organization above it, added (a unit's plan
    cites what its agency's plan cited). Without an organization: national only."""
    documents = LegalDocument.objects.filter(normalized_number=normalize_number(number))
    found = documents.national().first()
    if found is not None or organization is None:
        return found
    return (
        documents.filter(province=province_of(organization), confirmed=True).first()
        or documents.filter(confirmed=False, added_by=organization).first()
        or documents.filter(confirmed=False, added_by__in=organization.ancestor_ids)
        .order_by("-added_by__path").first()
    )


def register_document(number: str, *, organization: Organization | None = None, by=None, kind: str = "",
                      issuer: str = "", date: dt.date | None = None, title: str = "") -> LegalDocument:
    """The document `organization` cites as `number`, created once; blanks are filled from later mentions.

    A new national number joins the shared catalogue. A new provincial one goes straight into the
    province's register when the system (`by` None: demo data, commands) or the province's
    coordinator adds it; added by a plan editor, it waits for the coordinator's confirmation, seen
    by the organization that added it. Without an organization only national numbers can be found.
    """
    number = (number or "").strip()
    if not normalize_number(number):
        raise ValidationError(_("Enter the number of the document."))
    with transaction.atomic():
        document = find_document(number, organization=organization)
        if document is None:
            document = _create(number, organization=organization, by=by, kind=kind, issuer=issuer, date=date,
                               title=title)
        else:
            if _fill_blanks(document, issuer=issuer, date=date, title=title):
                with acting_as(by):
                    document.save()
    return document


def _create(number, *, organization, by, kind, issuer, date, title) -> LegalDocument:
    fields = {"number": number, "kind": kind or kind_from_number(number), "issuer": issuer, "date": date,
              "title": title, "added_by": organization}
    if level_of(number, issuer) is Level.PROVINCIAL:
        if organization is None:
            raise ValidationError(_("A provincial document %(number)s needs the organization that cites it.")
                                  % {"number": number})
        province = province_of(organization)
        fields.update(province=province, confirmed=by is None or can(by, Action.CURATE, province))
    try:
        # A savepoint: the same number added at the same moment by someone else is found, not duplicated.
        with transaction.atomic(), acting_as(by):
            return LegalDocument.objects.create(**fields)
    except IntegrityError:
        found = find_document(number, organization=organization)
        if found is None:
            raise
        return found


def _fill_blanks(document: LegalDocument, *, issuer: str, date, title: str) -> bool:
    """Fill the document's empty fields from another mention of it; whether any was filled."""
    changed = False
    for field, value in (("issuer", issuer), ("date", date), ("title", title)):
        if value and not getattr(document, field):
            setattr(document, field, value)
            changed = True
    return changed


def curates(user, document: LegalDocument) -> bool:
    """Whether `user` keeps the register `document` belongs to (its province's coordinator)."""
    return document.province_id is not None and can(user, Action.CURATE, document)


def _locked(document: LegalDocument) -> LegalDocument:
    return LegalDocument.objects.select_for_update().get(pk=document.pk)


def confirm_document(document: LegalDocument, *, by) -> LegalDocument:
    """Take a waiting document into its province's register, where everyone in the province sees it."""
    with transaction.atomic(), acting_as(by, reason=ChangeReason.CONFIRMED):
        document = _locked(document)
        if not curates(by, document):
            raise PermissionDenied(_("Only the province's coordinator confirms its documents."))
        if document.confirmed:
            raise ValidationError(_("This document is already in the province's register."))
        existing = LegalDocument.objects.filter(
            province=document.province, confirmed=True, normalized_number=document.normalized_number).first()
        if existing is not None:
            raise ValidationError(
                _("The province's register already has %(number)s: merge this document into it instead.")
                % {"number": existing.number})
        document.confirmed = True
        document.save()
    return document


def merge_targets(document: LegalDocument, user):
    """The documents `document` may be merged into: those already in a register it belongs with, the
    national catalogue or its province's (two agencies' waiting copies: confirm one, merge the other)."""
    return (
        LegalDocument.objects.scoped(user, "view")
        .filter(Q(province__isnull=True) | Q(province=document.province_id, confirmed=True))
        .exclude(pk=document.pk)
    )


def merge_document(document: LegalDocument, *, into: LegalDocument, by) -> LegalDocument:
    """Replace a waiting document by one already in a register: every citation moves to `into`,
    `document` is deleted. Recorded in the history of both and of every record that cited it."""
    with transaction.atomic(), acting_as(by, reason=ChangeReason.MERGED):
        document = _locked(document)
        if into is None or into.pk == document.pk:
            raise ValidationError({"into": _("Choose another document to keep.")})
        into = _locked(into)
        if not curates(by, document):
            raise PermissionDenied(_("Only the province's coordinator merges its documents."))
        if document.confirmed:
            raise ValidationError(_("Only a document waiting for confirmation can be merged into another."))
        if into.province_id not in (None, document.province_id) or not into.confirmed:
            raise ValidationError({"into": _("A document can only be merged into a national one or one "
                                             "confirmed in its province's register.")})
        if not merge_targets(document, by).filter(pk=into.pk).exists():
            raise ValidationError({"into": _("Choose a document you can see.")})
        _move_citations(document, into)
        _fill_blanks(into, issuer=document.issuer, date=document.date, title=document.title)
        into._change_reason = _("Merged with %(number)s") % {"number": document.number}
        into.save()
        document.delete()
    return into


def _move_citations(document: LegalDocument, into: LegalDocument) -> None:
    """Every record citing `document` (plans, study sessions…) cites `into` instead, through its own
    relation, so each keeps its history; found from the model's relations, not named here."""
    for relation in LegalDocument._meta.related_objects:
        accessor = relation.get_accessor_name()
        if relation.many_to_many:
            for record in getattr(document, accessor).all():
                cited = getattr(record, relation.field.name)
                cited.add(into)
                cited.remove(document)
        elif relation.one_to_many:
            getattr(document, accessor).update(**{relation.field.name: into})
