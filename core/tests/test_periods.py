import datetime as dt

import pytest

from core.periods import Period, PeriodKind

D = dt.date


@pytest.mark.parametrize(
    ("period", "start", "end", "key", "label"),
    [
        (Period(2025, PeriodKind.MONTH, 3), D(2025, 3, 1), D(2025, 3, 31), "2025-M03", "Tháng 03/2025"),
        (Period(2024, PeriodKind.MONTH, 2), D(2024, 2, 1), D(2024, 2, 29), "2024-M02", "Tháng 02/2024"),
        (Period(2025, PeriodKind.MONTH, 2), D(2025, 2, 1), D(2025, 2, 28), "2025-M02", "Tháng 02/2025"),
        (Period(2025, PeriodKind.MONTH, 12), D(2025, 12, 1), D(2025, 12, 31), "2025-M12", "Tháng 12/2025"),
        (Period(2025, PeriodKind.QUARTER, 2), D(2025, 4, 1), D(2025, 6, 30), "2025-Q2", "Quý II/2025"),
        (Period(2025, PeriodKind.QUARTER, 4), D(2025, 10, 1), D(2025, 12, 31), "2025-Q4", "Quý IV/2025"),
        (Period(2025, PeriodKind.HALF, 1), D(2025, 1, 1), D(2025, 6, 30), "2025-H1", "6 tháng đầu năm 2025"),
        (Period(2025, PeriodKind.HALF, 2), D(2025, 7, 1), D(2025, 12, 31), "2025-H2", "6 tháng cuối năm 2025"),
        (Period(2025, PeriodKind.NINE_MONTHS), D(2025, 1, 1), D(2025, 9, 30), "2025-9M", "9 tháng năm 2025"),
        (Period(2025, PeriodKind.YEAR), D(2025, 1, 1), D(2025, 12, 31), "2025", "Năm 2025"),
    ],
)
def test_each_kind_has_its_dates_key_and_vietnamese_label_and_round_trips(period, start, end, key, label):
    assert (period.start, period.end, period.key, period.label, str(period)) == (start, end, key, label, label)
    assert Period.from_key(key) == period


def test_kind_given_as_text_is_the_same_period():
    period = Period(2025, "quarter", 2)
    assert period.kind is PeriodKind.QUARTER and period == Period(2025, PeriodKind.QUARTER, 2)


def test_kinds_have_vietnamese_names():
    assert [str(label) for label in PeriodKind.labels] == ["Tháng", "Quý", "6 tháng", "9 tháng", "Năm"]


@pytest.mark.parametrize(
    ("year", "kind", "n"),
    [
        (2025, PeriodKind.MONTH, 0),
        (2025, PeriodKind.MONTH, 13),
        (2025, PeriodKind.QUARTER, 5),
        (2025, PeriodKind.HALF, 3),
        (2025, PeriodKind.NINE_MONTHS, 2),
        (2025, PeriodKind.YEAR, 2),
        (1999, PeriodKind.YEAR, 1),
        (2101, PeriodKind.YEAR, 1),
        (2025, "week", 1),
    ],
)
def test_periods_that_do_not_exist_are_refused(year, kind, n):
    with pytest.raises(ValueError):
        Period(year, kind, n)


@pytest.mark.parametrize(
    "key",
    ["", "2025-", "25-Q1", "2025Q1", "2025-Q0", "2025-Q5", "2025-H3", "2025-M3", "2025-M00", "2025-M13",
     "2025-Q02", "2025-H01", "2025-9m", "2025-9M1", "2025-Y", " 2025-Q2", "2025-Q2 ", "1999", "2101-H1", None],
)
def test_bad_keys_are_refused(key):
    with pytest.raises(ValueError):
        Period.from_key(key)


