"""Another agency reads none of an agency's figures, letters, points or answers: not by URL, export or API."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from service.models import ServicePoint
from service.tests.factories import DossierStatFactory, LetterFactory, respond, survey_with_questions

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(orgs):
    survey = survey_with_questions(orgs["TN"])
    point = ServicePoint.objects.create(organization=orgs["TN.SXD.QLXD"], name="Quầy riêng SXD")
    return {
        "stat": DossierStatFactory(organization=orgs["TN.SXD.QLXD"], procedure_field="Lĩnh vực riêng SXD"),
        "letter": LetterFactory(organization=orgs["TN.SXD.QLXD"], applicant="Người nộp riêng SXD"),
        "point": point,
        "response": respond(point, survey, [5, 4, 4, 5, 5], day=dt.date(2025, 3, 1), comment="Ý kiến riêng SXD"),
    }


def test_another_agency_opens_none_of_the_records(client_for, records):
    client = client_for("other-focal")
    for name, key in (("stat_detail", "stat"), ("stat_update", "stat"), ("stat_history", "stat"),
                      ("letter_detail", "letter"), ("letter_docx", "letter"), ("point_detail", "point"),
                      ("point_update", "point")):
        assert client.get(reverse(f"service:{name}", args=[records[key].pk])).status_code == 404, name
    for name, key in (("dossier-stat-detail", "stat"), ("letter-detail", "letter"),
                      ("survey-response-detail", "response")):
        assert client.get(reverse(name, args=[records[key].pk])).status_code == 404, name


def text_of(response) -> str:
    if response["Content-Type"].startswith("application/vnd.openxmlformats"):
        sheet = load_workbook(io.BytesIO(response.content)).active
        return " ".join(str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None)
    return response.content.decode()


def test_the_leader_finds_them_where_the_other_agency_does_not(client_for, records):
    assert "riêng SXD" in text_of(client_for("leader").get(reverse("service:stat_export")))
    assert "Ý kiến riêng SXD" in text_of(client_for("leader").get(reverse("survey-response-list")))


def test_another_agency_finds_none_in_lists_exports_and_api(client_for, records):
    client = client_for("other-focal")
    for url in (reverse("service:stat_list"), reverse("service:stat_export"), reverse("service:letter_list"),
                reverse("service:letter_export"), reverse("service:point_list"), reverse("service:results"),
                reverse("service:results_export"), reverse("dossier-stat-list"), reverse("letter-list"),
                reverse("survey-response-list")):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "riêng SXD" not in text_of(response), url


def test_the_api_writes_through_the_services(client_for, orgs):
    client = client_for("focal")
    response = client.post(reverse("dossier-stat-list"), {
        "organization": orgs["TN.SXD"].pk, "month": "2025-05-01", "received_online": 4, "settled_on_time": 3},
        content_type="application/json")
    assert response.status_code == 400 and "phải bằng" in response.content.decode()
    refused = client_for("other-focal").post(reverse("dossier-stat-list"), {
        "organization": orgs["TN.SXD"].pk, "month": "2025-05-01", "received_online": 3, "settled_on_time": 3},
        content_type="application/json")
    assert refused.status_code in (400, 403)
