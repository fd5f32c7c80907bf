"""Past one machine: with REDIS_URL the cache lives in Redis and tasks queue in Redis (RQ), run by
`danvan worker`; the scheduler still enqueues each due time once. Skipped without REDIS_URL
(.ci/run runs them against the local Redis: `REDIS_URL=redis://127.0.0.1:6379/1 pytest -m redis`)."""

from __future__ import annotations

import io
import json
import os

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.urls import reverse
from django_tasks import task_backends
from django_tasks.base import TaskResultStatus

from core import scheduler
from danvan import health
from danvan.tasks import heartbeat
from exports.models import ExportJob, ExportStatus

pytestmark = [
    pytest.mark.redis,
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL is not set"),
]


@pytest.fixture(autouse=True)
def empty_redis():
    import django_rq

    connection = django_rq.get_connection("default")
    connection.flushdb()
    yield connection
    connection.flushdb()


def run_worker():
    call_command("worker", burst=True, worker_class="rq.worker.SimpleWorker", stdout=io.StringIO())


def test_the_cache_is_redis_and_its_add_is_atomic(empty_redis):
    cache = caches["default"]
    assert type(cache).__name__ == "RedisCache"
    assert cache.add("login-rate:focal", 1, timeout=60) is True
    assert cache.add("login-rate:focal", 1, timeout=60) is False
    assert cache.incr("login-rate:focal") == 2
    assert any(b"login-rate:focal" in key for key in empty_redis.keys("*"))


def test_tasks_queue_in_redis_and_the_worker_runs_them(db, client):
    assert type(task_backends["default"]).__name__ == "RQBackend"
    result = heartbeat.enqueue()
    assert json.loads(client.get("/healthz").content)["tasks_waiting"] == 1
    run_worker()
    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    body = json.loads(client.get("/healthz").content)
    assert body["tasks_waiting"] == 0 and body["worker_last_beat"] == health.last_beat().isoformat()


def test_the_scheduler_enqueues_a_due_time_once_into_redis(db, monkeypatch):
    monkeypatch.setattr(scheduler, "JOBS", {})
    scheduler.periodic("worker-heartbeat", every=scheduler.timedelta(minutes=1))(heartbeat)
    assert scheduler.run_due_jobs() == ["worker-heartbeat"]
    assert scheduler.run_due_jobs() == []
    queue = task_backends["default"]._get_queues()[0]
    assert queue.count == 1


def test_a_long_export_is_written_by_the_rq_worker(client_for, settings, django_capture_on_commit_callbacks):
    settings.EXPORT_SYNC_LIMIT = 5
    client = client_for("focal")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(reverse("orgs:staff_export"))
    job = ExportJob.objects.get()
    assert response["Location"] == job.get_absolute_url()
    run_worker()
    job.refresh_from_db()
    assert job.status == ExportStatus.DONE and job.rows_done == job.rows_total > 5


@pytest.mark.urls("core.tests.public_urls")
def test_public_form_counts_live_in_redis_shared_by_every_worker(db, client):
    from core.testing import public_form_data
    from core.tests.public_urls import FeedbackForm

    assert type(caches["ratelimit"]).__name__ == "RedisCache"
    data = public_form_data(FeedbackForm, name="A", content="B", consent="on")
    codes = [client.post("/public/feedback/", data).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
