"""`/healthz` answers, without login and cheaply, whether the database is reachable, when a worker
last beat and how many tasks wait; 503 when the database is down."""

import json

from django.core.management import call_command
from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

from core import scheduler
from danvan import health
from danvan.tasks import heartbeat


def _get(client):
    response = client.get("/healthz")
    return response, json.loads(response.content)


def test_it_answers_without_login_in_two_queries(client, db):
    with CaptureQueriesContext(connection) as queries:
        response, body = _get(client)
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert body == {"database": "ok", "worker_last_beat": None, "tasks_waiting": 0}
    assert len(queries) <= 2


def test_it_counts_the_waiting_tasks(client, db):
    heartbeat.enqueue()
    heartbeat.enqueue()
    assert _get(client)[1]["tasks_waiting"] == 2


def test_the_last_beat_is_when_a_worker_ran_the_heartbeat(client, db, monkeypatch):
    scheduler.discover()
    assert scheduler.JOBS["worker-heartbeat"].task is heartbeat
    scheduler.run_due_jobs()  # the scheduler queues the heartbeat; nothing has run it yet
    assert _get(client)[1]["worker_last_beat"] is None
    run_worker(monkeypatch)
    body = _get(client)[1]
    finished = DBTaskResult.objects.filter(task_path=heartbeat.module_path).get().finished_at
    assert body["worker_last_beat"] is not None and body["tasks_waiting"] == 0
    assert abs((finished - health.last_beat()).total_seconds()) < 5


def test_it_answers_503_when_the_database_is_unreachable(client, db, monkeypatch):
    def unreachable():
        raise OperationalError("connection refused")

    monkeypatch.setattr(health, "tasks_waiting", unreachable)
    response, body = _get(client)
    assert response.status_code == 503 and body["database"] == "unreachable"


def test_it_shows_no_personal_data(client, db, users):
    heartbeat.enqueue()
    text = client.get("/healthz").content.decode()
    assert set(json.loads(text)) == {"database", "worker_last_beat", "tasks_waiting"}
    assert not any(user.username in text for user in users.values() if len(user.username) > 3)


def run_worker(monkeypatch):
    """`danvan db_worker --batch` inside the test's transaction: the worker drops connections it
    finds outside autocommit, which on PostgreSQL would end the test's transaction."""
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
