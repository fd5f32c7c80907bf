"""The public survey: opened from a service point's code without an account, answered 1–5 per question with
optional comments; robots, floods, oversize text and answers outside the scale are refused and save nothing;
what a citizen typed is shown inert, and only to the organization's leaders and the coordinator."""

import pytest
from django.core.cache import caches
from django.urls import reverse
from django.utils import timezone

from core.testing import public_form_data
from service import qr
from service.models import ServicePoint, SurveyResponse
from service.tests.factories import survey_with_questions
from service.views import SurveyAnswerForm

pytestmark = pytest.mark.django_db
SCRIPT = "<script>alert(1)</script>"


@pytest.fixture(autouse=True)
def fresh_counts():
    caches["ratelimit"].clear()
    yield
    caches["ratelimit"].clear()


@pytest.fixture
def point(orgs):
    survey_with_questions(orgs["TN"], year=timezone.localdate().year)
    return ServicePoint.objects.create(organization=orgs["TN.SXD"], name="Bộ phận Một cửa")


def answers(point, *values, **fields):
    questions = point_questions(point)
    data = {f"q{q.pk}": str(v) for q, v in zip(questions, values, strict=True)}
    return public_form_data(SurveyAnswerForm, **(data | fields))


def point_questions(point):
    from service.services import survey_for

    return list(survey_for(point).questions.order_by("order"))


def test_a_citizen_answers_without_an_account(client, point):
    url = point.get_survey_path()
    page = client.get(url)
    assert page.status_code == 200 and "Câu 1" in page.content.decode()
    response = client.post(url, answers(point, 5, 4, 4, 5, 3, comment="Rất tốt"))
    assert response.status_code == 200 and 'id="survey-thanks"' in response.content.decode()
    saved = SurveyResponse.objects.get()
    assert saved.organization == point.organization and str(saved.average) == "4.20"
    assert sorted(saved.answers.values_list("factor", flat=True)) == sorted(
        ["access", "procedure", "staff", "result", "feedback"])


@pytest.mark.parametrize("outside", ["0", "6", "-1", "4.5", "năm"])
def test_an_answer_outside_one_to_five_is_refused(client, point, outside):
    data = answers(point, 5, 5, 5, 5, 5)
    data[f"q{point_questions(point)[0].pk}"] = outside
    response = client.post(point.get_survey_path(), data)
    assert response.status_code == 400 and not SurveyResponse.objects.exists()


def test_every_question_is_answered(client, point):
    data = answers(point, 5, 5, 5, 5, 5)
    del data[f"q{point_questions(point)[-1].pk}"]
    assert client.post(point.get_survey_path(), data).status_code == 400
    assert not SurveyResponse.objects.exists()


def test_the_service_refuses_an_answer_outside_the_scale_whatever_the_form(point):
    from django.core.exceptions import ValidationError

    from service.services import submit_response

    values = {q.pk: 5 for q in point_questions(point)} | {point_questions(point)[0].pk: 7}
    with pytest.raises(ValidationError):
        submit_response(point, values)
    assert not SurveyResponse.objects.exists()


def test_oversize_comments_are_refused(client, point, settings):
    response = client.post(point.get_survey_path(), answers(point, 5, 5, 5, 5, 5, comment="x" * 2001))
    assert response.status_code == 400 and "2001" in response.content.decode()
    settings.PUBLIC_MAX_BODY_BYTES = 1000
    response = client.post(point.get_survey_path(), answers(point, 5, 5, 5, 5, 5, comment="x" * 1500))
    assert response.status_code == 413 and not SurveyResponse.objects.exists()


def test_a_robot_filling_the_honeypot_saves_nothing(client, point):
    response = client.post(point.get_survey_path(), answers(point, 5, 5, 5, 5, 5, website="http://spam"))
    assert response.status_code == 400 and not SurveyResponse.objects.exists()


def test_one_address_over_the_rate_gets_429_and_nothing_more_is_saved(client, point, settings):
    from service.views import PublicSurvey

    PublicSurvey.rate, before = "3/h", PublicSurvey.rate
    try:
        statuses = [client.post(point.get_survey_path(), answers(point, 5, 5, 5, 5, 5)).status_code
                    for _ in range(4)]
    finally:
        PublicSurvey.rate = before
    assert statuses == [200, 200, 200, 429] and SurveyResponse.objects.count() == 3


