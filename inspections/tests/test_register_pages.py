"""The inspections register and the index scores: lists that open, export and keep their query count; scoping by
URL, export and API; the import of scores from a sheet."""

import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from core.locking import version_of
from core.testing import ListPageContract, read_export
from inspections import services
from inspections.models import IndexScore, Inspection, InspectionStatus
from inspections.tests.factories import IndexScoreFactory, InspectionFactory, RemedyFactory


class TestInspectionList(ListPageContract):
    list_url_name = "inspections:inspection_list"
    export_url_name = "inspections:inspection_export"
    detail_url_name = "inspections:inspection_detail"
    history_url_name = "inspections:inspection_history"

    def add_rows(self, orgs, count):
        return [InspectionFactory() for _ in range(count)]


class TestIndexScoreList(ListPageContract):
    list_url_name = "inspections:score_list"
    export_url_name = "inspections:score_export"
    detail_url_name = "inspections:score_detail"
    history_url_name = "inspections:score_history"

    def add_rows(self, orgs, count):
        return [IndexScoreFactory(index="pci", year=1990 + n) for n in range(IndexScore.objects.count(),
                                                                              IndexScore.objects.count() + count)]


def test_a_conclusion_is_recorded_with_its_text_and_date(users):
    inspection = InspectionFactory()
    inspection.status = InspectionStatus.CONCLUDED
    with pytest.raises(ValidationError):
        services.save_inspection(inspection, by=users["focal"])
    inspection.conclusion, inspection.concluded_on = "Đơn vị chấp hành tốt", dt.date(2025, 7, 10)
    services.save_inspection(inspection, by=users["focal"])
    assert Inspection.objects.get(pk=inspection.pk).status == InspectionStatus.CONCLUDED


def test_the_inspected_unit_sees_its_inspection_but_may_not_change_it(users):
    inspection = InspectionFactory()
    assert Inspection.objects.scoped(users["unit"], "view").filter(pk=inspection.pk).exists()
    with pytest.raises(PermissionDenied):
        services.save_inspection(inspection, by=users["unit"])


def test_the_owner_of_a_remedy_reports_it_done_and_its_deadline_leaves_the_inbox(client_for, users):
    from core.registry import deadlines_for

    remedy = RemedyFactory(due_date=dt.date(2025, 8, 1))
    assert any(d.key == f"inspections.remedy-{remedy.pk}" for d in deadlines_for(users["unit"],
                                                                                  until=dt.date(2025, 9, 1)))
    response = client_for("unit").post(reverse("inspections:remedy_done", args=[remedy.pk]),
                                       {"result": "Đã chấn chỉnh", "_version": version_of(remedy)})
    assert response.status_code == 302
    remedy.refresh_from_db()
    assert remedy.done_on is not None
    assert not any(d.key == f"inspections.remedy-{remedy.pk}" for d in deadlines_for(users["unit"],
                                                                                      until=dt.date(2025, 9, 1)))


def test_open_remedies_show_in_the_owners_inbox(client_for, users):
    from core.registry import inbox_for

    RemedyFactory(due_date=dt.date(2020, 1, 1))
    labels = {item.label: item.count for item in inbox_for(users["unit"])}
    assert labels.get("Overdue inspection remedies", labels.get("Biện pháp khắc phục sau kiểm tra quá hạn")) >= 1


def _sheet(*rows):
    book = Workbook()
    book.active.append(["Đơn vị", "Chỉ số", "Năm", "Điểm", "Xếp hạng", "Trên tổng số"])
    for row in rows:
        book.active.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("chi-so.xlsx", buffer.getvalue())


def test_scores_are_imported_from_a_sheet_and_replace_those_of_the_same_year(users):
    IndexScoreFactory(organization=users["coordinator"].memberships.first().organization.parent, index="pci",
                      year=2024, score=60)
    report = services.import_scores(_sheet(("TN", "PCI", 2024, "66,5", 20, 34), ("TN", "PAR Index", 2024, 88, 15, 34)),
                                    by=users["coordinator"])
    assert report.saved == 2 and not report.bad_rows
    assert str(IndexScore.objects.get(organization__code="TN", index="pci", year=2024).score) == "66.50"


def test_a_bad_row_imports_nothing(users):
    report = services.import_scores(_sheet(("TN", "PCI", 2023, 66, 40, 34), ("TN.SXD", "XYZ", 2023, 1, None, None)),
                                    by=users["coordinator"])
    assert [row.number for row in report.bad_rows] == [2, 3] and report.saved == 0
    assert not IndexScore.objects.filter(year=2023, organization__code="TN").exists()


def test_another_agency_sees_none_of_the_register_by_url_export_or_api(client_for, orgs):
    inspection = InspectionFactory(title="Kiểm tra của Sở Xây dựng")
    score = IndexScoreFactory(organization=orgs["TN.SXD"], index="ddci", year=2019, source="Nguồn của Sở Xây dựng")
    client = client_for("other-focal")
    for name in ("inspection_detail", "inspection_update", "inspection_history"):
        assert client.get(reverse(f"inspections:{name}", args=[inspection.pk])).status_code == 404
    assert client.get(reverse("inspections:score_detail", args=[score.pk])).status_code == 404
    for url_name in ("inspections:inspection_export", "inspections:score_export"):
        _headers, rows = read_export(client.get(reverse(url_name)).content)
        assert not any("Sở Xây dựng" in str(cell) for row in rows for cell in row)
    assert client.get(reverse("inspection-detail", args=[inspection.pk])).status_code == 404
    assert client.get(reverse("index-score-detail", args=[score.pk])).status_code == 404
    assert score.pk not in [row["id"] for row in client.get(reverse("index-score-list")).json()["results"]]


def test_the_provinces_scores_are_read_by_every_agency_of_the_province(users, orgs):
    score = IndexScoreFactory(organization=orgs["TN"], year=2019)
    for username in ("leader", "unit", "other-focal"):
        assert IndexScore.objects.scoped(users[username], "view").filter(pk=score.pk).exists()
