"""The rules of study sessions: who may record them, who may attend, attendance from a sheet."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.history import ChangeReason, acting_as
from documents.xlsx import ImportReport, XlsxError, read_rows
from legal.models import LegalDocument
from orgs.models import Organization, StaffMember
from orgs.scoping import can
from orgs.text import fold
from training.models import StudySession

NAME, UNIT = "Họ và tên", "Đơn vị"


def _check_attendees(session: StudySession, attendees: list[StaffMember]) -> None:
    outside = [person.full_name for person in attendees if not person.organization.path.startswith(
        session.organization.path)]
    if outside:
        raise ValidationError({"attendees": _("Not staff of %(org)s: %(names)s.") % {
            "org": session.organization, "names": ", ".join(outside)}})


def save_session(session: StudySession, *, documents: Iterable[LegalDocument],
                 attendees: Iterable[StaffMember], by) -> StudySession:
    """Record a session (or change one) with the documents studied and who attended; the attendees are
    staff of the organizing unit or the units below it."""
    if not can(by, "change", session.organization):
        raise PermissionDenied(_("You may not record study sessions of this organization."))
    if session.pk:
        original = StudySession.objects.get(pk=session.pk)
        if not can(by, "change", original.organization):
            raise PermissionDenied(_("You may not change this study session."))
    attendees = list(attendees)
    session.full_clean(exclude=["created_by"])
    _check_attendees(session, attendees)
    with transaction.atomic(), acting_as(by):
        if not session.pk:
            session.created_by = by
        session.save()
        session.documents.set(list(documents))
        session.attendees.set(attendees)
    return session


def delete_session(session: StudySession, *, by) -> None:
    if not can(by, "change", session.organization):
        raise PermissionDenied(_("You may not delete this study session."))
    with transaction.atomic(), acting_as(by):
        session.delete()


@dataclass
class AttendanceRow:
    number: int
    name: str
    unit: str
    person: StaffMember | None = None
    errors: list[str] = field(default_factory=list)


@dataclass
class AttendanceReport(ImportReport):
    added: int = 0


def import_attendance(session: StudySession, upload, *, by) -> AttendanceReport:
    """Add the people a sheet lists (Họ và tên, and Đơn vị when names repeat) to the session; every
    row is matched to the roster under the organizing unit and reported; nothing is added if a row
    is wrong."""
    if not can(by, "change", session.organization):
        raise PermissionDenied(_("You may not change this study session."))
    try:
        raw = read_rows(upload, required_headers=[NAME])
    except XlsxError as exc:
        return AttendanceReport(file_errors=[str(exc)])
    staff: dict[str, list[StaffMember]] = {}
    for person in StaffMember.objects.filter(organization__path__startswith=session.organization.path).active_on(
            session.date).select_related("organization"):
        staff.setdefault(fold(person.full_name), []).append(person)
    report = AttendanceReport()
    for number, values in raw:
        row = AttendanceRow(number, str(values.get(NAME) or "").strip(), str(values.get(UNIT) or "").strip())
        candidates = staff.get(fold(row.name), [])
        if row.unit:
            candidates = [p for p in candidates if fold(row.unit) in (fold(p.organization.name),
                                                                      fold(p.organization.short_name or ""))]
        if not row.name:
            row.errors.append(_("%(column)s is required.") % {"column": NAME})
        elif not candidates:
            row.errors.append(_("No one of this name in the roster of %(org)s on %(date)s.") % {
                "org": session.organization, "date": f"{session.date:%d/%m/%Y}"})
        elif len(candidates) > 1:
            row.errors.append(_("Several people bear this name: give their unit in the “%(column)s” column.") % {
                "column": UNIT})
        else:
            row.person = candidates[0]
        report.rows.append(row)
    if not report.rows:
        report.file_errors.append(_("The file has no data rows."))
    if report.bad_rows or report.file_errors:
        return report
    with transaction.atomic(), acting_as(by, reason=ChangeReason.IMPORTED):
        present = set(session.attendees.values_list("pk", flat=True))
        new = {row.person.pk for row in report.rows} - present
        session.attendees.add(*new)
        report.added = len(new)
    return report


def units_staff(units: Iterable[Organization], day) -> list[StaffMember]:
    """Everyone active on `day` in the given units and below them (a bulk pick by unit)."""
    paths = [unit.path for unit in units]
    if not paths:
        return []
    query = StaffMember.objects.none()
    for path in paths:
        query = query | StaffMember.objects.filter(organization__path__startswith=path)
    return list(query.active_on(day))
