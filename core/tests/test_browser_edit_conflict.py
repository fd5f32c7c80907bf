"""In headless Chromium: two people open the same staff member's form; the first saves; the
second's save is refused with the first one's change shown, and the second's input is still there."""

import pytest
from playwright.sync_api import expect

from danvan.tests.browser import login
from orgs.models import StaffMember

pytestmark = pytest.mark.browser


def test_the_second_of_two_editors_sees_the_first_change_and_keeps_their_input(browser, live_server, demo_data):
    staff = StaffMember.objects.filter(organization__code="TN.SXD.QLXD", user__isnull=True).order_by("pk").first()
    url = f"{live_server.url}/staff/{staff.pk}/edit/"
    pages = {}
    for username in ("unit", "focal"):
        context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
        pages[username] = context.new_page()
        login(pages[username], live_server, username)
        pages[username].goto(url)
    first, second = pages["unit"], pages["focal"]

    first.get_by_label("Chức vụ").fill("Trưởng phòng (người thứ nhất)")
    first.get_by_role("button", name="Lưu").click()
    expect(first.get_by_text("Đã lưu thông tin cán bộ.")).to_be_visible()

    second.get_by_label("Chức vụ").fill("Phó phòng (người thứ hai)")
    second.get_by_role("button", name="Lưu").click()
    expect(second.get_by_text("Người khác đã sửa bản ghi này sau khi bạn mở nó")).to_be_visible()
    expect(second.get_by_text("«Trưởng phòng (người thứ nhất)»", exact=False)).to_be_visible()
    expect(second.get_by_label("Chức vụ")).to_have_value("Phó phòng (người thứ hai)")
    second.screenshot(path="/tmp/edit-conflict.png")

    # Having seen the other change, saving again keeps theirs.
    second.get_by_role("button", name="Lưu").click()
    expect(second.get_by_text("Đã lưu thông tin cán bộ.")).to_be_visible()
    staff.refresh_from_db()
    assert staff.position == "Phó phòng (người thứ hai)"
    for page in pages.values():
        page.context.close()
