"""Read a file's text in a child process held to a memory, CPU-time and page limit.

A hostile PDF (Form XObjects nested six deep, each drawing the level below ten times) makes
PDFium build a million objects: gigabytes and minutes for a 3 KB file. Read in the worker
itself, it takes the worker down. Here the child runs `python -m ingest.parser.sandbox FILE`
in a session of its own, and the parent watches it: the resident memory (RSS) and CPU time of
the child and of everything it starts (Tesseract), and the time it takes. Past a limit the
whole session is killed and ExtractionError says which limit. Memory is watched by RSS, not
capped by RLIMIT_AS, because PDFium's and Tesseract's threads reserve address space they never
use. RLIMIT_CPU is set in the child too, a little above the limit, in case the parent is stalled.

Protocol: the child writes one JSON object a line on stdout: {"progress": [done, total]},
then {"text": ...} or {"error": code, "message": ...}.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import selectors
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

from .errors import ErrorCode, ExtractionError

Progress = Callable[[int, int], None]
POLL_SECONDS = 0.05
_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
_TICKS = os.sysconf("SC_CLK_TCK")
_PROJECT_ROOT = str(Path(__file__).resolve().parents[2])


@dataclass(frozen=True)
class Limits:
    memory_mb: int = 1024
    cpu_seconds: int = 120
    wall_seconds: int = 600
    max_pages: int = 300


def _descendants(pid: int) -> list[int]:
    """`pid` and every process below it (from /proc/PID/task/TID/children)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as f:
                    todo.extend(int(child) for child in f.read().split())
        except OSError:
            continue
    return found


def _usage(pid: int) -> tuple[int, float]:
    """(resident bytes, CPU seconds) of `pid` and its descendants, reaped children included."""
    rss, ticks = 0, 0
    for index, process in enumerate(_descendants(pid)):
        try:
            with open(f"/proc/{process}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # Fields after the name: state is [0]; utime, stime, cutime, cstime are [11:15]; rss is [21].
        ticks += int(fields[11]) + int(fields[12])
        if index == 0:
            ticks += int(fields[13]) + int(fields[14])
        rss += int(fields[21]) * _PAGE_SIZE
    return rss, ticks / _TICKS


def _kill(process: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def read_text_limited(path: str | PathLike[str], progress: Progress | None = None, *, limits: Limits) -> str:
    """read_text(path) in a child process; ExtractionError names the limit that stopped it."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [_PROJECT_ROOT, os.environ.get("PYTHONPATH")]))}
    process = subprocess.Popen(
        [sys.executable, "-m", "ingest.parser.sandbox", str(path), str(limits.max_pages)],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env=env, start_new_session=True,
    )
    # Set from here rather than in a preexec_fn, which is unsafe in a threaded worker.
    cpu_cap = limits.cpu_seconds + 5
    with contextlib.suppress(ProcessLookupError):
        resource.prlimit(process.pid, resource.RLIMIT_CPU, (cpu_cap, cpu_cap + 5))
    started = time.monotonic()
    buffer = b""
    outcome: dict | None = None
    watch = selectors.DefaultSelector()
    watch.register(process.stdout, selectors.EVENT_READ)
    try:
        while outcome is None:
            for _key, _events in watch.select(POLL_SECONDS):
                chunk = os.read(process.stdout.fileno(), 1 << 20)
                if not chunk:
                    watch.unregister(process.stdout)
                    break
                buffer += chunk
                *lines, buffer = buffer.split(b"\n")
                for line in lines:
                    message = json.loads(line)
                    if "progress" in message:
                        if progress:
                            progress(*message["progress"])
                    else:
                        outcome = message
            if outcome is not None or not watch.get_map():
                break
            rss, cpu = _usage(process.pid)
            if rss > limits.memory_mb * 1024 * 1024:
                raise ExtractionError(ErrorCode.MEMORY_LIMIT, limit_mb=limits.memory_mb)
            if cpu > limits.cpu_seconds:
                raise ExtractionError(ErrorCode.CPU_LIMIT, limit_s=limits.cpu_seconds)
            if time.monotonic() - started > limits.wall_seconds:
                raise ExtractionError(ErrorCode.TIME_LIMIT, limit_s=limits.wall_seconds)
    finally:
        if outcome is None:
            _kill(process)
        else:
            process.wait()
        watch.close()
        stderr = process.stderr.read().decode("utf-8", errors="replace")
        process.stdout.close()
        process.stderr.close()
    if outcome is None:
        if process.returncode == -signal.SIGXCPU:  # RLIMIT_CPU, had the parent not looked in time
            raise ExtractionError(ErrorCode.CPU_LIMIT, limit_s=limits.cpu_seconds)
        if process.returncode == -signal.SIGKILL:  # the kernel's OOM killer
            raise ExtractionError(ErrorCode.MEMORY_LIMIT, limit_mb=limits.memory_mb)
        detail = stderr.strip().splitlines()[-1][:200] if stderr.strip() else f"mã {process.returncode}"
        raise ExtractionError(ErrorCode.READER_CRASHED, detail=detail)
    if "error" in outcome:
        raise ExtractionError(ErrorCode(outcome["error"]), outcome["message"])
    return outcome["text"]


def main(argv: list[str]) -> int:
    from .readers import read_text

    path, max_pages = argv[0], int(argv[1])

    def say(message: dict) -> None:
        sys.stdout.write(json.dumps(message, ensure_ascii=False) + "\n")
        sys.stdout.flush()

    try:
        text = read_text(path, lambda done, total: say({"progress": [done, total]}), max_pages=max_pages)
    except ExtractionError as e:
        say({"error": str(e.code), "message": e.message_vi})
        return 0
    say({"text": text})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
