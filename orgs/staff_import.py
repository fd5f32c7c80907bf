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
from documents.xlsx import XlsxError, read_rows
from orgs.models import Organization, StaffCategory, StaffMember
from orgs.scoping import Action, can
from orgs.text import fold

# The columns users fill in, as they read them; the export writes the same headers.
COLUMNS = {
    "full_name": "Họ và tên",
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


@dataclass
class RowResult:
    number: int
    values: dict
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class ImportReport:
    rows: list[RowResult]
    saved: int = 0
    file_errors: list[str] = field(default_factory=list)

    @property
    def bad_rows(self) -> list[RowResult]:
        return [row for row in self.rows if not row.ok]

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


def validate_rows(raw_rows: list[tuple[int, dict]], *, root: Organization, by) -> list[RowResult]:
    units = _unit_lookup(root)
    results = []
    for number, raw in raw_rows:
        errors: list[str] = []
        values = {key: raw.get(label) for key, label in COLUMNS.items()}
        for key in REQUIRED:
            if values[key] in (None, ""):
                errors.append(_("%(column)s is required.") % {"column": COLUMNS[key]})
        category = CATEGORY_LABELS.get(fold(values["category"] or "")) if values["category"] else None
        if values["category"] and category is None:
            errors.append(
                _("%(column)s: “%(value)s” is not one of: Cán bộ, Công chức, Viên chức, Người lao động.")
                % {"column": COLUMNS["category"], "value": values["category"]}
            )
        unit = root
        if values["unit"] not in (None, ""):
            unit = units.get(fold(values["unit"]))
            if unit is None:
                errors.append(
                    _("%(column)s: “%(value)s” is not an organization under %(root)s.")
                    % {"column": COLUMNS["unit"], "value": values["unit"], "root": root.name}
                )
            elif not can(by, Action.CHANGE, unit):
                errors.append(_("You cannot change the roster of %(unit)s.") % {"unit": unit.name})
        active_from = _parse_date(values["active_from"], COLUMNS["active_from"], errors)
        active_to = _parse_date(values["active_to"], COLUMNS["active_to"], errors)
        staff = None
        if not errors:
            staff = StaffMember(
                organization=unit,
                full_name=str(values["full_name"]).strip(),
                position=str(values["position"] or "").strip(),
                category=category,
                email=str(values["email"] or "").strip(),
                active_from=active_from,
                active_to=active_to,
            )
            try:
                staff.full_clean()
            except ValidationError as exc:
                errors.extend(
                    f"{StaffMember._meta.get_field(name).verbose_name}: {message}" if name != "__all__" else message
                    for name, messages in exc.message_dict.items()
                    for message in messages
                )
        values["_staff"] = staff
        results.append(RowResult(number=number, values=values, errors=errors))
    return results


def import_staff(upload, *, root: Organization, by, save_valid_rows: bool = False) -> ImportReport:
    """Validate every row; save all of them, or only the valid ones when asked, in one transaction."""
    if not can(by, Action.CHANGE, root):
        raise PermissionDenied(_("You cannot change the roster of this organization."))
    try:
        raw_rows = read_rows(upload, required_headers=[COLUMNS[key] for key in REQUIRED])
    except XlsxError as exc:
        return ImportReport(rows=[], file_errors=[str(exc)])
    report = ImportReport(rows=validate_rows(raw_rows, root=root, by=by))
    if not report.rows:
        report.file_errors.append(_("The file has no data rows."))
        return report
    if report.bad_rows and not save_valid_rows:
        return report
    with transaction.atomic(), acting_as(by, reason=ChangeReason.IMPORTED):
        for row in report.good_rows:
            row.values["_staff"].save()
            report.saved += 1
    return report
