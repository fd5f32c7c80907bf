"""The completeness page, asked for no period, shows the most recent (by due date) whose data period has
begun and that expects an organization the user may see — never one that is empty for them (a unit not
charged this year, an agency whose plan is of another year) — and next year's periods made ahead only
when nothing else concerns the user; the reports list puts the most recent period first. Dates are
fixed (the periods of 2024 and 2025, `today` given), so the test holds in any year."""

import datetime as dt

import pytest

from orgs.models import Role
from orgs.tests.factories import MembershipFactory, UserFactory
from progress import reporting
from progress.reporting_models import ReportingPeriod, ReportLevel

pytestmark = pytest.mark.django_db


@pytest.fixture
def periods(orgs, users):
    # The test demo: Sở Xây dựng's plan is issued for 2024, Sở VHTTDL's for 2025.
    for year in (2024, 2025):
        reporting.ensure_default_periods(orgs["TN"], year, by=users["coordinator"])
    return {(p.year, p.kind, p.level): p for p in ReportingPeriod.objects.all()}


# user -> the period shown: (year, kind, level)
EXPECTED = {
    "coordinator": (2025, "year", ReportLevel.UNIT),  # the province sees every unit charged in 2025
    "other-focal": (2025, "year", ReportLevel.UNIT),  # Sở VHTTDL's units are charged in 2025
    "focal": (2025, "year", ReportLevel.AGENCY),  # no Sở Xây dựng unit in 2025: its own report to the province
    "leader": (2025, "year", ReportLevel.AGENCY),
    "unit": (2024, "year", ReportLevel.UNIT),  # Phòng QLXD was last charged in 2024
}


@pytest.mark.parametrize("username", list(EXPECTED))
def test_the_default_period_is_the_latest_that_concerns_the_user(periods, users, username):
    period = reporting.default_period(ReportingPeriod.objects.all(), users[username], today=dt.date(2025, 12, 1))
    assert period == periods[EXPECTED[username]]
    assert reporting.completeness(period, users[username])[1].expected_count > 0


@pytest.mark.parametrize("username", list(EXPECTED))
def test_the_page_shows_it_when_no_period_is_asked_for(periods, client_for, username):
    response = client_for(username).get("/reports/completeness/")
    assert response.status_code == 200
    assert response.context["period"] == periods[EXPECTED[username]]
    assert response.context["total"].expected_count > 0


def test_a_period_asked_for_is_shown_even_if_empty_for_the_user(periods, client_for):
    empty = periods[(2025, "year", ReportLevel.UNIT)]
    response = client_for("focal").get(f"/reports/completeness/?period={empty.pk}")
    assert response.context["period"] == empty


def test_next_years_periods_made_ahead_wait_until_their_data_period_begins(orgs, users, periods):
    reporting.ensure_default_periods(orgs["TN"], 2026, by=users["coordinator"])
    ahead = ReportingPeriod.objects.get(year=2026, kind="year", level=ReportLevel.AGENCY)
    everything = ReportingPeriod.objects.all()
    assert reporting.default_period(everything, users["focal"], today=dt.date(2025, 12, 1)) == periods[
        (2025, "year", ReportLevel.AGENCY)]
    # Once 2026's data period has begun (15/12/2025), its agency report concerns Sở Xây dựng.
    assert reporting.default_period(everything, users["focal"], today=dt.date(2025, 12, 20)) == ahead


def test_a_user_concerned_by_no_period_gets_the_latest(orgs, periods):
    outsider = UserFactory()  # sees only Thành phố Hồ Chí Minh: no Tây Ninh period concerns them
    MembershipFactory(user=outsider, organization=orgs["HCM"], role=Role.VIEWER)
    everything = ReportingPeriod.objects.all()
    latest = everything.order_by("-due_date").first()
    assert reporting.default_period(everything, outsider, today=dt.date(2025, 12, 1)) == latest
    assert reporting.default_period(ReportingPeriod.objects.none(), outsider) is None


def test_the_reports_list_shows_the_most_recent_period_first(periods, orgs, users, client_for):
    for key in ((2024, "half", ReportLevel.UNIT), (2024, "year", ReportLevel.UNIT)):
        reporting.start_report(periods[key], orgs["TN.SXD.QLXD"], by=users["unit"])
    rows = list(client_for("unit").get("/reports/").context["table"].rows)
    assert [row.record.period.kind for row in rows] == ["year", "half"]
