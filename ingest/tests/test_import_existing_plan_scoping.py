"""Another agency's import, and another agency's plan, are out of reach of the import review."""

import pytest
from django.core.exceptions import PermissionDenied

from ingest import services
from ingest.models import ImportStatus
from ingest.tests.reviewing import post_review, sxd_import
from plans import services as plan_services
from plans.models import Plan


def test_another_agency_cannot_reach_the_import_nor_move_it(client_for, orgs, media):
    plan_import = sxd_import(orgs, 2024)
    other = client_for("other-focal")
    assert other.get(plan_import.get_absolute_url()).status_code == 404
    assert other.post(plan_import.get_absolute_url(), {"outcome": "revision"}).status_code == 404
    response = other.post(f"/imports/{plan_import.pk}/organization/", {"organization": orgs["TN.SVHTTDL"].pk})
    assert response.status_code == 404
    plan_import.refresh_from_db()
    assert plan_import.organization == orgs["TN.SXD"] and plan_import.status == ImportStatus.DONE


def test_an_import_cannot_be_moved_to_another_agency(client_for, orgs, media):
    plan_import = sxd_import(orgs, 2024)
    focal = client_for("focal")
    page = focal.get(plan_import.get_absolute_url())
    assert orgs["TN.SVHTTDL"] not in page.context["organization_form"].fields["organization"].queryset
    focal.post(f"/imports/{plan_import.pk}/organization/", {"organization": orgs["TN.SVHTTDL"].pk})
    plan_import.refresh_from_db()
    assert plan_import.organization == orgs["TN.SXD"]


def test_a_reader_of_the_agency_cannot_move_it(client_for, orgs, users, media):
    plan_import = sxd_import(orgs, 2024)
    assert client_for("leader").post(
        f"/imports/{plan_import.pk}/organization/", {"organization": orgs["TN.SXD.VP"].pk}).status_code == 403
    with pytest.raises(PermissionDenied):
        services.move_import(plan_import, organization=orgs["TN.SXD.VP"], by=users["leader"])


def test_the_notice_only_names_the_imports_own_organizations_plan(client_for, orgs, media):
    other_plan = Plan.objects.get(organization=orgs["TN.SVHTTDL"], year=2025)
    html = client_for("focal").get(sxd_import(orgs, 2025).get_absolute_url()).content.decode()
    assert 'id="existing-plan"' not in html and other_plan.get_absolute_url() not in html


def test_another_agencys_draft_cannot_be_replaced_through_an_import(client_for, orgs, users, media):
    other_draft = plan_services.cascade_plan(
        Plan.objects.get(organization__code="TN", year=2025), to_org=orgs["TN.SNV"], by=users["coordinator"])
    title = other_draft.title
    focal = client_for("focal")
    response = post_review(focal, sxd_import(orgs, 2025), outcome="replacement", replace=other_draft.pk)
    assert response.status_code == 400
    other_draft.refresh_from_db()
    assert other_draft.title == title and other_draft.content_areas.exists()


def test_the_service_refuses_a_user_who_may_not_change_the_plans(orgs, users, media):
    plan_import = sxd_import(orgs, 2024)
    with pytest.raises(PermissionDenied):
        services.create_plan_from_import(plan_import, fields={"year": 2024, "title": "x", "place": "Tây Ninh"},
                                         references=[], targets=[], assignments=[], by=users["leader"],
                                         outcome="revision")
    assert not Plan.objects.filter(organization=orgs["TN.SXD"], year=2024, status="draft").exists()


def test_another_agency_cannot_fetch_the_notice(client_for, orgs, media):
    plan_import = sxd_import(orgs, 2031)
    response = client_for("other-focal").get(f"/imports/{plan_import.pk}/existing-plan/", {"year": 2024})
    assert response.status_code == 404
