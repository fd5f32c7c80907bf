"""A document for a year whose plan is issued becomes a new draft revision of that plan, never a second plan."""

import pytest

from ingest.models import ImportOutcome, ImportStatus
from ingest.tests.reviewing import post_review, sxd_import
from plans import services
from plans.models import ContentArea, Plan, PlanStatus


@pytest.fixture
def issued_2024(orgs):
    return Plan.objects.get(organization=orgs["TN.SXD"], year=2024, revision_of=None)


def test_the_review_links_to_the_issued_plan_and_offers_a_draft_revision(client_for, orgs, media, issued_2024):
    plan_import = sxd_import(orgs, 2024)
    page = client_for("focal").get(plan_import.get_absolute_url())
    html = page.content.decode()
    assert 'id="existing-plan"' in html and issued_2024.get_absolute_url() in html
    assert "Sở Xây dựng tỉnh Tây Ninh đã có kế hoạch năm 2024" in html
    assert 'name="outcome" value="revision"' in html and 'value="replacement"' not in html


def test_importing_as_a_revision_makes_a_draft_revision_with_the_documents_text(client_for, orgs, media, issued_2024):
    plan_import = sxd_import(orgs, 2024, "Thực hiện công tác dân vận chính quyền năm 2024 (sửa đổi)")
    response = post_review(client_for("focal"), plan_import, outcome="revision")
    revision = Plan.objects.get(revision_of=issued_2024)
    assert response.status_code == 302 and response["Location"] == revision.get_absolute_url()
    assert revision.status == PlanStatus.DRAFT and revision.year == 2024 and revision.number is None
    assert revision.title.endswith("(sửa đổi)") and revision.archive == "VT, VP"
    assert [t.text for t in revision.targets.all()] == ["100% công chức, viên chức được học tập, quán triệt"]
    assert revision.assignments.count() == 2 and not revision.content_areas.exists()
    issued_2024.refresh_from_db()
    assert issued_2024.status == PlanStatus.ISSUED and issued_2024.number == 41
    assert issued_2024.assignments.count() == 4, "the issued plan keeps its own text"
    plan_import.refresh_from_db()
    assert plan_import.status == ImportStatus.CREATED and plan_import.outcome == ImportOutcome.REVISION
    assert plan_import.plan == revision
    assert issued_2024.get_absolute_url() in client_for("focal").get(plan_import.get_absolute_url()).content.decode()


def test_without_choosing_the_revision_no_second_plan_is_made(client_for, orgs, media, issued_2024):
    plan_import = sxd_import(orgs, 2024)
    response = post_review(client_for("focal"), plan_import)
    assert response.status_code == 400 and "đã có kế hoạch năm 2024" in response.content.decode()
    assert Plan.objects.filter(organization=orgs["TN.SXD"], year=2024).count() == 1
    plan_import.refresh_from_db()
    assert plan_import.status == ImportStatus.DONE


def test_the_revision_once_issued_replaces_the_plan(client_for, orgs, media, users, issued_2024):
    post_review(client_for("focal"), sxd_import(orgs, 2024), outcome="revision")
    revision = Plan.objects.get(revision_of=issued_2024)
    services.save_content_area(ContentArea(title="Quán triệt, học tập"), plan=revision, activities=[],
                               by=users["focal"])
    services.submit_plan(revision, by=users["focal"])
    services.approve_plan(revision, by=users["leader"])
    services.issue_plan(revision, by=users["focal"])
    issued_2024.refresh_from_db()
    assert issued_2024.status == PlanStatus.REPLACED


def test_a_plan_with_a_draft_revision_offers_to_replace_that_draft(client_for, orgs, media, users, issued_2024):
    draft_revision = services.revise_plan(issued_2024, by=users["focal"])
    html = client_for("focal").get(sxd_import(orgs, 2024).get_absolute_url()).content.decode()
    assert draft_revision.get_absolute_url() in html
    assert 'name="outcome" value="replacement"' in html and 'value="revision"' not in html
