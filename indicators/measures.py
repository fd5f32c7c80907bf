"""How each target kind is computed from the records: plain functions of (organizations, period).

Each returns a `Figure`: the numerator, the denominator (None for a count), the queryset of the records
behind them, and the same two numbers per organization path, so that a value is rolled up the tree
(or drilled down it) without computing again. An organization given counts with everything below it.
The functions are registered in `core.registry.measures` under their `Measure` value
(IndicatorsConfig.ready); a register that later replaces monthly counts registers its own instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Sum

from core.periods import Period
from indicators.models import MONTHLY_RATES, MonthlyCount
from legal.models import LegalDocument
from orgs.models import Organization, OrganizationKind, StaffMember
from plans.models import PUBLISHED, Assignment, AssignmentStatus, Plan, PlanKind
from progress.models import ProgressUpdate
from training.models import StudySession


class Figure:
    """A measure's numbers: the numerator, the denominator (None for a count), the queryset of the records
    behind them, and the same two numbers per organization path (`by_path`: the records that sit exactly
    there), so that a value is rolled up the tree or drilled down it without computing again.

    A measure builds its figure lazily: the records' queryset is ready at once, the numbers are read on
    first use, so a page that shows materialized numbers (indicators.services) still lists the records
    without running the measure's aggregation. `computed_at` is set when the numbers were read from the
    materialized values (when they were computed); None when computed now."""

    def __init__(self, numerator: int = 0, denominator: int | None = None, records: QuerySet | None = None,
                 by_path: dict[str, tuple[int, int | None]] | None = None, *, computed_at=None,
                 rows: Callable[[], Iterable[tuple[str, int, int | None]]] | None = None, count: bool = False):
        self.records = records
        self.computed_at = computed_at
        self._rows = rows
        self._subtotals = None
        if rows is None:
            self._numerator, self._denominator, self._by_path = numerator, denominator, dict(by_path or {})
            self._count = denominator is None
        else:
            self._count = count

    def _load(self) -> None:
        if self._rows is None:
            return
        count, rows, self._rows = self._count, self._rows, None
        by_path: dict[str, tuple[int, int | None]] = {}
        for path, numerator, denominator in rows():
            before_n, before_d = by_path.get(path, (0, None if count else 0))
            by_path[path] = (before_n + (numerator or 0), None if count else (before_d or 0) + (denominator or 0))
        self._by_path = by_path
        self._numerator = sum(n for n, _d in by_path.values())
        self._denominator = None if count else sum(d or 0 for _n, d in by_path.values())

    @property
    def numerator(self) -> int:
        self._load()
        return self._numerator

    @property
    def denominator(self) -> int | None:
        self._load()
        return self._denominator

    @property
    def by_path(self) -> dict[str, tuple[int, int | None]]:
        self._load()
        return self._by_path

    @property
    def is_count(self) -> bool:
        return self._count

    def within(self, organization: Organization) -> tuple[int, int | None]:
        """The figure of `organization` and everything below it (the drill-down's row)."""
        if self._subtotals is None:
            # Each path's numbers added to every organization on it ("/1/5/9/": to /1/, /1/5/ and /1/5/9/), once:
            # a drill-down to a hundred agencies then reads a dictionary instead of scanning every path each time.
            subtotals: dict[str, tuple[int, int]] = {}
            for path, (numerator, denominator) in self.by_path.items():
                prefix = "/"
                for part in path.strip("/").split("/"):
                    prefix += f"{part}/"
                    before_n, before_d = subtotals.get(prefix, (0, 0))
                    subtotals[prefix] = (before_n + numerator, before_d + (denominator or 0))
            self._subtotals = subtotals
        numerator, denominator = self._subtotals.get(organization.path, (0, 0))
        return numerator, None if self.is_count else denominator

    def __repr__(self) -> str:
        return f"Figure({self.numerator}, {self.denominator})"


def _paths(organizations: Sequence[Organization]) -> Q:
    """Organizations in the subtree of one of `organizations` (none: no organization)."""
    query = Q(pk__in=[])
    for organization in organizations:
        query |= Q(path__startswith=organization.path)
    return query


def _under(field_name: str, organizations: Sequence[Organization]) -> Q:
    """Rows whose organization (`field_name`) lies in the subtree of one of `organizations`: the few
    organizations are found by path first, so the records are read through their organization index."""
    return Q(**{f"{field_name}__in": Organization.objects.filter(_paths(organizations)).values("pk")})


def _figure(rows: Callable[[], Iterable[tuple[str, int, int | None]]], records: QuerySet, *,
            count: bool = False) -> Figure:
    """The figure of `rows()` (path, numerator, denominator), read when its numbers are first asked for."""
    return Figure(records=records, rows=rows, count=count)


def staff_study_rate(organizations: Sequence[Organization], period: Period, *,
                     documents: Iterable[LegalDocument] = ()) -> Figure:
    """Of the staff active on the period's cut-off date (its last day), those who attended at least one
    study session within the period on the given documents (any document when none is given)."""
    # The attendance is joined to its session (not matched against a list of sessions): SQLite then reads
    # it through the staff member's index, ~100 ms for 60,000 staff instead of seconds.
    attended = StudySession.attendees.through.objects.filter(
        staffmember_id=OuterRef("pk"), studysession__date__range=(period.start, period.end))
    documents = list(documents)
    if documents:
        attended = attended.filter(studysession__documents__in=documents)
    staff = (StaffMember.objects.filter(_under("organization", organizations)).active_on(period.end)
             .annotate(studied=Exists(attended)))
    rows = (staff.order_by().values("organization__path")
            .annotate(total=Count("pk"), done=Count("pk", filter=Q(studied=True)))
            .values_list("organization__path", "done", "total"))
    # Those who have not studied first: whom the unit still has to reach.
    records = staff.select_related("organization").order_by("studied", "organization__path", "sort_key", "pk")
    return _figure(lambda: rows, records)


def _existing_during(queryset: QuerySet, period: Period) -> QuerySet:
    """Organizations that exist at some time in the period; one merged into another during (or before)
    the period counts once, as its successor."""
    return (queryset.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=period.end))
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=period.start))
            .exclude(successor__isnull=False, valid_to__lte=period.end))


