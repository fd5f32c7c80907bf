"""A unit sees everything it is charged with on one page; overdue is derived, never typed."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from plans import services
from plans.models import Assignment, AssignmentStatus, Recurrence


@pytest.fixture
def sxd_2024(db):
    from plans.models import Plan

    return Plan.objects.get(organization__code="TN.SXD", year=2024)


def test_overdue_is_derived_from_the_due_date_and_status(sxd_2024, orgs):
    item = Assignment(plan=sxd_2024, lead_unit=orgs["TN.SXD.VP"], task="x", due_date=dt.date(2024, 11, 1))
    assert item.is_overdue(dt.date(2024, 11, 2)) and not item.is_overdue(dt.date(2024, 11, 1))
    item.status = AssignmentStatus.DONE
    assert not item.is_overdue(dt.date(2025, 1, 1))
    assert "overdue" not in AssignmentStatus.values


def test_a_recurring_assignment_is_due_at_the_end_of_its_period(sxd_2024, orgs):
    item = Assignment(plan=sxd_2024, lead_unit=orgs["TN.SXD.VP"], task="x", recurrence=Recurrence.QUARTERLY)
    assert item.next_due_date(dt.date(2024, 5, 10)) == dt.date(2024, 6, 30)
    item.recurrence = Recurrence.SEMIANNUAL
    assert item.next_due_date(dt.date(2024, 8, 1)) == dt.date(2024, 12, 31)
    item.recurrence = Recurrence.MONTHLY
    assert item.next_due_date(dt.date(2024, 2, 3)) == dt.date(2024, 2, 29)


def test_unit_page_lists_what_the_unit_leads_or_supports_sorted_by_due_date(client_for, sxd_2024, orgs):
    Assignment.objects.create(plan=sxd_2024, lead_unit=orgs["TN.SXD.QLXD"], task="Muộn hơn",
                              due_date=dt.date(2024, 12, 1))
    early = Assignment.objects.create(plan=sxd_2024, lead_unit=orgs["TN.SXD.VP"], task="Sớm hơn, phối hợp",
                                      due_date=dt.date(2024, 6, 1))
    early.support_units.add(orgs["TN.SXD.QLXD"])
    Assignment.objects.create(plan=sxd_2024, lead_unit=orgs["TN.SXD.HTKT"], task="Của phòng khác",
                              due_date=dt.date(2024, 1, 1))
    response = client_for("unit").get("/assignments/mine/")
    tasks = [a.task for a in response.context["table"].data]
    assert "Của phòng khác" not in tasks
    assert tasks.index("Sớm hơn, phối hợp") < tasks.index("Muộn hơn")
    assert "Quá hạn" in response.content.decode()


def test_assignments_export_as_xlsx(client_for):
    from core.testing import read_export

    headers, rows = read_export(client_for("unit").get("/assignments/export.xlsx").content)
    assert headers[:3] == ["Kế hoạch", "Nhiệm vụ", "Đơn vị chủ trì"]
    assert rows


def test_lead_unit_records_progress_on_an_issued_plan(sxd_2024, users, orgs):
    item = sxd_2024.assignments.get(lead_unit=orgs["TN.SXD.QLXD"])
    services.set_assignment_status(item, AssignmentStatus.IN_PROGRESS, by=users["unit"])
    item.refresh_from_db()
    assert item.status == AssignmentStatus.IN_PROGRESS
    assert item.history.first().history_user == users["unit"]
    other = sxd_2024.assignments.get(lead_unit=orgs["TN.SXD.VP"], due_date=dt.date(2024, 11, 1))
    with pytest.raises(PermissionDenied):
        services.set_assignment_status(other, AssignmentStatus.DONE, by=users["unit"])


def test_assignment_units_must_belong_to_the_plans_agency(sxd_draft_2025, client_for, orgs):
    response = client_for("focal").post(
        f"/plans/{sxd_draft_2025.pk}/assignments/new/",
        {"order": 1, "lead_unit": orgs["TN.SVHTTDL.VP"].pk, "task": "Không hợp lệ", "status": "not_started"},
    )
    assert response.status_code == 400
    assert not sxd_draft_2025.assignments.exists()


@pytest.mark.parametrize("code", ["TN.SVHTTDL.VP", "TN.SXD"], ids=["other-agency", "the-agency-itself"])
def test_the_service_charges_only_units_of_the_plans_agency(sxd_draft_2025, users, orgs, code):
    with pytest.raises(ValidationError):
        services.add_assignment(sxd_draft_2025, lead_unit=orgs[code], task="Không hợp lệ", by=users["focal"])
    with pytest.raises(ValidationError):
        services.add_assignment(sxd_draft_2025, lead_unit=orgs["TN.SXD.VP"], support_units=[orgs[code]],
                                task="Không hợp lệ", by=users["focal"])
    assert not sxd_draft_2025.assignments.exists()


def test_the_service_adds_an_assignment_with_its_supporting_units(sxd_draft_2025, users, orgs):
    item = services.add_assignment(sxd_draft_2025, lead_unit=orgs["TN.SXD.QLXD"], support_units=[orgs["TN.SXD.TTR"]],
                                   task="Kiểm tra công vụ", by=users["focal"])
    assert list(item.support_units.all()) == [orgs["TN.SXD.TTR"]]
    assert item.history.first().history_user == users["focal"]


def test_a_recurring_assignment_may_have_a_first_due_date(sxd_draft_2025, client_for, orgs):
    response = client_for("focal").post(
        f"/plans/{sxd_draft_2025.pk}/assignments/new/",
        {"order": 1, "lead_unit": orgs["TN.SXD.VP"].pk, "task": "Báo cáo hằng tháng", "status": "not_started",
         "due_date": "20/01/2025", "recurrence": "monthly"},
    )
    assert response.status_code == 302
    assignment = sxd_draft_2025.assignments.get(task="Báo cáo hằng tháng")
    # The first report on its own date, then the end of each month.
    assert assignment.next_due_date(dt.date(2025, 1, 5)) == dt.date(2025, 1, 20)
    assert assignment.next_due_date(dt.date(2025, 1, 21)) == dt.date(2025, 1, 31)
    assert assignment.next_due_date(dt.date(2025, 3, 2)) == dt.date(2025, 3, 31)

def test_focal_adds_an_assignment_with_a_vietnamese_date(sxd_draft_2025, client_for, orgs):
    response = client_for("focal").post(
        f"/plans/{sxd_draft_2025.pk}/assignments/new/",
        {"order": 1, "lead_unit": orgs["TN.SXD.QLXD"].pk, "support_units": [orgs["TN.SXD.TTR"].pk],
         "task": "Kiểm tra công vụ", "status": "not_started", "due_date": "15/11/2025"},
    )
    assert response.status_code == 302
    item = sxd_draft_2025.assignments.get()
    assert item.due_date == dt.date(2025, 11, 15) and list(item.support_units.all()) == [orgs["TN.SXD.TTR"]]
