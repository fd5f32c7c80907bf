"""The figures of the two dashboards, read in a fixed number of queries however many agencies.

- The leader's page (one agency): its plan's targets with their current value, goal and status, beside
  last year's plan's target of the same measure (value, goal, status): the comparison a leader asks
  for ("did we do better than last year on what we set out to do?"); its late assignments; the year's
  reports (its units' to it, with completeness and timeliness; its own to the province).
- The coordinator's page (every agency the user sees): plan status, completeness and timeliness of one
  reporting period, the share of targets met; the agencies most behind first.

Targets are read through indicators.services with figures computed once per measure for all the
agencies (`Figure.within` splits them), so a page costs the same for 1 or 120 agencies.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.text import capfirst

from core import registry
from core.access import scoped
from core.periods import Period, PeriodKind
from indicators import services as indicators
from indicators.measures import Figure
from indicators.services import STUDY_MEASURES, Reading, Status
from orgs.models import Organization, OrganizationKind
from plans.models import Assignment, AssignmentStatus, Measure, Plan, PlanKind, PlanStatus, Target
from progress import reporting
from progress.reporting_models import Report, ReportingPeriod, ReportLevel

BEHIND = (Status.AT_RISK, Status.MISSED)
MEASURED = (Status.MET, Status.MISSED, Status.AT_RISK, Status.ON_TRACK)


def visible_agencies(user) -> list[Organization]:
    """The agencies whose own node `user` may view: the province's for the coordinator, their own for an
    agency's focal office, leader or inspector, none for a unit's editor or a viewer."""
    return list(scoped(Organization, user, "view").filter(kind=OrganizationKind.AGENCY).order_by("path"))


def existing_in(agencies: Sequence[Organization], year: int) -> list[Organization]:
    """The agencies that existed at some time in `year`: one merged into another before it began (Sở GTVT
    into Sở Xây dựng) is no longer expected to plan, report, receive citizens or hold a conference."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return [agency for agency in agencies if (agency.valid_from is None or agency.valid_from <= last)
            and (agency.valid_to is None or agency.valid_to >= first)]


def current_plans(agencies: Sequence[Organization], *years: int) -> dict[tuple[int, int], Plan]:
    """Each agency's annual plan of each of `years` (the newest revision that is not replaced), by
    (agency id, year)."""
    plans: dict[tuple[int, int], Plan] = {}
    for plan in (Plan.objects.filter(organization__in=[a.pk for a in agencies], year__in=years,
                                     kind=PlanKind.ANNUAL)
                 .exclude(status=PlanStatus.REPLACED).order_by("organization_id", "year", "-pk")):
        plans.setdefault((plan.organization_id, plan.year), plan)
    return plans


TARGET_FIELDS = ("plan", "order", "text", "kind", "comparator", "target_value", "unit_of_measure", "grade",
                 "measure")


def _targets(plans: Sequence[Plan]) -> list[Target]:
    """The plans' targets, each with `cited` (the ids of the documents it counts: its own, else its plan's
    legal basis), read as two lists of ids rather than prefetched objects (a province has hundreds)."""
    plan_ids = [p.pk for p in plans]
    targets = list(Target.objects.filter(plan__in=plan_ids).select_related("plan")
                   .only(*TARGET_FIELDS, "plan__year", "plan__organization_id").order_by("plan_id", "order", "id"))
    own: dict[int, list[int]] = {}
    for target_id, document_id in Target.documents.through.objects.filter(
            target__plan__in=plan_ids).values_list("target_id", "legaldocument_id"):
        own.setdefault(target_id, []).append(document_id)
    basis: dict[int, list[int]] = {}
    for plan_id, document_id in Plan.basis_documents.through.objects.filter(
            plan__in=plan_ids).values_list("plan_id", "legaldocument_id"):
        basis.setdefault(plan_id, []).append(document_id)
    for target in targets:
        target.cited = sorted(own.get(target.pk) or basis.get(target.plan_id, []))
    return targets


# Above this many agencies a subtree measure is computed for their provinces. The measures that leave the
# given organizations' own nodes out (units' plans: the units and agencies *below*) keep the agencies.
MANY = 10
OWN_NODE_LEFT_OUT = {Measure.UNITS_PLAN_RATE}


def provinces_of(organizations: Sequence[Organization]) -> list[Organization]:
    ids = {int(o.path.strip("/").split("/")[0]) for o in organizations}
    return list(Organization.objects.filter(pk__in=ids))


