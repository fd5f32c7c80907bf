"""The rules of the service records: who records dossier statistics and letters, the apology slip's
deadline and its one new date, the survey's questions and the citizens' answers."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from core.history import ChangeReason, acting_as
from documents.xlsx import MAX_ROWS, MAX_UNCOMPRESSED, ImportReport
from orgs.models import Organization
from orgs.scoping import Action, can, memberships
from orgs.text import fold
from registry import services as registry
from service.models import (
    Answer,
    DossierStat,
    Letter,
    LetterKind,
    Question,
    ServicePoint,
    Survey,
    SurveyResponse,
)

COUNT_FIELDS = ("received_online", "received_direct", "carried_over", "settled_early", "settled_on_time",
                "settled_late", "pending_within", "pending_overdue")
THANKS_TYPE_CODE = "TH"


# Dossier statistics -------------------------------------------------------------------------------------


def check_balance(stat: DossierStat) -> None:
    if stat.received != stat.settled + stat.pending:
        raise ValidationError(_("Received (%(received)s = online + in person + carried over) must equal settled "
                                "plus pending (%(handled)s).") % {"received": stat.received,
                                                                  "handled": stat.settled + stat.pending})


def save_stat(stat: DossierStat, *, by) -> DossierStat:
    """Record (or correct) one month of an organization's dossiers."""
    if not can(by, Action.CHANGE, stat.organization):
        raise PermissionDenied(_("You may not record the dossiers of this organization."))
    if stat.pk and not can(by, Action.CHANGE, DossierStat.objects.get(pk=stat.pk).organization):
        raise PermissionDenied(_("You may not change these figures."))
    if stat.month:
        stat.month = stat.month.replace(day=1)
    stat.full_clean(exclude=["created_by"], validate_constraints=False)
    check_balance(stat)
    clash = DossierStat.objects.filter(organization=stat.organization, month=stat.month,
                                       procedure_field=stat.procedure_field).exclude(pk=stat.pk)
    if clash.exists():
        raise ValidationError(_("This organization already has figures for this month and field."))
    with transaction.atomic(), acting_as(by):
        if not stat.pk:
            stat.created_by = by
        stat.save()
    return stat


def delete_stat(stat: DossierStat, *, by) -> None:
    if not can(by, Action.CHANGE, stat.organization):
        raise PermissionDenied(_("You may not delete these figures."))
    with transaction.atomic(), acting_as(by):
        stat.delete()


# The official report's columns, in order, with the words their headers use (folded).
REPORT_COLUMNS = [
    ("procedure_field", ("linh vuc", "ten linh vuc", "don vi")),
    ("month", ("thang", "ky bao cao")),
    ("received_online", ("truc tuyen",)),
    ("received_direct", ("truc tiep", "truc tiep, buu chinh", "truc tiep va buu chinh")),
    ("carried_over", ("tu ky truoc", "ky truoc chuyen sang")),
    ("settled_early", ("truoc han",)),
    ("settled_on_time", ("dung han",)),
    ("settled_late", ("qua han",)),
    ("pending_within", ("trong han",)),
    ("pending_overdue", ("qua han",)),
]
IMPORT_FIELDS = [name for name, _words in REPORT_COLUMNS]


class SheetError(Exception):
    pass


@dataclass
class Sheet:
    headers: list[str]  # one label per column, the rows of a two-row header joined
    header_row: int
    rows: list[tuple[int, list]]


