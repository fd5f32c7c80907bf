"""Requests per second of the list pages under gunicorn, against a bare Django view in the same run.

    bare_rps                 /bench/bare/: 25 staff rows through one template, no middleware
    <page>_<role>_rps        a list page, as the province's coordinator, focal office or unit editor
    <page>_<role>_ratio      its rps ÷ the bare view's, measured right before and right after it (aim: ≥ 0.30)

On a shared virtual machine the bare view's own rate swings by 2× within minutes, so it is measured
between every two pages and each ratio divides by the mean of its two neighbours (the bare view's rate
while the page ran, as well as two measurements tell it); bare_rps is their median.

gunicorn runs bench.wsgi (the site with production settings: DANVAN_ENV=production, DEBUG off,
a SECRET_KEY, ALLOWED_HOSTS, static files collected) with 4 workers; the load comes from wrk
(Debian: apt-get install -y wrk), 32 connections. The database is DATABASE_URL or
bench/data/bench.sqlite3, with the province bench/lists.py builds (built here when missing).
Run: python bench/throughput.py [--duration 5] [--roles focal,coordinator,unit] [--pages staff_list,plans]
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data"
DATA.mkdir(exist_ok=True)  # ignored by git: missing on a fresh clone
sys.path.insert(0, str(ROOT))
ENV = {
    "DJANGO_SETTINGS_MODULE": "bench.settings",
    "DANVAN_ENV": "production",
    "DEBUG": "false",
    "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(48),
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "STATIC_ROOT": str(DATA / "static"),
    "DATABASE_URL": os.environ.get("DATABASE_URL", f"sqlite:///{DATA / 'bench.sqlite3'}"),
}
os.environ.update(ENV)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from bench.pages import role_pages  # noqa: E402
from danvan.province import accounts_of, make_provinces  # noqa: E402


def session_cookie(username: str) -> str:
    user = get_user_model().objects.get(username=username)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def rps(url: str, *, duration: int, connections: int, cookie: str | None = None) -> float:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    out = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    if "Socket errors" in out:
        print(f"# {url}: {re.search(r'Socket errors:.*', out).group(0)}", file=sys.stderr)
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if bad:
        raise RuntimeError(f"{url}: {bad.group(1)} responses were errors")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def prepare(seed: int) -> None:
    """The database with the province (built when missing) and the collected static files the site serves."""
    call_command("migrate", verbosity=0)
    make_provinces(seed=seed)
    if connection.vendor == "postgresql":
        # Fresh statistics, as autovacuum gives a live database: right after the bulk inserts the planner
        # still sees the tables empty (the coordinator's roster then sorted 60,000 rows: 80 ms, not 0.3).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    call_command("collectstatic", interactive=False, verbosity=0)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=int, default=5, help="Seconds of load per page.")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--roles", default="coordinator,focal,unit")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pages", default="", help="Only these pages (comma-separated names), e.g. staff_list.")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install -y wrk")
    prepare(args.seed)
    pages = role_pages(args.roles, args.pages)
    cookies = {role: session_cookie(accounts_of("BENCH")[role]) for role in args.roles.split(",")}

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "bench.wsgi:application", "-w", str(args.workers),
         "-b", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=ROOT, env={**os.environ, **ENV},
    )
    try:
        wait_for(port)
        base = f"http://127.0.0.1:{port}"
        first = pages[next(iter(cookies))]
        for url in [f"{base}/bench/bare/", *(f"{base}{p}" for p in first.values())]:  # warm every worker
            rps(url, duration=1, connections=8, cookie=next(iter(cookies.values())))
        # wrk leaves requests queued at the workers when it stops: let them drain before measuring.
        time.sleep(3)
        def bare() -> float:
            value = rps(f"{base}/bench/bare/", duration=args.duration, connections=args.connections)
            if not value:
                sys.exit("the bare view answered nothing in time (a loaded machine?): run again")
            return value

        bares = [bare()]
        for role, cookie in cookies.items():
            for name, path in pages[role].items():
                value = rps(f"{base}{path}", duration=args.duration, connections=args.connections, cookie=cookie)
                bares.append(bare())
                print(f"{name}_{role}_rps={value:.0f}")
                print(f"{name}_{role}_ratio={value / statistics.mean(bares[-2:]):.2f}", flush=True)
        print(f"bare_rps={statistics.median(bares):.0f}")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
