"""The drafters may take back a plan they submitted, before the leader decides; nobody else may."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from plans import services
from plans.models import CommentKind, PlanStatus


def test_the_drafter_withdraws_a_submitted_plan(sxd_draft_2025, users):
    services.submit_plan(sxd_draft_2025, by=users["focal"])
    plan = services.withdraw_plan(sxd_draft_2025, by=users["focal"], comment="Cần sửa số liệu")
    assert plan.status == PlanStatus.DRAFT
    assert plan.comments.last().kind == CommentKind.WITHDRAWN


def test_the_leader_cannot_withdraw_but_returns(sxd_draft_2025, users):
    services.submit_plan(sxd_draft_2025, by=users["focal"])
    with pytest.raises(PermissionDenied):
        services.withdraw_plan(sxd_draft_2025, by=users["leader"])


def test_an_approved_plan_cannot_be_withdrawn(sxd_draft_2025, users):
    services.submit_plan(sxd_draft_2025, by=users["focal"])
    services.approve_plan(sxd_draft_2025, by=users["leader"])
    with pytest.raises(ValidationError):
        services.withdraw_plan(sxd_draft_2025, by=users["focal"])


def test_the_withdraw_button_is_offered_to_the_drafter_only(sxd_draft_2025, users, client_for):
    services.submit_plan(sxd_draft_2025, by=users["focal"])
    assert 'value="withdraw"' in client_for("focal").get(f"/plans/{sxd_draft_2025.pk}/").content.decode()
    assert 'value="withdraw"' not in client_for("leader").get(f"/plans/{sxd_draft_2025.pk}/").content.decode()
