"""An agency's report sent to the province takes its number from the agency's document register (#8):
on its first submission, as a BÁO CÁO (BC-<symbol>), the register's next number of the year, in the
same transaction; returned and submitted again it keeps its number; units' reports are not numbered."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied

from orgs.models import Role
from orgs.tests.factories import MembershipFactory
from progress import reporting
from progress.reporting_models import ReportStatus
from progress.tests.agency_reports import agency_report_2024
from registry.models import RegisteredDocument
from registry.services import next_free_number, register_for

pytestmark = pytest.mark.django_db
HCM = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def sxd_report(orgs, users):
    return agency_report_2024(orgs, users)[0]


def test_the_first_submission_takes_the_registers_next_number_as_a_bao_cao(sxd_report, orgs, users):
    register = register_for(orgs["TN.SXD"])
    expected = next_free_number(register, 2024)
    reporting.take_step(sxd_report, "submit", by=users["focal"], now=dt.datetime(2024, 10, 30, 9, tzinfo=HCM))
    entry = sxd_report.registration
    assert (entry.register, entry.year, entry.number) == (register, 2024, expected)
    assert (entry.type_code, entry.symbol, entry.date) == ("BC", "BC-SXD", dt.date(2024, 10, 30))
    assert entry.record == sxd_report and entry.registered_by == users["focal"]
    assert entry.number_symbol == f"{expected:02d}/BC-SXD"
    assert entry.title == "Kết quả thực hiện công tác dân vận chính quyền năm 2024"


def test_returned_and_resubmitted_it_keeps_its_number(sxd_report, users):
    reporting.take_step(sxd_report, "submit", by=users["focal"], now=dt.datetime(2024, 10, 30, 9, tzinfo=HCM))
    first = sxd_report.registration
    reporting.take_step(sxd_report, "return", by=users["coordinator"], comment="Bổ sung số liệu")
    reporting.take_step(sxd_report, "submit", by=users["focal"], now=dt.datetime(2024, 11, 5, 9, tzinfo=HCM))
    assert RegisteredDocument.objects.filter(object_id=sxd_report.pk, type_code="BC").count() == 1
    assert sxd_report.registrations.get() == first and first.date == dt.date(2024, 10, 30)


def test_units_reports_to_their_agency_are_not_numbered(orgs, users):
    _report, accepted, sent = agency_report_2024(orgs, users)
    assert accepted.registration is None and sent.registration is None


def test_a_refusal_of_the_register_leaves_the_report_unsubmitted(sxd_report, orgs):
    # A unit editor at the agency's node writes for it but is not its registry office.
    editor = MembershipFactory(organization=orgs["TN.SXD"], role=Role.UNIT_EDITOR).user
    with pytest.raises(PermissionDenied):
        reporting.take_step(sxd_report, "submit", by=editor)
    sxd_report.refresh_from_db()
    assert sxd_report.status == ReportStatus.DRAFT and sxd_report.first_submitted_on is None
    assert sxd_report.registration is None and not sxd_report.steps.exists()


def test_the_number_is_shown_on_the_report_page_and_in_the_api(sxd_report, users, client_for):
    reporting.take_step(sxd_report, "submit", by=users["focal"], now=dt.datetime(2024, 10, 30, 9, tzinfo=HCM))
    number = sxd_report.registration.number_symbol
    page = client_for("coordinator").get(f"/reports/{sxd_report.pk}/").content.decode()
    assert number in page and "30/10/2024" in page
    data = client_for("coordinator").get(f"/api/reports/{sxd_report.pk}/").json()
    assert (data["number_symbol"], data["registered_on"]) == (number, "2024-10-30")
    listed = client_for("coordinator").get("/api/reports/", {"period": sxd_report.period_id}).json()
    assert [row["number_symbol"] for row in listed["results"]] == [number]
