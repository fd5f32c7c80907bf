"""A draft plan can be deleted by whoever may change it, after confirming; the history keeps the deletion."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from core.history import ChangeReason
from plans import services
from plans.models import Plan


def test_the_focal_office_deletes_a_draft_after_confirming(sxd_draft_2025, client_for):
    client = client_for("focal")
    page = client.get(f"/plans/{sxd_draft_2025.pk}/delete/")
    assert page.status_code == 200 and "Xóa" in page.content.decode()
    assert Plan.objects.filter(pk=sxd_draft_2025.pk).exists()
    response = client.post(f"/plans/{sxd_draft_2025.pk}/delete/")
    assert response.status_code == 302 and response["Location"] == "/plans/"
    assert not Plan.objects.filter(pk=sxd_draft_2025.pk).exists()
    deleted = Plan.history.filter(id=sxd_draft_2025.pk, history_type="-").get()
    assert deleted.history_user.username == "focal" and deleted.history_change_reason == ChangeReason.DELETED


def test_a_submitted_or_issued_plan_cannot_be_deleted(sxd_draft_2025, users, issue):
    services.submit_plan(sxd_draft_2025, by=users["focal"])
    with pytest.raises(ValidationError):
        services.delete_plan(sxd_draft_2025, by=users["focal"])
    services.withdraw_plan(sxd_draft_2025, by=users["focal"])
    issued = issue(sxd_draft_2025)
    with pytest.raises(ValidationError):
        services.delete_plan(issued, by=users["admin"])


def test_the_leader_cannot_delete_a_draft(sxd_draft_2025, users, client_for):
    with pytest.raises(PermissionDenied):
        services.delete_plan(sxd_draft_2025, by=users["leader"])
    assert client_for("leader").post(f"/plans/{sxd_draft_2025.pk}/delete/").status_code == 404
