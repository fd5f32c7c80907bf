"""Only the annual plan is one a year: a thematic plan neither blocks an import nor is blocked by the annual plan."""

from ingest.models import ImportOutcome
from ingest.tests.reviewing import post_review, sxd_import
from plans import services
from plans.models import Plan, PlanKind


def test_a_thematic_plan_of_the_year_does_not_block_the_annual_import(client_for, orgs, users, media):
    services.create_plan(organization=orgs["TN.SXD"], year=2031, kind=PlanKind.THEMATIC, by=users["focal"],
                         title="Triển khai phong trào thi đua “Dân vận khéo” năm 2031", place="Tây Ninh")
    focal = client_for("focal")
    plan_import = sxd_import(orgs, 2031)
    assert 'id="existing-plan"' not in focal.get(plan_import.get_absolute_url()).content.decode()
    response = post_review(focal, plan_import)
    annual = Plan.objects.get(organization=orgs["TN.SXD"], year=2031, kind=PlanKind.ANNUAL)
    assert response.status_code == 302 and response["Location"] == annual.get_absolute_url()
    plan_import.refresh_from_db()
    assert plan_import.outcome == ImportOutcome.NEW


def test_a_thematic_import_beside_the_issued_annual_plan_is_a_new_plan(client_for, orgs, media):
    focal = client_for("focal")
    plan_import = sxd_import(orgs, 2024, "Triển khai phong trào thi đua “Dân vận khéo” năm 2024")
    response = post_review(focal, plan_import, kind=PlanKind.THEMATIC)
    thematic = Plan.objects.get(organization=orgs["TN.SXD"], year=2024, kind=PlanKind.THEMATIC)
    assert response.status_code == 302 and response["Location"] == thematic.get_absolute_url()
    assert thematic.revision_of is None and thematic.assignments.count() == 2
    assert Plan.objects.get(organization=orgs["TN.SXD"], year=2024, kind=PlanKind.ANNUAL).status == "issued"


def test_the_notice_is_not_shown_for_a_thematic_import(client_for, orgs, media):
    focal = client_for("focal")
    plan_import = sxd_import(orgs, 2024, "Triển khai phong trào thi đua “Dân vận khéo” năm 2024")
    response = post_review(focal, plan_import, kind=PlanKind.THEMATIC, symbol="")
    assert response.status_code == 400 and 'id="existing-plan"' not in response.content.decode()


def test_a_multi_year_document_is_proposed_as_a_thematic_plan_for_its_period(client_for, orgs, media):
    plan_import = sxd_import(orgs, 2026, "Thực hiện công tác dân vận chính quyền giai đoạn 2026 - 2030",
                             period={"from": 2026, "to": 2030})
    form = client_for("focal").get(plan_import.get_absolute_url()).context["form"]
    assert (form.initial["kind"], form.initial["year"], form.initial["year_to"]) == (PlanKind.THEMATIC, 2026, 2030)
    post_review(client_for("focal"), plan_import)
    plan = Plan.objects.get(organization=orgs["TN.SXD"], kind=PlanKind.THEMATIC, year=2026)
    assert plan.year_to == 2030
