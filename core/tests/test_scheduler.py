"""Periodic jobs are enqueued once per due time, however many passes or schedulers run."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from axes.models import AccessAttempt
from django.contrib.sessions.models import Session
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.utils import timezone
from django_tasks import task
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from core import scheduler
from danvan.tasks import clear_expired_login_attempts, clear_expired_sessions

pytestmark = pytest.mark.django_db
HCM = ZoneInfo("Asia/Ho_Chi_Minh")


@task()
def hourly_job() -> None:
    pass


@task()
def nightly_job() -> None:
    pass


@pytest.fixture
def jobs(monkeypatch):
    """An empty registry, so only the jobs a test declares exist."""
    monkeypatch.setattr(scheduler, "JOBS", {})
    return scheduler.JOBS


def at(day, hour, minute=0):
    return datetime(2026, 3, day, hour, minute, tzinfo=HCM)


def enqueued(task_):
    return DBTaskResult.objects.filter(task_path=task_.module_path).count()


def test_due_job_is_enqueued_once(jobs):
    scheduler.periodic("hourly", every=timedelta(hours=1))(hourly_job)

    assert scheduler.run_due_jobs(at(2, 10, 5)) == ["hourly"]
    assert enqueued(hourly_job) == 1
    assert scheduler.last_run("hourly").due == at(2, 10)


def test_two_passes_in_the_same_period_enqueue_once(jobs):
    scheduler.periodic("hourly", every=timedelta(hours=1))(hourly_job)

    scheduler.run_due_jobs(at(2, 10, 5))
    assert scheduler.run_due_jobs(at(2, 10, 59)) == []
    assert enqueued(hourly_job) == 1

    assert scheduler.run_due_jobs(at(2, 11)) == ["hourly"]
    assert enqueued(hourly_job) == 2


def test_cron_job_is_not_enqueued_before_its_time(jobs):
    scheduler.periodic("nightly", every="30 2 * * *")(nightly_job)
    scheduler.run_due_jobs(at(2, 3))

    assert scheduler.run_due_jobs(at(3, 2, 29)) == []
    assert enqueued(nightly_job) == 1
    assert scheduler.run_due_jobs(at(3, 2, 30)) == ["nightly"]


def test_failed_enqueue_leaves_the_due_time_to_the_next_pass(jobs, monkeypatch):
    scheduler.periodic("hourly", every=timedelta(hours=1))(hourly_job)
    original = DatabaseBackend.enqueue

    def broken(self, *args, **kwargs):
        raise RuntimeError("queue down")

    monkeypatch.setattr(DatabaseBackend, "enqueue", broken)
    assert scheduler.run_due_jobs(at(2, 10, 5)) == []
    monkeypatch.setattr(DatabaseBackend, "enqueue", original)
    assert scheduler.run_due_jobs(at(2, 10, 6)) == ["hourly"]
    assert enqueued(hourly_job) == 1


def test_bad_schedule_is_refused_at_declaration():
    with pytest.raises(ImproperlyConfigured):
        scheduler.periodic("broken", every="61 * * * *")
    with pytest.raises(ImproperlyConfigured):
        scheduler.periodic("broken", every=timedelta(0))


def test_scheduler_once_enqueues_the_housekeeping_jobs_and_lists_their_last_run(capsys):
    call_command("scheduler", "--once")
    call_command("scheduler", "--once")

    assert enqueued(clear_expired_sessions) == 1
    assert enqueued(clear_expired_login_attempts) == 1
    call_command("scheduler", "--list")
    listing = capsys.readouterr().out
    today = timezone.localdate().strftime("%d/%m/%Y")
    assert f"clear-expired-sessions (every 1 day, 0:00:00): last due {today} 00:00" in listing


def test_session_job_deletes_expired_sessions_only():
    Session.objects.create(session_key="old", session_data="", expire_date=timezone.now() - timedelta(days=1))
    Session.objects.create(session_key="live", session_data="", expire_date=timezone.now() + timedelta(days=1))

    clear_expired_sessions.call()

    assert list(Session.objects.values_list("session_key", flat=True)) == ["live"]


def test_login_attempt_job_deletes_attempts_past_the_lockout(settings):
    def attempt(username, age):
        made = AccessAttempt.objects.create(username=username, ip_address="10.0.0.1", failures_since_start=5)
        # attempt_time is set on creation: move it back afterwards.
        AccessAttempt.objects.filter(pk=made.pk).update(attempt_time=timezone.now() - age)

    attempt("old", settings.AXES_COOLOFF_TIME + timedelta(minutes=1))
    attempt("recent", timedelta(minutes=1))

    clear_expired_login_attempts.call()

    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["recent"]
