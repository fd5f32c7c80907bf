"""Only the annual mobilization plan is one per organization and year; thematic plans may be many
and span years, and a plan's kind, period, timing and other units survive its revision and cascade."""

import pytest
from django.core.exceptions import ValidationError

from plans import services
from plans.models import PlanKind
from plans.tests.factories import AssignmentFactory, ContentAreaFactory


def create(org, users, **fields):
    fields = {"title": "Kế hoạch", "place": "Tây Ninh", **fields}
    return services.create_plan(organization=org, by=users["focal"], **fields)


def test_thematic_plans_are_many_a_year_beside_the_annual_plan(orgs, users):
    org = orgs["TN.SXD"]
    create(org, users, year=2031)
    create(org, users, year=2031, kind=PlanKind.THEMATIC)
    create(org, users, year=2031, kind=PlanKind.THEMATIC)
    with pytest.raises(ValidationError):
        create(org, users, year=2031)
    assert org.plans.filter(year=2031).count() == 3


def test_an_edit_that_makes_a_second_annual_plan_is_refused_with_the_message(orgs, users):
    org = orgs["TN.SXD"]
    create(org, users, year=2031)
    thematic = create(org, users, year=2031, kind=PlanKind.THEMATIC)
    thematic.kind = PlanKind.ANNUAL
    with pytest.raises(ValidationError) as caught:
        services.save_plan(thematic, cited=[], by=users["focal"])
    assert caught.value.messages == [f"{org.name} đã có kế hoạch năm 2031."]
    thematic.refresh_from_db()
    assert thematic.kind == PlanKind.THEMATIC


def test_a_multi_year_plan_keeps_its_period_and_an_annual_plan_covers_one_year(orgs, users):
    org = orgs["TN.SXD"]
    plan = create(org, users, year=2026, year_to=2030, kind=PlanKind.THEMATIC)
    assert plan.period_label == "2026–2030"
    with pytest.raises(ValidationError) as caught:
        create(org, users, year=2032, year_to=2033)
    assert "một năm" in caught.value.messages[0]
    with pytest.raises(ValidationError):
        create(org, users, year=2030, year_to=2026, kind=PlanKind.THEMATIC)


def test_the_plan_list_finds_a_multi_year_plan_in_each_of_its_years(client, orgs, users):
    create(orgs["TN.SXD"], users, year=2026, year_to=2030, kind=PlanKind.THEMATIC, title="Giai đoạn 2026–2030")
    client.force_login(users["focal"])
    for year, found in ((2025, False), (2026, True), (2028, True), (2030, True), (2031, False)):
        page = client.get("/plans/", {"year": year, "kind": "thematic"}).content.decode()
        assert ("Giai đoạn 2026–2030" in page) is found, year


def test_revision_and_cascade_keep_kind_period_timing_and_other_units(issue, orgs, users):
    province = services.create_plan(organization=orgs["TN"], year=2026, year_to=2030, kind=PlanKind.THEMATIC,
                                    by=users["coordinator"], title="Chuyên đề", place="Tây Ninh")
    ContentAreaFactory(plan=province)
    AssignmentFactory(plan=province, lead_unit=orgs["TN.SXD"], task="Tuyên truyền",
                      timing="Hằng năm, trước ngày 15/11", other_units="Các cơ quan, đơn vị có liên quan")
    services.submit_plan(province, by=users["coordinator"])
    services.approve_plan(province, by=users["coordinator"])
    province = services.issue_plan(province, by=users["coordinator"])
    child = services.cascade_plan(province, to_org=orgs["TN.SXD"], by=users["focal"])
    assert (child.kind, child.period_label) == (PlanKind.THEMATIC, "2026–2030")
    revision = services.revise_plan(province, by=users["coordinator"])
    copied = revision.assignments.get()
    assert (copied.timing, copied.other_units) == ("Hằng năm, trước ngày 15/11", "Các cơ quan, đơn vị có liên quan")


def test_the_plan_page_shows_kind_period_timing_and_other_units(client, orgs, users):
    plan = create(orgs["TN.SXD"], users, year=2026, year_to=2030, kind=PlanKind.THEMATIC)
    AssignmentFactory(plan=plan, lead_unit=orgs["TN.SXD.VP"], task="Tuyên truyền", timing="Quý II năm 2026",
                      other_units="Các xã, phường")
    client.force_login(users["focal"])
    page = client.get(plan.get_absolute_url()).content.decode()
    assert "Kế hoạch chuyên đề" in page and "2026–2030" in page
    assert "Quý II năm 2026" in page and "Các xã, phường" in page


def test_a_thematic_plan_does_not_count_as_the_annual_plan_in_coverage(orgs, users):
    thematic = create(orgs["TN.SXD"], users, year=2031, kind=PlanKind.THEMATIC)
    rows = {row.organization.code: row.plan for row in services.plan_coverage(orgs["TN"], 2031)}
    assert rows["TN.SXD"] is None
    annual = create(orgs["TN.SXD"], users, year=2031)
    rows = {row.organization.code: row.plan for row in services.plan_coverage(orgs["TN"], 2031)}
    assert rows["TN.SXD"].pk == annual.pk != thematic.pk
