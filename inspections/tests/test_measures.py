"""What the inspections register measures on known data: remedies done by their deadline, violations found."""

import datetime as dt

from core import registry
from core.periods import Period, PeriodKind
from inspections.measures import REMEDIES_ON_TIME_RATE, VIOLATIONS_FOUND
from inspections.tests.factories import FindingFactory, InspectionFactory, RemedyFactory

YEAR_2025 = Period(2025, PeriodKind.YEAR)


def test_remedies_done_by_their_deadline_over_those_due_in_the_period(orgs):
    due = dt.date(2025, 8, 1)
    RemedyFactory(due_date=due, done_on=dt.date(2025, 7, 30))
    RemedyFactory(due_date=due, done_on=dt.date(2025, 8, 5))  # late
    RemedyFactory(due_date=due)  # open
    RemedyFactory(owner=orgs["TN.SXD.HTKT"], due_date=due, done_on=due)
    RemedyFactory(due_date=dt.date(2026, 1, 10), done_on=dt.date(2025, 12, 1))  # due next year
    figure = registry.measures.get(REMEDIES_ON_TIME_RATE)([orgs["TN.SXD"]], YEAR_2025)
    assert (figure.numerator, figure.denominator) == (2, 4)
    assert figure.within(orgs["TN.SXD.QLXD"]) == (1, 3)
    assert figure.records.first().done_on is None  # the open one first


def test_violations_are_counted_where_the_inspection_concluded_in_the_period(orgs):
    concluded = InspectionFactory(status="concluded", conclusion="Kết luận", concluded_on=dt.date(2025, 7, 1))
    FindingFactory(inspection=concluded)
    FindingFactory(inspection=concluded, is_violation=False)
    FindingFactory(inspection=InspectionFactory())  # not concluded
    figure = registry.measures.get(VIOLATIONS_FOUND)([orgs["TN.SXD"]], YEAR_2025)
    assert (figure.numerator, figure.denominator) == (1, None)
