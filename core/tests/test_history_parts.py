"""An object's parts are found through their link to it: whatever cascades from it and keeps a history."""

from core.history import object_history, parts_of
from orgs.models import Membership, Organization, OrganizationChange
from plans import services
from plans.models import Activity, Assignment, ContentArea, Plan, Target
from progress.models import ProgressUpdate


def test_a_plans_parts_are_what_cascades_from_it_and_from_its_parts():
    parts = {part.model: part for part in parts_of(Plan)}
    # Progress reports belong to an assignment, so they show on the plan's history too.
    assert set(parts) == {ContentArea, Target, Assignment, Activity, ProgressUpdate}
    assert (parts[Activity].owner, parts[Activity].link.name) == (ContentArea, "content_area")
    assert (parts[ProgressUpdate].owner, parts[ProgressUpdate].link.name) == (Assignment, "assignment")


def test_an_organizations_parts_leave_out_what_it_only_protects():
    # Staff and plans outlive a merge (PROTECT): they have their own history pages.
    assert {part.model for part in parts_of(Organization)} == {OrganizationChange, Membership}


def test_an_activity_change_shows_on_its_plans_history(draft_plan, users, history_page):
    activity = draft_plan.content_areas.order_by("order").first().activities.first()
    old_text = activity.text
    activity.text = "Tổ chức hội nghị quán triệt Chỉ thị số 16/CT-TTg"
    services.save_plan_part(activity, plan=draft_plan, by=users["focal"])
    page = history_page(draft_plan).split("Thay đổi các thành phần", 1)[1]
    assert f"Trần Văn Hùng sửa Nhiệm vụ: {activity.text[:79]}" in page
    assert f"{old_text} → {activity.text}" in page


def test_parts_can_be_left_out(draft_plan):
    assert object_history(draft_plan).part_entries
    assert object_history(draft_plan, parts=False).part_entries == []
