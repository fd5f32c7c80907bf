"""The on-time and satisfaction measures read the service records; an organization without records in the
period keeps the monthly counts it entered, and one with records no longer counts them."""

import datetime as dt

import pytest

from core import registry
from core.periods import Period, PeriodKind
from indicators.tests.factories import MonthlyCountFactory
from plans.models import Measure
from service import measures
from service.models import ServicePoint
from service.tests.factories import (
    AgencyFactory,
    DossierStatFactory,
    LetterFactory,
    OrganizationFactory,
    respond,
    survey_with_questions,
)

pytestmark = pytest.mark.django_db
Q1 = Period(2025, PeriodKind.QUARTER, 1)


@pytest.fixture
def tree():
    agency = AgencyFactory()
    return agency, OrganizationFactory(parent=agency), OrganizationFactory(parent=agency)


def test_the_registry_measures_are_the_service_ones():
    assert registry.measures.get(Measure.DOSSIERS_ON_TIME_RATE) is measures.dossiers_on_time_rate
    assert registry.measures.get(Measure.SATISFACTION_RATE) is measures.satisfaction_rate


def test_on_time_rate_counts_early_and_on_time_of_the_settled_dossiers_of_the_period(tree):
    agency, unit, _other = tree
    DossierStatFactory(organization=unit, month=dt.date(2025, 1, 1))  # 8 of 10
    DossierStatFactory(organization=unit, month=dt.date(2025, 3, 1), procedure_field="Nhà ở",
                       received_online=5, received_direct=0, settled_early=0, settled_on_time=1, settled_late=3,
                       pending_within=1)  # 1 of 4
    DossierStatFactory(organization=unit, month=dt.date(2025, 4, 1))  # another quarter
    figure = measures.dossiers_on_time_rate([agency], Q1)
    assert (figure.numerator, figure.denominator) == (9, 14)
    assert figure.within(unit) == (9, 14)


def test_monthly_counts_are_not_used_where_records_exist_and_kept_where_none_do(tree):
    agency, unit, other = tree
    DossierStatFactory(organization=unit, month=dt.date(2025, 2, 1))  # 8 of 10
    MonthlyCountFactory(organization=unit, month=dt.date(2025, 2, 1), numerator=1, denominator=100)
    MonthlyCountFactory(organization=other, month=dt.date(2025, 2, 1), numerator=45, denominator=50)
    figure = measures.dossiers_on_time_rate([agency], Q1)
    assert figure.within(unit) == (8, 10)
    assert figure.within(other) == (45, 50)
    assert (figure.numerator, figure.denominator) == (53, 60)
    assert list(figure.records) == list(unit.dossier_stats.all())


def test_satisfaction_rate_is_the_share_of_respondents_whose_answers_average_four_or_more(tree):
    agency, unit, _other = tree
    survey = survey_with_questions(agency.parent)
    point = ServicePoint.objects.create(organization=unit, name="Một cửa")
    respond(point, survey, [4, 4, 4, 4, 4])  # average 4: satisfied
    respond(point, survey, [5, 5, 5, 3, 1])  # 3.8: not
    respond(point, survey, [5, 5, 5, 5, 5])
    respond(point, survey, [5, 5, 5, 5, 5], day=dt.date(2025, 5, 1))  # outside Q1
    figure = measures.satisfaction_rate([agency], Q1)
    assert (figure.numerator, figure.denominator) == (2, 3)


def test_satisfaction_falls_back_to_monthly_counts_where_nobody_answered(tree):
    agency, unit, other = tree
    survey = survey_with_questions(agency.parent)
    respond(ServicePoint.objects.create(organization=unit, name="Quầy 1"), survey, [5, 5, 5, 5, 5])
    MonthlyCountFactory(organization=unit, measure=Measure.SATISFACTION_RATE, numerator=0, denominator=40)
    MonthlyCountFactory(organization=other, measure=Measure.SATISFACTION_RATE, numerator=9, denominator=10)
    figure = measures.satisfaction_rate([agency], Q1)
    assert figure.within(unit) == (1, 1) and figure.within(other) == (9, 10)


def test_the_share_of_late_dossiers_with_an_apology_counts_letters_against_late_dossiers(tree):
    agency, unit, _other = tree
    DossierStatFactory(organization=unit, month=dt.date(2025, 1, 1), settled_on_time=5, settled_late=2,
                       pending_overdue=1)  # 3 late
    LetterFactory(organization=unit)
    LetterFactory(organization=unit)
    figure = measures.apology_letters_rate([agency], Q1)
    assert (figure.numerator, figure.denominator) == (2, 3)


def test_the_share_of_late_dossiers_with_an_apology_is_a_target_measure():
    from core import registry
    from plans.models import Measure
    from service.measures import apology_letters_rate

    assert registry.measures.get(Measure.LATE_DOSSIERS_APOLOGY_RATE) is apology_letters_rate
