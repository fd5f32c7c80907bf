"""A target's status: after its period met or missed; before it ends met, at risk or on track; nothing
counted reads "chưa có dữ liệu", never an error or 0%."""

import datetime as dt
from decimal import Decimal

import pytest

from core.periods import Period, PeriodKind
from indicators.services import Status, target_status
from plans.models import Target

YEAR = Period(2026, PeriodKind.YEAR)
MID_YEAR = dt.date(2026, 7, 1)  # 182 of 365 days gone: a count of 12 expects 5.98 by then
AFTER = dt.date(2027, 1, 5)


def share(goal, comparator="gte"):
    return Target(kind="staff_share", comparator=comparator, target_value=Decimal(goal))


def count(goal):
    return Target(kind="count", comparator="gte", target_value=Decimal(goal), unit_of_measure="")


@pytest.mark.parametrize(("target", "value", "today", "is_count", "status"), [
    (share(100), Decimal(100), AFTER, False, Status.MET),
    (share(100), Decimal("99.5"), AFTER, False, Status.MISSED),
    (share(90, "gt"), Decimal(90), AFTER, False, Status.MISSED),
    (share(90, "gt"), Decimal("90.1"), MID_YEAR, False, Status.MET),
    (share(100), Decimal("89.9"), MID_YEAR, False, Status.AT_RISK),
    (share(100), Decimal(90), MID_YEAR, False, Status.ON_TRACK),
    (share(5, "lte"), Decimal("15.1"), MID_YEAR, False, Status.AT_RISK),
    (share(5, "lte"), Decimal(8), MID_YEAR, False, Status.ON_TRACK),
    (count(12), Decimal(5), MID_YEAR, True, Status.AT_RISK),
    (count(12), Decimal(6), MID_YEAR, True, Status.ON_TRACK),
    (count(12), Decimal(12), MID_YEAR, True, Status.MET),
    (count(12), Decimal(11), AFTER, True, Status.MISSED),
    (share(100), None, MID_YEAR, False, Status.NO_DATA),
    (share(100), None, AFTER, False, Status.NO_DATA),
])
def test_status(target, value, today, is_count, status):
    assert target_status(target, value, YEAR, is_count=is_count, today=today) == status


def test_a_graded_target_is_assessed_by_hand():
    graded = Target(kind="grade", grade="Tốt", target_value=None)
    assert target_status(graded, None, YEAR, is_count=False, today=AFTER) == Status.BY_HAND


def test_no_data_reads_in_vietnamese():
    assert Status.NO_DATA.label == "chưa có dữ liệu"
