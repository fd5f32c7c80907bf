"""An export longer than EXPORT_SYNC_LIMIT rows is written by the worker, with the rows the user
would have got at once: the same scope, filters and order, rebuilt from the view and its query."""


import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from core.testing import read_export
from exports import services
from exports.models import ExportJob, ExportStatus
from exports.tasks import run_export_job
from orgs.models import StaffMember


def _sheet(content: bytes) -> list[list]:
    """The table of an exported sheet, its header first (title lines and numbering left out)."""
    headers, rows = read_export(content)
    return [headers, *rows]


def test_a_short_export_is_answered_at_once(client_for, settings):
    settings.EXPORT_SYNC_LIMIT = 100_000
    response = client_for("focal").get(reverse("orgs:staff_export"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert not ExportJob.objects.exists()


def test_a_long_export_goes_to_the_worker_and_writes_the_same_rows(
    client_for, users, settings, django_capture_on_commit_callbacks
):
    client = client_for("focal")
    query = "?category=civil_servant&sort=-full_name"
    settings.EXPORT_SYNC_LIMIT = 100_000
    at_once = _sheet(client.get(reverse("orgs:staff_export") + query).content)
    assert len(at_once) > 6

    settings.EXPORT_SYNC_LIMIT = 5
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.get(reverse("orgs:staff_export") + query)
    job = ExportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert job.user == users["focal"] and job.status == ExportStatus.WAITING
    assert job.view == "orgs.views.StaffMemberListView" and "category=civil_servant" in job.query
    assert len(callbacks) == 1  # the task is queued once the job is committed

    page = client.get(job.get_absolute_url())
    assert page.status_code == 200 and b'id="export-progress"' in page.content

    run_export_job.call(job.pk)  # what the worker does
    job.refresh_from_db()
    assert job.status == ExportStatus.DONE and job.rows_done == job.rows_total == len(at_once) - 1
    download = client.get(reverse("exports:export_download", args=[job.pk]))
    assert download.status_code == 200
    assert _sheet(b"".join(download.streaming_content)) == at_once


def test_the_worker_lists_only_what_the_user_may_see(users, settings):
    job = ExportJob.objects.create(user=users["other-focal"], view="orgs.views.StaffMemberListView",
                                   title="x", filename="x.xlsx")
    services.run_export(job.pk)
    job.refresh_from_db()
    rows = _sheet(job.file.read())[1:]
    seen = StaffMember.objects.scoped(users["other-focal"])
    assert job.rows_total == seen.count() == len(rows) > 0
    assert StaffMember.objects.exclude(pk__in=seen).exists()
    assert {row[0] for row in rows} == set(seen.values_list("full_name", flat=True))


def test_a_view_that_is_not_a_list_is_refused(users):
    job = ExportJob.objects.create(user=users["focal"], view="django.views.View", title="x", filename="x.xlsx")
    with pytest.raises(ImproperlyConfigured):
        services.run_export(job.pk)
    job.refresh_from_db()
    assert job.status == ExportStatus.FAILED and "not a list view" in job.error


def test_the_request_counts_no_further_than_the_limit(client_for, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.EXPORT_SYNC_LIMIT = 5
    with CaptureQueriesContext(connection) as queries:
        response = client_for("focal").get(reverse("orgs:staff_export"))
    assert response.status_code == 302
    counts = [q["sql"] for q in queries if "COUNT(" in q["sql"].upper() and "staffmember" in q["sql"]]
    assert counts and all("LIMIT 6" in sql for sql in counts)