def split(figure: Figure, owners: dict[int, Organization]) -> dict[int, tuple[int, int | None]]:
    """`figure.within(owner)` for every owner at once: each path is read once (not once per owner)."""
    sums: dict[int, tuple[int, int | None]] = {}
    for path, (numerator, denominator) in figure.by_path.items():
        for part in path.strip("/").split("/"):
            if part and int(part) in owners:
                n, d = sums.get(int(part), (0, None if figure.is_count else 0))
                sums[int(part)] = (n + numerator, None if figure.is_count else d + (denominator or 0))
    return sums


def read_targets(targets: Sequence[Target], owners: dict[int, Organization], period_of,
                 today: dt.date | None = None) -> dict[int, Reading]:
    """The reading of each target for its plan's organization (`owners` by plan organization id), one
    measure query per measure (per cited documents for a study measure) and period, whatever the number
    of agencies."""
    # Fresh materialized figures first (#11's worker keeps them); only the others are computed here.
    figures: dict[int, Figure] = indicators.stored_figures(targets, period_of)
    groups: dict[tuple, tuple[list, list[Target]]] = {}
    for target in targets:
        if target.pk in figures:
            continue
        measure = registry.measures.get(target.measure) if target.measure else None
        if measure is None:
            continue
        documents = target.cited
        docs_key = tuple(documents) if target.measure in STUDY_MEASURES else ()
        key = (target.measure, docs_key, period_of(target))
        groups.setdefault(key, (documents, []))[1].append(target)
    for (measure_key, _docs, period), (documents, members) in groups.items():
        organizations = list({t.plan.organization_id: owners[t.plan.organization_id] for t in members}.values())
        if len(organizations) > MANY and measure_key not in OWN_NODE_LEFT_OUT:
            # Many agencies: their provinces, one path filter each instead of one per agency (the figure
            # is split by path all the same).
            organizations = provinces_of(organizations)
        figure = registry.measures.get(measure_key)(organizations, period, documents=documents)
        sums, empty, none = split(figure, owners), (0, None if figure.is_count else 0), figure.records.none()
        for target in members:
            figures[target.pk] = Figure(*sums.get(target.plan.organization_id, empty), none)
    readings = {}
    for target in targets:
        owner = owners[target.plan.organization_id]
        figure = figures.get(target.pk)
        if figure is None and target.measure and registry.measures.get(target.measure) is not None:
            continue
        readings[target.pk] = indicators.read(target, owner, period_of(target), today=today, figure=figure,
                                             materialized=False)
    return readings


def _year(target: Target) -> Period:
    return _year_period(target.plan.year)


@functools.lru_cache(maxsize=32)
def _year_period(year: int) -> Period:
    return Period(year, PeriodKind.YEAR)


# ---------------------------------------------------------------- the leader's page

@dataclass
class TargetRow:
    reading: Reading
    last: Reading | None = None

    @property
    def target(self) -> Target:
        return self.reading.target


@dataclass
class ReportRow:
    """One reporting period of the year, as the agency sees it."""

    period: ReportingPeriod
    completeness: reporting.Completeness | None = None  # its units' reports (unit level)
    own: Report | None = None  # its own report (agency level)

    @property
    def is_units(self) -> bool:
        return self.period.level == ReportLevel.UNIT


@dataclass
class AgencyPage:
    agency: Organization
    year: int
    plan: Plan | None
    last_plan: Plan | None
    targets: list[TargetRow] = field(default_factory=list)
    late: list[Assignment] = field(default_factory=list)
    reports: list[ReportRow] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for row in self.targets if row.reading.status == status)

    @property
    def status_counts(self) -> list[tuple[str, str, int, int]]:
        """(status, label, this year, last year) for the chart and its table."""
        last = [row.last for row in self.targets if row.last is not None]
        # A heading, so capitalised (the label is also read inside sentences: "chưa có dữ liệu").
        return [(status.value, capfirst(status.label), self.count(status), sum(1 for r in last if r.status == status))
                for status in (Status.MET, Status.ON_TRACK, Status.AT_RISK, Status.MISSED, Status.NO_DATA)]


def plan_years(agency: Organization) -> list[int]:
    return sorted(set(Plan.objects.filter(organization=agency, kind=PlanKind.ANNUAL)
                      .values_list("year", flat=True)), reverse=True)


