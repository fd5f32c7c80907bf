"""Plan imports: accept a document, read it in the background, turn the reviewed result into a draft plan."""

from __future__ import annotations

import datetime as dt
import logging
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from rapidfuzz import fuzz

from core.history import ChangeReason, acting_as
from ingest.models import ImportOutcome, ImportStatus, PlanImport, UnitRole
from ingest.parser import ExtractionError, extract_from_text
from ingest.parser.errors import MESSAGES_VI, ErrorCode
from ingest.parser.sandbox import Limits, read_text_limited
from ingest.parser.timing import YEARLY, parse_timing
from legal.models import normalize_number
from legal.services import register_document
from orgs.models import Organization
from orgs.scoping import Action, can
from orgs.text import fold
from plans import services as plan_services
from plans.models import Comparator, Measure, Plan, PlanKind, PlanStatus, Recurrence, TargetKind

logger = logging.getLogger(__name__)

ACCEPTED_SUFFIXES = (".docx", ".doc", ".odt", ".pdf", ".txt")
# A unit name from the document is proposed as this organization when they match this well.
MATCH_THRESHOLD = 80
# A reading still "running" this long after the waiting-time limit has lost its worker.
LOST_MARGIN = dt.timedelta(minutes=5)


def start_import(upload, *, organization: Organization, by) -> PlanImport:
    """Keep the uploaded file and queue it for reading; refuse what cannot be a plan document."""
    from ingest.tasks import read_plan_import

    if not can(by, Action.CHANGE, organization):
        raise PermissionDenied(_("You may not create plans for this organization."))
    name = Path(upload.name or "").name
    if not name.lower().endswith(ACCEPTED_SUFFIXES):
        raise ValidationError(_("Only .docx, .doc, .odt, .pdf and .txt files can be imported."))
    if upload.size == 0:
        raise ValidationError(_("The file is empty."))
    if upload.size > settings.MAX_PLAN_IMPORT_SIZE:
        raise ValidationError(
            _("The file is larger than %(limit)s MB.") % {"limit": settings.MAX_PLAN_IMPORT_SIZE // (1024 * 1024)}
        )
    plan_import = PlanImport(organization=organization, original_name=name[:255], size=upload.size, created_by=by)
    plan_import.file.save(name, upload, save=False)
    with acting_as(by):
        plan_import.save()
    read_plan_import.enqueue(plan_import.pk)
    return plan_import


def parse_limits() -> Limits:
    return Limits(
        memory_mb=settings.PARSE_MEMORY_LIMIT_MB, cpu_seconds=settings.PARSE_CPU_SECONDS,
        wall_seconds=settings.PARSE_WALL_SECONDS, max_pages=settings.PARSE_MAX_PAGES,
    )


def _set_status(import_id: int, status: ImportStatus, **fields) -> None:
    """Change an import's status through a save, so that history records it."""
    plan_import = PlanImport.objects.get(pk=import_id)
    plan_import.status = status
    for name, value in fields.items():
        setattr(plan_import, name, value)
    with acting_as(None):
        plan_import.save(update_fields=["status", *fields])


def run_import(import_id: int) -> None:
    """Read the file (OCR for scans) in a child process held to the parse limits, reporting pages as
    they are read; store the text and structure, or fail the import with the reason."""
    waiting = [ImportStatus.QUEUED, ImportStatus.RUNNING]
    plan_import = PlanImport.objects.filter(pk=import_id, status__in=waiting).first()
    if plan_import is None:
        return
    _set_status(import_id, ImportStatus.RUNNING, started_at=timezone.now())

    def progress(done: int, total: int) -> None:
        PlanImport.objects.filter(pk=import_id).update(pages_done=done, pages_total=total)

    suffix = Path(plan_import.original_name).suffix.lower()
    try:
        # Storage may be remote (S3): the parser reads a local copy.
        with tempfile.NamedTemporaryFile(suffix=suffix) as local, plan_import.file.open("rb") as stored:
            shutil.copyfileobj(stored, local)
            local.flush()
            # Composed accents: web copies often carry decomposed ones, which display badly.
            text = unicodedata.normalize("NFC", read_text_limited(local.name, progress, limits=parse_limits()))
        if not text.strip():
            raise ExtractionError(ErrorCode.EMPTY)
        result = extract_from_text(text)
    except ExtractionError as exc:
        logger.info("Plan import %s failed: %s", import_id, exc.code)
        _set_status(import_id, ImportStatus.FAILED, error=exc.message_vi)
        return
    except Exception:
        logger.exception("Plan import %s failed", import_id)
        _set_status(
            import_id, ImportStatus.FAILED,
            error=_("The file could not be read. Check it opens correctly, then try again."),
        )
        return
    _set_status(import_id, ImportStatus.DONE, text=text, result=result)


def fail_lost_imports(now: dt.datetime | None = None) -> int:
    """Fail the imports whose reading began longer ago than the parse limits allow: their worker died
    (a reading past its limits is stopped by the worker itself). Returns how many."""
    now = now or timezone.now()
    started_before = now - dt.timedelta(seconds=settings.PARSE_WALL_SECONDS) - LOST_MARGIN
    lost = PlanImport.objects.filter(status=ImportStatus.RUNNING).filter(
        Q(started_at__lt=started_before) | Q(started_at__isnull=True, created_at__lt=started_before)
    )
    count = 0
    for import_id in lost.values_list("pk", flat=True):
        logger.warning("Plan import %s lost its worker; marked failed", import_id)
        _set_status(import_id, ImportStatus.FAILED, error=MESSAGES_VI[ErrorCode.WORKER_LOST])
        count += 1
    return count


def purge_old_imports(now: dt.datetime | None = None) -> int:
    """Delete (row and stored file) imports that failed, or were never made into a plan, longer
    ago than IMPORT_RETENTION_DAYS. Returns how many."""
    now = now or timezone.now()
    before = now - dt.timedelta(days=settings.IMPORT_RETENTION_DAYS)
    old = PlanImport.objects.filter(created_at__lt=before).exclude(status=ImportStatus.CREATED)
    count = 0
    for plan_import in old:
        name = plan_import.file.name
        with acting_as(None):
            plan_import.delete()
        if name:
            plan_import.file.storage.delete(name)
        count += 1
    return count


@dataclass
class UnitMatch:
    name: str
    organization: Organization | None
    score: float


# "các cơ quan, đơn vị có liên quan", "những phòng …", "toàn thể …": many units, never one organization.
_GROUP = re.compile(r"^(?:cac|nhung|toan the|tat ca)\b|\bco lien quan\b")


def is_group(name: str) -> bool:
    return bool(_GROUP.search(fold(name)))


def match_units(names: list[str], organization: Organization) -> list[UnitMatch]:
    """Propose, for each unit named in the document, the organization under `organization` it means;
    a group of units is never proposed as one of them."""
    candidates = list(
        Organization.objects.filter(path__startswith=organization.path).exclude(pk=organization.pk).active_on()
    )
    keys = [(org, [fold(org.name)] + ([fold(org.short_name)] if org.short_name else [])) for org in candidates]
    matches = []
    for name in names:
        if is_group(name):
            matches.append(UnitMatch(name, None, 0))
            continue
        wanted = fold(name)
        best, best_score = None, 0.0
        for org, variants in keys:
            score = max(fuzz.token_sort_ratio(wanted, variant) for variant in variants)
            if score > best_score:
                best, best_score = org, score
        matches.append(UnitMatch(name, best if best_score >= MATCH_THRESHOLD else None, round(best_score)))
    return matches


GRADE_WORDS = ("Xuất sắc", "Tốt", "Khá", "Trung bình")


def guess_target(item: dict) -> dict:
    """A first reading of an extracted target; the user corrects it before the plan is made."""
    text = item.get("text") or ""
    lowered = text.lower()
    value = item.get("value")
    guess = {"text": text, "target_value": value, "unit_of_measure": item.get("unit") or "", "grade": "",
             "comparator": Comparator.GT if re.search(r"\btrên\b", lowered) else Comparator.GTE,
             "measure": Measure.NONE, "include": True}
    if value is None and "xếp loại" in lowered:
        guess["kind"] = TargetKind.GRADE
        guess["grade"] = next((word for word in GRADE_WORDS if word in text), "Tốt")
        guess["measure"] = Measure.ASSESSMENT_GRADE
        return guess
    if any(word in lowered for word in ("hài lòng",)):
        guess.update(kind=TargetKind.REGISTER_RATE, measure=Measure.SATISFACTION_RATE)
    elif "hồ sơ" in lowered:
        guess.update(kind=TargetKind.REGISTER_RATE, measure=Measure.DOSSIERS_ON_TIME_RATE)
    elif "ban hành kế hoạch" in lowered or re.search(r"\b(phòng|đơn vị)\b", lowered):
        guess.update(kind=TargetKind.UNIT_SHARE,
                     measure=Measure.UNITS_PLAN_RATE if "kế hoạch" in lowered else Measure.NONE)
    elif re.search(r"cán bộ|công chức|viên chức", lowered):
        guess.update(kind=TargetKind.STAFF_SHARE,
                     measure=Measure.STAFF_STUDY_RATE if re.search(r"học tập|quán triệt", lowered) else Measure.NONE)
    else:
        guess["kind"] = TargetKind.REGISTER_RATE if guess["unit_of_measure"] == "%" else TargetKind.COUNT
    # A target without a figure is shown, but left out until the user gives one.
    guess["include"] = value is not None
    return guess


def parse_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def split_signer(authority: str | None) -> tuple[str, str]:
    """ "KT. GIÁM ĐỐC" → ("KT.", "GIÁM ĐỐC")."""
    match = re.match(r"^\s*(TM\.|KT\.|Q\.|TL\.|TUQ\.)\s*(.*)$", authority or "")
    return (match.group(1), match.group(2).strip()) if match else ("", (authority or "").strip())


def find_parent_plan(organization: Organization, numbers: list[str]) -> Plan | None:
    """The superior's issued plan that the document says it implements, if it is in the system."""
    wanted = {normalize_number(number) for number in numbers}
    for plan in Plan.objects.filter(
        organization_id__in=organization.ancestor_ids, status=PlanStatus.ISSUED, number__isnull=False
    ).select_related("organization"):
        if normalize_number(f"{plan.number}/{plan.symbol}") in wanted or normalize_number(plan.number_symbol) in wanted:
            return plan
    return None


@dataclass
class ExistingPlan:
    """The annual plan the organization already has for the year under review, and what the import may do
    with it: become its draft revision (issued), replace its text (draft), or nothing until it is decided."""

    plan: Plan

    @property
    def outcome(self) -> str | None:
        return {PlanStatus.ISSUED: ImportOutcome.REVISION, PlanStatus.DRAFT: ImportOutcome.REPLACEMENT}.get(
            self.plan.status
        )

    @property
    def advice(self) -> str:
        """What to do when the plan can take no import now."""
        if self.plan.status == PlanStatus.SUBMITTED:
            return _("It is waiting for approval: withdraw it to draft first (or ask the approver to return it), "
                     "then come back to this page to replace its text.")
        if self.plan.status == PlanStatus.APPROVED:
            return _("It is approved and waiting to be issued: once it is issued, the document can be imported "
                     "as its draft revision.")
        return ""


def existing_plan(organization: Organization, year, kind=PlanKind.ANNUAL) -> ExistingPlan | None:
    """The annual plan `organization` already has for `year`, which an annual plan import cannot duplicate.
    Thematic plans may be many a year: they neither block an import nor are blocked."""
    try:
        year = int(year)
    except (TypeError, ValueError):
        return None
    if kind != PlanKind.ANNUAL:
        return None
    plan = plan_services.current_annual_plan(organization, year)
    return ExistingPlan(plan) if plan else None


def _plan_to_fill(organization: Organization, year: int, fields: dict, *, outcome: str, replace: int | None,
                  cited: list[str], parent: Plan | None, by) -> Plan:
    """The plan the reviewed document goes into: a new draft, a new draft revision of the issued plan of
    the year, or the year's draft with its text replaced (only the draft the user confirmed replacing)."""
    if outcome == ImportOutcome.NEW:
        return plan_services.create_plan(organization=organization, year=year, by=by, cited=cited, parent=parent,
                                         **fields)
    if outcome not in (ImportOutcome.REVISION, ImportOutcome.REPLACEMENT):
        raise ValidationError(_("Choose how to import the document."))
    if fields.pop("kind", PlanKind.ANNUAL) != PlanKind.ANNUAL:
        raise ValidationError(_("Only an annual plan can go into the organization's plan for the year."))
    fields.pop("year_to", None)
    existing = existing_plan(organization, year)
    if existing is None:
        raise ValidationError(_("%(org)s has no plan for %(year)s: create a new one.")
                              % {"org": organization.name, "year": year})
    if existing.outcome != outcome:
        raise ValidationError(
            _("The plan for %(year)s is now “%(status)s”; review the choices again.")
            % {"year": year, "status": existing.plan.get_status_display()}
        )
    if outcome == ImportOutcome.REVISION:
        revision = plan_services.revise_plan(existing.plan, by=by, with_contents=False)
        return plan_services.replace_draft(revision, by=by, cited=cited, parent=parent, **fields)
    if replace != existing.plan.pk:
        raise ValidationError(_("Confirm that the draft's text is to be replaced."))
    with acting_as(by, reason=ChangeReason.REPLACED_BY_IMPORT):
        return plan_services.replace_draft(existing.plan, by=by, cited=cited, parent=parent, **fields)


def due_from_timing(timing: str | None, year: int | None) -> tuple[dt.date | None, str]:
    """An area's due date and recurrence from its timing as written, by the parser's one set of rules
    (ingest.parser.timing): a date is that date; a month or a quarter its last day; "hằng năm, trước
    ngày 15/11" an annual recurrence due that day of the plan's year; "thường xuyên" no due date."""
    due, recurrence = parse_timing(timing, year)
    return parse_date(due), Recurrence.ANNUAL if recurrence == YEARLY else Recurrence.NONE


def guess_kind(title: str, year_from: int | None, year_to: int | None) -> str:
    """The annual mobilization plan is one year's "công tác dân vận"; any other plan is thematic."""
    one_year = not year_to or year_to == year_from
    return PlanKind.ANNUAL if one_year and "cong tac dan van" in fold(title) else PlanKind.THEMATIC


def review_areas(plan_import: PlanImport) -> tuple[list[dict], list[dict]]:
    """The content areas as the review starts from them, and their units, each matched to an organization
    under the importing one (groups and outside bodies stay as written); `area` is the area's index.
    Each area also gets one blank row, to name a unit the reading missed."""
    result = plan_import.result or {}
    year = (result.get("document") or {}).get("year")
    found = result.get("content_areas") or []
    named = [[(UnitRole.LEAD, name) for name in item.get("lead") or []]
             + [(UnitRole.SUPPORT, name) for name in item.get("support") or []] for item in found]
    # One reading of the organization tree for all the areas.
    matches = iter(match_units([name for area in named for _role, name in area], plan_import.organization))
    areas, units = [], []
    for index, (item, area_units) in enumerate(zip(found, named, strict=True)):
        due, recurrence = due_from_timing(item.get("timing"), year)
        areas.append({
            "include": True, "title": item.get("title") or "", "activities": "\n".join(item.get("activities") or []),
            "timing": item.get("timing") or "", "due_date": due, "recurrence": recurrence,
        })
        for role, name in area_units:
            match = next(matches)
            units.append({"area": index, "include": True, "role": role, "name": name,
                          "organization": match.organization, "score": match.score})
        units.append({"area": index, "include": True, "role": UnitRole.SUPPORT if area_units else UnitRole.LEAD,
                      "name": "", "organization": None, "score": None})
    return areas, units


def _add_areas(plan: Plan, areas: list[dict], *, by) -> int:
    """Add the reviewed content areas; returns how many assignments they made."""
    made = 0
    for order, area in enumerate(areas, 1):
        units = area.get("units", [])
        leads = [u["organization"] for u in units if u["organization"] and u["role"] == UnitRole.LEAD]
        supports = [u["organization"] for u in units if u["organization"] and u["role"] == UnitRole.SUPPORT]
        made_area = plan_services.add_content_area(
            plan, title=area["title"], activities=area.get("activities", []), leads=leads, supports=supports,
            other_leads=[u["name"] for u in units if not u["organization"] and u["role"] == UnitRole.LEAD],
            other_units=[u["name"] for u in units if not u["organization"] and u["role"] == UnitRole.SUPPORT],
            timing=area.get("timing") or "",
            due_date=area.get("due_date"), recurrence=area.get("recurrence") or "", order=order,
            first_assignment=made + 1, by=by,
        )
        made += made_area.assignments.count()
    return made


def create_plan_from_import(
    plan_import: PlanImport, *, fields: dict, references: list[dict], targets: list[dict],
    assignments: list[dict], by, areas: list[dict] = (), outcome: str = ImportOutcome.NEW,
    replace: int | None = None,
) -> Plan:
    """Make the reviewed document a draft plan with its cited documents, content areas (each charged to its
    lead units), targets and assignments, all or nothing: a new plan, a draft revision of the year's issued
    plan, or the new text of the year's draft (`replace`: the draft the user confirmed replacing; the history
    keeps its former text).

    plans.services applies the rules: who may, one plan a year, which units can be charged."""
    organization = plan_import.organization
    with transaction.atomic(), acting_as(by, reason=ChangeReason.IMPORTED):
        plan_import = PlanImport.objects.select_for_update().get(pk=plan_import.pk)
        if plan_import.status != ImportStatus.DONE:
            raise ValidationError(_("This import has already been used or is not ready."))
        if not can(by, Action.CHANGE, organization):
            raise PermissionDenied(_("You may not create plans for this organization."))
        fields = dict(fields)
        basis = fields.pop("basis", [])
        year = fields.pop("year")
        # Registered with the dates the document gives them, before the plan cites them by number.
        cited = [register_document(ref["number"], organization=organization, by=by, date=ref.get("date")).number
                 for ref in references]
        plan = _plan_to_fill(organization, year, fields, outcome=outcome, replace=replace, cited=cited,
                             parent=find_parent_plan(organization, basis), by=by)
        charged = _add_areas(plan, list(areas), by=by)
        for order, item in enumerate(targets, 1):
            plan_services.add_target(plan, by=by, order=order, **item)
        for order, item in enumerate(assignments, charged + 1):
            plan_services.add_assignment(plan, by=by, order=order, **item)
        plan_import.plan = plan
        plan_import.outcome = outcome
        plan_import.status = ImportStatus.CREATED
        plan_import.save()
    return plan


def move_import(plan_import: PlanImport, *, organization: Organization, by) -> PlanImport:
    """Make a document waiting for review another organization's (its units are matched again)."""
    if not (can(by, Action.CHANGE, plan_import.organization) and can(by, Action.CHANGE, organization)):
        raise PermissionDenied(_("You may not create plans for this organization."))
    with transaction.atomic(), acting_as(by):
        plan_import = PlanImport.objects.select_for_update().get(pk=plan_import.pk)
        if plan_import.status != ImportStatus.DONE:
            raise ValidationError(_("This import has already been used or is not ready."))
        plan_import.organization = organization
        plan_import.save(update_fields=["organization"])
    return plan_import


def review_initial(plan_import: PlanImport) -> tuple[dict, list[dict], list[dict]]:
    """What the review form starts from: the extracted structure, units matched to organizations."""
    result = plan_import.result or {}
    document = result.get("document") or {}
    signer = result.get("signer") or {}
    authority, principal = split_signer(signer.get("authority"))
    dates = {ref["number"]: ref.get("date") for ref in result.get("references", [])}
    organization = plan_import.organization
    year = document.get("year") or (parse_date(document.get("date")) or timezone.localdate()).year
    period = result.get("period") or {}
    year_to = period.get("to") if period.get("to") and period.get("to") != year else None
    fields = {
        "year": year,
        "kind": guess_kind(document.get("title") or "", year, year_to),
        "year_to": year_to,
        "symbol": document.get("symbol") or plan_services.default_symbol(organization),
        "place": document.get("place") or "",
        "title": document.get("title") or "",
        "basis": "\n".join(result.get("basis", [])),
        "purposes": "\n".join(result.get("purposes") or []),
        "references": "\n".join(
            f"{number}, {parse_date(date):%d/%m/%Y}" if parse_date(date) else number for number, date in dates.items()
        ),
        "recipients": "\n".join(result.get("recipients", [])),
        "archive": result.get("archive") or "VT",
        "signer_authority": authority,
        "signer_principal": principal,
        "signer_title": signer.get("title") or "",
        "signer_name": signer.get("name") or "",
    }
    targets = [guess_target(item) for item in result.get("targets", [])]
    charged = result.get("assignments", [])
    matches = match_units([item.get("unit") or "" for item in charged], organization)
    assignments = []
    for item, match in zip(charged, matches, strict=True):
        # A unit charged with two deadlines keeps two assignments, one per deadline.
        deadlines = [d for d in (parse_date(value) for value in item.get("deadlines", [])) if d] or [None]
        for due in deadlines:
            assignments.append({
                "include": match.organization is not None,
                "unit_name": item.get("unit") or "",
                "lead_unit": match.organization,
                "score": match.score,
                "task": item.get("text") or "",
                "due_date": due,
            })
    return fields, targets, assignments


def delete_import(plan_import: PlanImport, *, by) -> None:
    """Delete an import that has not become a plan, with its file; the history records the deletion."""
    if not can(by, Action.CHANGE, plan_import.organization):
        raise PermissionDenied(_("You may not change this organization's imports."))
    with transaction.atomic(), acting_as(by, reason=ChangeReason.DELETED):
        plan_import = PlanImport.objects.select_for_update().get(pk=plan_import.pk)
        if plan_import.status in (ImportStatus.CREATED, ImportStatus.RUNNING):
            raise ValidationError(_("Only an import waiting for review, or one that failed, can be deleted."))
        name = plan_import.file.name
        plan_import.delete()
        if name:
            transaction.on_commit(lambda: plan_import.file.storage.delete(name))
