"""Import a staff roster from .xlsx, with a row-by-row validation report.

Nothing is saved when any row is bad, unless the user asks to import the valid rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.history import ChangeReason, acting_as
from documents.xlsx import ImportReport, XlsxError, read_rows
from orgs.models import Gender, Organization, StaffCategory, StaffMember
from orgs.scoping import Action, can
from orgs.text import fold

# The columns users fill in, as they read them; the export writes the same headers.
COLUMNS = {
    "full_name": "Họ và tên",
    "date_of_birth": "Ngày sinh",
    "gender": "Giới tính",
    "position": "Chức vụ",
    "category": "Phân loại",
    "unit": "Đơn vị",
    "email": "Email",
    "active_from": "Từ ngày",
    "active_to": "Đến ngày",
}
REQUIRED = ("full_name", "category")


CATEGORY_LABELS = {
    "can bo": StaffCategory.CADRE,
    "cong chuc": StaffCategory.CIVIL_SERVANT,
    "vien chuc": StaffCategory.PUBLIC_EMPLOYEE,
    "nguoi lao dong": StaffCategory.WORKER,
    "lao dong hop dong": StaffCategory.WORKER,
    **{value: value for value in StaffCategory.values},
}


GENDER_LABELS = {"nam": Gender.MALE, "nu": Gender.FEMALE, **{value: value for value in Gender.values}}


@dataclass
class RowResult:
    number: int
    values: dict
    errors: list[str] = field(default_factory=list)
    # The person already in the roster this row updates (same unit and name, and birth date or e-mail).
    updates: StaffMember | None = None

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class StaffImportReport(ImportReport):
    saved: int = 0
    updated: int = 0

    @property
    def good_rows(self) -> list[RowResult]:
        return [row for row in self.rows if row.ok]


def _parse_date(value, label: str, errors: list[str]) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    for pattern in ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(str(value).strip(), pattern).date()
        except ValueError:
            continue
    errors.append(_("%(column)s: “%(value)s” is not a date (dd/mm/yyyy).") % {"column": label, "value": value})
    return None


def _unit_lookup(root: Organization) -> dict[str, Organization]:
    lookup: dict[str, Organization] = {}
    for org in Organization.objects.filter(path__startswith=root.path):
        for key in (org.code, org.name, org.short_name):
            if key:
                lookup[fold(key)] = org
    return lookup


def _existing(staff: StaffMember) -> StaffMember | None:
    """The person this row describes, if the roster has them: same unit and name, and the same birth
    date or e-mail when the row gives one (two namesakes in a unit are told apart by them)."""
    namesakes = [m for m in StaffMember.objects.filter(organization=staff.organization)
                 if fold(m.full_name) == fold(staff.full_name)]
    if staff.date_of_birth:
        namesakes = [m for m in namesakes if m.date_of_birth in (None, staff.date_of_birth)]
    if staff.email:
        namesakes = [m for m in namesakes if not m.email or m.email.lower() == staff.email.lower()]
    return namesakes[0] if len(namesakes) == 1 else None


def validate_rows(raw_rows: list[tuple[int, dict]], *, root: Organization, by) -> list[RowResult]:
    """Every error of every row at once: the row's own checks and the model's, whichever failed first."""
    units = _unit_lookup(root)
    results = []
    for number, raw in raw_rows:
        errors: list[str] = []
        failed: set[str] = set()
        values = {key: raw.get(label) for key, label in COLUMNS.items()}
        for key in REQUIRED:
            if values[key] in (None, ""):
                errors.append(_("%(column)s is required.") % {"column": COLUMNS[key]})
                failed.add(key)
        category = CATEGORY_LABELS.get(fold(values["category"] or "")) if values["category"] else None
        if values["category"] and category is None:
            errors.append(
                _("%(column)s: “%(value)s” is not one of: Cán bộ, Công chức, Viên chức, Người lao động.")
                % {"column": COLUMNS["category"], "value": values["category"]}
            )
            failed.add("category")
        gender = GENDER_LABELS.get(fold(values["gender"] or "")) if values["gender"] else ""
        if gender is None:
            errors.append(_("%(column)s: “%(value)s” is not Nam or Nữ.") % {
                "column": COLUMNS["gender"], "value": values["gender"]})
            failed.add("gender")
        unit = root
        if values["unit"] not in (None, ""):
            unit = units.get(fold(values["unit"]))
            if unit is None:
                errors.append(
                    _("%(column)s: “%(value)s” is not an organization under %(root)s.")
                    % {"column": COLUMNS["unit"], "value": values["unit"], "root": root.name}
                )
                failed.add("organization")
            elif not can(by, Action.CHANGE, unit):
                errors.append(_("You cannot change the roster of %(unit)s.") % {"unit": unit.name})
                failed.add("organization")
        dates = {}
        for key in ("date_of_birth", "active_from", "active_to"):
            before = len(errors)
            dates[key] = _parse_date(values[key], COLUMNS[key], errors)
            if len(errors) > before:
                failed.add(key)
        staff = StaffMember(
            organization=unit if "organization" not in failed else None,
            full_name=str(values["full_name"] or "").strip(),
            position=str(values["position"] or "").strip(),
            category=category or "",
            gender=gender or "",
            email=str(values["email"] or "").strip(),
            **dates,
        )
        try:
            staff.full_clean(exclude=[*failed, "user"])
        except ValidationError as exc:
            errors.extend(
                f"{StaffMember._meta.get_field(name).verbose_name}: {message}" if name != "__all__" else message
                for name, messages in exc.message_dict.items()
                for message in messages
            )
        row = RowResult(number=number, values=values, errors=errors)
        if not errors:
            row.updates = _existing(staff)
            values["_staff"] = staff
        results.append(row)
    return results


def _apply(row: RowResult) -> None:
    staff = row.values["_staff"]
    if row.updates is None:
        staff.save()
        return
    person = row.updates
    for name in ("full_name", "position", "category", "email", "date_of_birth", "gender", "active_from", "active_to"):
        value = getattr(staff, name)
        if value not in (None, ""):
            setattr(person, name, value)
    person.save()


def import_staff(upload, *, root: Organization, by, save_valid_rows: bool = False) -> ImportReport:
    """Validate every row; save all of them, or only the valid ones when asked, in one transaction."""
    if not can(by, Action.CHANGE, root):
        raise PermissionDenied(_("You cannot change the roster of this organization."))
    try:
        raw_rows = read_rows(upload, required_headers=[COLUMNS[key] for key in REQUIRED])
    except XlsxError as exc:
        return StaffImportReport(file_errors=[str(exc)])
    report = StaffImportReport(rows=validate_rows(raw_rows, root=root, by=by))
    if not report.rows:
        report.file_errors.append(_("The file has no data rows."))
        return report
    if report.bad_rows and not save_valid_rows:
        return report
    with transaction.atomic(), acting_as(by, reason=ChangeReason.IMPORTED):
        for row in report.good_rows:
            _apply(row)
            report.saved += 1
            report.updated += row.updates is not None
    return report
