"""The questionnaire is data: the coordinator writes its questions under the five SIPAS 2017 factors; other
roles read it; a question citizens have answered stays."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from service import services
from service.models import Question, ServicePoint, Survey
from service.tests.factories import respond, survey_with_questions

pytestmark = pytest.mark.django_db


def test_the_coordinator_adds_a_question_under_a_factor(client_for, orgs):
    survey = survey_with_questions(orgs["TN"])
    response = client_for("coordinator").post(reverse("service:question_create", args=[survey.pk]), {
        "factor": "result", "order": 9, "text": "Kết quả được trả đúng hẹn"})
    assert response.status_code == 302
    question = survey.questions.get(text="Kết quả được trả đúng hẹn")
    assert question.get_factor_display() == "Kết quả giải quyết"
    page = client_for("focal").get(survey.get_absolute_url()).content.decode()
    assert "Kết quả được trả đúng hẹn" in page and reverse("service:question_update", args=[question.pk]) not in page


def test_an_agency_cannot_change_the_provinces_questionnaire(orgs, users):
    survey = survey_with_questions(orgs["TN"])
    question = Question(survey=survey, factor="staff", text="Không được thêm")
    with pytest.raises(PermissionDenied):
        services.save_question(question, by=users["focal"])
    with pytest.raises(PermissionDenied):
        services.save_survey(Survey(province=orgs["TN"], year=2030, title="Khác"), by=users["focal"])


def test_one_questionnaire_per_province_and_year(orgs, users):
    survey_with_questions(orgs["TN"], year=2030)
    with pytest.raises(ValidationError):
        services.save_survey(Survey(province=orgs["TN"], year=2030, title="Lần hai"), by=users["coordinator"])


def test_an_answered_question_is_not_deleted(orgs, users):
    survey = survey_with_questions(orgs["TN"], year=timezone.localdate().year)
    point = ServicePoint.objects.create(organization=orgs["TN.SXD"], name="Quầy 1")
    respond(point, survey, [5, 5, 5, 5, 5])
    with pytest.raises(ValidationError):
        services.delete_question(survey.questions.first(), by=users["coordinator"])
