"""The rules of inspections and of the public indices: who records them, what a conclusion needs, the
remedies' deadlines, the import of index scores from a sheet."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.access import can
from core.history import ChangeReason, acting_as
from documents.xlsx import ImportReport, XlsxError, read_rows
from inspections.models import (
    Finding,
    Handling,
    IndexScore,
    Inspection,
    InspectionStatus,
    PublicIndex,
    Remedy,
)
from orgs.models import Organization, OrganizationKind


def _may_change(by, inspection: Inspection) -> None:
    if not can(by, "change", inspection.organization):
        raise PermissionDenied(_("You may not record inspections of this organization."))
    if inspection.pk and not Inspection.objects.scoped(by, "change").filter(pk=inspection.pk).exists():
        raise PermissionDenied(_("You may not change this inspection."))


def save_inspection(inspection: Inspection, *, by) -> Inspection:
    """Record an inspection (or change one); the inspected unit lies under the inspecting organization, and a
    conclusion is recorded with its date (the conclusion's file is attached as evidence)."""
    _may_change(by, inspection)
    if inspection.subject_id and not inspection.subject.path.startswith(inspection.organization.path):
        raise ValidationError({"subject": _("The inspected unit must belong to the inspecting organization.")})
    if inspection.status == InspectionStatus.CONCLUDED and not inspection.conclusion.strip():
        raise ValidationError({"conclusion": _("A concluded inspection states its conclusion.")})
    if inspection.concluded_on and inspection.concluded_on < inspection.period_start:
        raise ValidationError({"concluded_on": _("The conclusion cannot precede the inspected period.")})
    inspection.full_clean(exclude=["created_by"])
    with transaction.atomic(), acting_as(by):
        if not inspection.pk:
            inspection.created_by = by
        inspection.save()
    return inspection


def delete_inspection(inspection: Inspection, *, by) -> None:
    _may_change(by, inspection)
    with transaction.atomic(), acting_as(by):
        inspection.remedies.all().delete()
        inspection.findings.all().delete()
        inspection.delete()


def save_finding(finding: Finding, *, by) -> Finding:
    """A finding of the inspection; a violation names how it was handled, and is closed once handled."""
    _may_change(by, finding.inspection)
    if finding.person_id and not finding.person.organization.path.startswith(finding.inspection.subject.path):
        raise ValidationError({"person": _("The person is not staff of the inspected unit.")})
    if finding.closed_on and finding.handling == Handling.PENDING:
        raise ValidationError({"closed_on": _("A violation is closed only once handled.")})
    if not finding.is_violation:
        finding.handling, finding.closed_on = Handling.PENDING, None
    finding.full_clean()
    with transaction.atomic(), acting_as(by):
        finding.save()
    return finding


def save_remedy(remedy: Remedy, *, by) -> Remedy:
    """A remedy with its responsible unit (under the inspected unit's agency) and deadline."""
    _may_change(by, remedy.inspection)
    if remedy.owner_id and not remedy.owner.path.startswith(remedy.inspection.organization.path):
        raise ValidationError({"owner": _("The responsible unit must belong to the inspecting organization.")})
    if remedy.finding_id and remedy.finding.inspection_id != remedy.inspection_id:
        raise ValidationError({"finding": _("The finding is of another inspection.")})
    remedy.full_clean()
    with transaction.atomic(), acting_as(by):
        remedy.save()
    return remedy


def complete_remedy(remedy: Remedy, *, by, result: str, day=None) -> Remedy:
    """The responsible unit (or the inspecting office) reports the remedy done."""
    if not Remedy.objects.scoped(by, "change").filter(pk=remedy.pk).exists():
        raise PermissionDenied(_("You may not report this remedy."))
    if remedy.done_on:
        raise ValidationError(_("This remedy is already done."))
    if not result.strip():
        raise ValidationError({"result": _("Say what was done.")})
    remedy.done_on, remedy.result = day or timezone.localdate(), result.strip()
    with transaction.atomic(), acting_as(by):
        remedy.save()
    return remedy


# Public indices


def save_score(score: IndexScore, *, by) -> IndexScore:
    if not can(by, "change", score.organization):
        raise PermissionDenied(_("You may not record index scores of this organization."))
    if score.organization.kind not in (OrganizationKind.PROVINCE, OrganizationKind.AGENCY):
        raise ValidationError({"organization": _("Index scores belong to a province or an agency.")})
    score.full_clean()
    with transaction.atomic(), acting_as(by):
        score.save()
    return score


def delete_score(score: IndexScore, *, by) -> None:
    if not can(by, "change", score.organization):
        raise PermissionDenied(_("You may not delete this index score."))
    with transaction.atomic(), acting_as(by):
        score.delete()


ORG, INDEX, YEAR, SCORE, RANK, AMONG = "Đơn vị", "Chỉ số", "Năm", "Điểm", "Xếp hạng", "Trên tổng số"
INDEX_NAMES = {label.casefold().replace(" index", ""): value for value, label in PublicIndex.choices}


@dataclass
class ScoreRow:
    number: int
    values: dict
    score: IndexScore | None = None
    errors: list[str] = field(default_factory=list)


@dataclass
class ScoreImportReport(ImportReport):
    saved: int = 0


def _number(value, errors: list[str], column: str, integer=False):
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value).replace(",", ".").strip())
        return int(number) if integer else number
    except (InvalidOperation, ValueError):
        errors.append(_("%(column)s is not a number.") % {"column": column})
        return None


