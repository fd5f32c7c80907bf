"""The dashboards: who sees which agencies, the figures, the order (most behind first), the .xlsx exports,
and a fixed number of queries however many agencies and reports."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from dashboard import services
from orgs.models import Organization, OrganizationKind
from plans import services as plan_services
from plans.models import Plan
from progress import reporting

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit_period_2024(orgs, users):
    periods = reporting.ensure_default_periods(orgs["TN"], 2024, by=users["coordinator"])
    return next(p for p in periods if p.kind == "half" and p.level == "unit")


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    return len(queries), response


def _more_agencies(orgs, users, n, start=0):
    """`n` more agencies, each with a plan of 2024 cascaded from the province's (its targets with it)."""
    province_plan = Plan.objects.get(organization=orgs["TN"], year=2024, revision_of__isnull=True)
    for i in range(start, start + n):
        agency = Organization.objects.create(parent=orgs["TN"], kind=OrganizationKind.AGENCY, code=f"TN.X{i}",
                                             name=f"Sở thử {i}", short_name=f"Sở thử {i}")
        plan_services.cascade_plan(province_plan, to_org=agency, by=users["admin"])


def test_the_coordinator_sees_every_agency_and_a_leader_only_theirs(orgs, users):
    coordinator = {a.code for a in services.visible_agencies(users["coordinator"])}
    assert {"TN.SXD", "TN.SNV"} <= coordinator and len(coordinator) > 2
    assert [a.code for a in services.visible_agencies(users["leader"])] == ["TN.SXD"]
    assert services.visible_agencies(users["unit"]) == []


def test_the_index_sends_each_role_to_its_page(client_for):
    assert client_for("coordinator").get("/dashboard/")["Location"] == "/dashboard/province/"
    assert client_for("leader").get("/dashboard/")["Location"] == "/dashboard/agency/"
    assert client_for("unit").get("/dashboard/")["Location"] == "/"
    assert client_for("unit").get("/dashboard/agency/").status_code == 403


def test_a_leader_cannot_open_another_agency(client_for, orgs):
    response = client_for("leader").get(f"/dashboard/agency/?organization={orgs['TN.SNV'].pk}")
    assert response.status_code == 404


def test_the_leader_page_shows_the_targets_with_last_year(client_for, orgs):
    response = client_for("leader").get("/dashboard/agency/?year=2024")
    page = response.context["page"]
    assert page.agency == orgs["TN.SXD"] and page.year == 2024
    assert page.targets, "Sở Xây dựng's 2024 plan has targets"
    assert b'data-chart="chart-status"' in response.content and b'id="chart-status"' in response.content
    assert b"<script>" not in response.content


def test_the_province_page_puts_the_agencies_most_behind_first(client_for, unit_period_2024):
    response = client_for("coordinator").get(f"/dashboard/province/?period={unit_period_2024.pk}")
    rows = response.context["rows"]
    keys = [row.sort_key for row in rows]
    assert keys == sorted(keys)
    export = client_for("coordinator").get(f"/dashboard/province/export.xlsx?period={unit_period_2024.pk}")
    sheet = load_workbook(io.BytesIO(export.content)).active
    values = [[cell for cell in row] for row in sheet.iter_rows(values_only=True)]
    names = [row[1] for row in values[4:]]
    assert names == [row.agency.display_name for row in rows]


def test_the_completeness_on_the_province_page_counts_a_submitted_report(client_for, unit_period_2024, orgs,
                                                                         users):
    url = f"/dashboard/province/?period={unit_period_2024.pk}"
    before = next(r for r in client_for("coordinator").get(url).context["rows"] if r.agency == orgs["TN.SXD"])
    report = reporting.start_report(unit_period_2024, orgs["TN.SXD.QLXD"], by=users["unit"])
    reporting.edit_narrative(report, results="Đã học tập", limits="", proposals="", by=users["unit"])
    reporting.take_step(report, "submit", by=users["unit"])
    after = next(r for r in client_for("coordinator").get(url).context["rows"] if r.agency == orgs["TN.SXD"])
    assert after.completeness.actual == before.completeness.actual + 1


