"""Working days: weekends and Vietnamese public holidays (Labor Code 2019 Art. 112: 1/1, five
days of Tết, Hùng Kings 10/3 lunar, 30/4, 1/5, 2/9 and a day beside it), with the days the
government moves for civil servants, as the `holidays` package records them."""

import datetime as dt

import pytest

from core import periods
from core.periods import (
    add_days,
    add_working_days,
    deadline,
    holiday_name,
    is_working_day,
    next_working_day,
    working_days_between,
)

D = dt.date


@pytest.mark.parametrize(
    ("first", "last"),
    [
        (D(2024, 2, 8), D(2024, 2, 14)),  # Giáp Thìn: Thursday 29 Tết to Wednesday mùng 5
        (D(2025, 1, 27), D(2025, 1, 31)),  # Ất Tỵ: Monday to Friday, break 25/01–02/02/2025
        (D(2026, 2, 16), D(2026, 2, 20)),  # Bính Ngọ: Monday to Friday, break 14/02–22/02/2026
    ],
)
def test_tet_weekdays_are_days_off(first, last):
    days = [add_days(first, offset) for offset in range((last - first).days + 1)]
    assert not any(is_working_day(day) for day in days)


def test_first_working_day_after_tet():
    assert next_working_day(D(2024, 2, 8)) == D(2024, 2, 15)
    assert next_working_day(D(2025, 1, 25)) == D(2025, 2, 3)
    assert next_working_day(D(2026, 2, 14)) == D(2026, 2, 23)


@pytest.mark.parametrize(
    "day",
    [D(2025, 1, 1), D(2025, 4, 7), D(2025, 4, 30), D(2025, 5, 1), D(2025, 9, 1), D(2025, 9, 2), D(2024, 9, 3)],
)
def test_public_holidays_are_days_off(day):
    assert day.weekday() < 5 and not is_working_day(day)


def test_weekends_are_days_off_and_weekdays_are_working_days():
    assert not is_working_day(D(2025, 3, 8)) and not is_working_day(D(2025, 3, 9))
    assert is_working_day(D(2025, 3, 10))


def test_a_saturday_swapped_for_a_bridging_day_is_worked():
    # Reunification Day 2025: Saturday 26/04 worked so that Friday 02/05 is off.
    assert is_working_day(D(2025, 4, 26)) and not is_working_day(D(2025, 5, 2))


def test_holidays_have_their_vietnamese_names():
    assert holiday_name(D(2025, 1, 29)) == "Tết Nguyên Đán"
    assert holiday_name(D(2025, 3, 10)) is None


def test_next_working_day_of_a_working_day_is_itself():
    assert next_working_day(D(2025, 1, 24)) == D(2025, 1, 24)


def test_ten_working_days_across_tet_2025():
    # Friday 24/01/2025: 27–31/01 are Tết, so the tenth working day is Friday 14/02 (not 07/02).
    assert deadline(D(2025, 1, 24), 10, working=True) == D(2025, 2, 14)
    assert working_days_between(D(2025, 1, 24), D(2025, 2, 14)) == 10


def test_seven_working_days_around_reunification_day_count_the_swapped_saturday():
    # 26/04 (worked Saturday), 28, 29/04, then 30/04–04/05 off, then 05, 06, 07, 08/05.
    assert deadline(D(2025, 4, 25), 7, working=True) == D(2025, 5, 8)


def test_calendar_day_deadline_on_a_sunday_moves_to_monday():
    # Thirty days from Friday 07/02/2025 is Sunday 09/03/2025.
    assert deadline(D(2025, 2, 7), 30, working=False) == D(2025, 3, 10)


def test_calendar_day_deadline_on_reunification_day_moves_past_the_bridge():
    # 30/04 and 01/05 are holidays, 02/05 the swapped day off, 03–04/05 a weekend.
    assert deadline(D(2025, 4, 20), 10, working=False) == D(2025, 5, 5)


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (D(2025, 8, 23), D(2025, 9, 3)),  # 02/09/2025 Tuesday (01/09 also off) -> Wednesday 03/09
        (D(2024, 8, 23), D(2024, 9, 4)),  # 02/09/2024 Monday, 03/09 also off -> Wednesday 04/09
    ],
)
def test_calendar_day_deadline_on_national_day_moves_to_the_next_working_day(start, expected):
    assert add_days(start, 10).day == 2
    assert deadline(start, 10, working=False) == expected


def test_calendar_day_deadline_across_tet_moves_after_it():
    assert deadline(D(2025, 1, 20), 10, working=False) == D(2025, 2, 3)


def test_a_deadline_on_a_working_day_stays():
    assert deadline(D(2025, 3, 3), 10, working=False) == D(2025, 3, 13)


def test_add_working_days_skips_the_start_day_and_goes_both_ways():
    assert add_working_days(D(2025, 3, 7), 1) == D(2025, 3, 10)
    assert add_working_days(D(2025, 3, 7), 0) == D(2025, 3, 7)
    assert add_working_days(D(2025, 2, 3), -1) == D(2025, 1, 24)


def test_working_days_between_is_signed_and_excludes_the_start():
    assert working_days_between(D(2025, 3, 10), D(2025, 3, 10)) == 0
    assert working_days_between(D(2025, 3, 7), D(2025, 3, 10)) == 1
    assert working_days_between(D(2025, 2, 14), D(2025, 1, 24)) == -10


def test_a_year_of_holidays_is_built_once():
    assert periods._calendar(2025) is periods._calendar(2025)
