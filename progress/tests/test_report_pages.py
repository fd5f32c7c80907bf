"""The pages people use: the coordinator creates a period (data period and cut-off filled in as the
decree sets them), the unit writes and submits its report, the focal office returns it with a comment."""

import datetime as dt

import pytest

from core.locking import VERSION_FIELD
from progress.reporting_models import Report, ReportingPeriod

pytestmark = pytest.mark.django_db


def test_the_coordinator_creates_a_period_with_the_decrees_data_period(orgs, client_for):
    response = client_for("coordinator").post("/reporting-periods/new/", {
        "province": orgs["TN"].pk, "year": 2026, "kind": "half", "n": 2, "level": "agency",
        "due_date": "15/12/2026"})
    assert response.status_code == 302, response.content.decode()[:2000]
    period = ReportingPeriod.objects.get(province=orgs["TN"], year=2026, kind="half", n=2, level="agency")
    assert (period.data_start, period.data_end, period.cut_off) == (dt.date(2026, 6, 15), dt.date(2026, 12, 14),
                                                                     dt.date(2026, 12, 14))


def test_the_focal_office_cannot_create_a_period(client_for):
    assert client_for("focal").get("/reporting-periods/new/").status_code == 403


def test_the_unit_writes_submits_and_the_focal_office_returns(unit_period_2024, orgs, client_for):
    unit = client_for("unit")
    response = unit.post(f"/reporting-periods/{unit_period_2024.pk}/report/{orgs['TN.SXD.QLXD'].pk}/")
    report = Report.objects.get(period=unit_period_2024, organization=orgs["TN.SXD.QLXD"])
    assert response.status_code == 302 and response.url == report.get_absolute_url()
    edit = unit.get(f"/reports/{report.pk}/edit/")
    data = {"results": "Tổ chức 2 hội nghị", "limits": "", "proposals": "",
            VERSION_FIELD: edit.context["form"][VERSION_FIELD].value()}
    assert unit.post(f"/reports/{report.pk}/edit/", data).status_code == 302
    assert unit.post(f"/reports/{report.pk}/step/", {"action": "submit"}).status_code == 302
    focal = client_for("focal")
    assert "Tổ chức 2 hội nghị" in focal.get(f"/reports/{report.pk}/").content.decode()
    focal.post(f"/reports/{report.pk}/step/", {"action": "return", "comment": "Bổ sung số liệu"})
    report.refresh_from_db()
    assert report.status == "returned" and report.steps.last().comment == "Bổ sung số liệu"