def test_the_province_page_does_not_grow_with_the_agencies(client_for, unit_period_2024, orgs, users):
    client = client_for("coordinator")
    url = f"/dashboard/province/?period={unit_period_2024.pk}"
    _more_agencies(orgs, users, 1)
    few, _response = _count(client, url)
    _more_agencies(orgs, users, 4, start=1)
    many, response = _count(client, url)
    assert len(response.context["rows"]) >= 8
    assert many == few
    assert few < 25


def test_the_leader_page_does_not_grow_with_the_agencies(client_for, unit_period_2024, orgs, users):
    client = client_for("leader")
    few, _response = _count(client, "/dashboard/agency/?year=2024")
    _more_agencies(orgs, users, 4)
    many, _response = _count(client, "/dashboard/agency/?year=2024")
    assert many == few
    assert few < 25
    coordinator = client_for("coordinator")
    url = f"/dashboard/agency/?organization={orgs['TN.SXD'].pk}&year=2024"
    assert _count(coordinator, url)[0] < 25


def test_a_focal_office_sees_only_its_agency_on_the_province_page(client_for, unit_period_2024, orgs):
    response = client_for("focal").get(f"/dashboard/province/?period={unit_period_2024.pk}")
    assert [row.agency.code for row in response.context["rows"]] == ["TN.SXD"]


@pytest.mark.parametrize("many", [0, 100])
def test_the_figures_read_at_once_are_each_targets_own_reading(orgs, users, monkeypatch, many):
    """Split from one figure per measure (for the agencies, or for their provinces when there are many), a
    target's value and status are what its own page reads."""
    from indicators import services as indicators

    monkeypatch.setattr(services, "MANY", many)
    _more_agencies(orgs, users, 2)
    agencies = services.visible_agencies(users["coordinator"])
    plans = services.current_plans(agencies, 2024)
    targets = services._targets(list(plans.values()))
    readings = services.read_targets(targets, {a.pk: a for a in agencies}, services._year)
    assert len(readings) == len(targets) > 3
    for target in targets:
        own = indicators.read(target, target.plan.organization, services._year(target))
        assert (readings[target.pk].value, readings[target.pk].status) == (own.value, own.status), target


def test_last_years_target_of_the_same_measure_stands_beside_this_years(client_for, orgs):
    from plans.models import PlanKind, PlanStatus, Target
    from plans.tests.factories import PlanFactory

    this_year = Target.objects.filter(plan__organization=orgs["TN.SXD"], plan__year=2024).exclude(measure="").first()
    last_plan = PlanFactory(organization=orgs["TN.SXD"], year=2023, status=PlanStatus.ISSUED, kind=PlanKind.ANNUAL)
    Target.objects.create(plan=last_plan, text="Chỉ tiêu năm trước", kind=this_year.kind, measure=this_year.measure,
                          comparator=this_year.comparator, target_value=50)
    queries, response = _count(client_for("leader"), "/dashboard/agency/?year=2024")
    assert queries < 25  # both years' measures
    row = next(r for r in response.context["page"].targets if r.target == this_year)
    assert row.last is not None and row.last.target.text == "Chỉ tiêu năm trước"
    assert row.last.period.year == 2023
    export = client_for("leader").get("/dashboard/agency/export.xlsx?year=2024")
    sheet = load_workbook(io.BytesIO(export.content)).active
    texts = [row[1] for row in sheet.iter_rows(min_row=5, values_only=True)]
    assert this_year.text in texts


def test_an_agency_merged_before_the_year_is_not_on_its_province_page_or_panels(client_for, orgs, users):
    merged = orgs["TN.SGTVT"]  # merged into Sở Xây dựng in 2025 (orgs/demo.py)
    assert merged.valid_to is not None and merged.valid_to.year == 2025
    agencies = services.visible_agencies(users["coordinator"])
    assert merged in services.existing_in(agencies, 2025)
    assert merged not in services.existing_in(agencies, 2026)
    rows = client_for("coordinator").get("/dashboard/province/?year=2026").context["rows"]
    assert merged.code not in [row.agency.code for row in rows] and rows