def agency_page(agency: Organization, year: int, user, *, today: dt.date | None = None) -> AgencyPage:
    today = today or timezone.localdate()
    plans = current_plans([agency], year, year - 1)
    page = AgencyPage(agency, year, plans.get((agency.pk, year)), plans.get((agency.pk, year - 1)))
    plans_read = [p for p in (page.plan, page.last_plan) if p is not None]
    targets = _targets(plans_read)
    readings = read_targets(targets, {agency.pk: agency}, _year, today=today)
    current = [t for t in targets if page.plan and t.plan_id == page.plan.pk]
    previous = {}
    for target in targets:
        if page.last_plan and target.plan_id == page.last_plan.pk and target.measure:
            previous.setdefault((target.measure, target.kind), readings.get(target.pk))
    page.targets = [TargetRow(readings[t.pk], previous.get((t.measure, t.kind)) if t.measure else None)
                    for t in current if t.pk in readings]
    if page.plan is not None:
        open_assignments = (Assignment.objects.filter(plan=page.plan).exclude(status=AssignmentStatus.DONE)
                            .select_related("lead_unit", "plan").order_by("due_date", "order", "pk"))
        page.late = [a for a in open_assignments if a.is_overdue(today)]
    page.reports = agency_reports(agency, year)
    return page


def agency_reports(agency: Organization, year: int) -> list[ReportRow]:
    """The year's reporting periods: for the units' reports, the agency's completeness (every unit of the
    agency is in the reach of whoever may open its page); for the agency's report, its own report."""
    province_path = "/" + agency.path.strip("/").split("/")[0] + "/"
    periods = list(ReportingPeriod.objects.filter(province__path=province_path, year=year)
                   .select_related("province").order_by("due_date", "level"))
    own = {report.period_id: report for report in Report.objects.filter(
        period__in=[p.pk for p in periods], organization=agency)}
    rows = []
    for period in periods:
        row = ReportRow(period, own=own.get(period.pk))
        if row.is_units:
            agencies_rows, _total = reporting.completeness(period, within=agency)
            row.completeness = next((r for r in agencies_rows if r.organization.pk == agency.pk),
                                    reporting.Completeness(agency, [], {}, period.effective_due))
        rows.append(row)
    return rows


# ---------------------------------------------------------------- the coordinator's page

@dataclass
class AgencyRow:
    agency: Organization
    plan: Plan | None
    readings: list[Reading] = field(default_factory=list)
    completeness: reporting.Completeness | None = None

    def _count(self, statuses) -> int:
        return sum(1 for r in self.readings if r.status in statuses)

    @functools.cached_property
    def measured(self) -> int:
        return self._count(MEASURED)

    @functools.cached_property
    def met(self) -> int:
        return self._count((Status.MET,))

    @functools.cached_property
    def behind(self) -> int:
        return self._count(BEHIND)

    def _share(self, count: int) -> float | None:
        return round(100 * count / self.measured, 1) if self.measured else None

    @property
    def met_share(self) -> float | None:
        return self._share(self.met)

    @property
    def behind_share(self) -> float | None:
        return self._share(self.behind)

    @functools.cached_property
    def plan_status(self) -> str:
        # The choice's label directly (get_status_display builds the choices' dict at each call).
        return str(PlanStatus(self.plan.status).label) if self.plan else ""

    @property
    def expected(self) -> int | None:
        return self.completeness.expected_count if self.completeness else None

    @property
    def missing(self) -> int:
        return len(self.completeness.missing) if self.completeness else 0

    @property
    def sort_key(self):
        """Most behind first: the share of targets at risk or missed, then the missing reports."""
        return (-(self.behind_share or 0), -self.missing, self.agency.path)


def province_rows(agencies: Sequence[Organization], period: ReportingPeriod | None, year: int,
                  *, today: dt.date | None = None) -> list[AgencyRow]:
    plans = {agency_pk: plan for (agency_pk, _year), plan in current_plans(agencies, year).items()}
    owners = {a.pk: a for a in agencies}
    readings = read_targets(_targets(list(plans.values())), owners, _year, today=today)
    by_agency: dict[int, list[Reading]] = {}
    for reading in readings.values():
        by_agency.setdefault(reading.organization.pk, []).append(reading)
    rows = {a.pk: AgencyRow(a, plans.get(a.pk), by_agency.get(a.pk, [])) for a in agencies}
    if period is not None:
        # Unscoped: only the rows of the agencies the user sees are kept, and whoever sees an agency's node
        # sees all its units (agency reach or wider).
        completeness_rows, total = reporting.completeness(period)
        if period.level == ReportLevel.AGENCY:
            for agency_pk, row in rows.items():
                expected = [org for org in total.expected if org.pk == agency_pk]
                row.completeness = reporting.Completeness(row.agency, expected, total.submitted_on, total.due)
        else:
            for completeness_row in completeness_rows:
                if completeness_row.organization.pk in rows:
                    rows[completeness_row.organization.pk].completeness = completeness_row
    return sorted(rows.values(), key=lambda row: row.sort_key)

