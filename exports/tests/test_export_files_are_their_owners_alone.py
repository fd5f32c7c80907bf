"""A file written by the worker is downloadable only by the user who asked for it, through the
scoped view: not by a colleague of the same agency, the province's coordinator or an admin."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from exports.models import ExportJob, ExportStatus


@pytest.fixture
def job(users):
    job = ExportJob(user=users["focal"], view="orgs.views.StaffMemberListView", title="ZZ bảng riêng",
                    filename="danh-sach.xlsx", status=ExportStatus.DONE, rows_total=1, rows_done=1)
    job.file.save("danh-sach.xlsx", ContentFile(b"PK-contents"), save=False)
    job.save()
    return job


def test_the_owner_downloads_the_file(client_for, job):
    response = client_for("focal").get(reverse("exports:export_download", args=[job.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"PK-contents"
    assert "danh-sach.xlsx" in response["Content-Disposition"]


@pytest.mark.parametrize("username", ["leader", "inspector", "coordinator", "admin"])
def test_nobody_else_finds_it(client_for, job, username):
    client = client_for(username)
    for name in ("exports:export_download", "exports:export_detail", "exports:export_progress"):
        assert client.get(reverse(name, args=[job.pk])).status_code == 404
    assert "ZZ bảng riêng" not in client.get(reverse("exports:export_list")).content.decode()


def test_the_file_is_not_under_a_public_url(client, job):
    assert client.get("/media/" + job.file.name).status_code == 404


def test_an_unfinished_export_has_no_file_to_download(client_for, users):
    job = ExportJob.objects.create(user=users["focal"], view="x", title="x", filename="x.xlsx")
    assert client_for("focal").get(reverse("exports:export_download", args=[job.pk])).status_code == 404
