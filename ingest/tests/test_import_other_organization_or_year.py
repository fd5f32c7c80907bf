"""When the organization already has its plan for the year, the document can still go to another year or
another organization; a plan waiting for approval or issue is neither replaced nor revised, and the page
says what to do."""

import pytest

from ingest.models import ImportOutcome
from ingest.tests.reviewing import post_review, sxd_import
from plans import services
from plans.models import Plan, PlanStatus


@pytest.fixture
def focal(client_for, media):
    return client_for("focal")


@pytest.fixture
def draft_2025(orgs, users):
    return services.cascade_plan(Plan.objects.get(organization__code="TN", year=2025), to_org=orgs["TN.SXD"],
                                 by=users["focal"])


def test_another_year_makes_a_new_plan_for_that_year(focal, orgs):
    plan_import = sxd_import(orgs, 2024, "Thực hiện công tác dân vận chính quyền")
    response = post_review(focal, plan_import, year=2031)
    created = Plan.objects.get(organization=orgs["TN.SXD"], year=2031)
    assert response.status_code == 302 and response["Location"] == created.get_absolute_url()
    assert Plan.objects.filter(organization=orgs["TN.SXD"], year=2024).count() == 1
    plan_import.refresh_from_db()
    assert plan_import.outcome == ImportOutcome.NEW


def test_the_notice_follows_the_year_typed(focal, orgs):
    plan_import = sxd_import(orgs, 2031)
    assert 'id="existing-plan"' not in focal.get(plan_import.get_absolute_url()).content.decode()
    response = post_review(focal, plan_import, year=2024, title="Kế hoạch công tác dân vận chính quyền")
    assert response.status_code == 400 and 'id="existing-plan"' in response.content.decode()


def test_another_organization_reviews_it_as_its_plan(focal, orgs):
    plan_import = sxd_import(orgs, 2024)
    page = focal.get(plan_import.get_absolute_url()).content.decode()
    assert f'action="/imports/{plan_import.pk}/organization/"' in page
    unit = orgs["TN.SXD.VP"]
    response = focal.post(f"/imports/{plan_import.pk}/organization/", {"organization": unit.pk})
    assert response.status_code == 302 and response["Location"] == plan_import.get_absolute_url()
    plan_import.refresh_from_db()
    assert plan_import.organization == unit
    assert plan_import.history.first().organization_id == unit.pk
    post_review(focal, plan_import)
    assert Plan.objects.get(organization=unit, year=2024).source_imports.get() == plan_import


def test_a_submitted_plan_is_not_replaced_and_the_page_says_to_withdraw_it(focal, orgs, users, draft_2025):
    services.submit_plan(draft_2025, by=users["focal"])
    plan_import = sxd_import(orgs, 2025)
    html = focal.get(plan_import.get_absolute_url()).content.decode()
    assert 'id="existing-plan-advice"' in html and 'name="outcome"' not in html
    for outcome in ("replacement", "revision"):
        response = post_review(focal, plan_import, outcome=outcome, replace=draft_2025.pk)
        assert response.status_code == 400
    draft_2025.refresh_from_db()
    assert draft_2025.status == PlanStatus.SUBMITTED and draft_2025.content_areas.exists()
    assert not Plan.objects.filter(revision_of=draft_2025).exists()


def test_an_approved_plan_waits_for_its_issue(focal, orgs, users, draft_2025):
    services.submit_plan(draft_2025, by=users["focal"])
    services.approve_plan(draft_2025, by=users["leader"])
    html = focal.get(sxd_import(orgs, 2025).get_absolute_url()).content.decode()
    assert 'id="existing-plan-advice"' in html and 'name="outcome"' not in html


def test_a_withdrawn_plan_can_then_be_replaced(focal, orgs, users, draft_2025):
    services.submit_plan(draft_2025, by=users["focal"])
    plan_import = sxd_import(orgs, 2025)
    services.withdraw_plan(draft_2025, by=users["focal"])
    response = post_review(focal, plan_import, outcome="replacement", replace=draft_2025.pk)
    assert response.status_code == 302
    draft_2025.refresh_from_db()
    assert draft_2025.assignments.count() == 2


def test_the_notice_is_fetched_again_for_the_year_and_kind_typed(focal, orgs):
    plan_import = sxd_import(orgs, 2031)
    url = f"/imports/{plan_import.pk}/existing-plan/"
    issued = Plan.objects.get(organization=orgs["TN.SXD"], year=2024)
    html = focal.get(url, {"year": 2024, "kind": "annual"}).content.decode()
    assert 'id="existing-plan"' in html and issued.get_absolute_url() in html
    assert 'id="review-submit" hx-swap-oob="true"' in html
    for params in ({"year": 2031, "kind": "annual"}, {"year": 2024, "kind": "thematic"}, {"year": "x"}):
        assert 'id="existing-plan"' not in focal.get(url, params).content.decode(), params