def test_a_script_in_the_comments_is_shown_inert(client, client_for, point):
    refused = client.post(point.get_survey_path(), answers(point, 9, 5, 5, 5, 5, comment=SCRIPT))
    assert SCRIPT not in refused.content.decode() and "&lt;script&gt;" in refused.content.decode()
    client.post(point.get_survey_path(), answers(point, 5, 5, 5, 5, 5, comment=SCRIPT))
    page = client_for("leader").get(reverse("service:results")).content.decode()
    assert SCRIPT not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_comments_are_read_by_the_leaders_and_the_coordinator_only(client, client_for, point):
    client.post(point.get_survey_path(), answers(point, 5, 5, 5, 5, 5, comment="Góp ý riêng"))
    for role, reads in (("leader", True), ("coordinator", True), ("focal", False), ("inspector", False)):
        page = client_for(role).get(reverse("service:results")).content.decode()
        assert ("Góp ý riêng" in page) is reads, role
        api = client_for(role).get(reverse("survey-response-list")).content.decode()
        assert ("Góp ý riêng" in api) is reads, role


def test_other_roles_get_aggregates_from_the_api(client, client_for, point):
    client.post(point.get_survey_path(), answers(point, 5, 5, 5, 5, 5))
    client.post(point.get_survey_path(), answers(point, 1, 2, 3, 2, 1))
    data = client_for("focal").get(reverse("survey-response-list")).json()
    overall = [row for row in data["aggregates"] if row["group"] == "overall"][0]
    assert (overall["respondents"], overall["satisfied"], overall["rate"]) == (2, 1, 50.0)
    staff = [row for row in data["aggregates"] if row["group"] == "factor"][2]
    assert (staff["respondents"], staff["rate"]) == (2, 50.0)


def test_an_unknown_or_retired_point_has_no_survey(client, point):
    assert client.get(reverse("service:public_survey", args=["nope"])).status_code == 404
    point.active = False
    point.save()
    assert client.get(point.get_survey_path()).status_code == 404


def test_the_qr_code_prints_as_png_and_pdf_and_holds_the_survey_address(client_for, point):
    client = client_for("focal")
    png = client.get(reverse("service:point_qr", args=[point.pk, "png"]))
    pdf = client.get(reverse("service:point_qr", args=[point.pk, "pdf"]))
    assert png.content.startswith(b"\x89PNG") and pdf.content.startswith(b"%PDF")
    page = client.get(point.get_absolute_url()).content.decode()
    assert f"http://testserver{point.get_survey_path()}" in page
    assert qr.png(f"http://testserver{point.get_survey_path()}") == png.content


def test_the_results_export_has_a_rate_and_respondents_per_group(client, client_for, point):
    from core.testing import read_export

    client.post(point.get_survey_path(), answers(point, 5, 5, 5, 5, 5))
    response = client_for("leader").get(reverse("service:results_export"))
    headers, rows = read_export(response.content)
    assert headers == ["Nhóm", "Tên", "Số người trả lời", "Hài lòng", "Tỷ lệ (%)"]
    assert rows[0][2:] == [1, 1, 100]


def test_the_results_page_reads_the_same_number_of_queries_whatever_the_answers(client_for, point,
                                                                                 django_assert_max_num_queries):
    from service.services import survey_for
    from service.tests.factories import respond

    survey = survey_for(point)
    client = client_for("coordinator")
    respond(point, survey, [5, 5, 5, 5, 5], day=timezone.localdate(), comment="Một")
    with django_assert_max_num_queries(14):
        assert client.get(reverse("service:results")).status_code == 200
    other = ServicePoint.objects.create(organization=point.organization, name="Quầy 2")
    for n in range(20):
        respond(other if n % 2 else point, survey, [4, 3, 5, 2, 5], day=timezone.localdate(), comment=f"Ý kiến {n}")
    with django_assert_max_num_queries(14):
        assert client.get(reverse("service:results")).status_code == 200
