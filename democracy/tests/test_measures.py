"""The register feeds its two measures in place of the monthly counts, which still count for organizations
that keep no records in the register."""

import datetime as dt

from core.periods import Period, PeriodKind
from core.registry import measures
from democracy import measures as democracy_measures
from democracy.tests.factories import conference, disclosure, small_unit
from indicators.models import MonthlyCount
from plans.models import Measure

Q2 = Period(2025, PeriodKind.QUARTER, 2)
YEAR = Period(2025, PeriodKind.YEAR)


def test_the_register_replaces_the_monthly_counts():
    assert measures.get(Measure.DISCLOSURES_ON_TIME_RATE) is democracy_measures.disclosures_on_time_rate
    assert measures.get(Measure.STAFF_CONFERENCE_HELD) is democracy_measures.staff_conferences_held


def test_the_share_of_disclosures_on_time(orgs, users):
    agency, by = orgs["TN.SXD"], users["focal"]
    decided = dt.date(2025, 4, 4)  # due 14/04 (Hùng Kings' day in between)
    disclosure(agency, by, decided=decided, posted_from=dt.date(2025, 4, 14), posted_to=dt.date(2025, 5, 3))
    disclosure(agency, by, decided=decided, posted_from=dt.date(2025, 4, 15), posted_to=dt.date(2025, 5, 30))
    disclosure(orgs["TN.SXD.VP"], by, decided=decided, posted_from=dt.date(2025, 4, 10),
               posted_to=dt.date(2025, 4, 28))  # 19 days
    disclosure(agency, by, decided=dt.date(2025, 7, 1), posted_from=dt.date(2025, 7, 2))  # another quarter
    figure = measures.get(Measure.DISCLOSURES_ON_TIME_RATE)([agency], Q2)
    assert (figure.numerator, figure.denominator) == (1, 3)
    assert figure.within(orgs["TN.SXD.VP"]) == (0, 1)
    assert figure.records.count() == 3


def test_monthly_counts_still_count_where_the_register_has_nothing(orgs, users):
    disclosure(orgs["TN.SXD"], users["focal"], decided=dt.date(2025, 4, 4), posted_from=dt.date(2025, 4, 14))
    MonthlyCount.objects.create(organization=orgs["TN.SXD.QHKT"], month=dt.date(2025, 5, 1),
                                measure=Measure.DISCLOSURES_ON_TIME_RATE, numerator=3, denominator=4)
    # Counts entered where the register holds records are the register's to replace.
    MonthlyCount.objects.create(organization=orgs["TN.SXD"], month=dt.date(2025, 5, 1),
                                measure=Measure.DISCLOSURES_ON_TIME_RATE, numerator=9, denominator=9)
    figure = measures.get(Measure.DISCLOSURES_ON_TIME_RATE)([orgs["TN.SXD"]], Q2)
    assert (figure.numerator, figure.denominator) == (1 + 3, 1 + 4)


def test_staff_conferences_held_in_the_year(orgs, users):
    conference(orgs["TN.SXD"], users["focal"], date=dt.date(2025, 3, 20), work_year=2024)
    conference(small_unit(orgs["TN.SXD"], "TN.SXD.Q9", staff=9), users["focal"], date=dt.date(2025, 4, 10),
               work_year=2024)
    conference(orgs["TN.SXD"], users["focal"], date=dt.date(2025, 8, 1), kind="extraordinary")
    MonthlyCount.objects.create(organization=orgs["TN.SVHTTDL"], month=dt.date(2025, 3, 1),
                                measure=Measure.STAFF_CONFERENCE_HELD, numerator=1)
    figure = measures.get(Measure.STAFF_CONFERENCE_HELD)([orgs["TN"]], YEAR)
    assert figure.is_count and figure.numerator == 3 and figure.denominator is None
    assert figure.within(orgs["TN.SXD"]) == (2, None)
    assert figure.within(orgs["TN.SVHTTDL"]) == (1, None)
