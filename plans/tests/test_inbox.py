"""The home page tells each role what waits for it now, with a count and a link."""

import datetime as dt
import re

from django.utils import timezone

from plans import services
from plans.models import Plan, PlanStatus


def inbox(client) -> dict[str, tuple[str, str]]:
    """label → (count, link) of the home page's inbox."""
    page = client.get("/").content.decode()
    rows = re.findall(r'<a class="me-auto" href="([^"]+)">([^<]+)</a><span[^>]*>(\d+)</span>', page)
    return {label: (count, url) for url, label, count in rows}


def test_the_leader_sees_the_plan_to_approve(sxd_draft_2025, users, client_for):
    services.submit_plan(sxd_draft_2025, by=users["focal"])
    assert inbox(client_for("leader"))["Kế hoạch chờ phê duyệt"][0] == "1"


def test_the_registry_office_sees_the_approved_plan_to_number(sxd_draft_2025, users, client_for):
    services.submit_plan(sxd_draft_2025, by=users["focal"])
    services.approve_plan(sxd_draft_2025, by=users["leader"])
    assert inbox(client_for("focal"))["Kế hoạch đã duyệt chờ cấp số, ban hành"][0] == "1"
    assert "Kế hoạch đã duyệt chờ cấp số, ban hành" not in inbox(client_for("leader"))


def test_the_focal_office_sees_the_plan_returned_to_it_until_it_resubmits(sxd_draft_2025, users, client_for):
    services.submit_plan(sxd_draft_2025, by=users["focal"])
    services.return_plan(sxd_draft_2025, by=users["leader"], reason="Thiếu phụ lục")
    returned = inbox(client_for("focal"))["Kế hoạch bị trả lại cần chỉnh sửa"]
    assert returned == ("1", f"/plans/{sxd_draft_2025.pk}/")
    services.submit_plan(sxd_draft_2025, by=users["focal"])
    assert "Kế hoạch bị trả lại cần chỉnh sửa" not in inbox(client_for("focal"))


def test_the_unit_sees_its_overdue_assignments_and_those_due_this_week(orgs, client_for):
    today = timezone.localdate()
    before = inbox(client_for("unit"))
    late_before = int(before.get("Nhiệm vụ quá hạn", ("0",))[0])
    soon_before = int(before.get("Nhiệm vụ đến hạn trong 7 ngày", ("0",))[0])
    plan = Plan.objects.create(organization=orgs["TN.SXD"], year=today.year, symbol="KH-SXD", place="Tây Ninh",
                               title="Kế hoạch", status=PlanStatus.ISSUED, number=40)
    unit = orgs["TN.SXD.QLXD"]
    plan.assignments.create(lead_unit=unit, task="Trễ", due_date=today - dt.timedelta(days=2))
    plan.assignments.create(lead_unit=unit, task="Sắp đến hạn", due_date=today + dt.timedelta(days=5))
    plan.assignments.create(lead_unit=unit, task="Còn xa", due_date=today + dt.timedelta(days=30))
    plan.assignments.create(lead_unit=unit, task="Xong", due_date=today - dt.timedelta(days=2), status="done")
    items = inbox(client_for("unit"))
    assert items["Nhiệm vụ quá hạn"] == (str(late_before + 1), "/assignments/mine/")
    assert items["Nhiệm vụ đến hạn trong 7 ngày"] == (str(soon_before + 1), "/assignments/mine/")


def test_the_coordinator_sees_the_agencies_without_a_plan_this_year(orgs, client_for):
    year = timezone.localdate().year
    label = f"Cơ quan chưa có kế hoạch năm {year}"
    before = int(inbox(client_for("coordinator"))[label][0])
    Plan.objects.create(organization=orgs["TN.SXD"], year=year, symbol="KH-SXD", place="Tây Ninh", title="KH")
    count, url = inbox(client_for("coordinator"))[label]
    assert int(count) == before - 1 and url == f"/plans/coverage/?year={year}"
    assert label not in inbox(client_for("focal"))
