"""A document for a year whose plan is still a draft replaces that draft's text, only once the user confirms;
the history keeps what was replaced."""

import pytest

from ingest.models import ImportOutcome, ImportStatus
from ingest.tests.reviewing import post_review, sxd_import, text_of
from plans import services
from plans.models import Assignment, Plan, Target


@pytest.fixture
def draft(orgs, users):
    """Sở Xây dựng's 2025 draft, cascaded from the province's plan: areas and targets of its own."""
    plan = services.cascade_plan(Plan.objects.get(organization__code="TN", year=2025), to_org=orgs["TN.SXD"],
                                 by=users["focal"])
    assert plan.content_areas.exists() and plan.targets.exists()
    return plan


@pytest.fixture
def focal(client_for, media):
    return client_for("focal")


def test_the_review_offers_to_replace_the_draft(focal, orgs, draft):
    html = focal.get(sxd_import(orgs, 2025).get_absolute_url()).content.decode()
    assert draft.get_absolute_url() in html
    assert 'name="outcome" value="replacement"' in html and 'value="revision"' not in html


def test_choosing_to_replace_asks_first_and_changes_nothing(focal, orgs, draft):
    before = (draft.title, draft.content_areas.count(), draft.targets.count())
    response = post_review(focal, sxd_import(orgs, 2025), outcome="replacement")
    html = response.content.decode()
    assert response.status_code == 200 and 'id="replace-form"' in html
    assert f'name="replace" value="{draft.pk}"' in html and 'name="outcome" value="replacement"' in html
    # The reviewed form travels along unchanged.
    assert 'name="title" value="Thực hiện công tác dân vận chính quyền năm 2025"' in html
    draft.refresh_from_db()
    assert (draft.title, draft.content_areas.count(), draft.targets.count()) == before


def test_confirming_replaces_the_drafts_text_in_place(focal, orgs, draft):
    old_targets = list(draft.targets.values_list("pk", flat=True))
    plan_import = sxd_import(orgs, 2025, "Thực hiện công tác dân vận chính quyền năm 2025 (thay thế)")
    response = post_review(focal, plan_import, outcome="replacement", replace=draft.pk)
    assert response.status_code == 302 and response["Location"] == draft.get_absolute_url()
    draft.refresh_from_db()
    assert draft.title.endswith("(thay thế)") and draft.status == "draft"
    assert not draft.content_areas.exists()
    assert [t.text for t in draft.targets.all()] == ["100% công chức, viên chức được học tập, quán triệt"]
    assert draft.assignments.count() == 2 and draft.archive == "VT, VP"
    assert draft.introduction == "" and draft.parent is None, "nothing of the former text is left"
    assert not Target.objects.filter(pk__in=old_targets).exists()
    assert Plan.objects.filter(organization=orgs["TN.SXD"], year=2025).count() == 1
    plan_import.refresh_from_db()
    assert plan_import.status == ImportStatus.CREATED and plan_import.outcome == ImportOutcome.REPLACEMENT
    assert plan_import.plan == draft


def test_the_history_keeps_the_replaced_text(focal, orgs, draft):
    old_title, old_target = draft.title, draft.targets.first()
    plan_import = sxd_import(orgs, 2025, "Thực hiện công tác dân vận chính quyền năm 2025 (bản mới)")
    post_review(focal, plan_import, outcome="replacement", replace=draft.pk)
    changed = draft.history.filter(history_change_reason="import_replaced").last()
    assert changed is not None and changed.prev_record.title == old_title
    removed = Target.history.get(id=old_target.pk, history_type="-")
    assert removed.text == old_target.text and removed.history_change_reason == "import_replaced"
    assert removed.history_user.username == "focal"
    page = text_of(focal.get(f"/plans/{draft.pk}/history/"))
    assert old_title in page and old_target.text[:40] in page


def test_a_confirmation_for_another_plan_is_refused(focal, orgs, draft, users):
    title = draft.title
    response = post_review(focal, sxd_import(orgs, 2025), outcome="replacement", replace=draft.pk + 1000)
    assert response.status_code == 400
    draft.refresh_from_db()
    assert draft.title == title and draft.content_areas.exists()


def test_back_returns_to_the_review_without_changing_anything(focal, orgs, draft):
    plan_import = sxd_import(orgs, 2025)
    response = post_review(focal, plan_import, outcome="replacement", back="1")
    assert response.status_code == 200 and 'id="review-form"' in response.content.decode()
    plan_import.refresh_from_db()
    assert plan_import.status == ImportStatus.DONE
    assert not Assignment.objects.filter(plan=draft, task__startswith="Báo cáo sơ kết").exists()


def test_the_replacement_is_all_or_nothing(focal, orgs, draft, monkeypatch):
    title, areas = draft.title, draft.content_areas.count()

    def refuse(*args, **kwargs):
        raise services.ValidationError("Từ chối")

    monkeypatch.setattr(services, "add_assignment", refuse)
    plan_import = sxd_import(orgs, 2025, "Thực hiện công tác dân vận chính quyền năm 2025 (bản khác)")
    response = post_review(focal, plan_import, outcome="replacement", replace=draft.pk)
    assert response.status_code == 400 and "Từ chối" in response.content.decode()
    draft.refresh_from_db()
    assert draft.title == title and draft.content_areas.count() == areas
