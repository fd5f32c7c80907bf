"""Re-importing a roster updates the people already in it instead of creating twins, and a bad
file reports every error of every row at once."""

import datetime as dt
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from orgs.models import StaffMember
from orgs.staff_import import COLUMNS, import_staff

HEADERS = list(COLUMNS.values())


def sheet(*rows) -> SimpleUploadedFile:
    book = Workbook()
    book.active.append(HEADERS)
    for row in rows:
        book.active.append([row.get(key, "") for key in COLUMNS])
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("ds.xlsx", buffer.getvalue())


def test_a_row_matching_a_person_updates_them_and_the_report_says_whom(orgs, users):
    unit = orgs["TN.SXD.QHKT"]
    person = StaffMember.objects.create(organization=unit, full_name="Nguyễn Văn Tám", category="civil_servant",
                                        date_of_birth=dt.date(1980, 5, 1))
    report = import_staff(sheet({"full_name": "nguyễn văn tám", "date_of_birth": "01/05/1980", "category": "Công chức",
                                 "position": "Trưởng phòng", "unit": unit.name, "gender": "Nam"}),
                          root=orgs["TN.SXD"], by=users["focal"])
    assert (report.saved, report.updated) == (1, 1) and report.rows[0].updates == person
    person.refresh_from_db()
    assert person.position == "Trưởng phòng" and person.gender == "male"
    assert StaffMember.objects.filter(organization=unit, full_name__iexact="Nguyễn Văn Tám").count() == 1


def test_a_namesake_with_another_birth_date_is_a_new_person(orgs, users):
    unit = orgs["TN.SXD.QHKT"]
    StaffMember.objects.create(organization=unit, full_name="Lê Thị Hoa", category="civil_servant",
                               date_of_birth=dt.date(1990, 1, 2))
    report = import_staff(sheet({"full_name": "Lê Thị Hoa", "date_of_birth": "03/04/1995", "category": "Viên chức",
                                 "unit": unit.name}), root=orgs["TN.SXD"], by=users["focal"])
    assert (report.saved, report.updated) == (1, 0)
    assert StaffMember.objects.filter(organization=unit, full_name="Lê Thị Hoa").count() == 2


def test_every_error_of_every_row_is_reported_at_once_and_nothing_is_saved(orgs, users):
    before = StaffMember.objects.count()
    report = import_staff(sheet(
        {"full_name": "", "category": "Công nhân", "date_of_birth": "32/13/1990", "gender": "Khác",
         "email": "không-phải-email"},
        {"full_name": "Trần Văn Một", "category": "Công chức", "active_from": "01/01/2020", "active_to": "01/01/2019"},
    ), root=orgs["TN.SXD"], by=users["focal"])
    first, second = report.rows
    assert len(first.errors) == 5, first.errors  # name, category, birth date, gender, e-mail — together
    assert any("Email" in e or "email" in e for e in first.errors)
    assert len(second.errors) == 1
    assert report.saved == 0 and StaffMember.objects.count() == before


def test_an_exported_roster_imports_again_as_it_is_and_creates_no_twin(client_for, orgs, users):
    from django.urls import reverse

    unit = orgs["TN.SXD.QHKT"]
    content = client_for("focal").get(reverse("orgs:staff_export"), {"organization": unit.pk}).content
    before = StaffMember.objects.count()
    report = import_staff(SimpleUploadedFile("ds.xlsx", content), root=orgs["TN.SXD"], by=users["focal"])
    assert not report.bad_rows and not report.file_errors
    assert report.saved == report.updated == StaffMember.objects.filter(organization=unit).count()
    assert StaffMember.objects.count() == before
