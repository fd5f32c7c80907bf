"""Rows of the permission walk for the service records: figures, a letter and a service point of Phòng
QLHĐXD (the sample unit), and the province's questionnaire of the year."""

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

from django.utils import timezone

from danvan.tests.permission_table import (
    CHANGES_SAMPLE,
    CHANGES_SOMEWHERE,
    SEES_SAMPLE,
    SIGNED_IN,
    Rule,
    api,
    everyone,
    page,
)
from service.models import DossierStat, Letter, Question, ServicePoint, Survey, SurveyResponse

# The coordinator keeps the province's questionnaire (its own node); everyone in the province reads it.
KEEPS_SURVEY = frozenset({"admin", "coordinator"})


def _stat(orgs):
    return DossierStat.objects.get_or_create(organization=orgs["TN.SXD.QLXD"], month=dt.date(2025, 1, 1),
                                             procedure_field="Mẫu", defaults={"received_online": 1,
                                                                             "settled_on_time": 1})[0]


def _letter(orgs):
    return Letter.objects.get_or_create(
        organization=orgs["TN.SXD.QLXD"], kind="apology", dossier_code="MAU-250101-0001", defaults={
            "year": 2025, "number": 1, "date": dt.date(2025, 1, 2), "applicant": "Nguyễn Văn Mẫu",
            "procedure": "Cấp phép", "received_on": dt.date(2025, 1, 1), "reason": "Mẫu",
            "due_at": timezone.make_aware(dt.datetime(2025, 1, 10, 16)), "new_due_date": dt.date(2025, 1, 20)})[0]


def _survey(orgs):
    survey = Survey.objects.get_or_create(province=orgs["TN"], year=timezone.localdate().year,
                                          defaults={"title": "Khảo sát mẫu"})[0]
    Question.objects.get_or_create(survey=survey, factor="staff", text="Công chức lịch sự")
    return survey


def _question(orgs):
    return _survey(orgs).questions.first()


def _point(orgs):
    return ServicePoint.objects.get_or_create(organization=orgs["TN.SXD.QLXD"], name="Quầy mẫu")[0]


def _token(orgs):
    _survey(orgs)
    return SimpleNamespace(pk=_point(orgs).token)


def _response(orgs):
    survey = _survey(orgs)
    return SurveyResponse.objects.get_or_create(survey=survey, service_point=_point(orgs),
                                                organization=orgs["TN.SXD.QLXD"], defaults={
                                                    "submitted_on": dt.date(2025, 2, 1), "average": Decimal(5)})[0]


def _response_marker(org, marker):
    point = ServicePoint.objects.create(organization=org, name=marker)
    province = int(org.path.strip("/").split("/")[0])
    survey = Survey.objects.get_or_create(province_id=province, year=2025, defaults={"title": "Khảo sát"})[0]
    SurveyResponse.objects.create(survey=survey, service_point=point, organization=org,
                                  submitted_on=dt.date(2025, 2, 1), average=Decimal(4), comment=marker)


