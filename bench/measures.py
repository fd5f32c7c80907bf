"""Speed of the measures at province scale; prints one name=value a line.

    measures_plan_ms / _queries      all targets of an agency's plan, for the agency (median), read from
                                     the materialized figures (indicators.services.readings)
    measures_province_ms / _queries  the province plan's target of staff who studied, for all the province's
                                     agencies: one figure for the province, drilled down to each agency,
                                     read from the materialized figures (what the target's page does)
    measures_sql_ratio               time of that materialized read over one hand-written SQL query computing
                                     the same province-wide figure (the test of the limit: under 2)
    *_live_ms / _live_queries, measures_sql_ratio_live
                                     the same computed on demand (the fallback when the figures are stale)
    measures_refresh_ms              the worker refreshing the province's target (8 periods, every organization)
    measures_refresh_all_s           the nightly refresh of every measured target of the year's plans

The province comes from `danvan make_province` (built when missing: 120 agencies, 1,000 units, 60,000
staff); a year of study sessions (one an agency a quarter, ~85% of staff attending) and monthly counts
are added once. The database is DATABASE_URL, or bench/data/bench.sqlite3. Run: python bench/measures.py
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
(ROOT / "bench" / "data").mkdir(exist_ok=True)  # ignored by git: missing on a fresh clone
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'bench' / 'data' / 'bench.sqlite3'}")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from core.periods import Period, PeriodKind  # noqa: E402
from danvan.province import make_provinces  # noqa: E402
from indicators import measures, services  # noqa: E402
from indicators.models import MonthlyCount  # noqa: E402
from orgs.models import Organization, OrganizationKind, StaffMember  # noqa: E402
from plans.models import Measure, Plan, Target  # noqa: E402
from training.models import StudySession  # noqa: E402

TITLE = "Học tập, quán triệt (bench)"
SQL = """
SELECT COUNT(*), COALESCE(SUM(CASE WHEN EXISTS (
    SELECT 1 FROM training_studysession_attendees a
    JOIN training_studysession s ON s.id = a.studysession_id
    WHERE a.staffmember_id = m.id AND s.date BETWEEN %s AND %s) THEN 1 ELSE 0 END), 0)
