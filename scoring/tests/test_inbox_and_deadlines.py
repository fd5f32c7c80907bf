"""What waits for each side shows in their inbox and calendar."""

import datetime as dt

from core.registry import deadlines_for, inbox_for
from scoring import services
from scoring.tests.factories import scored_assessment


def test_the_coordinator_sees_submitted_assessments_and_the_agency_its_returned_one(orgs, users):
    assessment = scored_assessment(orgs, users)
    services.submit(assessment, by=users["focal"])
    waiting = [item for item in inbox_for(users["coordinator"]) if item.url == assessment.get_absolute_url()]
    assert [item.count for item in waiting] == [1]
    services.start_review(assessment, by=users["coordinator"])
    services.return_for_explanation(assessment, ["TC3"], by=users["coordinator"])
    focal = [item for item in inbox_for(users["focal"]) if item.url == assessment.get_absolute_url()]
    assert len(focal) == 1 and focal[0].count == 1
    assert not [item for item in inbox_for(users["other-focal"]) if item.url == assessment.get_absolute_url()]


def test_a_draft_self_assessment_is_a_deadline_of_its_agency_only(orgs, users):
    assessment = scored_assessment(orgs, users)
    assessment.criteria_set.submission_due = dt.date(2025, 12, 15)
    assessment.criteria_set.save()
    keys = {d.key: d.due for d in deadlines_for(users["focal"], until=dt.date(2025, 12, 31))}
    assert keys[f"scoring.assessment-{assessment.pk}"] == dt.date(2025, 12, 15)
    assert f"scoring.assessment-{assessment.pk}" not in {
        d.key for d in deadlines_for(users["coordinator"], until=dt.date(2025, 12, 31))}


def test_the_dashboards_show_the_years_self_assessments_of_their_agencies(client_for, orgs, users):
    assessment = scored_assessment(orgs, users)
    client = client_for("coordinator")
    assert 'id="panel-scoring"' in client.get("/dashboard/province/?year=2025").content.decode()
    panel = client.get("/dashboard/panels/scoring/?year=2025")  # what the page's slot fetches once shown
    assert panel.status_code == 200 and 'id="scoring-panel"' in panel.content.decode()
    assert assessment.agency.name in panel.content.decode()
    assert client.get("/dashboard/panels/scoring/?year=2019").content == b""
