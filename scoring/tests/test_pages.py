"""The pages: lists with pinned queries, the whole path through the forms, and the reviewers' conflict."""

import io

import pytest
from django.urls import reverse

from core.locking import VERSION_FIELD, version_of
from core.testing import ListPageContract
from scoring import services
from scoring.models import Assessment, AssessmentState, CriteriaSet, Score
from scoring.tests.factories import EXAMPLE, example_set, scored_assessment, under_review


class TestAssessmentList(ListPageContract):
    list_url_name = "scoring:assessment_list"
    export_url_name = "scoring:assessment_export"
    detail_url_name = "scoring:assessment_detail"
    history_url_name = "scoring:assessment_history"
    role = "coordinator"

    def add_rows(self, orgs, count):
        criteria_set = CriteriaSet.objects.get_or_create(province=orgs["TN"], year=2025, version=1,
                                                         defaults={"name": "Bộ tiêu chí", "grades": []})[0]
        start = Assessment.objects.count()
        return [Assessment.objects.create(criteria_set=criteria_set, agency=orgs["TN.SXD"], year=1900 + start + i)
                for i in range(count)]


class TestCriteriaSetList(ListPageContract):
    list_url_name = "scoring:set_list"
    export_url_name = "scoring:set_export"
    detail_url_name = "scoring:set_detail"
    history_url_name = "scoring:set_history"

    def add_rows(self, orgs, count):
        start = CriteriaSet.objects.count()
        return [CriteriaSet.objects.create(province=orgs["TN"], year=1900 + start + i, name=f"Bộ {i}", grades=[])
                for i in range(count)]


def test_the_coordinator_imports_a_set_from_yaml(client_for, orgs):
    upload = io.BytesIO(EXAMPLE.read_bytes())
    upload.name = "tieu-chi.yaml"
    response = client_for("coordinator").post(reverse("scoring:set_import"), {
        "province": orgs["TN"].pk, "file": upload, "submission_due": "15/12/2025"})
    assert response.status_code == 302
    criteria_set = CriteriaSet.objects.get(year=2025)
    assert criteria_set.items.count() == 20 and str(criteria_set.submission_due) == "2025-12-15"
    assert client_for("coordinator").get(reverse("scoring:set_yaml", args=[criteria_set.pk])).status_code == 200


def test_the_path_through_the_pages(client_for, orgs, users):
    assessment = scored_assessment(orgs, users)
    assessment.scores.update(self_points=None)
    focal = client_for("focal")
    url = reverse("scoring:assessment_detail", args=[assessment.pk])
    assert focal.post(reverse("scoring:assessment_propose", args=[assessment.pk])).status_code == 302
    for score in assessment.scores.select_related("criterion").filter(self_points__isnull=True,
                                                                       criterion__kind="criterion"):
        response = focal.post(reverse("scoring:score_self", args=[score.pk]), {
            "points": str(score.criterion.max_points), "explanation": "Đủ minh chứng",
            "evidence_title": "Báo cáo năm", "evidence_url": "https://example.org/bc.pdf",
            VERSION_FIELD: version_of(score)})
        assert response.status_code == 302, response.content.decode()[:500]
    assert focal.post(reverse("scoring:assessment_submit", args=[assessment.pk])).status_code == 302
    coordinator = client_for("coordinator")
    coordinator.post(reverse("scoring:assessment_start_review", args=[assessment.pk]))
    response = coordinator.post(reverse("scoring:assessment_return", args=[assessment.pk]),
                                {"criteria": ["TC3"], "note": "Bổ sung"})
    assert response.status_code == 302
    focal = client_for("focal")
    assert focal.post(reverse("scoring:assessment_answer", args=[assessment.pk]),
                      {"TC3": "Đã bổ sung"}).status_code == 302
    coordinator = client_for("coordinator")
    coordinator.post(reverse("scoring:assessment_finalize", args=[assessment.pk]))
    assessment.refresh_from_db()
    assert assessment.state == AssessmentState.FINALIZED and assessment.grade
    assert coordinator.post(reverse("scoring:set_publish", args=[assessment.criteria_set_id])).status_code == 302
    page = client_for("other-focal").get(reverse("scoring:ranking_list") + "?year=2025").content.decode()
    assert assessment.agency.name in page and assessment.grade in page
    assert client_for("other-focal").get(url).status_code == 404
    api = client_for("other-focal").get(reverse("ranking-list") + "?year=2025").json()
    assert api["results"][0]["grade"] == assessment.grade


def test_a_second_reviewer_gets_the_conflict_with_both_values_and_loses_nothing(client_for, orgs, users):
    assessment = under_review(orgs, users)
    score = assessment.scores.get(criterion__code="TC3")
    based_on = version_of(score)
    url = reverse("scoring:score_review", args=[score.pk])
    first = client_for("coordinator").post(url, {"points": "15", "review_reason": "Thiếu biên bản",
                                                 VERSION_FIELD: based_on})
    assert first.status_code == 302
    second = client_for("admin").post(url, {"points": "12", "review_reason": "Thiếu nhiều",
                                            VERSION_FIELD: based_on})
    page = second.content.decode()
    assert second.status_code == 400 and "15" in page and "Thiếu nhiều" in page
    assert Score.objects.get(pk=score.pk).review_points == 15


def test_the_review_form_is_refused_to_the_agency(client_for, orgs, users):
    assessment = under_review(orgs, users)
    score = assessment.scores.get(criterion__code="TC3")
    response = client_for("focal").post(reverse("scoring:score_review", args=[score.pk]),
                                        {"points": "1", "review_reason": "x", VERSION_FIELD: version_of(score)})
    assert response.status_code == 403
    assert Score.objects.get(pk=score.pk).review_points is None


@pytest.mark.parametrize("username", ["focal", "coordinator"])
def test_the_dossier_downloads_through_the_api(client_for, orgs, users, username):
    assessment = scored_assessment(orgs, users)
    response = client_for(username).get(reverse("assessment-docx", args=[assessment.pk]))
    assert response.status_code == 200 and response["Content-Type"].endswith("wordprocessingml.document")


def test_the_api_lists_assessments_with_their_scores_and_sets_with_their_items(client_for, orgs, users):
    assessment = scored_assessment(orgs, users)
    data = client_for("focal").get(reverse("assessment-detail", args=[assessment.pk])).json()
    assert {s["criterion"] for s in data["scores"]} >= {"TC1.1", "TC3", "B1"}
    sets = client_for("focal").get(reverse("criteria-set-list")).json()["results"]
    assert sets[0]["items"][0]["code"] == "TC1"


def test_the_ranking_page_and_export_answer_with_few_queries(client_for, orgs, users, django_assert_max_num_queries):
    criteria_set = example_set(orgs, users)
    for code in ("TN.SXD", "TN.SVHTTDL", "TN.SNV"):
        a = services.open_assessment(criteria_set, orgs[code], by=users["coordinator"])
        Assessment.objects.filter(pk=a.pk).update(state="finalized", total=80, grade="Khá")
    client = client_for("coordinator")
    with django_assert_max_num_queries(12):
        assert client.get(reverse("scoring:ranking_list") + "?year=2025").status_code == 200
    assert client.get(reverse("scoring:ranking_export") + "?year=2025").status_code == 200