@pytest.mark.parametrize(
    ("day", "kind", "key"),
    [
        (D(2024, 12, 31), PeriodKind.MONTH, "2024-M12"),
        (D(2024, 12, 31), PeriodKind.QUARTER, "2024-Q4"),
        (D(2024, 12, 31), PeriodKind.HALF, "2024-H2"),
        (D(2024, 12, 31), PeriodKind.YEAR, "2024"),
        (D(2025, 1, 1), PeriodKind.MONTH, "2025-M01"),
        (D(2025, 1, 1), PeriodKind.QUARTER, "2025-Q1"),
        (D(2025, 1, 1), PeriodKind.HALF, "2025-H1"),
        (D(2025, 1, 1), PeriodKind.NINE_MONTHS, "2025-9M"),
        (D(2025, 1, 1), PeriodKind.YEAR, "2025"),
        (D(2024, 2, 29), PeriodKind.MONTH, "2024-M02"),
        (D(2024, 2, 29), PeriodKind.QUARTER, "2024-Q1"),
        (D(2025, 6, 30), PeriodKind.QUARTER, "2025-Q2"),
        (D(2025, 7, 1), PeriodKind.QUARTER, "2025-Q3"),
        (D(2025, 7, 1), PeriodKind.HALF, "2025-H2"),
        (D(2025, 9, 30), PeriodKind.NINE_MONTHS, "2025-9M"),
    ],
)
def test_containing_finds_the_period_of_a_day_at_the_boundaries(day, kind, key):
    period = Period.containing(day, kind)
    assert period.key == key and period.contains(day)


def test_no_nine_month_period_contains_the_last_quarter():
    with pytest.raises(ValueError):
        Period.containing(D(2025, 10, 1), PeriodKind.NINE_MONTHS)


def test_contains_includes_both_ends_and_nothing_outside():
    february = Period(2024, PeriodKind.MONTH, 2)
    assert february.contains(D(2024, 2, 1)) and february.contains(D(2024, 2, 29))
    assert not february.contains(D(2024, 1, 31)) and not february.contains(D(2024, 3, 1))


@pytest.mark.parametrize(
    ("day", "share"),
    [
        (D(2024, 12, 31), 0.0),
        (D(2025, 1, 1), 1 / 90),
        (D(2025, 2, 15), 46 / 90),
        (D(2025, 3, 31), 1.0),
        (D(2025, 5, 5), 1.0),
    ],
)
def test_elapsed_share_of_a_quarter_counts_the_day_itself(day, share):
    assert Period(2025, PeriodKind.QUARTER, 1).elapsed_share(day) == pytest.approx(share)


def test_elapsed_share_of_a_leap_year_at_midyear():
    assert Period(2024, PeriodKind.YEAR).elapsed_share(D(2024, 6, 30)) == pytest.approx(182 / 366)


@pytest.mark.parametrize(
    ("key", "previous", "following"),
    [
        ("2025-Q1", "2024-Q4", "2025-Q2"),
        ("2024-Q4", "2024-Q3", "2025-Q1"),
        ("2025-M01", "2024-M12", "2025-M02"),
        ("2024-M12", "2024-M11", "2025-M01"),
        ("2025-H1", "2024-H2", "2025-H2"),
        ("2025-9M", "2024-9M", "2026-9M"),
        ("2025", "2024", "2026"),
    ],
)
def test_previous_and_next_cross_year_ends(key, previous, following):
    period = Period.from_key(key)
    assert (period.previous().key, period.next().key) == (previous, following)


def test_no_period_after_2100():
    with pytest.raises(ValueError):
        Period(2100, PeriodKind.YEAR).next()


def test_months_of_a_period():
    assert [m.key for m in Period(2025, PeriodKind.QUARTER, 2).months()] == ["2025-M04", "2025-M05", "2025-M06"]
    assert len(list(Period(2025, PeriodKind.NINE_MONTHS).months())) == 9
    assert [m.key for m in Period(2025, PeriodKind.MONTH, 7).months()] == ["2025-M07"]


def test_due_date_is_the_end_unless_given():
    assert Period(2025, PeriodKind.QUARTER, 2).due_date == D(2025, 6, 30)
    assert Period(2025, PeriodKind.QUARTER, 2, due=D(2025, 6, 15)).due_date == D(2025, 6, 15)


def test_a_period_is_the_same_whatever_its_due_date():
    with_due = Period(2025, PeriodKind.QUARTER, 2, due=D(2025, 6, 15))
    assert with_due == Period(2025, PeriodKind.QUARTER, 2)
    assert len({with_due, Period(2025, PeriodKind.QUARTER, 2)}) == 1


def test_periods_sort_by_end_then_longest_first():
    keys = ["2025", "2025-M06", "2025-Q2", "2024-Q4", "2025-H1", "2025-Q1", "2025-9M"]
    assert [p.key for p in sorted(map(Period.from_key, keys))] == [
        "2024-Q4", "2025-Q1", "2025-H1", "2025-Q2", "2025-M06", "2025-9M", "2025",
    ]


def test_periods_are_frozen():
    with pytest.raises(AttributeError):
        Period(2025, PeriodKind.YEAR).year = 2026
