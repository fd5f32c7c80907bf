"""CPU time of one request to each list page, in-process through bench/wsgi.py, beside the bare view's.

    bare_cpu_ms                  /bench/bare/ (no middleware: bench/wsgi.py)
    <page>_<role>_cpu_ms         a list page as the province's coordinator, focal office or unit editor
    <page>_<role>_cpu_ratio      the bare view's CPU time ÷ its own, the two requests taken in turn
                                 (a shared machine's speed drifts): what bench/throughput.py's
                                 ratio tends to when the workers have the cores to themselves
    <page>_<role>_queries        SQL queries the request runs

The same site as bench/throughput.py (production settings, the province it builds); each figure is
the first quartile of the process's CPU time over `--repeat` requests after three warm-up ones, so
other jobs on a shared machine move it far less than they move requests per second. With
`--profile role:page` it prints cProfile's view of that page instead.
Run: python bench/cpu.py [--repeat 20] [--roles coordinator,focal,unit] [--pages staff_list,plans]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import statistics
import sys
import time

from django.db import connection
from throughput import ENV, prepare, session_cookie  # bench/throughput.py: sets up Django first

import bench.wsgi
from bench.pages import role_pages
from danvan.province import accounts_of


def call(path: str, cookie: str | None) -> None:
    environ = {
        "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": "", "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80", "HTTP_HOST": "127.0.0.1", "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": "127.0.0.1",
        "wsgi.input": io.BytesIO(), "wsgi.errors": sys.stderr, "wsgi.url_scheme": "http", "wsgi.version": (1, 0),
        "wsgi.multithread": False, "wsgi.multiprocess": True, "wsgi.run_once": False,
    }
    if cookie:
        environ["HTTP_COOKIE"] = cookie
    statuses = []
    b"".join(bench.wsgi.application(environ, lambda status, headers, exc_info=None: statuses.append(status)))
    if not statuses[0].startswith("200"):
        raise RuntimeError(f"{path}: {statuses[0]}")


def cpu_ms(path: str, cookie: str | None) -> float:
    start = time.process_time()
    call(path, cookie)
    return (time.process_time() - start) * 1000


def measure(path: str, cookie: str | None, repeat: int) -> tuple[float, float, int]:
    """(the page's CPU ms, the bare view's CPU ms in the same stretch, queries): first quartiles."""
    for _ in range(3):
        call(path, cookie)
    times, bares = [], []
    for _ in range(repeat):
        bares.append(cpu_ms("/bench/bare/", None))
        times.append(cpu_ms(path, cookie))
    times.sort()
    bares.sort()
    queries = []
    with connection.execute_wrapper(lambda execute, sql, *rest: queries.append(sql) or execute(sql, *rest)):
        call(path, cookie)
    return times[len(times) // 4], bares[len(bares) // 4], len(queries)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--roles", default="coordinator,focal,unit")
    parser.add_argument("--pages", default="", help="Only these pages (comma-separated names).")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--profile", default="", help="role:page — print cProfile's view of that page.")
    args = parser.parse_args()
    assert ENV["DANVAN_ENV"] == "production"
    prepare(args.seed)
    pages = role_pages(args.roles, args.pages)
    cookies = {role: session_cookie(accounts_of("BENCH")[role]) for role in args.roles.split(",")}
    if args.profile:
        role, page = args.profile.split(":")
        call(pages[role][page], cookies[role])
        profile = cProfile.Profile()
        profile.runcall(lambda: [call(pages[role][page], cookies[role]) for _ in range(args.repeat)])
        pstats.Stats(profile).sort_stats("cumulative").print_stats(60)
        return
    bares = []
    for role, cookie in cookies.items():
        for name, path in pages[role].items():
            cpu, bare, queries = measure(path, cookie, args.repeat)
            bares.append(bare)
            print(f"{name}_{role}_cpu_ms={cpu:.2f}")
            print(f"{name}_{role}_cpu_ratio={bare / cpu:.2f}")
            print(f"{name}_{role}_queries={queries}", flush=True)
    print(f"bare_cpu_ms={statistics.median(bares):.2f}")


if __name__ == "__main__":
    main()
