"""The rules of periodic reports (CYCLE.md §4): reporting periods with their defaults, who must
report, the report's way (a table of transitions), what it is pre-filled with, and completeness
and timeliness as DHIS2 counts them (expected, actual, on time)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from attachments.services import attach
from core.access import scoped
from core.history import acting_as
from core.periods import PeriodKind
from orgs.models import Organization, OrganizationKind
from plans.models import Assignment, PlanStatus
from progress import numbering
from progress.models import ProgressUpdate
from progress.reporting_models import (
    Report,
    ReportExemption,
    ReportingPeriod,
    ReportLevel,
    ReportStatus,
    ReportStep,
)
from training.models import StudySession

# ---------------------------------------------------------------- periods

# The seeds' defaults (CYCLE.md §4): (kind, n, level) -> (due month, due day).
DEFAULT_DUE = {
    (PeriodKind.HALF, 1, ReportLevel.UNIT): (5, 10),
    (PeriodKind.YEAR, 1, ReportLevel.UNIT): (11, 10),
    (PeriodKind.YEAR, 1, ReportLevel.AGENCY): (11, 1),
}


def data_period(year: int, kind: str, n: int = 1) -> tuple[dt.date, dt.date]:
    """The data period of Nghị định 09/2019/NĐ-CP: a year runs from 15/12 of the year before to 14/12;
    the first six months from 15/12 to 14/06, the second from 15/06 to 14/12."""
    if kind == PeriodKind.YEAR:
        return dt.date(year - 1, 12, 15), dt.date(year, 12, 14)
    if kind == PeriodKind.HALF:
        return (dt.date(year - 1, 12, 15), dt.date(year, 6, 14)) if n == 1 else (dt.date(year, 6, 15),
                                                                                 dt.date(year, 12, 14))
    raise ValueError(_("Reports are made for six months or a year."))


def default_cut_off(data_end: dt.date, due: dt.date) -> dt.date:
    """A report due before its data period ends counts records up to the day before it is due."""
    return min(data_end, due - dt.timedelta(days=1))


def _may_manage(province: Organization, by) -> bool:
    return scoped(Organization, by, "change").filter(pk=province.pk, kind=OrganizationKind.PROVINCE).exists()


def _check_manager(period: ReportingPeriod, by) -> None:
    if not scoped(ReportingPeriod, by, "change").filter(pk=period.pk).exists():
        raise PermissionDenied(_("Only the province's coordinator manages reporting periods."))


def ensure_default_periods(province: Organization, year: int, *, by) -> list[ReportingPeriod]:
    """The year's reporting periods with the seeds' defaults, made where the province has none yet."""
    if not _may_manage(province, by):
        raise PermissionDenied(_("Only the province's coordinator manages reporting periods."))
    made = []
    with transaction.atomic(), acting_as(by):
        for (kind, n, level), (month, day) in DEFAULT_DUE.items():
            start, end = data_period(year, kind, n)
            due = dt.date(year, month, day)
            period, _created = ReportingPeriod.objects.get_or_create(
                province=province, year=year, kind=kind, n=n, level=level,
                defaults={"data_start": start, "data_end": end, "due_date": due,
                          "cut_off": default_cut_off(end, due)})
            made.append(period)
    return made


def save_period(period: ReportingPeriod, *, by) -> ReportingPeriod:
    """Create or change a period; its data period defaults to Nghị định 09/2019's, its cut-off to the
    day before it is due when that comes before the data period ends."""
    if not _may_manage(period.province, by):
        raise PermissionDenied(_("Only the province's coordinator manages reporting periods."))
    if period.pk and ReportingPeriod.objects.filter(pk=period.pk, closed=True).exists():
        raise ValidationError(_("This period is closed; reopen it first."))
    start, end = data_period(period.year, period.kind, period.n)
    period.data_start = period.data_start or start
    period.data_end = period.data_end or end
    period.cut_off = period.cut_off or default_cut_off(period.data_end, period.due_date)
    errors = {}
    if period.kind == PeriodKind.YEAR and period.n != 1:
        errors["n"] = _("A year has one period.")
    if not period.data_start <= period.cut_off <= period.data_end:
        errors["cut_off"] = _("The cut-off falls within the data period.")
    if errors:
        raise ValidationError(errors)
    period.full_clean()
    with acting_as(by):
        period.save()
    return period


def close_period(period: ReportingPeriod, *, by) -> None:
    """Its reports become read-only."""
    _check_manager(period, by)
    if period.closed:
        raise ValidationError(_("This period is already closed."))
    period.closed = True
    with acting_as(by, reason=_("Period closed")):
        period.save(update_fields=["closed"])


def reopen_period(period: ReportingPeriod, *, reason: str, by) -> None:
    """Reopening is recorded with its reason in the period's history."""
    _check_manager(period, by)
    if not period.closed:
        raise ValidationError(_("This period is open."))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the period is reopened.")})
    period.closed = False
    with acting_as(by, reason=_("Reopened: %(reason)s") % {"reason": reason.strip()}):
        period.save(update_fields=["closed"])


