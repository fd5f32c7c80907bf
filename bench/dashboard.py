"""Speed of the dashboards at province scale; prints one name=value a line.

    <page>_median_ms   median wall time of the request (Django's test client, in-process)
    <page>_p95_ms      95th percentile
    <page>_queries     SQL queries the request runs

Pages: coordinator_dashboard (every agency, most behind first), leader_dashboard (the first department's
leader), unit_inbox (the home page of a division's editor) and completeness (the coordinator's page of
the units' 6-month reports).

The province comes from `danvan make_province` (built when missing: 120 agencies, 1,000 units, 60,000
staff) with bench/measures.py's year of study sessions and monthly counts; a year of reporting periods,
units' and agencies' reports (~85% sent, a fifth of them late) and progress on half the assignments are
added once; the targets' materialized figures are then refreshed as the worker's nightly job does, so the
dashboards read what they read in production. The database is DATABASE_URL, or bench/data/bench.sqlite3.
Run: python bench/dashboard.py
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
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

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.lists import measure  # noqa: E402
from bench.measures import add_records  # noqa: E402
from danvan.province import DEMO_PASSWORD, accounts_of, make_provinces  # noqa: E402
from indicators import services as indicators  # noqa: E402
from orgs.models import Membership, Organization, OrganizationKind, Role  # noqa: E402
from plans.models import Assignment, Plan  # noqa: E402
from progress import reporting  # noqa: E402
from progress.models import ProgressUpdate  # noqa: E402
from progress.reporting_models import Report, ReportLevel  # noqa: E402

LEADER = "bench-leader"


@transaction.atomic
def add_reports(province: Organization, year: int, seed: int) -> None:
    """The year's reporting periods, ~85% of the expected reports (a fifth late), progress on half the
    assignments, and a leader for the first department."""
    users = get_user_model().objects
    coordinator = users.get(username=accounts_of("BENCH")["coordinator"])
    if Report.objects.filter(period__province=province, period__year=year).exists():
        return
    rng = random.Random(seed)
    for period in reporting.ensure_default_periods(province, year, by=coordinator):
        reports = []
        for organization in reporting.expected_organizations(period):
            if rng.random() < 0.15:
                continue
            late = rng.random() < 0.2
            day = period.effective_due + dt.timedelta(days=rng.randint(1, 10) if late else -rng.randint(0, 10))
            receiver = (province if period.level == ReportLevel.AGENCY
                        else Organization.objects.get(pk=int(organization.path.strip("/").split("/")[1])))
            reports.append(Report(period=period, organization=organization, receiver=receiver,
                                  status=rng.choice(["submitted", "accepted", "accepted"]), results="Đã thực hiện",
                                  first_submitted_on=day, submitted_at=timezone.make_aware(
                                      dt.datetime.combine(day, dt.time(9)))))
        Report.objects.bulk_create(reports, batch_size=500)
    assignments = Assignment.objects.filter(plan__organization__path__startswith=province.path, plan__year=year)
    ProgressUpdate.objects.bulk_create([
        ProgressUpdate(assignment_id=pk, date=dt.date(year, rng.randint(1, 11), rng.randint(1, 28)),
                       text="Đã triển khai", percent=(done := rng.random() < 0.5) and 100 or rng.randint(10, 90),
                       status="done" if done else "in_progress")
        for pk in assignments.values_list("pk", flat=True) if rng.random() < 0.5], batch_size=500)


def leader(province: Organization) -> str:
    users = get_user_model().objects
    user = users.filter(username=LEADER).first() or users.create_user(LEADER, f"{LEADER}@danvan.local",
                                                                      DEMO_PASSWORD)
    agency = Organization.objects.filter(parent=province, kind=OrganizationKind.AGENCY).order_by("path").first()
    Membership.objects.get_or_create(user=user, organization=agency, role=Role.LEADER)
    return LEADER


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    built = make_provinces(seed=args.seed)
    if any(b.created for b in built):
        print(f"build_s={time.perf_counter() - start:.1f}")
    province = Organization.objects.get(code="BENCH")
    year = (Plan.objects.filter(organization__parent=province, organization__kind=OrganizationKind.AGENCY)
            .order_by("-year").values_list("year", flat=True).first())
    add_records(province, year, args.seed)
    add_reports(province, year, args.seed)
    # The targets' figures as the worker keeps them (the nightly refresh; changes refresh their own target).
    indicators.refresh_all(since_year=year)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    half = province.reporting_periods.get(year=year, kind="half", level=ReportLevel.UNIT)
    accounts = accounts_of("BENCH")
    pages = [
        ("coordinator_dashboard", accounts["coordinator"], f"{reverse('dashboard:province')}?period={half.pk}"),
        ("leader_dashboard", leader(province), f"{reverse('dashboard:agency')}?year={year}"),
        ("unit_inbox", accounts["unit"], reverse("home")),
        ("completeness", accounts["coordinator"], f"{reverse('progress:completeness')}?period={half.pk}"),
    ]
    users = get_user_model().objects
    for page, username, url in pages:
        client = Client()
        client.force_login(users.get(username=username))
        median, p95, queries = measure(client, url, args.repeat)
        print(f"{page}_median_ms={median:.1f}")
        print(f"{page}_p95_ms={p95:.1f}")
        print(f"{page}_queries={queries}")


if __name__ == "__main__":
    main()
