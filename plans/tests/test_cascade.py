"""An agency writes its plan from the province's in one step; a unit from its agency's."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from plans import services
from plans.models import Plan, PlanStatus


def test_agency_plan_is_prefilled_from_the_province_plan(sxd_draft_2025, province_2025):
    plan = sxd_draft_2025
    assert plan.status == PlanStatus.DRAFT and plan.parent == province_2025 and plan.year == 2025
    assert plan.symbol == "KH-SXD"
    assert [a.title for a in plan.content_areas.all()] == [a.title for a in province_2025.content_areas.all()]
    assert [a.activities.count() for a in plan.content_areas.all()] == [
        a.activities.count() for a in province_2025.content_areas.all()
    ]
    assert set(plan.basis_documents.values_list("number", flat=True)) == set(
        province_2025.basis_documents.values_list("number", flat=True)
    )
    assert "696/KH-UBND" in plan.introduction


def test_each_target_links_to_the_province_target_it_serves(sxd_draft_2025, province_2025):
    pairs = [(t.text, t.parent_target) for t in sxd_draft_2025.targets.all()]
    assert len(pairs) == province_2025.targets.count()
    for text, parent in pairs:
        assert parent is not None and parent.plan == province_2025 and parent.text == text


def test_an_agency_cannot_have_two_original_plans_a_year(sxd_draft_2025, province_2025, users, orgs):
    with pytest.raises(ValidationError):
        services.cascade_plan(province_2025, to_org=orgs["TN.SXD"], by=users["focal"])
    assert Plan.objects.filter(organization=orgs["TN.SXD"], year=2025).count() == 1


def test_only_an_issued_plan_can_be_cascaded(sxd_draft_2025, users, orgs):
    with pytest.raises(ValidationError):
        services.cascade_plan(sxd_draft_2025, to_org=orgs["TN.SXD.QLXD"], by=users["unit"])


def test_focal_cannot_create_another_agencys_plan(province_2025, users, orgs):
    with pytest.raises(PermissionDenied):
        services.cascade_plan(province_2025, to_org=orgs["TN.SNV"], by=users["focal"])


def test_unit_plan_cascades_from_the_issued_agency_plan(sxd_draft_2025, users, orgs):
    services.submit_plan(sxd_draft_2025, by=users["focal"])
    services.approve_plan(sxd_draft_2025, by=users["leader"])
    issued = services.issue_plan(sxd_draft_2025, by=users["focal"])
    unit_plan = services.cascade_plan(issued, to_org=orgs["TN.SXD.QLXD"], by=users["unit"])
    assert unit_plan.parent == issued and unit_plan.organization.code == "TN.SXD.QLXD"
    assert all(t.parent_target.plan == issued for t in unit_plan.targets.all())


def test_cascade_page_creates_the_draft_and_redirects(client_for, province_2025, orgs):
    client = client_for("focal")
    response = client.post(f"/plans/{province_2025.pk}/cascade/", {"organization": orgs["TN.SXD"].pk})
    plan = Plan.objects.get(organization=orgs["TN.SXD"], year=2025)
    assert response.status_code == 302 and response["Location"] == plan.get_absolute_url()


def test_coordinator_sees_which_agencies_have_a_plan(client_for, orgs):
    response = client_for("coordinator").get("/plans/coverage/", {"organization": orgs["TN"].pk, "year": 2025})
    rows = {row.organization.code: row.plan for row in response.context["rows"]}
    assert rows["TN.SVHTTDL"] is not None and rows["TN.SVHTTDL"].status == PlanStatus.ISSUED
    assert rows["TN.SXD"] is None
    assert "TN.SGTVT" not in rows  # merged into Sở Xây dựng before 2025 ended
    assert "Chưa có kế hoạch" in response.content.decode()


def test_agency_sees_which_units_have_a_plan(client_for, orgs):
    response = client_for("focal").get("/plans/coverage/", {"organization": orgs["TN.SXD"].pk, "year": 2024})
    rows = {row.organization.code: row.plan for row in response.context["rows"]}
    assert rows["TN.SXD.QLXD"] is not None and rows["TN.SXD.HTKT"] is None


def test_coverage_of_another_agency_is_not_found(client_for, orgs):
    response = client_for("other-focal").get("/plans/coverage/", {"organization": orgs["TN.SXD"].pk})
    assert response.status_code == 404


def test_coverage_counts_each_status_with_its_share_and_exports(client_for, orgs):
    client = client_for("coordinator")
    response = client.get("/plans/coverage/", {"organization": orgs["TN"].pk, "year": 2025})
    summary = {item.label: (item.count, item.share) for item in response.context["summary"]}
    rows = response.context["rows"]
    assert sum(count for count, _share in summary.values()) == len(rows)
    missing = sum(1 for row in rows if row.plan is None)
    assert summary["Chưa có kế hoạch"] == (missing, round(100 * missing / len(rows), 1))
    export = client.get("/plans/coverage/export.xlsx", {"organization": orgs["TN"].pk, "year": 2025})
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")


def test_a_year_out_of_range_shows_the_form_error_not_a_crash(client_for, orgs):
    response = client_for("coordinator").get("/plans/coverage/", {"organization": orgs["TN"].pk, "year": "99999"})
    assert response.status_code == 200 and response.context["form"].errors["year"]
    assert client_for("coordinator").get("/plans/coverage/", {"year": "abc"}).status_code == 200


def test_a_plan_issued_after_the_superior_plans_deadline_is_flagged_late(client_for, orgs, users, issue):
    province = Plan.objects.get(organization=orgs["TN"], year=2025)
    assert province.lower_plans_due == dt.date(2025, 4, 15)
    draft = services.cascade_plan(province, to_org=orgs["TN.SXD"], by=users["focal"])
    draft.content_areas.create(order=1, title="Nội dung")
    issue(draft, date=dt.date(2025, 5, 2))
    response = client_for("coordinator").get("/plans/coverage/", {"organization": orgs["TN"].pk, "year": 2025})
    late = {row.organization.code for row in response.context["rows"] if row.late}
    # Sở Xây dựng issued on 02/05, after 15/04; Sở Nội vụ has none and the date has passed; Sở VHTTDL was on time.
    assert late == {"TN.SXD", "TN.SNV"}
    assert response.context["late"] == 2 and "sau hạn" in response.content.decode()


def test_coverage_lists_one_type_of_organization_when_asked(client_for, orgs):
    client = client_for("focal")
    every = client.get("/plans/coverage/", {"organization": orgs["TN.SXD"].pk, "year": 2024}).context["rows"]
    divisions = client.get("/plans/coverage/", {"organization": orgs["TN.SXD"].pk, "year": 2024,
                                                "org_type": "division"}).context["rows"]
    assert divisions and len(divisions) < len(every)
    assert {row.organization.org_type for row in divisions} == {"division"}


def test_coverage_offers_the_organizations_above_plans_with_the_chosen_one_selected(client_for, orgs):
    page = client_for("coordinator").get("/plans/coverage/", {"organization": orgs["TN.SXD"].pk}).content.decode()
    select = page[page.index('name="organization"'):]
    select = select[: select.index("</select>")]
    assert f'<option value="{orgs["TN.SXD"].pk}" selected>{orgs["TN.SXD"].name}</option>' in select
    assert f'<option value="{orgs["TN"].pk}">{orgs["TN"].name}</option>' in select
    # Units have no organizations under them to cover: they are not offered.
    assert f'value="{orgs["TN.SXD.VP"].pk}"' not in select