def exempt(period: ReportingPeriod, organization: Organization, *, reason: str, by) -> ReportExemption:
    """The coordinator excuses an organization from a period's report, saying why."""
    _check_manager(period, by)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the organization is exempted.")})
    if not organization.path.startswith(period.province.path):
        raise ValidationError({"organization": _("The organization is not in this province.")})
    with acting_as(by):
        exemption, _created = ReportExemption.objects.update_or_create(
            period=period, organization=organization, defaults={"reason": reason.strip(), "created_by": by})
    return exemption


# ---------------------------------------------------------------- who must report

def _existed(qs, period: ReportingPeriod):
    """Organizations that exist during the data period and still exist when the report is due
    (a merged or dissolved one is not counted: its successor reports)."""
    return qs.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=period.data_end)).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=period.effective_due))


# What the report pages read of an organization (its timestamps and the rest are not parsed for a
# province's thousand units).
LISTED_FIELDS = ("code", "name", "short_name", "kind", "org_type", "parent_id", "path", "valid_from", "valid_to")


def expected_queryset(period: ReportingPeriod):
    """Who must report for `period`, exemptions left out: for units, every unit an agency's
    issued plan of the year charges (as lead unit); for agencies, every agency of the province."""
    province_path = period.province.path
    if period.level == ReportLevel.AGENCY:
        qs = Organization.objects.filter(path__startswith=province_path, kind=OrganizationKind.AGENCY)
    else:
        lead_units = Assignment.objects.filter(
            plan__organization__path__startswith=province_path, plan__organization__kind=OrganizationKind.AGENCY,
            plan__year=period.year, plan__status=PlanStatus.ISSUED,
        ).exclude(lead_unit__kind__in=(OrganizationKind.AGENCY, OrganizationKind.PROVINCE)).values("lead_unit_id")
        qs = Organization.objects.filter(pk__in=lead_units)
    exempted = ReportExemption.objects.filter(period=period).values("organization_id")
    return _existed(qs, period).exclude(pk__in=exempted)


def expected_organizations(period: ReportingPeriod) -> list[Organization]:
    """`expected_queryset` in tree order, with the fields the report pages read."""
    return list(expected_queryset(period).only(*LISTED_FIELDS).order_by("path"))


def agency_of(organization: Organization, agencies: dict[int, Organization]) -> Organization | None:
    for part in reversed(organization.path.strip("/").split("/")):
        if int(part) in agencies:
            return agencies[int(part)]
    return None


def receiver_of(period: ReportingPeriod, organization: Organization) -> Organization:
    """A unit reports to its agency, an agency to the province."""
    if period.level == ReportLevel.AGENCY:
        return period.province
    ids = [int(part) for part in organization.path.strip("/").split("/") if part]
    agency = Organization.objects.filter(pk__in=ids, kind=OrganizationKind.AGENCY).order_by("-path").first()
    if agency is None:
        raise ValidationError(_("This organization belongs to no agency."))
    return agency


# ---------------------------------------------------------------- reports

def _may_author(report: Report, by) -> bool:
    """The author's side: who may change the reporting organization."""
    return scoped(Organization, by, "change").filter(pk=report.organization_id).exists()


def _may_receive(report: Report, by) -> bool:
    return scoped(Organization, by, "change").filter(pk=report.receiver_id).exists()


def start_report(period: ReportingPeriod, organization: Organization, *, by) -> Report:
    """The organization's report for the period, made as a draft the first time it is asked for."""
    if not scoped(Organization, by, "change").filter(pk=organization.pk).exists():
        raise PermissionDenied(_("You may not report for this organization."))
    existing = Report.objects.filter(period=period, organization=organization).first()
    if existing is not None:
        return existing
    if period.closed:
        raise ValidationError(_("This period is closed."))
    if organization.pk not in {org.pk for org in expected_organizations(period)}:
        raise ValidationError(_("This organization does not report for this period."))
    report = Report(period=period, organization=organization, receiver=receiver_of(period, organization),
                    created_by=by)
    with acting_as(by):
        report.save()
    return report


def _check_open(report: Report) -> None:
    if report.period.closed:
        raise ValidationError(_("The period is closed: its reports are read-only."))


