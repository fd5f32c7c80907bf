"""draft → submitted → approved → issued, every other move refused; nothing changes after issue."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from core.history import ChangeReason
from core.locking import VERSION_FIELD, version_of
from plans import services
from plans.models import ContentArea, PlanStatus
from plans.services import TRANSITIONS
from registry.models import RegisteredDocument
from registry.services import register_for

ALLOWED = {
    "submit": (PlanStatus.DRAFT, PlanStatus.SUBMITTED),
    "withdraw": (PlanStatus.SUBMITTED, PlanStatus.DRAFT),
    "return": (PlanStatus.SUBMITTED, PlanStatus.DRAFT),
    "approve": (PlanStatus.SUBMITTED, PlanStatus.APPROVED),
    "issue": (PlanStatus.APPROVED, PlanStatus.ISSUED),
}


def test_the_whole_lifecycle(sxd_draft_2025, users):
    plan = services.submit_plan(sxd_draft_2025, by=users["focal"])
    assert plan.status == PlanStatus.SUBMITTED
    plan = services.approve_plan(plan, by=users["leader"])
    assert plan.status == PlanStatus.APPROVED and plan.approved_by == users["leader"]
    plan = services.issue_plan(plan, by=users["focal"], date=dt.date(2025, 3, 20))
    assert plan.status == PlanStatus.ISSUED and plan.number == 1 and plan.date == dt.date(2025, 3, 20)
    assert plan.number_symbol == "01/KH-SXD"


def test_the_lifecycle_allows_these_moves_only():
    assert {step: (rule.source, rule.target) for step, rule in TRANSITIONS.items()} == ALLOWED


@pytest.mark.parametrize(
    ("source", "step"), [(s, step) for s in PlanStatus for step, (f, _t) in ALLOWED.items() if s != f]
)
def test_every_step_from_another_state_is_refused(source, step, sxd_draft_2025, users):
    sxd_draft_2025.status = source
    sxd_draft_2025.save()
    with pytest.raises(ValidationError):
        services._transition(sxd_draft_2025, step, by=users["admin"])


def test_focal_cannot_approve_and_leader_cannot_submit(sxd_draft_2025, users):
    with pytest.raises(PermissionDenied):
        services.submit_plan(sxd_draft_2025, by=users["leader"])
    services.submit_plan(sxd_draft_2025, by=users["focal"])
    with pytest.raises(PermissionDenied):
        services.approve_plan(sxd_draft_2025, by=users["focal"])
    with pytest.raises(PermissionDenied):
        services.approve_plan(sxd_draft_2025, by=users["other-focal"])


def test_leader_can_return_a_submitted_plan(sxd_draft_2025, users):
    services.submit_plan(sxd_draft_2025, by=users["focal"])
    assert services.return_plan(sxd_draft_2025, by=users["leader"], reason="Bổ sung").status == PlanStatus.DRAFT


def test_an_empty_plan_cannot_be_submitted(sxd_draft_2025, users):
    sxd_draft_2025.content_areas.all().delete()
    with pytest.raises(ValidationError):
        services.submit_plan(sxd_draft_2025, by=users["focal"])


def test_the_plan_takes_its_number_and_date_from_the_register(sxd_draft_2025, users):
    services.submit_plan(sxd_draft_2025, by=users["focal"])
    services.approve_plan(sxd_draft_2025, by=users["leader"])
    plan = services.issue_plan(sxd_draft_2025, by=users["focal"], number=7, date=dt.date(2025, 4, 2))
    entry = RegisteredDocument.objects.get(object_id=plan.pk)
    assert (plan.number, plan.date) == (entry.number, entry.date) == (7, dt.date(2025, 4, 2))
    assert entry.register.organization.code == "TN.SXD" and entry.record == plan


def test_a_taken_number_is_refused(sxd_draft_2025, users, orgs):
    register = register_for(orgs["TN.SXD"])
    register.documents.create(year=2025, number=7, type_code="QĐ", symbol="QĐ-SXD", date=dt.date(2025, 2, 1),
                              title="Quyết định", issuer=orgs["TN.SXD"])
    services.submit_plan(sxd_draft_2025, by=users["focal"])
    services.approve_plan(sxd_draft_2025, by=users["leader"])
    with pytest.raises(ValidationError):
        services.issue_plan(sxd_draft_2025, by=users["focal"], number=7, date=dt.date(2025, 3, 1))
    sxd_draft_2025.refresh_from_db()
    assert sxd_draft_2025.status == PlanStatus.APPROVED and sxd_draft_2025.number is None


def test_the_leader_approves_but_the_registry_office_issues(sxd_draft_2025, users):
    services.submit_plan(sxd_draft_2025, by=users["focal"])
    services.approve_plan(sxd_draft_2025, by=users["leader"])
    with pytest.raises(PermissionDenied):
        services.issue_plan(sxd_draft_2025, by=users["leader"])


def test_no_edit_after_issue(issue, sxd_draft_2025, users, client_for):
    plan = issue(sxd_draft_2025)
    with pytest.raises(ValidationError):
        services.save_plan_part(ContentArea(plan=plan, title="Thêm"), plan=plan, by=users["focal"])
    area = plan.content_areas.first()
    client = client_for("focal")
    response = client.post(f"/plans/areas/{area.pk}/", {"order": 1, "title": "Sửa sau khi ban hành"})
    area.refresh_from_db()
    assert area.title != "Sửa sau khi ban hành"
    assert response.status_code == 400
    data = {"organization": plan.organization_id, "year": plan.year, "symbol": plan.symbol, "place": plan.place,
            "title": "Đổi tên", "archive": plan.archive, "basis_numbers": ""}
    response = client.post(f"/plans/{plan.pk}/edit/", data)
    plan.refresh_from_db()
    assert response.status_code == 400 and plan.title != "Đổi tên" and plan.basis_documents.exists()


def test_transition_page_shows_a_vietnamese_error(sxd_draft_2025, client_for):
    client = client_for("focal")
    response = client.post(f"/plans/{sxd_draft_2025.pk}/transition/", {"step": "approve"}, follow=True)
    sxd_draft_2025.refresh_from_db()
    assert sxd_draft_2025.status == PlanStatus.DRAFT
    assert "không thể" in response.content.decode().lower() or "không có quyền" in response.content.decode().lower()


def test_every_change_is_recorded(issue, sxd_draft_2025, users):
    issue(sxd_draft_2025)
    records = list(sxd_draft_2025.history.order_by("history_date"))
    assert [r.status for r in records][-3:] == ["submitted", "approved", "issued"]
    assert records[-1].history_change_reason == ChangeReason.ISSUED


def test_a_plan_is_created_and_edited_through_its_form(client_for, orgs):
    client = client_for("focal")
    data = {"organization": orgs["TN.SXD"].pk, "year": 2027, "symbol": "", "place": "Tây Ninh",
            "title": "Kế hoạch năm 2027", "archive": "VT", "basis_numbers": "16/CT-TTg\n33/CT-TTg"}
    response = client.post("/plans/new/", data)
    plan = orgs["TN.SXD"].plans.get(year=2027)
    assert response.status_code == 302 and plan.symbol == "KH-SXD" and plan.created_by.username == "focal"
    assert set(plan.basis_documents.values_list("number", flat=True)) == {"16/CT-TTg", "33/CT-TTg"}
    client.post(f"/plans/{plan.pk}/edit/", {**data, "title": "Kế hoạch năm 2027 (sửa)", "basis_numbers": "",
                                             VERSION_FIELD: version_of(plan)})
    plan.refresh_from_db()
    assert plan.title.endswith("(sửa)") and not plan.basis_documents.exists()
    assert plan.history.first().history_user.username == "focal"
    again = client.post("/plans/new/", data)
    assert again.status_code == 400 and "đã có kế hoạch năm 2027" in again.content.decode()
    assert orgs["TN.SXD"].plans.filter(year=2027).count() == 1
