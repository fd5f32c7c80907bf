"""In headless Chromium: the focal office of Sở Xây dựng records the yearly staff conference with attendance
picked from the roster and a follow-up action for Phòng QLHĐXD; the unit's editor finds it in the inbox."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from danvan.tests.browser import login
from democracy import services
from democracy.models import Meeting

pytestmark = pytest.mark.browser


def test_the_focal_office_records_the_conference_and_the_owner_finds_the_action(browser, live_server, demo_data):
    agency, unit = demo_data["TN.SXD"], demo_data["TN.SXD.QLXD"]
    today = timezone.localdate()
    day = dt.date(today.year, 3, 16)
    staff = list(services.roster(agency, day))
    present = staff[: len(staff) * 3 // 4]

    focal = browser.new_context(locale="vi-VN").new_page()
    login(focal, live_server, "focal")
    focal.goto(f"{live_server.url}{reverse('democracy:meeting_create')}")
    focal.select_option("#id_organization", str(agency.pk))
    focal.select_option("#id_kind", "staff_conference")
    focal.fill("#id_work_year", str(today.year - 1))
    focal.fill("#id_date", day.strftime("%d/%m/%Y"))
    focal.fill("#id_title", f"Hội nghị cán bộ, công chức, viên chức năm {today.year}")
    focal.select_option("#id_attendees", [str(person.pk) for person in present])
    focal.check("input[name=agenda][value=head_report]")
    focal.check("input[name=agenda][value=resolution]")
    focal.fill("#id_resolution", "Hoàn thành 100% chỉ tiêu kế hoạch năm")
    focal.fill("#id_votes_for", str(len(present) - 1))
    focal.locator("form button.btn-primary[type=submit]").click()
    expect(focal.locator("#quorum")).to_contain_text(f"{len(present)}/{len(staff)}")
    expect(focal.locator("#adopted")).to_contain_text("Nghị quyết được thông qua")
    meeting = Meeting.objects.get(organization=agency, work_year=today.year - 1)
    assert meeting.attendees.count() == len(present)

    focal.locator("#add-action").click()
    focal.fill("#id_description", "Rút ngắn thời gian thẩm định hồ sơ cấp phép")
    focal.select_option("#id_owner_unit", str(unit.pk))
    focal.fill("#id_due_date", (today + dt.timedelta(days=5)).strftime("%d/%m/%Y"))
    focal.locator("form button.btn-primary[type=submit]").click()
    expect(focal.locator("#actions")).to_contain_text("Rút ngắn thời gian thẩm định hồ sơ cấp phép")

    owner = browser.new_context(locale="vi-VN").new_page()
    login(owner, live_server, "unit")
    owner.goto(f"{live_server.url}/")
    item = owner.locator("#inbox a", has_text="Việc thực hiện sau hội nghị, đối thoại đến hạn")
    expect(item).to_be_visible()
    item.click()
    expect(owner.locator("#follow-up-actions")).to_contain_text("Rút ngắn thời gian thẩm định hồ sơ cấp phép")
