"""Self-scores: proposed from the measures registered today (by key), accepted or changed with an
explanation, with evidence linked to any register's records."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from core import registry
from core.periods import Period
from indicators.measures import Figure
from plans.models import Plan
from scoring import rules, services
from scoring.models import Evidence
from scoring.tests.factories import example_set
from training.models import StudySession


@pytest.fixture
def draft(orgs, users):
    return services.open_assessment(example_set(orgs, users), orgs["TN.SXD"], by=users["focal"])


def fake_measure(numerator, denominator, records=None):
    def measure(organizations, period, **_options):
        return Figure(numerator, denominator, records if records is not None else StudySession.objects.none())
    return measure


def test_a_proposed_score_is_the_formula_applied_to_the_measures_figure(draft, users, monkeypatch):
    sessions = StudySession.objects.filter(organization__path__startswith=draft.agency.path)
    monkeypatch.setitem(registry.measures._entries, "staff_study_rate", fake_measure(18, 20, sessions))
    monkeypatch.setitem(registry.measures._entries, "dossiers_on_time_rate", fake_measure(89, 100))
    monkeypatch.setitem(registry.measures._entries, "exemplars_count", fake_measure(2, None))
    services.propose_scores(draft, by=users["focal"])
    scores = {s.criterion.code: s for s in draft.scores.select_related("criterion")}
    assert scores["TC1.2"].proposed_points == 2 and scores["TC1.2"].proposed_basis == "18/20 (90,0%)"
    assert scores["TC4.1"].proposed_points == 0 and scores["TC6.1"].proposed_points == 15
    assert scores["TC5.3"].proposed_points is None  # no measure: scored by hand
    linked = Evidence.objects.filter(score=scores["TC1.2"], proposed=True)
    assert {e.record for e in linked} == set(sessions[:services.PROPOSED_EVIDENCE])


def test_a_proposal_reads_the_measure_registered_today_under_its_key(draft, users, orgs):
    services.propose_scores(draft, by=users["focal"])
    score = draft.scores.get(criterion__code="TC1.2")
    figure = registry.measures.get("staff_study_rate")([orgs["TN.SXD"]], Period.from_key("2025"))
    expected = rules.propose({"kind": "linear", "zero_at": 80, "full_at": 100}, 4,
                             Decimal(figure.numerator) * 100 / figure.denominator)
    assert figure.denominator and score.proposed_points == expected


def test_accepting_takes_the_proposals_and_a_change_needs_an_explanation(draft, users, monkeypatch):
    monkeypatch.setitem(registry.measures._entries, "staff_study_rate", fake_measure(18, 20))
    services.propose_scores(draft, by=users["focal"])
    services.accept_proposals(draft, by=users["focal"])
    score = draft.scores.get(criterion__code="TC1.2")
    assert score.self_points == 2
    with pytest.raises(ValidationError, match="explanation"):
        services.self_score(score, 3, by=users["focal"])
    services.self_score(score, 3, explanation="Đã học bổ sung ngày 20/12", by=users["focal"])
    score.refresh_from_db()
    assert score.self_points == 3 and score.history.first().history_user == users["focal"]


def test_a_self_score_stays_within_the_criterions_maximum(draft, users):
    score = draft.scores.get(criterion__code="TC3")
    with pytest.raises(ValidationError):
        services.self_score(score, 21, explanation="x", by=users["focal"])


def test_evidence_links_to_any_registers_record_or_an_address(draft, users, orgs):
    score = draft.scores.get(criterion__code="TC3")
    plan = Plan.objects.filter(organization=orgs["TN.SXD"]).first()
    linked = services.add_evidence(score, title="Kế hoạch dân vận", record=plan, by=users["focal"])
    address = services.add_evidence(score, title="Quy chế phối hợp", url="https://example.org/qc.pdf",
                                    by=users["focal"])
    assert linked.record == plan and linked.url == plan.get_absolute_url() and address.url.endswith("qc.pdf")
    with pytest.raises(ValidationError):
        services.add_evidence(score, title="Không có gì", by=users["focal"])


def test_another_agency_cannot_score_or_add_evidence(draft, users):
    score = draft.scores.get(criterion__code="TC3")
    with pytest.raises(PermissionDenied):
        services.self_score(score, 10, explanation="x", by=users["other-focal"])
    with pytest.raises(PermissionDenied):
        services.add_evidence(score, title="x", url="https://x", by=users["other-focal"])


def test_self_scores_do_not_change_once_submitted(draft, users):
    for score in draft.scores.select_related("criterion").filter(criterion__kind="criterion"):
        score.self_points = score.criterion.max_points
        score.save()
    services.submit(draft, by=users["focal"])
    with pytest.raises(ValidationError):
        services.self_score(draft.scores.get(criterion__code="TC3"), 10, explanation="x", by=users["focal"])
