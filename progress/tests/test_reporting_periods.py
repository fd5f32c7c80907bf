"""Reporting periods: the seeds' defaults, the data period of Nghị định 09/2019, a due date on a day
off moves to the next working day, only the coordinator manages them, reopening is recorded."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from progress import reporting
from progress.reporting_models import ReportingPeriod, ReportLevel

pytestmark = pytest.mark.django_db


def test_defaults_follow_the_seeds_and_decree_09_2019(orgs, users):
    made = reporting.ensure_default_periods(orgs["TN"], 2025, by=users["coordinator"])
    periods = {(p.kind, p.level): p for p in made}
    half = periods[("half", ReportLevel.UNIT)]
    assert (half.data_start, half.data_end, half.due_date) == (dt.date(2024, 12, 15), dt.date(2025, 6, 14),
                                                               dt.date(2025, 5, 10))
    assert half.cut_off == dt.date(2025, 5, 9) and half.estimated_after_cut_off
    year_unit = periods[("year", ReportLevel.UNIT)]
    assert (year_unit.data_start, year_unit.data_end, year_unit.due_date) == (
        dt.date(2024, 12, 15), dt.date(2025, 12, 14), dt.date(2025, 11, 10))
    assert periods[("year", ReportLevel.AGENCY)].due_date == dt.date(2025, 11, 1)


def test_defaults_are_made_once(orgs, users):
    reporting.ensure_default_periods(orgs["TN"], 2025, by=users["coordinator"])
    reporting.ensure_default_periods(orgs["TN"], 2025, by=users["coordinator"])
    assert ReportingPeriod.objects.filter(province=orgs["TN"], year=2025).count() == 3


def test_a_due_date_on_a_sunday_moves_to_monday(orgs, users):
    period = ReportingPeriod(province=orgs["TN"], year=2026, kind="half", n=1, level=ReportLevel.UNIT,
                             due_date=dt.date(2026, 5, 10))
    assert period.due_date.isoweekday() == 7
    assert period.effective_due == dt.date(2026, 5, 11)


def test_a_due_date_on_a_public_holiday_moves_past_it(orgs):
    period = ReportingPeriod(province=orgs["TN"], year=2026, kind="year", level=ReportLevel.AGENCY,
                             due_date=dt.date(2026, 9, 2))
    assert period.effective_due > dt.date(2026, 9, 2)


def test_only_the_coordinator_manages_periods(orgs, users):
    with pytest.raises(PermissionDenied):
        reporting.ensure_default_periods(orgs["TN"], 2025, by=users["focal"])
    period = ReportingPeriod(province=orgs["TN"], year=2025, kind="half", n=2, level=ReportLevel.AGENCY,
                             due_date=dt.date(2025, 12, 20))
    with pytest.raises(PermissionDenied):
        reporting.save_period(period, by=users["focal"])
    reporting.save_period(period, by=users["coordinator"])
    assert (period.data_start, period.data_end, period.cut_off) == (dt.date(2025, 6, 15), dt.date(2025, 12, 14),
                                                                     dt.date(2025, 12, 14))


def test_a_cut_off_outside_the_data_period_is_refused(orgs, users):
    period = ReportingPeriod(province=orgs["TN"], year=2025, kind="year", level=ReportLevel.AGENCY,
                             due_date=dt.date(2025, 11, 1), cut_off=dt.date(2026, 1, 1))
    with pytest.raises(ValidationError) as error:
        reporting.save_period(period, by=users["coordinator"])
    assert "cut_off" in error.value.error_dict


def test_reopening_a_closed_period_needs_a_reason_and_is_recorded(unit_period_2024, users):
    reporting.close_period(unit_period_2024, by=users["coordinator"])
    with pytest.raises(ValidationError):
        reporting.reopen_period(unit_period_2024, reason=" ", by=users["coordinator"])
    reporting.reopen_period(unit_period_2024, reason="Bổ sung số liệu", by=users["coordinator"])
    last = unit_period_2024.history.order_by("-history_id").first()
    assert not last.closed and "Bổ sung số liệu" in last.history_change_reason
    assert last.history_user == users["coordinator"]
