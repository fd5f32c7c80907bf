"""The good-models count reads the register: models recognised within the period, per organization and level;
an organization that never nominated in the register keeps its monthly counts."""

import datetime as dt

from core import registry
from core.periods import Period, PeriodKind
from emulation.measures import COMMENDATIONS_COUNT, good_models_count
from emulation.models import AwardLevel, ExemplarStatus
from emulation.tests.factories import CommendationFactory, ExemplarFactory
from indicators.tests.factories import MonthlyCountFactory
from plans.models import Measure

YEAR_2025 = Period(2025, PeriodKind.YEAR)
FIRST_HALF = Period(2025, PeriodKind.HALF, 1)


def test_the_register_replaces_the_monthly_counts_of_good_models():
    assert registry.measures.get(Measure.GOOD_MODELS_COUNT) is good_models_count


def test_good_models_recognised_within_the_period_are_counted_per_unit(orgs):
    approved = dict(status=ExemplarStatus.APPROVED)
    ExemplarFactory(recognised_on=dt.date(2025, 3, 1), **approved)
    ExemplarFactory(recognised_on=dt.date(2025, 9, 1), status=ExemplarStatus.COMMENDED)
    ExemplarFactory(organization=orgs["TN.SXD.HTKT"], recognised_on=dt.date(2025, 4, 1), **approved)
    ExemplarFactory(recognised_on=dt.date(2024, 12, 31), **approved)  # last year
    ExemplarFactory(status=ExemplarStatus.REVIEWED)  # not yet recognised
    person = orgs["TN.SXD.QLXD"].staff.first()
    ExemplarFactory(kind="person", person=person, recognised_on=dt.date(2025, 3, 1), **approved)  # not a model
    figure = good_models_count([orgs["TN.SXD"]], YEAR_2025)
    assert (figure.numerator, figure.denominator) == (3, None)
    assert figure.within(orgs["TN.SXD.QLXD"]) == (2, None) and figure.within(orgs["TN.SXD.HTKT"]) == (1, None)
    assert good_models_count([orgs["TN.SXD"]], FIRST_HALF).numerator == 2
    assert good_models_count([orgs["TN.SVHTTDL"]], YEAR_2025).numerator == 0


def test_a_unit_without_nominations_keeps_its_monthly_counts_and_one_with_them_does_not(orgs):
    ExemplarFactory(status=ExemplarStatus.APPROVED, recognised_on=dt.date(2025, 3, 1))
    MonthlyCountFactory(organization=orgs["TN.SXD.QLXD"], month=dt.date(2025, 2, 1), measure="good_models_count",
                        numerator=5, denominator=None)
    MonthlyCountFactory(organization=orgs["TN.SXD.HTKT"], month=dt.date(2025, 2, 1), measure="good_models_count",
                        numerator=4, denominator=None)
    figure = good_models_count([orgs["TN.SXD"]], YEAR_2025)
    assert figure.within(orgs["TN.SXD.QLXD"]) == (1, None) and figure.within(orgs["TN.SXD.HTKT"]) == (4, None)
    assert figure.numerator == 5


def test_models_and_commendations_are_counted_by_level(orgs):
    grassroots = ExemplarFactory(status=ExemplarStatus.COMMENDED, recognised_on=dt.date(2025, 3, 1))
    province = ExemplarFactory(status=ExemplarStatus.COMMENDED, recognised_on=dt.date(2025, 3, 1))
    CommendationFactory(exemplar=grassroots, award="certificate")
    CommendationFactory(exemplar=province, award="province_certificate")
    CommendationFactory(award="advanced_worker", decision_date=dt.date(2024, 5, 1))
    assert good_models_count([orgs["TN.SXD"]], YEAR_2025, level=AwardLevel.PROVINCE).numerator == 1
    count = registry.measures.get(COMMENDATIONS_COUNT)
    assert count([orgs["TN.SXD"]], YEAR_2025).numerator == 2
    assert count([orgs["TN.SXD"]], YEAR_2025, level=AwardLevel.GRASSROOTS).numerator == 1
