"""Study sessions: who attended which documents, recorded by those who may change the unit's data."""

import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from core.testing import ListPageContract
from legal.models import LegalDocument
from orgs.models import StaffMember
from training import services
from training.models import StudySession

DAY = dt.date(2025, 3, 10)


def session_of(orgs, code="TN.SXD", **fields):
    return StudySession.objects.create(organization=orgs[code], date=DAY, title=fields.pop("title", "Quán triệt"),
                                       **fields)


class TestSessionList(ListPageContract):
    list_url_name = "training:session_list"
    export_url_name = "training:session_export"
    detail_url_name = "training:session_detail"
    history_url_name = "training:session_history"

    def add_rows(self, orgs, count):
        rows = [session_of(orgs, title=f"Học tập {i}") for i in range(count)]
        for row in rows:
            row.attendees.set(StaffMember.objects.filter(organization=orgs["TN.SXD.VP"])[:3])
        return rows


def test_the_form_records_attendees_picked_by_unit_and_the_documents_studied(client_for, orgs, users):
    document = LegalDocument.objects.get(number="16/CT-TTg")
    response = client_for("focal").post(reverse("training:session_create"), {
        "organization": orgs["TN.SXD"].pk, "date": "10/03/2025", "title": "Quán triệt Chỉ thị 16",
        "documents": [document.pk], "attendee_units": [orgs["TN.SXD.QLXD"].pk]})
    assert response.status_code == 302
    session = StudySession.objects.get(title="Quán triệt Chỉ thị 16")
    unit_staff = set(StaffMember.objects.filter(organization=orgs["TN.SXD.QLXD"]).active_on(DAY))
    assert set(session.attendees.all()) == unit_staff and list(session.documents.all()) == [document]
    assert session.history.first().history_user == users["focal"]


def test_attendees_must_be_staff_of_the_organizing_unit(orgs, users):
    session = StudySession(organization=orgs["TN.SXD.QLXD"], date=DAY, title="Phòng tự học")
    stranger = StaffMember.objects.filter(organization=orgs["TN.SXD.VP"]).first()
    with pytest.raises(ValidationError):
        services.save_session(session, documents=[], attendees=[stranger], by=users["unit"])
    assert not StudySession.objects.filter(title="Phòng tự học").exists()


def test_a_unit_editor_cannot_record_another_units_session(orgs, users):
    with pytest.raises(PermissionDenied):
        services.save_session(StudySession(organization=orgs["TN.SXD.VP"], date=DAY, title="Không được"),
                              documents=[], attendees=[], by=users["unit"])


def _sheet(*rows) -> SimpleUploadedFile:
    book = Workbook()
    book.active.append(["Họ và tên", "Đơn vị"])
    for row in rows:
        book.active.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("diem-danh.xlsx", buffer.getvalue())


def test_attendance_is_imported_from_a_sheet_with_a_row_report(orgs, users):
    session = session_of(orgs)
    people = list(StaffMember.objects.filter(organization=orgs["TN.SXD.QLXD"]).active_on(DAY)[:2])
    report = services.import_attendance(session, _sheet(*[(p.full_name.upper(), "") for p in people]),
                                        by=users["focal"])
    assert report.added == 2 and set(session.attendees.all()) == set(people)


def test_a_bad_attendance_row_adds_no_one(orgs, users):
    session = session_of(orgs)
    person = StaffMember.objects.filter(organization=orgs["TN.SXD.QLXD"]).first()
    report = services.import_attendance(session, _sheet((person.full_name, ""), ("Người Không Có", "")),
                                        by=users["focal"])
    assert [row.number for row in report.bad_rows] == [3] and report.added == 0
    assert not session.attendees.exists()


def test_another_agency_neither_reads_nor_changes_a_session(client_for, orgs):
    session = session_of(orgs)
    client = client_for("other-focal")
    for name in ("session_detail", "session_update", "session_history", "attendance_import"):
        assert client.get(reverse(f"training:{name}", args=[session.pk])).status_code == 404
    assert client.get(reverse("study-session-detail", args=[session.pk])).status_code == 404
