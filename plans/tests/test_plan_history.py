"""Every change to a plan and to its parts is recorded: who, when, before and after."""

import datetime as dt

from core.history import ChangeReason
from core.locking import VERSION_FIELD, version_of
from plans import services
from plans.models import Plan


def test_plan_history_page_shows_changes_to_its_parts(sxd_draft_2025, client_for, orgs):
    client = client_for("focal")
    area = sxd_draft_2025.content_areas.first()
    client.post(f"/plans/areas/{area.pk}/", {"order": 1, "title": "Tiêu đề đã sửa", "activities_text": "Việc một",
                                              VERSION_FIELD: version_of(area)})
    client.post(f"/plans/{sxd_draft_2025.pk}/assignments/new/", {
        "order": 1, "lead_unit": orgs["TN.SXD.VP"].pk, "task": "Báo cáo", "status": "not_started",
        "due_date": "01/11/2025"})
    response = client.get(f"/plans/{sxd_draft_2025.pk}/history/")
    html = response.content.decode()
    assert "Tiêu đề đã sửa" in html and "Việc một" in html and "Báo cáo" in html
    title = html.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "<table" not in title and title.startswith("Lịch sử")
    assert html.count('id="part-history"') == 1
    edits = [e for e in response.context["part_entries"] if e.changes]
    assert any(c.new == "Tiêu đề đã sửa" for e in edits for c in e.changes)
    assert all(e.user.username == "focal" for e in response.context["part_entries"][:3])


def test_replacing_a_plan_is_recorded_on_the_replaced_plan(sxd_draft_2025, users):
    services.submit_plan(sxd_draft_2025, by=users["focal"])
    services.approve_plan(sxd_draft_2025, by=users["leader"])
    original = services.issue_plan(sxd_draft_2025, by=users["focal"], date=dt.date(2025, 3, 1))
    revision = services.revise_plan(original, by=users["focal"])
    services.submit_plan(revision, by=users["focal"])
    services.approve_plan(revision, by=users["leader"])
    services.issue_plan(revision, by=users["focal"])
    last = Plan.objects.get(pk=original.pk).history.first()
    assert last.status == "replaced" and last.history_user == users["focal"]
    assert last.history_change_reason == ChangeReason.REPLACED


def test_plan_detail_queries_do_not_grow_with_its_parts(sxd_draft_2025, client_for, orgs,
                                                         django_assert_max_num_queries):
    client = client_for("focal")
    # 14 for the plan (its review thread included), 2 for its attachments card (may the user change it, the files),
    # 2 for its progress card (the assignments, their last reports).
    with django_assert_max_num_queries(18):
        client.get(f"/plans/{sxd_draft_2025.pk}/")
    for index in range(20):
        assignment = sxd_draft_2025.assignments.create(order=index, lead_unit=orgs["TN.SXD.VP"], task=f"Việc {index}")
        assignment.support_units.add(orgs["TN.SXD.TTR"])
        sxd_draft_2025.targets.create(order=index, text=f"Chỉ tiêu {index}", kind="count", target_value=index)
        sxd_draft_2025.content_areas.create(order=index, title=f"Nội dung {index}").activities.create(text="x")
    with django_assert_max_num_queries(18):
        client.get(f"/plans/{sxd_draft_2025.pk}/")
