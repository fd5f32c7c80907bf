"""Periodic jobs: apps declare them, `danvan scheduler` enqueues each one when it is due.

An app marks a django-tasks task in its `tasks.py`:

    @periodic("clear-sessions", every=timedelta(days=1))
    @task()
    def clear_sessions() -> None: ...

`every` counts periods from 01/01/2000 00:00 local time (daily jobs fall due at midnight,
hourly ones on the hour); a cron string ("30 2 * * *", local time) is read by cronsim.
A job's *due time* is the latest start of its period at or before now. A scheduler pass
claims each due time in the database cache (`CACHES["scheduler"]`) with `add`, which
only one process can win (the key is the table's primary key), and enqueues the task in
the same transaction: two schedulers never enqueue the same due time twice, and a failed
enqueue releases the claim for the next pass. Missed due times (scheduler stopped) are
not replayed: the next pass enqueues the job once.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from cronsim import CronSim, CronSimError
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules
from django_tasks.base import Task

logger = logging.getLogger(__name__)

CACHE_ALIAS = "scheduler"
# Claims outlive their period by this much, so a slow pass near the boundary still sees them.
CLAIM_MARGIN = timedelta(hours=1)


@dataclass(frozen=True)
class Job:
    name: str
    task: Task
    schedule: timedelta | str

    def due_time(self, now: datetime) -> datetime:
        """The latest time at or before `now` when the job fell due (local time)."""
        now = timezone.localtime(now)
        if isinstance(self.schedule, timedelta):
            return now - (now - _anchor()) % self.schedule
        # cronsim's reverse walk starts strictly before its argument.
        return next(CronSim(self.schedule, now.replace(microsecond=0) + timedelta(seconds=1), reverse=True))

    def next_due_time(self, now: datetime) -> datetime:
        now = timezone.localtime(now)
        if isinstance(self.schedule, timedelta):
            return self.due_time(now) + self.schedule
        return next(CronSim(self.schedule, now))

    def describe(self) -> str:
        if isinstance(self.schedule, timedelta):
            return f"every {self.schedule}"
        return f"cron {self.schedule!r}"


@dataclass(frozen=True)
class LastRun:
    due: datetime
    enqueued_at: datetime
    result_id: str


JOBS: dict[str, Job] = {}


def periodic(name: str, *, every: timedelta | str):
    """Declare a django-tasks task as a periodic job (decorator, above `@task()`)."""
    if isinstance(every, timedelta):
        if every <= timedelta(0):
            raise ImproperlyConfigured(f"Periodic job {name!r}: the period must be positive.")
    else:
        try:
            CronSim(every, timezone.now())
        except CronSimError as exc:
            raise ImproperlyConfigured(f"Periodic job {name!r}: bad cron expression {every!r}.") from exc

    def register(task: Task) -> Task:
        if not isinstance(task, Task):
            raise ImproperlyConfigured(f"Periodic job {name!r} must decorate a django-tasks @task().")
        if name in JOBS and JOBS[name].task.module_path != task.module_path:
            raise ImproperlyConfigured(f"Two periodic jobs are named {name!r}.")
        JOBS[name] = Job(name, task, every)
        return task

    return register


def discover() -> None:
    """Import every installed app's `tasks` module, where periodic jobs are declared."""
    autodiscover_modules("tasks")


def run_due_jobs(now: datetime | None = None) -> list[str]:
    """One scheduler pass: enqueue every job whose due time nobody has claimed yet."""
    now = now or timezone.now()
    enqueued = []
    for job in JOBS.values():
        due = job.due_time(now)
        claim_for = job.next_due_time(now) - now + CLAIM_MARGIN
        try:
            with transaction.atomic():
                if not _claims().add(_claim_key(job.name, due), True, timeout=claim_for.total_seconds()):
                    continue
                result = job.task.enqueue()
                _claims().set(_last_key(job.name), LastRun(due, now, str(result.id)), timeout=None)
        except Exception:
            # One broken job must not stop the others; its due time stays unclaimed.
            logger.exception("Periodic job %s could not be enqueued", job.name)
            continue
        logger.info("Periodic job %s enqueued for %s", job.name, due.isoformat())
        enqueued.append(job.name)
    return enqueued


def last_run(name: str) -> LastRun | None:
    return _claims().get(_last_key(name))


def _claims():
    return caches[CACHE_ALIAS]


def _claim_key(name: str, due: datetime) -> str:
    return f"claim:{name}:{due.isoformat()}"


def _last_key(name: str) -> str:
    return f"last:{name}"


def _anchor() -> datetime:
    return datetime(2000, 1, 1, tzinfo=timezone.get_default_timezone())