def _issued_annual_plans(period: Period) -> QuerySet:
    return Plan.objects.filter(status__in=PUBLISHED, kind=PlanKind.ANNUAL, year=period.year)


def units_plan_rate(organizations: Sequence[Organization], period: Period, **_options) -> Figure:
    """Of the agencies and units below the given organizations that exist during the period, those that
    issued their annual plan for the period's year (a unit merged into another counts once, as its
    successor, which has issued when either of them has)."""
    below = (Organization.objects.filter(_paths(organizations))
             .exclude(pk__in=[o.pk for o in organizations])
             .filter(kind__in=[OrganizationKind.AGENCY, OrganizationKind.UNIT]))
    counted = _existing_during(below, period)
    issued = _issued_annual_plans(period)
    own = issued.filter(organization=OuterRef("pk"))
    merged_in = issued.filter(organization__successor=OuterRef("pk"),
                              organization__valid_to__range=(period.start, period.end))

    def rows():
        return [(path, int(own_plan or predecessor_plan), 1) for path, own_plan, predecessor_plan in
                counted.annotate(own_plan=Exists(own), predecessor_plan=Exists(merged_in)).order_by()
                .values_list("path", "own_plan", "predecessor_plan")]

    records = (issued.filter(Q(organization__in=counted) | Q(organization__successor__in=counted,
                                                             organization__valid_to__range=(period.start, period.end)))
               .select_related("organization").order_by("organization__path", "-id"))
    return _figure(rows, records)


# Counts only what lies below the given organizations, not themselves: a figure of the tree read for one of its
# organizations leaves that organization's own row out (indicators.services.materialized_figures).
units_plan_rate.below_only = True


def agency_plan_issued_on_time(organizations: Sequence[Organization], period: Period, **_options) -> Figure:
    """Of the agencies among and below the given organizations, those that issued their annual plan for the
    year by the date their superior plan set (any date when it set none)."""
    agencies = _existing_during(
        Organization.objects.filter(_paths(organizations)).filter(kind=OrganizationKind.AGENCY), period)
    on_time = (_issued_annual_plans(period).filter(organization=OuterRef("pk"))
               .filter(Q(parent__lower_plans_due__isnull=True) | Q(date__lte=F("parent__lower_plans_due"))))

    def rows():
        return [(path, int(done), 1) for path, done in
                agencies.annotate(done=Exists(on_time)).order_by().values_list("path", "done")]

    records = (_issued_annual_plans(period).filter(organization__in=agencies)
               .select_related("organization", "parent").order_by("organization__path", "-id"))
    return _figure(rows, records)


def study_sessions_held(organizations: Sequence[Organization], period: Period, *,
                        documents: Iterable[LegalDocument] = ()) -> Figure:
    """The study sessions the given organizations (and those below) held within the period, on the given
    documents (any document when none is given)."""
    sessions = StudySession.objects.filter(_under("organization", organizations),
                                           date__range=(period.start, period.end))
    documents = list(documents)
    if documents:
        sessions = sessions.filter(Exists(StudySession.documents.through.objects.filter(
            studysession_id=OuterRef("pk"), legaldocument__in=documents)))
    rows = (sessions.order_by().values("organization__path").annotate(n=Count("pk"))
            .values_list("organization__path", "n", "n"))
    records = sessions.select_related("organization").order_by("-date", "-id")
    return _figure(lambda: ((path, n, None) for path, n, _n in rows), records, count=True)


def assignments_done_rate(organizations: Sequence[Organization], period: Period, **_options) -> Figure:
    """Of the assignments of the year's issued annual plans led by the given organizations (or those below),
    those whose lead unit has reported them done by the period's last day (a progress report marked done)."""
    assignments = Assignment.objects.filter(
        _under("lead_unit", organizations), plan__status__in=PUBLISHED, plan__kind=PlanKind.ANNUAL,
        plan__year=period.year,
    ).annotate(completed=Exists(ProgressUpdate.objects.filter(
        assignment=OuterRef("pk"), status=AssignmentStatus.DONE, date__lte=period.end)))
    rows = (assignments.order_by().values("lead_unit__path")
            .annotate(total=Count("pk"), done=Count("pk", filter=Q(completed=True)))
            .values_list("lead_unit__path", "done", "total"))
    # Those still open first: what the units have left to do.
    records = assignments.select_related("lead_unit", "plan").order_by("completed", "lead_unit__path", "order", "pk")
    return _figure(lambda: rows, records)


def monthly(kind: str):
    """The measure of a kind entered as monthly counts: the sums over the period's months."""

    def measure(organizations: Sequence[Organization], period: Period, **_options) -> Figure:
        counts = MonthlyCount.objects.filter(_under("organization", organizations), measure=kind,
                                             month__range=(period.start, period.end))
        rows = (counts.order_by().values("organization__path")
                .annotate(n=Sum("numerator"), d=Sum("denominator"))
                .values_list("organization__path", "n", "d"))
        records = counts.select_related("organization").order_by("-month", "organization__path")
        return _figure(lambda: rows, records, count=kind not in MONTHLY_RATES)

    measure.__name__ = f"monthly_{kind}"
    measure.__doc__ = f"{kind}: the sums of its monthly counts within the period."
    return measure
