"""Service records with known figures."""

import datetime as dt
from decimal import Decimal

import factory
from django.utils import timezone

from orgs.tests.factories import AgencyFactory, OrganizationFactory
from service.models import Answer, DossierStat, Letter, LetterKind, Question, ServicePoint, Survey, SurveyResponse


class DossierStatFactory(factory.django.DjangoModelFactory):
    """A month of 10 dossiers: 2 early, 6 on time, 2 late, none pending."""

    class Meta:
        model = DossierStat

    organization = factory.SubFactory(OrganizationFactory)
    month = dt.date(2025, 1, 1)
    received_online = 6
    received_direct = 4
    settled_early = 2
    settled_on_time = 6
    settled_late = 2


class LetterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Letter

    organization = factory.SubFactory(OrganizationFactory)
    kind = LetterKind.APOLOGY
    year = 2025
    number = factory.Sequence(lambda n: n + 1)
    date = dt.date(2025, 1, 10)
    dossier_code = factory.Sequence(lambda n: f"000.00.SXD-250105-{n:04d}")
    applicant = "Nguyễn Văn A"
    procedure = "Cấp giấy phép xây dựng"
    received_on = dt.date(2025, 1, 5)
    due_at = factory.LazyFunction(lambda: timezone.make_aware(dt.datetime(2025, 1, 15, 16, 30)))
    reason = "Cần lấy ý kiến cơ quan liên quan"
    new_due_date = dt.date(2025, 1, 22)


def survey_with_questions(province, year=2025) -> Survey:
    survey = Survey.objects.create(province=province, year=year, title=f"Khảo sát {year}")
    for order, factor in enumerate(("access", "procedure", "staff", "result", "feedback"), 1):
        Question.objects.create(survey=survey, factor=factor, order=order, text=f"Câu {order}")
    return survey


def respond(point: ServicePoint, survey: Survey, values, day=dt.date(2025, 3, 1), comment="") -> SurveyResponse:
    """A response whose answers are `values`, one per question in order."""
    questions = list(survey.questions.order_by("order"))
    response = SurveyResponse.objects.create(
        survey=survey, service_point=point, organization=point.organization, submitted_on=day,
        average=Decimal(sum(values)) / len(values), comment=comment)
    Answer.objects.bulk_create([Answer(response=response, question=q, factor=q.factor, value=v)
                                for q, v in zip(questions, values, strict=True)])
    return response


__all__ = ["AgencyFactory", "DossierStatFactory", "LetterFactory", "OrganizationFactory", "respond",
           "survey_with_questions"]
