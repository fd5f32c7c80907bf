"""Evidence that is too large or empty is refused with a Vietnamese message, and no report is recorded."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from plans.models import Assignment, Plan


@pytest.fixture(autouse=True)
def storage(settings, tmp_path):
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(tmp_path)}}}


@pytest.fixture
def assignment(orgs):
    plan = Plan.objects.get(organization=orgs["TN.SXD"], year=2024, revision_of=None)
    return Assignment.objects.filter(plan=plan, lead_unit=orgs["TN.SXD.QLXD"]).first()


def post(client, assignment, upload):
    return client.post(reverse("progress:assignment_progress", args=[assignment.pk]), {
        "date": "30/06/2024", "text": "Báo cáo có tệp", "percent": 20, "status": "in_progress", "evidence": [upload]})


def test_an_evidence_file_over_the_size_limit_is_refused(client_for, assignment, settings):
    settings.MAX_ATTACHMENT_SIZE = 1024
    big = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4\n" + b"0" * 2048, content_type="application/pdf")
    response = post(client_for("unit"), assignment, big)
    assert response.status_code == 400 and not assignment.progress_updates.exists()
    assert "quá" in response.content.decode() or "lớn" in response.content.decode()


def test_an_empty_evidence_file_is_refused(client_for, assignment):
    response = post(client_for("unit"), assignment, SimpleUploadedFile("bien-ban.pdf", b""))
    assert response.status_code == 400 and not assignment.progress_updates.exists()
