"""The admin shows the task queue: waiting, running and failed tasks, filtered by status, with errors."""

from django.core.management import call_command
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult


@task()
def broken_task() -> None:
    raise ValueError("the file is unreadable")


@task()
def quiet_task() -> None:
    pass


def test_failed_tasks_are_listed_with_their_error(client_for, monkeypatch):
    broken_task.enqueue()
    run_worker(monkeypatch)
    quiet_task.enqueue()
    client = client_for("admin")
    failed = client.get("/admin/django_tasks_database/dbtaskresult/", {"status__exact": TaskResultStatus.FAILED})
    assert failed.status_code == 200
    assert [r.task_name for r in failed.context["cl"].result_list] == ["broken_task"]
    assert 'class="field-error">builtins.ValueError<' in failed.content.decode()
    waiting = client.get("/admin/django_tasks_database/dbtaskresult/", {"status__exact": TaskResultStatus.READY})
    assert [r.task_name for r in waiting.context["cl"].result_list] == ["quiet_task"]
    result = DBTaskResult.objects.get(task_path__endswith="broken_task")
    detail = client.get(f"/admin/django_tasks_database/dbtaskresult/{result.pk}/change/")
    assert "the file is unreadable" in detail.content.decode()


def run_worker(monkeypatch):
    """`danvan db_worker --batch` inside the test's transaction: the worker drops connections it
    finds outside autocommit, which on PostgreSQL would end the test's transaction."""
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
