"""Operations: is the site able to work? `/healthz` for load balancers and monitoring.

No login, no personal data, and cheap: the waiting-task count (one query on the database
queue; the queue length on Redis) and the worker's last heartbeat (one cache read). The
heartbeat is a periodic job (danvan/tasks.py) that only a running worker can finish: its
finish time, written to the scheduler's cache, is the last sign of life of the workers.
"""

from __future__ import annotations

import logging

from django.core.cache import caches
from django.db import DatabaseError
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_tasks import task_backends

logger = logging.getLogger(__name__)

BEAT_KEY = "worker:last-beat"
BEAT_CACHE = "scheduler"


def record_beat(now) -> None:
    caches[BEAT_CACHE].set(BEAT_KEY, now, timeout=None)


def last_beat():
    return caches[BEAT_CACHE].get(BEAT_KEY)


def tasks_waiting() -> int | None:
    """How many tasks wait for a worker on the default backend (None when it cannot be told)."""
    backend = task_backends["default"]
    name = type(backend).__name__
    if name == "DatabaseBackend":
        from django_tasks.base import TaskResultStatus
        from django_tasks_db.models import DBTaskResult

        return DBTaskResult.objects.filter(status=TaskResultStatus.READY).count()
    if name == "RQBackend":
        return sum(queue.count for queue in backend._get_queues())
    return None


@never_cache
@require_GET
def healthz(request):
    try:
        waiting = tasks_waiting()
        beat = last_beat()
    except DatabaseError:
        logger.exception("Health check: the database is unreachable")
        return JsonResponse({"database": "unreachable", "worker_last_beat": None, "tasks_waiting": None}, status=503)
    except Exception:
        # The queue (Redis) is down but the database answers: the site still serves pages.
        logger.exception("Health check: the task queue is unreachable")
        waiting, beat = None, None
        try:
            beat = last_beat()
        except DatabaseError:
            return JsonResponse({"database": "unreachable", "worker_last_beat": None, "tasks_waiting": None},
                                status=503)
    return JsonResponse({
        "database": "ok",
        "worker_last_beat": beat.isoformat() if beat else None,
        "tasks_waiting": waiting,
    })
