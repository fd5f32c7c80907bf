"""Once the coordinator forms a review team, each member reviews only the agencies and criterion groups given
them; without a team the province's coordinator reviews everything."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from orgs.models import Membership, Role
from orgs.tests.factories import UserFactory
from scoring import services
from scoring.models import AssessmentState, Reviewer
from scoring.tests.factories import example_set


@pytest.fixture
def round_2025(orgs, users):
    criteria_set = example_set(orgs, users)
    for code in ("TN.SXD", "TN.SVHTTDL"):
        services.open_assessment(criteria_set, orgs[code], by=users["coordinator"])
    return criteria_set


@pytest.fixture
def second_coordinator(orgs):
    user = UserFactory(username="reviewer-2", first_name="Bình", last_name="Trần Thị")
    Membership.objects.create(user=user, organization=orgs["TN.SNV"], role=Role.COORDINATOR)
    return user


def _under_review(criteria_set, agency_code, users):
    assessment = criteria_set.assessments.get(agency__code=agency_code)
    if assessment.state != AssessmentState.UNDER_REVIEW:
        assessment.state = AssessmentState.UNDER_REVIEW
        assessment.save()
    return assessment


def test_without_a_team_the_coordinator_reviews_every_score(round_2025, users):
    assessment = _under_review(round_2025, "TN.SXD", users)
    assert all(services.reviews(users["coordinator"], score) for score in assessment.scores.all())


def test_a_member_reviews_only_the_agency_and_group_given(round_2025, users, orgs, second_coordinator):
    group = round_2025.items.filter(parent__isnull=True).order_by("order").first()
    services.add_reviewer(round_2025, users["coordinator"], agency=orgs["TN.SXD"], by=users["coordinator"])
    services.add_reviewer(round_2025, second_coordinator, criterion=group, by=users["coordinator"])
    sxd = _under_review(round_2025, "TN.SXD", users)
    other = _under_review(round_2025, "TN.SVHTTDL", users)
    in_group = [s for s in other.scores.all() if services.group_of(s.criterion).pk == group.pk]
    outside = [s for s in other.scores.all() if services.group_of(s.criterion).pk != group.pk]
    assert all(services.reviews(users["coordinator"], s) for s in sxd.scores.all())
    assert not any(services.reviews(users["coordinator"], s) for s in other.scores.all())
    assert in_group and all(services.reviews(second_coordinator, s) for s in in_group)
    assert outside and not any(services.reviews(second_coordinator, s) for s in outside)
    with pytest.raises(PermissionDenied):
        services.review_score(outside[0], 0, reason="Không có tài liệu", by=second_coordinator)


def test_only_the_coordinator_forms_the_team_and_only_with_coordinators(round_2025, users, orgs):
    with pytest.raises(PermissionDenied):
        services.add_reviewer(round_2025, users["coordinator"], by=users["focal"])
    with pytest.raises(ValidationError):
        services.add_reviewer(round_2025, users["focal"], by=users["coordinator"])
    reviewer = services.add_reviewer(round_2025, users["coordinator"], by=users["coordinator"])
    with pytest.raises(ValidationError):
        services.add_reviewer(round_2025, users["coordinator"], by=users["coordinator"])
    services.remove_reviewer(reviewer, by=users["coordinator"])
    assert not Reviewer.objects.filter(criteria_set=round_2025).exists()


def test_the_set_page_shows_the_team_and_the_coordinator_adds_a_member(round_2025, users, orgs, client_for,
                                                                     second_coordinator):
    client = client_for("coordinator")
    response = client.post(reverse("scoring:reviewer_add", args=[round_2025.pk]),
                           {"user": second_coordinator.pk, "agency": orgs["TN.SXD"].pk, "criterion": ""})
    assert response.status_code == 302
    page = client.get(round_2025.get_absolute_url()).content.decode()
    assert "Trần Thị Bình" in page and "Sở Xây dựng tỉnh Tây Ninh" in page and "Mọi tiêu chí" in page