def edit_narrative(report: Report, *, results: str, limits: str, proposals: str, by) -> Report:
    _check_open(report)
    if report.status not in (ReportStatus.DRAFT, ReportStatus.RETURNED):
        raise ValidationError(_("Only a draft or a returned report can be changed."))
    if not _may_author(report, by):
        raise PermissionDenied(_("You may not change this report."))
    report.results, report.limits, report.proposals = results.strip(), limits.strip(), proposals.strip()
    with acting_as(by):
        report.save(update_fields=["results", "limits", "proposals"])
    return report


def add_evidence(report: Report, files: Iterable, *, by) -> None:
    _check_open(report)
    if report.status not in (ReportStatus.DRAFT, ReportStatus.RETURNED):
        raise ValidationError(_("Evidence is added while the report is a draft or returned."))
    with transaction.atomic():
        for upload in files:
            attach(report, upload, by=by)


@dataclass(frozen=True)
class Transition:
    sources: frozenset[str]
    target: str
    who: str  # "author" or "receiver"
    comment_required: bool = False


# The report's way: which step goes from which states to which, and who takes it.
TRANSITIONS: dict[str, Transition] = {
    "submit": Transition(frozenset({ReportStatus.DRAFT, ReportStatus.RETURNED}), ReportStatus.SUBMITTED, "author"),
    "return": Transition(frozenset({ReportStatus.SUBMITTED}), ReportStatus.RETURNED, "receiver", True),
    "accept": Transition(frozenset({ReportStatus.SUBMITTED}), ReportStatus.ACCEPTED, "receiver"),
    "unlock": Transition(frozenset({ReportStatus.ACCEPTED}), ReportStatus.RETURNED, "receiver", True),
}


def allowed_steps(report: Report, user) -> list[str]:
    """The steps `user` may take on `report` now (the buttons the detail page shows)."""
    if report.period.closed:
        return []
    roles = {"author": None, "receiver": None}
    steps = []
    for name, step in TRANSITIONS.items():
        if report.status not in step.sources:
            continue
        if roles[step.who] is None:
            roles[step.who] = _may_author(report, user) if step.who == "author" else _may_receive(report, user)
        if roles[step.who]:
            steps.append(name)
    return steps


def take_step(report: Report, action: str, *, by, comment: str = "", now: dt.datetime | None = None) -> Report:
    """Move the report along TRANSITIONS; a return and an unlock need a comment. Recorded as a step
    and in the report's history."""
    step = TRANSITIONS.get(action)
    if step is None:
        raise ValidationError(_("Unknown step."))
    allowed = _may_author(report, by) if step.who == "author" else _may_receive(report, by)
    if not allowed:
        raise PermissionDenied(_("You may not take this step on this report."))
    _check_open(report)
    if report.status not in step.sources:
        raise ValidationError(_("A report that is %(status)s cannot take this step.")
                              % {"status": report.get_status_display().lower()})
    comment = comment.strip()
    if step.comment_required and not comment:
        raise ValidationError({"comment": _("Say what must be changed.")})
    if action == "submit" and not report.results.strip():
        raise ValidationError(_("Write the results before submitting."))
    now = now or timezone.now()
    previous = report.status
    report.status = step.target
    fields = ["status"]
    if action == "submit":
        report.submitted_at = now
        fields.append("submitted_at")
        if report.first_submitted_on is None:
            report.first_submitted_on = timezone.localdate(now)
            fields.append("first_submitted_on")
    elif action == "accept":
        report.accepted_at = now
        fields.append("accepted_at")
    with transaction.atomic(), acting_as(by, reason=comment or None):
        if action == "submit":
            # An agency's report takes its number from its register, once (progress.numbering).
            numbering.number_report(report, by=by, date=timezone.localdate(now))
        report.save(update_fields=fields)
        ReportStep.objects.create(report=report, action=action, from_status=previous, to_status=step.target,
                                  comment=comment, by=by)
    return report


# ---------------------------------------------------------------- pre-filled section

@dataclass
class Prefill:
    assignments: list = field(default_factory=list)  # (assignment, last percent, last status) as of the cut-off
    sessions: list = field(default_factory=list)
    estimated_from: dt.date | None = None
    sections: list = field(default_factory=list)  # the registers' figures (core.registry.ReportSection)


