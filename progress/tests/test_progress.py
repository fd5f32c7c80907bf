"""A unit reports progress on its assignments with evidence; the plan's progress rolls up from them."""

import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from reportlab.pdfgen import canvas

from attachments.models import Attachment
from plans.models import Assignment, Plan
from progress import services


@pytest.fixture(autouse=True)
def storage(settings, tmp_path):
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(tmp_path)}}}


def pdf(name="bien-ban.pdf") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(100, 750, "Bien ban")
    page.save()
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/pdf")


@pytest.fixture
def assignment(orgs):
    plan = Plan.objects.get(organization=orgs["TN.SXD"], year=2024, revision_of=None)
    return Assignment.objects.filter(plan=plan, lead_unit=orgs["TN.SXD.QLXD"]).first()


def test_the_lead_unit_reports_progress_with_evidence_and_the_assignment_takes_its_status(client_for, assignment):
    response = client_for("unit").post(reverse("progress:assignment_progress", args=[assignment.pk]), {
        "date": "30/06/2024", "text": "Đã tổ chức 2 hội nghị", "percent": 60, "status": "in_progress",
        "evidence": [pdf()]})
    assert response.status_code == 302
    update = assignment.progress_updates.get()
    assert update.percent == 60 and Attachment.objects.filter(object_id=update.pk).count() == 1
    assignment.refresh_from_db()
    assert assignment.status == "in_progress"
    page = client_for("leader").get(reverse("progress:assignment_progress", args=[assignment.pk])).content.decode()
    assert "Đã tổ chức 2 hội nghị" in page and "bien-ban.pdf" in page


def test_a_renamed_executable_is_refused_as_evidence_and_nothing_is_recorded(client_for, assignment):
    fake = SimpleUploadedFile("bien-ban.pdf", b"MZ\x90\x00" + b"\x00" * 200)
    response = client_for("unit").post(reverse("progress:assignment_progress", args=[assignment.pk]), {
        "date": "30/06/2024", "text": "Có tệp lạ", "percent": 10, "status": "in_progress", "evidence": [fake]})
    assert response.status_code == 400 and not assignment.progress_updates.exists()


def test_done_means_one_hundred_percent_and_no_report_from_the_future(users, assignment):
    with pytest.raises(ValidationError) as refused:
        services.record_progress(assignment, date=timezone.localdate() + dt.timedelta(days=3), text="x", percent=80,
                                 status="done", by=users["unit"])
    assert set(refused.value.message_dict) == {"date", "percent"}


def test_a_reader_cannot_report_progress(users, assignment):
    with pytest.raises(PermissionDenied):
        services.record_progress(assignment, date=dt.date(2024, 6, 1), text="x", percent=10, status="in_progress",
                                 by=users["inspector"])


def test_another_agency_does_not_find_the_assignment_page(client_for, assignment):
    assert client_for("other-focal").get(reverse("progress:assignment_progress", args=[assignment.pk])).status_code \
        == 404


def test_the_plan_and_its_areas_roll_up_the_last_percentages(users, orgs, assignment):
    plan = assignment.plan
    services.record_progress(assignment, date=dt.date(2024, 5, 1), text="Bắt đầu", percent=20,
                             status="in_progress", by=users["unit"])
    services.record_progress(assignment, date=dt.date(2024, 6, 1), text="Xong", percent=100, status="done",
                             by=users["unit"])
    overall, areas = services.plan_progress(plan)
    others = plan.assignments.count() - 1
    assert overall == pytest.approx(100 / (others + 1))
    if assignment.content_area_id:
        assert areas[assignment.content_area_id] > 0


def test_evidence_is_listed_by_the_api_where_its_report_is_read_and_404_elsewhere(client_for, assignment):
    client_for("unit").post(reverse("progress:assignment_progress", args=[assignment.pk]), {
        "date": "30/06/2024", "text": "Có minh chứng", "percent": 40, "status": "in_progress",
        "evidence": [pdf("minh-chung.pdf")]})
    update = assignment.progress_updates.get(text="Có minh chứng")
    rows = client_for("leader").get(reverse("evidence-list"), {"progress_update": update.pk}).json()
    rows = rows["results"] if isinstance(rows, dict) else rows
    assert [row["original_name"] for row in rows] == ["minh-chung.pdf"]
    other = client_for("other-focal")
    assert other.get(reverse("evidence-detail", args=[rows[0]["id"]])).status_code == 404
    listed = other.get(reverse("evidence-list")).json()
    assert rows[0]["id"] not in [row["id"] for row in (listed["results"] if isinstance(listed, dict) else listed)]
    assert other.get(rows[0]["download"]).status_code == 404
