"""The states of an assessment: a table of transitions; every other move is refused."""

import datetime as dt
from itertools import groupby

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from scoring import services
from scoring.models import AssessmentState
from scoring.tests.factories import scored_assessment

ALLOWED = {(state, action) for action, (sources, _target, _actor) in services.TRANSITIONS.items() for state in sources}
ACTOR = {"agency": "focal", "reviewer": "coordinator"}


@pytest.mark.parametrize("state", AssessmentState.values)
@pytest.mark.parametrize("action", list(services.TRANSITIONS))
def test_each_action_moves_only_from_the_states_the_table_lists(orgs, users, state, action):
    assessment = scored_assessment(orgs, users)
    assessment.state = state
    assessment.save()
    by = users[ACTOR[services.TRANSITIONS[action][2]]]
    if (state, action) in ALLOWED:
        services.transition(assessment, action, by=by)
        assessment.refresh_from_db()
        assert assessment.state == services.TRANSITIONS[action][1]
    else:
        with pytest.raises(ValidationError):
            services.transition(assessment, action, by=by)
        assessment.refresh_from_db()
        assert assessment.state == state


@pytest.mark.parametrize("action", list(services.TRANSITIONS))
def test_each_action_is_taken_only_by_its_side(orgs, users, action):
    assessment = scored_assessment(orgs, users)
    sources, _target, actor = services.TRANSITIONS[action]
    assessment.state = sorted(sources)[0]
    assessment.save()
    wrong = {"agency": ["coordinator", "other-focal", "leader"], "reviewer": ["focal", "other-focal", "leader"]}
    for username in wrong[actor]:
        with pytest.raises(PermissionDenied):
            services.transition(assessment, action, by=users[username])


def test_the_whole_path_from_draft_to_finalized(orgs, users):
    assessment = scored_assessment(orgs, users)
    services.submit(assessment, by=users["focal"])
    services.start_review(assessment, by=users["coordinator"])
    services.return_for_explanation(assessment, ["TC3"], note="Thiếu minh chứng", by=users["coordinator"])
    services.answer_returned(assessment, {"TC3": "Đã bổ sung biên bản"}, by=users["focal"])
    services.finalize(assessment, by=users["coordinator"])
    assessment.refresh_from_db()
    assert assessment.state == AssessmentState.FINALIZED and assessment.total == 100 and assessment.grade == "Tốt"
    states = [state for state, _records in groupby(r.state for r in assessment.history.order_by("history_id"))]
    assert states == ["draft", "submitted", "under_review", "returned", "under_review", "finalized"]


def test_a_draft_with_an_unscored_criterion_cannot_be_submitted(orgs, users):
    assessment = scored_assessment(orgs, users)
    assessment.scores.filter(criterion__code="TC5.3").update(self_points=None)
    with pytest.raises(ValidationError, match="TC5.3"):
        services.submit(assessment, by=users["focal"])


def test_the_deadline_closes_submission_until_the_coordinator_reopens_it(orgs, users, monkeypatch):
    assessment = scored_assessment(orgs, users)
    criteria_set = assessment.criteria_set
    criteria_set.submission_due = dt.date(2025, 12, 15)
    criteria_set.save()
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a: dt.date(2025, 12, 20))
    with pytest.raises(ValidationError):
        services.submit(assessment, by=users["focal"])
    assessment.refresh_from_db()
    assert assessment.state == AssessmentState.DRAFT
    services.reopen(assessment, until=dt.date(2025, 12, 22), by=users["coordinator"])
    assert services.submit(assessment, by=users["focal"]).state == AssessmentState.SUBMITTED


def test_the_due_date_on_a_day_off_moves_to_the_next_working_day(orgs, users, monkeypatch):
    assessment = scored_assessment(orgs, users)
    assessment.criteria_set.submission_due = dt.date(2025, 12, 13)  # a Saturday
    assert not services.is_past_deadline(assessment, today=dt.date(2025, 12, 15))
    assert services.is_past_deadline(assessment, today=dt.date(2025, 12, 16))


def test_an_agency_marked_not_eligible_needs_a_reason_and_gets_no_grade(orgs, users):
    assessment = scored_assessment(orgs, users)
    services.submit(assessment, by=users["focal"])
    services.start_review(assessment, by=users["coordinator"])
    with pytest.raises(ValidationError):
        services.mark_not_eligible(assessment, reason=" ", by=users["coordinator"])
    services.mark_not_eligible(assessment, reason="Bị thanh tra kết luận vi phạm", by=users["coordinator"])
    services.finalize(assessment, by=users["coordinator"])
    assessment.refresh_from_db()
    assert assessment.not_eligible and assessment.grade == "" and assessment.total is None
