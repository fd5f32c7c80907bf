"""Completeness and timeliness as DHIS2 counts them, on known data: expected = organizations that exist
during the period and must report, less exemptions (a merged one is not missing); actual = submitted;
on time = submitted by the due date (a due date on a Sunday moves to the Monday)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from orgs.models import OrganizationKind, Role
from orgs.tests.factories import AgencyFactory, MembershipFactory, OrganizationFactory, ProvinceFactory, UserFactory
from plans.models import PlanStatus
from plans.tests.factories import AssignmentFactory, PlanFactory
from progress import reporting
from progress.reporting_models import ReportingPeriod, ReportLevel

pytestmark = pytest.mark.django_db
HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def _submit(period, org, user, day):
    report = reporting.start_report(period, org, by=user)
    reporting.edit_narrative(report, results="Kết quả", limits="", proposals="", by=user)
    reporting.take_step(report, "submit", by=user, now=dt.datetime(day.year, day.month, day.day, 16, tzinfo=HCM))


@pytest.fixture
def province():
    province = ProvinceFactory()
    coordinator = UserFactory()
    MembershipFactory(user=coordinator, organization=province, role=Role.COORDINATOR)
    agency = AgencyFactory(parent=province)
    focal = UserFactory()
    MembershipFactory(user=focal, organization=agency, role=Role.FOCAL)
    plan = PlanFactory(organization=agency, year=2026, status=PlanStatus.ISSUED)
    on_time, late, newcomer = (OrganizationFactory(parent=agency, name=name) for name in ("Đúng hạn", "Trễ", "Mới"))
    newcomer.valid_from = dt.date(2026, 3, 1)
    newcomer.save()
    merged = OrganizationFactory(parent=agency, name="Đã hợp nhất", valid_to=dt.date(2026, 3, 31), successor=newcomer)
    exempted = OrganizationFactory(parent=agency, name="Được miễn")
    for unit in (on_time, late, newcomer, merged, exempted):
        AssignmentFactory(plan=plan, lead_unit=unit)
    AssignmentFactory(plan=plan, lead_unit=agency)  # the agency itself reports to the province, not here
    last_year_unit = OrganizationFactory(parent=agency, name="Chỉ năm trước")
    AssignmentFactory(plan=PlanFactory(organization=agency, year=2025, status=PlanStatus.ISSUED),
                      lead_unit=last_year_unit)
    periods = reporting.ensure_default_periods(province, 2026, by=coordinator)
    half = next(p for p in periods if p.kind == "half" and p.level == ReportLevel.UNIT)
    reporting.exempt(half, exempted, reason="Đang giải thể", by=coordinator)
    _submit(half, on_time, focal, dt.date(2026, 5, 11))
    _submit(half, late, focal, dt.date(2026, 5, 12))
    return {"province": province, "agency": agency, "period": half, "coordinator": coordinator, "focal": focal,
            "on_time": on_time, "late": late, "newcomer": newcomer, "merged": merged, "exempted": exempted}


def test_the_period_is_due_on_the_monday_after_sunday_10_may(province):
    assert province["period"].due_date == dt.date(2026, 5, 10)
    assert province["period"].effective_due == dt.date(2026, 5, 11)


def test_expected_counts_the_newcomer_not_the_merged_the_exempted_the_agency_or_last_years_units(province):
    expected = {org.name for org in reporting.expected_organizations(province["period"])}
    assert expected == {"Đúng hạn", "Trễ", "Mới"}


def test_completeness_and_timeliness_per_agency_and_for_the_province(province):
    rows, total = reporting.completeness(province["period"])
    assert [row.organization for row in rows] == [province["agency"]]
    row = rows[0]
    assert (row.expected_count, row.actual, row.on_time) == (3, 2, 1)
    assert [org.name for org in row.missing] == ["Mới"]
    assert [org.name for org in row.late] == ["Trễ"]
    assert (total.expected_count, total.actual, total.on_time) == (3, 2, 1)
    assert row.completeness == 66.7 and row.timeliness == 33.3


def test_a_report_submitted_on_the_due_date_is_on_time(province):
    rows, _total = reporting.completeness(province["period"])
    assert province["on_time"] not in rows[0].late
    assert rows[0].submitted_on[province["on_time"].pk] == dt.date(2026, 5, 11)


def test_a_resubmission_after_a_return_keeps_the_first_date(province):
    report = province["on_time"].reports.get()
    reporting.take_step(report, "return", by=province["focal"], comment="Bổ sung")
    reporting.take_step(report, "submit", by=province["focal"],
                        now=dt.datetime(2026, 5, 20, 9, tzinfo=HCM))
    _rows, total = reporting.completeness(province["period"])
    assert total.on_time == 1


def test_agencies_report_to_the_province(province):
    period = ReportingPeriod.objects.get(province=province["province"], year=2026, kind="year",
                                         level=ReportLevel.AGENCY)
    rows, total = reporting.completeness(period)
    assert rows == [total] and [org.kind for org in total.expected] == [OrganizationKind.AGENCY]
    assert total.missing == [province["agency"]]


def test_a_user_counts_only_what_they_see(province, users):
    _rows, total = reporting.completeness(province["period"], users["focal"])
    assert total.expected_count == 0