FROM orgs_staffmember m JOIN orgs_organization o ON o.id = m.organization_id
WHERE o.path LIKE %s AND (m.active_from IS NULL OR m.active_from <= %s) AND (m.active_to IS NULL OR m.active_to >= %s)
"""


@transaction.atomic
def add_records(province: Organization, year: int, seed: int) -> None:
    if StudySession.objects.filter(organization__path__startswith=province.path, title=TITLE).exists():
        return
    rng = random.Random(seed)
    agencies = list(Organization.objects.filter(parent=province, kind=OrganizationKind.AGENCY))
    attendance = StudySession.attendees.through
    for agency in agencies:
        staff = list(StaffMember.objects.filter(organization__path__startswith=agency.path).values_list("pk",
                                                                                                     flat=True))
        for quarter in range(4):
            session = StudySession.objects.create(organization=agency, date=dt.date(year, 3 * quarter + 2, 10),
                                                  title=TITLE)
            attendance.objects.bulk_create([attendance(studysession_id=session.pk, staffmember_id=pk)
                                            for pk in staff if rng.random() < 0.85 / (quarter + 1)])
        MonthlyCount.objects.bulk_create([
            MonthlyCount(organization=agency, month=dt.date(year, month, 1), measure=kind,
                         numerator=(n := rng.randint(20, 60)) - rng.randint(0, 6), denominator=n)
            for month in range(1, 13) for kind in ("dossiers_on_time_rate", "satisfaction_rate")])


@transaction.atomic
def cite_basis(province: Organization, target: Target) -> None:
    """The bench's sessions study the documents the province's study target cites, so that it counts them as the
    hand-written SQL (which ignores documents) does. Once."""
    sessions = StudySession.objects.filter(organization__path__startswith=province.path, title=TITLE,
                                           documents=None)
    through = StudySession.documents.through
    through.objects.bulk_create([through(studysession_id=pk, legaldocument_id=document.pk)
                                 for pk in sessions.values_list("pk", flat=True)
                                 for document in services.documents_of(target)])


def timed(fn, repeat: int) -> tuple[float, int]:
    fn()
    captured = []
    with connection.execute_wrapper(lambda execute, sql, *rest: captured.append(sql) or execute(sql, *rest)):
        fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), len(captured)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    built = make_provinces(seed=args.seed)
    if any(b.created for b in built):
        print(f"build_s={time.perf_counter() - start:.1f}")
    province = Organization.objects.get(code="BENCH")
    plan = (Plan.objects.filter(organization__parent=province, organization__kind=OrganizationKind.AGENCY)
            .exclude(targets=None).order_by("-year", "pk").first())
    year = plan.year
    add_records(province, year, args.seed)
    # Fresh statistics, as autovacuum gives a live database: right after bulk inserts PostgreSQL's planner
    # still sees the tables empty and picks a plan that takes seconds.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    period = Period(year, PeriodKind.YEAR)
    province_target = (Target.objects.filter(plan__organization=province, plan__year=year,
                                             measure=Measure.STAFF_STUDY_RATE)
                       .select_related("plan__organization").prefetch_related("documents", "plan__basis_documents")
                       .order_by("pk").first())
    cite_basis(province, province_target)
    targets = list(plan.targets.select_related("plan__organization")
                   .prefetch_related("documents", "plan__basis_documents"))
    start = time.perf_counter()
    services.refresh_all(since_year=year)
    refresh_all_s = time.perf_counter() - start
    # Again: the materialized figures were just inserted.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    def plan_readings():
        return services.readings(targets, plan.organization, period)

    def plan_readings_live():
        return [services.read(target, plan.organization, period, materialized=False) for target in targets]

    agencies = list(Organization.objects.filter(parent=province, kind=OrganizationKind.AGENCY))

    def province_readings():
        reading = services.read(province_target, province, period)
        assert reading.computed_at is not None, "the province's target is not materialized"
        return services.drill_down(reading, agencies)

    def province_readings_live():
        figure = measures.staff_study_rate([province], period)
        return [figure.within(agency) for agency in agencies]

    def materialized():
        figure = services.read(province_target, province, period).figure
        return figure.numerator, figure.denominator

    def orm():
        figure = measures.staff_study_rate([province], period)
        return figure.numerator, figure.denominator

    def sql():
        with connection.cursor() as cursor:
            cursor.execute(SQL, [period.start, period.end, f"{province.path}%", period.end, period.end])
            total, done = cursor.fetchone()
        return done, total

    assert orm() == sql() == materialized(), (orm(), sql(), materialized())
    assert [(r.numerator, r.denominator) for r in plan_readings()] == \
        [(r.numerator, r.denominator) for r in plan_readings_live()]
    for name, fn in (("measures_plan", plan_readings), ("measures_plan_live", plan_readings_live),
                     ("measures_province", province_readings), ("measures_province_live", province_readings_live)):
        median, queries = timed(fn, args.repeat)
        print(f"{name}_ms={median:.1f}")
        print(f"{name}_queries={queries}")
    sql_ms, _ = timed(sql, args.repeat)
    materialized_ms, _ = timed(materialized, args.repeat)
    orm_ms, _ = timed(orm, args.repeat)
    print(f"measures_sql_ratio={materialized_ms / sql_ms:.2f}")
    print(f"measures_sql_ratio_live={orm_ms / sql_ms:.2f}")
    refresh_ms, _ = timed(lambda: services.refresh(province_target), 3)
    print(f"measures_refresh_ms={refresh_ms:.0f}")
    print(f"measures_refresh_all_s={refresh_all_s:.1f}")


if __name__ == "__main__":
    main()
