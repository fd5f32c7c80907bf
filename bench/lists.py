"""Time of every list page at province scale; prints one name=value a line.

    <page>_<role>_median_ms   median wall time of the request (Django's test client, in-process)
    <page>_<role>_p95_ms      95th percentile
    <page>_<role>_queries     SQL queries the request runs

Roles: the generated province's coordinator, the focal office of its first department and a
division's editor (danvan.province.accounts_of). The database is DATABASE_URL, or
bench/data/bench.sqlite3; the province is built first when missing (`--provinces 5` adds four
more: a province's pages should cost the same). Run: python bench/lists.py [--provinces 5]
"""

from __future__ import annotations

import argparse
import os
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

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from bench.pages import list_pages  # noqa: E402
from danvan.province import accounts_of, make_provinces  # noqa: E402

ROLES = ("coordinator", "focal", "unit")



EXPORTS = {
    "organization_export": "orgs:organization_export",
    "plan_export": "plans:plan_export",
    "assignment_export": "plans:assignment_export",
    "legal_export": "legal:document_export",
}


def measure(client: Client, url: str, repeat: int) -> tuple[float, float, int]:
    client.get(url)  # warm-up
    captured = []
    with connection.execute_wrapper(lambda execute, sql, *rest: captured.append(sql) or execute(sql, *rest)):
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))], len(captured)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--provinces", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--exports", action="store_true", help="Also time the .xlsx exports (not the staff one).")
    parser.add_argument("--pages", default="", help="Only these pages (comma-separated names), e.g. staff_list.")
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    built = make_provinces(seed=args.seed, provinces=args.provinces)
    if connection.vendor == "postgresql":
        # Fresh statistics, as autovacuum gives a live database: right after the bulk inserts the planner
        # still sees the tables empty (the coordinator's roster then sorted 60,000 rows: 80 ms, not 0.3).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    if any(b.created for b in built):
        print(f"build_s={time.perf_counter() - start:.1f}")
    users = get_user_model().objects
    for role in ROLES:
        user = users.get(username=accounts_of("BENCH")[role])
        urls = list_pages(args.pages, user)
        if args.exports:
            urls.update({name: reverse(url_name) for name, url_name in EXPORTS.items()})
        client = Client()
        client.force_login(user)
        for page, url in urls.items():
            median, p95, queries = measure(client, url, args.repeat)
            print(f"{page}_{role}_median_ms={median:.1f}")
            print(f"{page}_{role}_p95_ms={p95:.1f}")
            print(f"{page}_{role}_queries={queries}")


if __name__ == "__main__":
    main()
