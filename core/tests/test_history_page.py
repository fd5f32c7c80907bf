"""The history page reads like a register: local times, people by name, values as people write them."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.history import acting_as, object_history, person_name
from plans import services
from plans.models import Assignment, Target, TargetKind


def test_times_are_shown_dd_mm_yyyy_in_ho_chi_minh_time(draft_plan, history_page):
    draft_plan.history.filter(history_type="+").update(history_date=dt.datetime(2025, 3, 1, 17, 30, tzinfo=dt.UTC))
    assert "02/03/2025 00:30 Trần Văn Hùng tạo mới" in history_page(draft_plan)


def test_people_are_named_family_name_first_else_by_username(draft_plan, users, history_page):
    assert person_name(users["focal"]) == "Trần Văn Hùng"
    assert person_name(get_user_model()(username="thu.ky", first_name=" ", last_name="")) == "thu.ky"
    draft_plan.title = "Kế hoạch đã sửa"
    services.save_plan(draft_plan, cited=[], by=users["admin"])
    assert " admin sửa " in history_page(draft_plan)


def test_foreign_keys_and_many_to_many_values_are_named(draft_plan, users, orgs, history_page):
    office, inspectorate, division = orgs["TN.SXD.VP"], orgs["TN.SXD.TTR"], orgs["TN.SXD.QLXD"]
    assignment = services.save_plan_part(
        Assignment(plan=draft_plan, lead_unit=office, task="Báo cáo sơ kết"), plan=draft_plan, by=users["focal"]
    )
    assignment.lead_unit = inspectorate
    services.save_plan_part(assignment, plan=draft_plan, by=users["focal"])
    with acting_as(users["focal"]):
        assignment.support_units.set([division, office])
    services.save_plan(draft_plan, cited=["16/CT-TTg", "33/CT-TTg"], by=users["focal"])
    page = history_page(draft_plan)
    assert f"Đơn vị chủ trì : {office.name} → {inspectorate.name}" in page
    assert f": — → {', '.join(sorted([division.name, office.name]))}" in page
    assert "→ 16/CT-TTg, 33/CT-TTg" in page


def test_a_deleted_related_object_is_named_as_it_last_read(draft_plan, users, history_page):
    first, second = draft_plan.content_areas.order_by("order")[:2]
    target = draft_plan.targets.first()
    target.content_area = first
    services.save_plan_part(target, plan=draft_plan, by=users["focal"])
    target.content_area = second
    services.save_plan_part(target, plan=draft_plan, by=users["focal"])
    services.delete_plan_part(first, plan=draft_plan, by=users["focal"])
    assert f"{first} → {second}" in history_page(draft_plan)


def test_saving_unchanged_values_spelled_otherwise_adds_no_change(draft_plan, users):
    before = object_history(draft_plan)
    target = draft_plan.targets.exclude(target_value=None).first()
    target.target_value = f"{target.target_value:.2f}"  # as a form sends it
    services.save_plan_part(target, plan=draft_plan, by=users["focal"])
    services.save_plan(draft_plan, cited=list(draft_plan.basis_documents.values_list("number", flat=True)),
                       by=users["focal"])
    after = object_history(draft_plan)
    assert (len(after.entries), len(after.part_entries)) == (len(before.entries), len(before.part_entries))


def _change_repeatedly(plan, rounds, users, orgs):
    """Each round changes the plan, its basis (a new document), a new target, an activity and an
    assignment (another unit): what the page names grows with the rounds."""
    units = list(orgs["TN.SXD"].children.order_by("pk"))
    assignment = plan.assignments.first() or services.save_plan_part(
        Assignment(plan=plan, lead_unit=units[0], task="Báo cáo"), plan=plan, by=users["focal"]
    )
    activity = plan.content_areas.first().activities.first()
    for round_ in rounds:
        plan.title = f"Kế hoạch, lần sửa {round_}"
        services.save_plan(plan, cited=["16/CT-TTg", f"{round_ + 1}/KH-UBND"], by=users["focal"])
        target = services.save_plan_part(
            Target(plan=plan, text=f"Chỉ tiêu {round_}", kind=TargetKind.COUNT, target_value=1),
            plan=plan, by=users["focal"],
        )
        target.target_value = 50 + round_
        services.save_plan_part(target, plan=plan, by=users["focal"])
        activity.text = f"Hoạt động, lần sửa {round_}"
        services.save_plan_part(activity, plan=plan, by=users["focal"])
        assignment.lead_unit = units[round_ % len(units)]
        services.save_plan_part(assignment, plan=plan, by=users["focal"])
        with acting_as(users["focal"]):
            assignment.support_units.set([units[(round_ + 1) % len(units)]])


def test_the_page_reads_in_as_many_queries_for_twenty_changes_as_for_two(draft_plan, users, orgs, client_for):
    client = client_for("focal")
    url = f"/plans/{draft_plan.pk}/history/"

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    _change_repeatedly(draft_plan, range(2), users, orgs)
    with_two = queries()
    _change_repeatedly(draft_plan, range(2, 20), users, orgs)
    assert queries() == with_two