SAMPLES = {
    "dossier_stat": _stat, "service_letter": _letter, "survey": _survey, "survey_question": _question,
    "service_point": _point, "survey_token": _token, "survey_response": _response,
    "qr_png": lambda orgs: SimpleNamespace(pk="png"),
}
PAYLOADS = {
    "new_stat_in_sample_unit": lambda samples: {
        "organization": samples["organization"].pk, "month": "2025-06-01", "received_online": 3,
        "settled_on_time": 3},
}
RULES = {
    "service:stat_list": Rule(get=page()),
    "service:stat_export": Rule(get=page()),
    "service:stat_create": Rule(get=page(CHANGES_SOMEWHERE, denied=403),
                                post=page(CHANGES_SOMEWHERE, ok=400, denied=403)),
    "service:stat_import": Rule(get=page(CHANGES_SOMEWHERE, denied=403),
                                post=page(CHANGES_SOMEWHERE, ok=400, denied=403)),
    "service:stat_detail": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "dossier_stat"}),
    "service:stat_update": Rule(get=page(CHANGES_SAMPLE), post=page(CHANGES_SAMPLE, ok=400),
                                kwargs={"pk": "dossier_stat"}),
    "service:stat_delete": Rule(get=page(CHANGES_SAMPLE), post=page(CHANGES_SAMPLE, ok=302),
                                kwargs={"pk": "dossier_stat"}),
    "service:stat_history": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "dossier_stat"}),
    "service:letter_list": Rule(get=page()),
    "service:letter_export": Rule(get=page()),
    "service:apology_create": Rule(get=page(CHANGES_SOMEWHERE, denied=403),
                                   post=page(CHANGES_SOMEWHERE, ok=400, denied=403)),
    "service:thanks_create": Rule(get=page(CHANGES_SOMEWHERE, denied=403),
                                  post=page(CHANGES_SOMEWHERE, ok=400, denied=403)),
    "service:letter_detail": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "service_letter"}),
    "service:letter_docx": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "service_letter"}),
    "service:letter_history": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "service_letter"}),
    "service:survey_list": Rule(get=page()),
    "service:survey_create": Rule(get=page(CHANGES_SOMEWHERE, denied=403),
                                  post=page(CHANGES_SOMEWHERE, ok=400, denied=403)),
    "service:survey_detail": Rule(get=page(), kwargs={"pk": "survey"}),
    "service:survey_update": Rule(get=page(KEEPS_SURVEY), post=page(KEEPS_SURVEY, ok=400), kwargs={"pk": "survey"}),
    "service:survey_history": Rule(get=page(), kwargs={"pk": "survey"}),
    "service:question_create": Rule(get=page(KEEPS_SURVEY), post=page(KEEPS_SURVEY, ok=400),
                                    kwargs={"survey": "survey"}),
    "service:question_update": Rule(get=page(KEEPS_SURVEY), post=page(KEEPS_SURVEY, ok=400),
                                    kwargs={"pk": "survey_question"}),
    "service:question_delete": Rule(get=page(KEEPS_SURVEY), post=page(KEEPS_SURVEY, ok=302),
                                    kwargs={"pk": "survey_question"}),
    "service:results": Rule(get=page()),
    "service:results_export": Rule(get=page()),
    "service:point_list": Rule(get=page()),
    "service:point_export": Rule(get=page()),
    "service:point_create": Rule(get=page(CHANGES_SOMEWHERE, denied=403),
                                 post=page(CHANGES_SOMEWHERE, ok=400, denied=403)),
    "service:point_detail": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "service_point"}),
    "service:point_update": Rule(get=page(CHANGES_SAMPLE), post=page(CHANGES_SAMPLE, ok=400),
                                 kwargs={"pk": "service_point"}),
    "service:point_qr": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "service_point", "fmt": "qr_png"}),
    "service:point_history": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "service_point"}),
    # Citizens answer without an account; an empty answer sheet is refused with its errors.
    "service:public_survey": Rule(get=everyone(200), post=everyone(400), kwargs={"token": "survey_token"}),
    "dossier-stat-list": Rule(get=api(), post=api(CHANGES_SAMPLE, ok=201, denied=403),
                              post_data="new_stat_in_sample_unit"),
    "dossier-stat-detail": Rule(get=api(SEES_SAMPLE), kwargs={"pk": "dossier_stat"}),
    "letter-list": Rule(get=api()),
    "letter-detail": Rule(get=api(SEES_SAMPLE), kwargs={"pk": "service_letter"}),
    "survey-list": Rule(get=api()),
    "survey-detail": Rule(get=api(SIGNED_IN), kwargs={"pk": "survey"}),
    "survey-response-list": Rule(get=api()),
    # Single responses (with their free text) are read by the leaders and the coordinator only.
    "survey-response-detail": Rule(get=api({"admin", "coordinator", "leader"}), kwargs={"pk": "survey_response"}),
}
LEAK_MARKERS = {
    "dossier_stat": lambda org, marker: DossierStat.objects.create(organization=org, month=dt.date(2025, 1, 1),
                                                                   procedure_field=marker),
    "service_letter": lambda org, marker: Letter.objects.create(
        organization=org, kind="thanks", year=2025, date=dt.date(2025, 1, 2), dossier_code=marker, applicant=marker,
        procedure="Cấp phép", received_on=dt.date(2025, 1, 1),
        due_at=timezone.make_aware(dt.datetime(2025, 1, 10, 16))),
    "service_response": _response_marker,
}