def read_sheet(content: bytes) -> Sheet:
    """The first sheet's header (the first rows naming a column of the report) and its data rows."""
    if len(content) > settings.MAX_IMPORT_FILE_SIZE:
        raise SheetError(_("The file is larger than %(limit)s MB.") % {
            "limit": settings.MAX_IMPORT_FILE_SIZE // (1024 * 1024)})
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNCOMPRESSED:
                raise SheetError(_("The file expands to more data than allowed."))
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except SheetError:
        raise
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise SheetError(_("The file is not a valid .xlsx spreadsheet.")) from exc
    raw = []
    for number, row in enumerate(book.worksheets[0].iter_rows(values_only=True), start=1):
        if number > MAX_ROWS:
            raise SheetError(_("The file has more than %(count)s rows.") % {"count": MAX_ROWS})
        raw.append((number, list(row or ())))
    book.close()
    words = {w for _name, group in REPORT_COLUMNS for w in group}

    def matches(row) -> int:
        return sum(1 for cell in row if cell is not None and fold(cell) in words)

    candidates = raw[:10]
    best = max(range(len(candidates)), key=lambda i: matches(candidates[i][1]), default=None)
    if best is not None and matches(candidates[best][1]):
        number, row = candidates[best]
        # A two-row header: the group row above ("Đã giải quyết", merged over its columns) and the sub-columns.
        above = candidates[best - 1][1] if best else []
        headers, group = [], ""
        for col in range(max(len(row), len(above))):
            cell = row[col] if col < len(row) else None
            top = above[col] if col < len(above) else None
            if top not in (None, ""):
                group = str(top).strip()
            text = str(cell).strip() if cell not in (None, "") else ""
            if text and group and fold(text) != fold(group):
                headers.append(f"{group} / {text}")
            else:
                headers.append(text or (str(top).strip() if top not in (None, "") else ""))
        data = [(n, r) for n, r in raw[best + 1:] if any(c not in (None, "") for c in r)]
        return Sheet(headers, number, data)
    raise SheetError(_("No column of the report found in the first rows (e.g. “Lĩnh vực”, “Trực tuyến”)."))


def guess_mapping(headers: list[str]) -> dict[str, int | None]:
    """Which column holds each field: the report's words in the report's order (so the first “Quá hạn” is
    the settled late, the second the pending past the deadline)."""
    mapping: dict[str, int | None] = dict.fromkeys(IMPORT_FIELDS)
    used: set[int] = set()
    for name, words in REPORT_COLUMNS:
        for col, header in enumerate(headers):
            sub = fold(header.split(" / ")[-1])
            if col not in used and sub in words:
                mapping[name] = col
                used.add(col)
                break
    return mapping


@dataclass
class StatRow:
    number: int
    stat: DossierStat | None = None
    errors: list[str] = field(default_factory=list)


@dataclass
class StatImportReport(ImportReport):
    saved: int = 0


def _number(value) -> int:
    if value in (None, ""):
        return 0
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and value >= 0:
        return value
    text = str(value).strip().replace(".", "")
    if text.isdigit():
        return int(text)
    raise ValueError(value)


def _month(value, default: dt.date | None) -> dt.date:
    if value in (None, ""):
        if default is None:
            raise ValueError(value)
        return default.replace(day=1)
    if isinstance(value, dt.datetime):
        return value.date().replace(day=1)
    if isinstance(value, dt.date):
        return value.replace(day=1)
    month, _sep, year = str(value).strip().rpartition("/")
    return dt.date(int(year), int(month.split("/")[-1]), 1)


def import_stats(organization: Organization, content: bytes, mapping: Mapping[str, int | None], *, by,
                 month: dt.date | None = None, keep_valid: bool = False, save: bool = True) -> StatImportReport:
    """Read the sheet's rows with `mapping` (field -> column) into the organization's monthly figures; every
    row is checked and reported. Nothing is saved if a row is bad, unless `keep_valid`; `save=False` only
    checks (the preview)."""
    if not can(by, Action.CHANGE, organization):
        raise PermissionDenied(_("You may not record the dossiers of this organization."))
    report = StatImportReport()
    try:
        sheet = read_sheet(content)
    except SheetError as exc:
        report.file_errors.append(str(exc))
        return report
    missing = [name for name in IMPORT_FIELDS if name not in ("month", "procedure_field", "carried_over")
               and mapping.get(name) is None]
    if missing:
        report.file_errors.append(_("Choose a column for: %(fields)s.") % {
            "fields": ", ".join(str(DossierStat._meta.get_field(name).verbose_name) for name in missing)})
        return report
    if mapping.get("month") is None and month is None:
        report.file_errors.append(_("Give the month of the figures, or the column that holds it."))
        return report
    existing = set(DossierStat.objects.filter(organization=organization)
                   .values_list("month", "procedure_field"))
    seen: set = set()
    for number, cells in sheet.rows:
        row = StatRow(number)

        def cell(name, cells=cells):
            col = mapping.get(name)
            return cells[col] if col is not None and col < len(cells) else None

        label = str(cell("procedure_field") or "").strip()
        if fold(label) in ("tong", "tong cong", "cong"):
            continue  # the report's total line is computed, not imported
        stat = DossierStat(organization=organization, procedure_field=label, created_by=by)
        try:
            stat.month = _month(cell("month"), month)
        except (ValueError, TypeError):
            row.errors.append(_("The month is not a month (mm/yyyy): %(value)s.") % {"value": cell("month")})
        for name in COUNT_FIELDS:
            try:
                setattr(stat, name, _number(cell(name)))
            except (ValueError, TypeError):
                row.errors.append(_("%(column)s is not a whole number: %(value)s.") % {
                    "column": DossierStat._meta.get_field(name).verbose_name, "value": cell(name)})
        if not row.errors:
            try:
                check_balance(stat)
            except ValidationError as exc:
                row.errors.extend(exc.messages)
            key = (stat.month, stat.procedure_field)
            if key in existing:
                row.errors.append(_("Figures for this month and field are already recorded."))
            elif key in seen:
                row.errors.append(_("The same month and field appear twice in the file."))
            seen.add(key)
        row.stat = stat
        report.rows.append(row)
    if not report.rows:
        report.file_errors.append(_("The file has no data rows."))
    if not save or report.file_errors or (report.bad_rows and not keep_valid):
        return report
    good = [row.stat for row in report.rows if not row.errors]
    with transaction.atomic(), acting_as(by, reason=ChangeReason.IMPORTED):
        for stat in good:
            stat.save()
    report.saved = len(good)
    return report


# Letters ------------------------------------------------------------------------------------------------


def _check_letter(letter: Letter, by) -> None:
    if not can(by, Action.CHANGE, letter.organization):
        raise PermissionDenied(_("You may not record letters of this organization."))
    letter.year = letter.date.year if letter.date else letter.year
    letter.full_clean(exclude=["created_by", "number"], validate_constraints=False)


def record_apology(letter: Letter, *, by) -> Letter:
    """The apology slip for a dossier that will be late (NĐ 61/2018 Điều 19 khoản 9): sent at least one day
    before the original due date, with the reason and the new date, which is set once only; numbered next
    in the organization's yearly book of slips (…/PXL)."""
    letter.kind = LetterKind.APOLOGY
    _check_letter(letter, by)
    errors = {}
    due = timezone.localtime(letter.due_at).date()
    if letter.date > due - dt.timedelta(days=1):
        errors["date"] = _("The apology must be sent at least one day before the due date (%(due)s).") % {
            "due": f"{due:%d/%m/%Y}"}
    if not letter.reason.strip():
        errors["reason"] = _("Give the reason for the delay.")
    if letter.new_due_date is None:
        errors["new_due_date"] = _("Give the new return date.")
    elif letter.new_due_date <= due:
        errors["new_due_date"] = _("The new date must come after the original due date.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic(), acting_as(by):
        if Letter.objects.select_for_update().filter(organization=letter.organization, kind=LetterKind.APOLOGY,
                                                     dossier_code=letter.dossier_code).exists():
            raise ValidationError({"dossier_code": _(
                "This dossier already has an apology: its new date is set once only.")})
        top = Letter.objects.filter(organization=letter.organization, kind=LetterKind.APOLOGY,
                                    year=letter.year).aggregate(top=Max("number"))["top"]
        letter.number = (top or 0) + 1
        letter.created_by = by
        letter.save()
    return letter


def record_thanks(letter: Letter, *, by) -> Letter:
    """A thank-you letter after a service, numbered by the organization's registry office."""
    letter.kind = LetterKind.THANKS
    letter.new_due_date = None
    _check_letter(letter, by)
    with transaction.atomic(), acting_as(by):
        letter.created_by = by
        letter.save()
        symbol = letter.organization.symbol.strip()
        entry = registry.register_document(
            organization=letter.organization, record=letter, type_code=THANKS_TYPE_CODE,
            symbol=f"{THANKS_TYPE_CODE}-{symbol}" if symbol else THANKS_TYPE_CODE,
            title=_("Thank-you letter, dossier %(code)s") % {"code": letter.dossier_code}, by=by, date=letter.date)
        letter.number = entry.number
        letter.save(update_fields=["number"])
    return letter


def save_letter(letter: Letter, *, by) -> Letter:
    if letter.pk:
        raise ValidationError(_("A letter sent is not changed; record a new one."))
    return record_apology(letter, by=by) if letter.kind == LetterKind.APOLOGY else record_thanks(letter, by=by)


def number_symbol(letter: Letter) -> str:
    if letter.kind == LetterKind.APOLOGY:
        return f"{letter.number:02d}/PXL" if letter.number else "…/PXL"
    from registry.models import RegisteredDocument

    entry = RegisteredDocument.objects.filter(
        content_type__app_label="service", content_type__model="letter", object_id=letter.pk).first()
    return entry.number_symbol if entry else "…"


# Surveys ------------------------------------------------------------------------------------------------


def save_survey(survey: Survey, *, by) -> Survey:
    if not can(by, Action.CHANGE, survey.province):
        raise PermissionDenied(_("Only the coordinator keeps the province's questionnaire."))
    survey.full_clean(validate_constraints=False)
    if Survey.objects.filter(province=survey.province, year=survey.year).exclude(pk=survey.pk).exists():
        raise ValidationError({"year": _("The province already has a questionnaire for this year.")})
    with transaction.atomic(), acting_as(by):
        survey.save()
    return survey


def save_question(question: Question, *, by) -> Question:
    if not can(by, Action.CHANGE, question.survey.province):
        raise PermissionDenied(_("Only the coordinator keeps the province's questionnaire."))
    question.full_clean()
    with transaction.atomic(), acting_as(by):
        question.save()
    return question


def delete_question(question: Question, *, by) -> None:
    if not can(by, Action.CHANGE, question.survey.province):
        raise PermissionDenied(_("Only the coordinator keeps the province's questionnaire."))
    if question.answers.exists():
        raise ValidationError(_("Citizens have answered this question: it stays."))
    with transaction.atomic(), acting_as(by):
        question.delete()


def save_point(point: ServicePoint, *, by) -> ServicePoint:
    if not can(by, Action.CHANGE, point.organization):
        raise PermissionDenied(_("You may not change the service points of this organization."))
    point.full_clean()
    with transaction.atomic(), acting_as(by):
        point.save()
    return point


def survey_for(point: ServicePoint, day: dt.date | None = None) -> Survey | None:
    """The province's questionnaire of the year citizens answer at `point`."""
    day = day or timezone.localdate()
    province_id = int(point.organization.path.strip("/").split("/")[0])
    return Survey.objects.filter(province_id=province_id, year=day.year).first()


def submit_response(point: ServicePoint, answers: Mapping[int, int], *, comment: str = "",
                    day: dt.date | None = None) -> SurveyResponse:
    """A citizen's answers (question id -> 1..5) to the questionnaire of the year at `point`; every question is
    answered, each from 1 to 5."""
    day = day or timezone.localdate()
    survey = survey_for(point, day)
    if survey is None or not point.active:
        raise ValidationError(_("This survey is closed."))
    questions = list(survey.questions.all())
    errors = []
    values = {}
    for question in questions:
        value = answers.get(question.pk)
        if value is None:
            errors.append(_("Answer every question."))
            break
        try:
            value = int(value)
        except (TypeError, ValueError):
            value = 0
        if not 1 <= value <= 5:
            errors.append(_("Each answer is a score from 1 to 5."))
            break
        values[question] = value
    if errors:
        raise ValidationError(errors)
    if not values:
        raise ValidationError(_("This survey has no questions yet."))
    average = (Decimal(sum(values.values())) / len(values)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    with transaction.atomic():
        response = SurveyResponse.objects.create(survey=survey, service_point=point,
                                                 organization_id=point.organization_id, submitted_on=day,
                                                 average=average, comment=comment.strip())
        Answer.objects.bulk_create([Answer(response=response, question=question, factor=question.factor,
                                           value=value) for question, value in values.items()])
    from service.signals import responses_changed

    responses_changed(point.organization_id, day.year)
    return response


def reads_comments(user, organization: Organization) -> bool:
    """Free-text answers are read by the organization's leaders and the coordinator only."""
    from orgs.scoping import Reach, anchor_path

    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    for membership in memberships(user):
        if membership.role == "coordinator":
            reach = Reach.PROVINCE
        elif membership.role == "leader":
            reach = Reach.AGENCY
        else:
            continue
        if organization.path.startswith(anchor_path(membership.organization, reach)):
            return True
    return False