def import_scores(upload, *, by) -> ScoreImportReport:
    """Scores from a sheet (Đơn vị: code or name; Chỉ số; Năm; Điểm; Xếp hạng; Trên tổng số), each row reported;
    a score already recorded for the organization, index and year is replaced; nothing is saved if a row is
    wrong."""
    try:
        raw = read_rows(upload, required_headers=[ORG, INDEX, YEAR, SCORE])
    except XlsxError as exc:
        return ScoreImportReport(file_errors=[str(exc)])
    reach = {org.code.casefold(): org for org in Organization.objects.scoped(by, "change")
             .filter(kind__in=[OrganizationKind.PROVINCE, OrganizationKind.AGENCY])}
    reach.update({org.name.casefold(): org for org in reach.values()})
    report = ScoreImportReport()
    for number, values in raw:
        row = ScoreRow(number, values)
        org = reach.get(str(values.get(ORG) or "").strip().casefold())
        index = INDEX_NAMES.get(str(values.get(INDEX) or "").strip().casefold().replace(" index", ""))
        year = _number(values.get(YEAR), row.errors, YEAR, integer=True)
        score = _number(values.get(SCORE), row.errors, SCORE)
        if org is None:
            row.errors.append(_("No province or agency you may change is named “%(name)s”.")
                              % {"name": values.get(ORG) or ""})
        if index is None:
            row.errors.append(_("Unknown index “%(name)s”.") % {"name": values.get(INDEX) or ""})
        if year is None or score is None:
            row.errors.append(_("The year and the score are required."))
        if not row.errors:
            existing = IndexScore.objects.filter(organization=org, index=index, year=year).first()
            row.score = existing or IndexScore(organization=org, index=index, year=year)
            row.score.score = score
            row.score.rank = _number(values.get(RANK), row.errors, RANK, integer=True)
            row.score.ranked_among = _number(values.get(AMONG), row.errors, AMONG, integer=True)
            try:
                row.score.full_clean(validate_unique=False)
            except ValidationError as exc:
                row.errors.extend(exc.messages)
        report.rows.append(row)
    if not report.rows:
        report.file_errors.append(_("The file has no data rows."))
    if report.bad_rows or report.file_errors:
        return report
    with transaction.atomic(), acting_as(by, reason=ChangeReason.IMPORTED):
        for row in report.rows:
            row.score.save()
            report.saved += 1
    return report


def pass_remedies_to_successor(source: Organization, *, into: Organization, date, by) -> None:
    """An organization merged into another hands it the remedies it has not done yet
    (core.registry.merge_handlers)."""
    for remedy in Remedy.objects.open().filter(owner=source):
        remedy.owner = into
        remedy.save()
