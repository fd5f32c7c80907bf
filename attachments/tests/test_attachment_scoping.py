"""Who may download, add and remove a record's files: exactly who may see, and change, the record."""

from urllib.parse import quote

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from attachments.models import Attachment
from attachments.services import attach
from attachments.tests import files


@pytest.fixture
def signed_scan(plan, users):
    return attach(plan, files.upload("Kế hoạch đã ký.pdf", files.pdf()), by=users["focal"])


def add_url(plan_type, plan) -> str:
    return reverse("attachments:add", args=[plan_type.pk, plan.pk])


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_another_agencys_user_gets_404_downloading_by_url(client_for, signed_scan):
    response = client_for("other-focal").get(signed_scan.get_absolute_url())
    assert response.status_code == 404


def test_a_viewer_who_sees_the_record_downloads_the_file(client_for, signed_scan):
    response = client_for("viewer").get(signed_scan.get_absolute_url())
    assert response.status_code == 200
    with signed_scan.file.open("rb") as stored:
        assert b"".join(response.streaming_content) == stored.read()
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == f"attachment; filename*=utf-8''{quote('Kế hoạch đã ký.pdf')}"


def test_downloading_needs_a_login(client, signed_scan):
    response = client.get(signed_scan.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_missing_attachment_is_404(client_for):
    assert client_for("admin").get(reverse("attachments:download", args=[999999])).status_code == 404


@pytest.mark.parametrize("role", ["viewer", "leader", "inspector", "unit"])
def test_a_read_only_role_cannot_upload(client_for, plan, plan_type, stored_files, role):
    response = client_for(role).post(add_url(plan_type, plan), {"file": files.upload("a.pdf", files.pdf())})
    assert response.status_code == 403
    assert not Attachment.objects.exists()
    assert stored_files() == []


def test_a_user_who_cannot_see_the_record_is_told_it_does_not_exist(client_for, plan, plan_type, stored_files):
    response = client_for("other-focal").post(add_url(plan_type, plan), {"file": files.upload("a.pdf", files.pdf())})
    assert response.status_code == 404
    assert stored_files() == []


def test_records_that_take_no_attachments_are_404(client_for, users):
    user_type = ContentType.objects.get_for_model(get_user_model())
    url = reverse("attachments:add", args=[user_type.pk, users["focal"].pk])
    response = client_for("admin").post(url, {"file": files.upload("a.pdf", files.pdf())})
    assert response.status_code == 404


def test_the_focal_office_uploads_and_returns_to_the_plan(client_for, plan, plan_type, stored_files):
    client = client_for("focal")
    response = client.post(
        add_url(plan_type, plan), {"file": files.upload("Kế hoạch đã ký.pdf", files.pdf()), "description": "Bản ký"}
    )
    assert response.status_code == 302
    assert response["Location"] == plan.get_absolute_url()
    attachment = Attachment.objects.get()
    assert (attachment.record, attachment.description) == (plan, "Bản ký")
    assert stored_files() == [attachment.file.name]
    page = client.get(response["Location"])
    assert "Đã đính kèm tệp “Kế hoạch đã ký.pdf”." in messages_of(page)


def test_a_refused_upload_comes_back_with_the_reason(client_for, plan, plan_type, stored_files):
    response = client_for("focal").post(
        add_url(plan_type, plan), {"file": files.upload("ke-hoach.pdf", files.TEXT)}, follow=True
    )
    assert response.redirect_chain == [(plan.get_absolute_url(), 302)]
    assert messages_of(response) == [
        "Chỉ nhận tệp PDF, Word (.docx), Excel (.xlsx), OpenDocument, JPG hoặc PNG; "
        "nội dung tệp này không phải một trong các loại đó."
    ]
    assert stored_files() == []


@pytest.mark.parametrize(("role", "status"), [("viewer", 403), ("unit", 403), ("other-focal", 404)])
def test_only_those_who_change_the_record_remove_its_files(client_for, signed_scan, role, status):
    response = client_for(role).post(reverse("attachments:delete", args=[signed_scan.pk]))
    assert response.status_code == status
    assert Attachment.objects.filter(pk=signed_scan.pk).exists()


def test_the_focal_office_removes_a_file(
    client_for, signed_scan, plan, stored_files, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("focal").post(reverse("attachments:delete", args=[signed_scan.pk]))
    assert response.status_code == 302
    assert response["Location"] == plan.get_absolute_url()
    assert not Attachment.objects.exists()
    assert stored_files() == []


def test_the_service_refuses_a_user_who_may_not_change_the_record(plan, users, stored_files):
    with pytest.raises(PermissionDenied):
        attach(plan, files.upload("a.pdf", files.pdf()), by=users["leader"])
    assert stored_files() == []


def test_a_model_without_scoping_cannot_take_attachments(users):
    with pytest.raises(TypeError):
        attach(users["focal"], files.upload("a.pdf", files.pdf()), by=users["admin"])
