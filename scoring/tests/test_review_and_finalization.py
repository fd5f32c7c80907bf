"""Review by the coordinator, the agency's one answer, and finalization that fixes and locks everything."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from core.access import scoped
from core.locking import StaleVersionError, version_of
from scoring import services
from scoring.models import Assessment, Evidence, Score
from scoring.tests.factories import example_data, scored_assessment, under_review


def score_of(assessment, code):
    return assessment.scores.select_related("criterion", "assessment__criteria_set").get(criterion__code=code)


def test_a_reviewed_score_that_differs_needs_a_reason(orgs, users):
    assessment = under_review(orgs, users)
    with pytest.raises(ValidationError, match="reason"):
        services.review_score(score_of(assessment, "TC3"), 15, by=users["coordinator"])
    services.review_score(score_of(assessment, "TC3"), 20, by=users["coordinator"])  # the same: no reason needed
    services.review_score(score_of(assessment, "TC3"), 15, reason="Thiếu biên bản quý IV", by=users["coordinator"])
    assert score_of(assessment, "TC3").final_points == 15


def test_only_the_coordinator_reviews(orgs, users):
    assessment = under_review(orgs, users)
    for username in ("focal", "leader", "other-focal"):
        with pytest.raises(PermissionDenied):
            services.review_score(score_of(assessment, "TC3"), 15, reason="x", by=users[username])


def test_the_agency_answers_a_returned_criterion_once(orgs, users):
    assessment = under_review(orgs, users)
    services.return_for_explanation(assessment, ["TC3"], by=users["coordinator"])
    with pytest.raises(ValidationError, match="TC3"):
        services.answer_returned(assessment, {"TC3": " "}, by=users["focal"])
    services.answer_returned(assessment, {"TC3": "Biên bản đính kèm"}, by=users["focal"])
    assert score_of(assessment, "TC3").agency_answer == "Biên bản đính kèm"
    with pytest.raises(ValidationError, match="TC3"):
        services.return_for_explanation(assessment, ["TC3"], by=users["coordinator"])
    with pytest.raises(ValidationError):
        services.answer_returned(assessment, {"TC3": "Lần hai"}, by=users["focal"])


def test_finalizing_adds_bonus_and_penalty_caps_at_the_maximum_and_grades(orgs, users):
    assessment = under_review(orgs, users, points=Decimal(100))
    services.review_score(score_of(assessment, "TC3"), 17, reason="Thiếu báo cáo", by=users["coordinator"])
    score = score_of(assessment, "B1")
    score.self_points = 3
    score.save()
    score = score_of(assessment, "P2")
    score.review_points = 1
    score.save()
    services.finalize(assessment, by=users["coordinator"])
    assessment.refresh_from_db()
    # 97 + 3 − 1 = 99; TC3 at 85% of 20 still meets Tốt's share
    assert (assessment.total, assessment.grade) == (Decimal("99.00"), "Tốt")


def test_reserved_points_are_given_by_the_reviewer_before_finalizing(orgs, users):
    data = example_data(reserved=[{"code": "R1", "title": "Đánh giá của Sở Nội vụ", "max": 10}])
    data["criteria"][2]["max"] = 10
    assessment = under_review(orgs, users, **data)
    with pytest.raises(ValidationError):
        services.self_score(score_of(assessment, "R1"), 10, by=users["focal"])
    with pytest.raises(ValidationError, match="R1"):
        services.finalize(assessment, by=users["coordinator"])
    services.review_score(score_of(assessment, "R1"), 8, by=users["coordinator"])
    assert services.finalize(assessment, by=users["coordinator"]).total == 98


def test_a_red_line_forces_the_lowest_band_whatever_the_total(orgs, users):
    assessment = under_review(orgs, users)
    services.set_red_lines(assessment, ["RL1"], by=users["coordinator"])
    services.finalize(assessment, by=users["coordinator"])
    assessment.refresh_from_db()
    assert (assessment.total, assessment.grade) == (100, "Yếu")


def test_a_finalized_assessment_is_locked(orgs, users):
    assessment = under_review(orgs, users)
    services.finalize(assessment, by=users["coordinator"])
    score = score_of(assessment, "TC3")
    coordinator, focal = users["coordinator"], users["focal"]
    refused = [
        lambda: services.review_score(score, 10, reason="x", by=coordinator),
        lambda: services.self_score(score, 10, explanation="x", by=focal),
        lambda: services.add_evidence(score, title="x", url="https://x", by=focal),
        lambda: services.set_red_lines(assessment, ["RL1"], by=coordinator),
        lambda: services.mark_not_eligible(assessment, reason="x", by=coordinator),
        lambda: services.return_for_explanation(assessment, ["TC3"], by=coordinator),
        lambda: services.finalize(assessment, by=coordinator),
        lambda: services.reopen(assessment, until=None, by=coordinator),
        lambda: services.propose_scores(assessment, by=coordinator),
    ]
    for attempt in refused:
        with pytest.raises(ValidationError):
            attempt()
    assessment.refresh_from_db()
    assert (assessment.state, assessment.total, score_of(assessment, "TC3").final_points) == ("finalized", 100, 20)
    for user in (coordinator, focal):
        assert not scoped(Assessment, user, "change").filter(pk=assessment.pk).exists()
        assert not scoped(Score, user, "change").filter(assessment=assessment).exists()
        assert not scoped(Evidence, user, "change").filter(score__assessment=assessment).exists()


def test_two_reviewers_never_overwrite_each_other_silently(orgs, users):
    assessment = under_review(orgs, users)
    first, second = score_of(assessment, "TC3"), score_of(assessment, "TC3")
    based_on = version_of(first)
    services.review_score(first, 15, reason="Thiếu biên bản", by=users["coordinator"], version=based_on)
    with pytest.raises(StaleVersionError) as refused:
        services.review_score(second, 18, reason="Đủ minh chứng", by=users["admin"], version=based_on)
    assert "«15.00»" in refused.value.message or "«15»" in refused.value.message
    assert score_of(assessment, "TC3").review_points == 15
    services.review_score(second, 18, reason="Đủ minh chứng", by=users["admin"], version=version_of(second))
    assert score_of(assessment, "TC3").review_points == 18


def test_the_review_keeps_the_self_score_beside_it(orgs, users):
    assessment = scored_assessment(orgs, users)
    services.submit(assessment, by=users["focal"])
    services.start_review(assessment, by=users["coordinator"])
    services.review_score(score_of(assessment, "TC4.2"), 7, reason="Khảo sát chưa đủ mẫu", by=users["coordinator"])
    score = score_of(assessment, "TC4.2")
    assert (score.self_points, score.review_points, score.final_points) == (10, 7, 7)
