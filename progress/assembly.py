"""The agency's report to the province, assembled from its units' accepted reports and its own figures
(CYCLE.md §4).

`assemble(report)` gathers, for an agency's report, the reports its units sent it for the same year,
kind and half (the units' period): the accepted ones are material the author may use (their results,
limits and causes, proposals, each under its unit's name, and their figures); the others are listed as
missing with where they stand. The agency's own figures are its issued plans' targets measured for
the period (#11), and each unit's share of them is read from the same figures (no measure computed
again). Nothing here is stored: the page reads it afresh each time, so a unit's report accepted
after the agency's was started is there on the next visit.

`copy_into_narrative(report, by=…)` puts the accepted units' texts into the agency's narrative,
each under its unit's name, and never twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from core.access import scoped
from core.periods import Period, PeriodKind
from indicators import services as indicators
from orgs.models import Organization
from plans.models import Plan, PlanStatus, Target
from progress import reporting
from progress.reporting_models import Report, ReportingPeriod, ReportLevel, ReportStatus

NARRATIVE = ("results", "limits", "proposals")


@dataclass
class UnitReport:
    """One unit expected to report to the agency, with its report (None: not started)."""

    unit: Organization
    report: Report | None
    assignments: int = 0
    percent: int | None = None  # the mean of its assignments' last percent done, up to the cut-off
    sessions: int = 0
    figures: list = field(default_factory=list)  # indicators Readings within the unit

    @property
    def accepted(self) -> bool:
        return self.report is not None and self.report.status == ReportStatus.ACCEPTED

    @property
    def state(self) -> str:
        return self.report.get_status_display() if self.report is not None else _("Not started")


@dataclass
class Assembly:
    unit_period: ReportingPeriod | None
    units: list[UnitReport] = field(default_factory=list)
    figures: list = field(default_factory=list)  # the agency's own Readings

    @property
    def accepted(self) -> list[UnitReport]:
        return [row for row in self.units if row.accepted]

    @property
    def missing(self) -> list[UnitReport]:
        return [row for row in self.units if not row.accepted]


def unit_period_of(period: ReportingPeriod) -> ReportingPeriod | None:
    """The units' period matching an agency's (same province, year, kind and half)."""
    return ReportingPeriod.objects.filter(province_id=period.province_id, year=period.year, kind=period.kind,
                                          n=period.n, level=ReportLevel.UNIT).first()


def measure_period(period: ReportingPeriod) -> Period:
    return Period(period.year, PeriodKind(period.kind), period.n)


def agency_targets(agency: Organization, year: int) -> list[Target]:
    """The targets of the agency's issued plans of the year, in the plans' order."""
    plans = Plan.objects.filter(organization=agency, year=year, status=PlanStatus.ISSUED)
    return list(Target.objects.filter(plan__in=plans).select_related("plan")
                .prefetch_related("documents", "plan__basis_documents").order_by("plan_id", "order", "id"))


def assemble(report: Report, material: reporting.Prefill | None = None) -> Assembly | None:
    """The material of an agency's report (None for a unit's report); `material` is the report's
    prefill when the caller has it already."""
    period = report.period
    if period.level != ReportLevel.AGENCY:
        return None
    agency = report.organization
    readings = [indicators.read(target, agency, measure_period(period)) for target in
                agency_targets(agency, period.year)]
    unit_period = unit_period_of(period)
    assembly = Assembly(unit_period, figures=readings)
    if unit_period is None:
        return assembly
    units = [org for org in reporting.expected_organizations(unit_period) if org.path.startswith(agency.path)
             and org.pk != agency.pk]
    reports = {r.organization_id: r for r in Report.objects.filter(
        period=unit_period, organization__in=[u.pk for u in units])}
    # The agency's prefill holds its plan's assignments (with their lead units) and every session below it.
    material = material or reporting.prefill(report)
    by_unit: dict[int, list[int]] = {}
    for assignment, percent, _status in material.assignments:
        by_unit.setdefault(assignment.lead_unit_id, []).append(percent)
    for unit in units:
        percents = by_unit.get(unit.pk, [])
        assembly.units.append(UnitReport(
            unit=unit, report=reports.get(unit.pk), assignments=len(percents),
            percent=round(sum(percents) / len(percents)) if percents else None,
            sessions=sum(1 for s in material.sessions if s.organization.path.startswith(unit.path)),
            figures=[row for reading in readings for row in indicators.drill_down(reading, [unit])],
        ))
    return assembly


def _block(unit: Organization, text: str) -> str:
    return f"{unit.name}:\n{text.strip()}"


def copy_into_narrative(report: Report, *, by, unit: Organization | None = None) -> int:
    """Add each accepted unit's results, limits and causes, and proposals (or only `unit`'s) to the end
    of the agency's own, under the unit's name; a text already there is not added again. Returns how
    many texts were added."""
    assembly = assemble(report)
    if assembly is None:
        raise ValidationError(_("Only an agency's report is assembled from its units' reports."))
    if not scoped(Organization, by, "change").filter(pk=report.organization_id).exists():
        raise PermissionDenied(_("You may not change this report."))
    rows = [row for row in assembly.accepted if unit is None or row.unit.pk == unit.pk]
    if unit is not None and not rows:
        raise ValidationError(_("This unit's report for the period is not accepted yet."))
    texts = {name: getattr(report, name) for name in NARRATIVE}
    added = 0
    for row in rows:
        for name in NARRATIVE:
            source = getattr(row.report, name).strip()
            if not source:
                continue
            block = _block(row.unit, source)
            if block in texts[name]:
                continue
            texts[name] = f"{texts[name].rstrip()}\n\n{block}".strip()
            added += 1
    if added:
        reporting.edit_narrative(report, by=by, **texts)
    return added
