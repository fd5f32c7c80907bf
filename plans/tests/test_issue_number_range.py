"""Issuing with a number too large for the database is refused with a message, not a 500."""

import pytest
from django.core.exceptions import ValidationError

from plans import services
from plans.models import PlanStatus


@pytest.fixture
def approved(sxd_draft_2025, users):
    services.submit_plan(sxd_draft_2025, by=users["focal"])
    return services.approve_plan(sxd_draft_2025, by=users["leader"])


def test_the_issue_form_refuses_a_twenty_digit_number(client_for, approved):
    user = client_for("leader")
    response = user.post(f"/plans/{approved.pk}/transition/", {"to": "issued", "number": "9" * 20})
    assert response.status_code < 500
    approved.refresh_from_db()
    assert approved.status == PlanStatus.APPROVED and approved.number is None


def test_the_service_refuses_a_number_out_of_range(approved, users):
    with pytest.raises(ValidationError) as caught:
        services.issue_plan(approved, by=users["leader"], number=10**19)
    assert "number" in caught.value.message_dict