def prefill(report: Report) -> Prefill:
    """What the records say for the report's organization and period, up to the cut-off: progress on
    its assignments (as lead unit; for an agency, its plan's) and its study sessions."""
    period, org = report.period, report.organization
    assignments = Assignment.objects.filter(plan__year=period.year, plan__status=PlanStatus.ISSUED)
    if period.level == ReportLevel.AGENCY:
        assignments = assignments.filter(plan__organization=org)
    else:
        assignments = assignments.filter(lead_unit=org)
    assignments = list(assignments.select_related("lead_unit").order_by("plan_id", "order", "id"))
    last: dict[int, tuple[int, str]] = {}
    for assignment_id, percent, status in (
        ProgressUpdate.objects.filter(assignment__in=[a.pk for a in assignments], date__lte=period.cut_off)
        .order_by("assignment_id", "-date", "-id").values_list("assignment_id", "percent", "status")
    ):
        last.setdefault(assignment_id, (percent, status))
    sessions = list(StudySession.objects.filter(
        organization__path__startswith=org.path, date__gte=period.data_start, date__lte=period.cut_off,
    ).select_related("organization").order_by("date", "id"))
    return Prefill(
        assignments=[(a, *last.get(a.pk, (0, ""))) for a in assignments],
        sessions=sessions,
        estimated_from=period.cut_off + dt.timedelta(days=1) if period.estimated_after_cut_off else None,
        sections=register_sections(report),
    )


def register_sections(report: Report) -> list:
    """What each register says of the report's organization over the period (core.registry.report_sections),
    in their order; a register with nothing to say adds nothing."""
    from core.registry import report_sections

    found = [section for make in report_sections if (section := make(report)) is not None and section.rows]
    return sorted(found, key=lambda section: section.order)


# ---------------------------------------------------------------- completeness and timeliness

@dataclass
class Completeness:
    """DHIS2's counts for one agency (units' reports) or for the province."""

    organization: Organization
    expected: list[Organization] = field(default_factory=list)
    submitted_on: dict[int, dt.date] = field(default_factory=dict)
    due: dt.date | None = None

    @property
    def expected_count(self) -> int:
        return len(self.expected)

    @property
    def actual(self) -> int:
        return sum(1 for org in self.expected if org.pk in self.submitted_on)

    @property
    def on_time(self) -> int:
        return sum(1 for org in self.expected if org.pk in self.submitted_on and self.submitted_on[org.pk] <= self.due)

    @property
    def missing(self) -> list[Organization]:
        return [org for org in self.expected if org.pk not in self.submitted_on]

    @property
    def late(self) -> list[Organization]:
        return [org for org in self.expected if org.pk in self.submitted_on and self.submitted_on[org.pk] > self.due]

    def _share(self, count: int) -> float | None:
        return round(100 * count / self.expected_count, 1) if self.expected_count else None

    @property
    def completeness(self) -> float | None:
        return self._share(self.actual)

    @property
    def timeliness(self) -> float | None:
        return self._share(self.on_time)


def default_period(periods, user, *, today: dt.date | None = None) -> ReportingPeriod | None:
    """The period a page shows when none is asked for: the most recent (by due date) that concerns `user`
    — one whose expected organizations include one they may see, not an empty one — among those whose data
    period has begun (next year's periods, made ahead, wait their turn); failing that, the latest that
    concerns them; failing that, the latest of `periods`."""
    today = today or timezone.localdate()
    visible = scoped(Organization, user, "view")
    ordered = list(periods.order_by("-due_date", "-year", "-pk"))
    concerning = None
    for period in sorted(ordered, key=lambda period: period.data_start > today):  # begun first, stable
        # One query a period: whether anyone expected is in the user's reach.
        if visible.filter(pk__in=expected_queryset(period).values("pk")).exists():
            concerning = period
            break
    return concerning or (ordered[0] if ordered else None)


def completeness(period: ReportingPeriod, user=None, *, within: Organization | None = None
                 ) -> tuple[list[Completeness], Completeness]:
    """Rows per agency (units' reports) or one row for the province (agencies' reports), and the
    province's total; with `user`, only the organizations they may see are counted; with `within`, only
    those of that subtree (one agency's page reads its own units, not the province's thousand)."""
    if within is None:
        expected = expected_organizations(period)
    else:
        expected = list(expected_queryset(period).filter(path__startswith=within.path)
                        .only(*LISTED_FIELDS).order_by("path"))
    if user is not None:
        visible = set(scoped(Organization, user, "view").filter(pk__in=[o.pk for o in expected])
                      .values_list("pk", flat=True))
        expected = [org for org in expected if org.pk in visible]
    submitted = dict(Report.objects.filter(period=period, first_submitted_on__isnull=False,
                                           organization__in=[o.pk for o in expected])
                     .values_list("organization_id", "first_submitted_on"))
    due = period.effective_due
    total = Completeness(period.province, expected, submitted, due)
    if period.level == ReportLevel.AGENCY:
        return [total], total
    agencies = {org.pk: org for org in Organization.objects.filter(
        path__startswith=period.province.path, kind=OrganizationKind.AGENCY).only(*LISTED_FIELDS)}
    rows: dict[int, Completeness] = {}
    for org in expected:
        agency = agency_of(org, agencies)
        if agency is not None:
            rows.setdefault(agency.pk, Completeness(agency, [], submitted, due)).expected.append(org)
    return sorted(rows.values(), key=lambda row: row.organization.path), total
