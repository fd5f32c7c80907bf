"""The focal office invites a colleague, gives them a unit; the colleague sets a password through
the e-mailed link and finds that unit's assignments."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from danvan.tests.browser import login

pytestmark = pytest.mark.browser


def test_focal_invites_a_unit_editor_who_sets_a_password_and_sees_the_units_assignments(browser, page, live_server,
                                                                                        demo_data):
    login(page, live_server, "focal")
    page.goto(f"{live_server.url}/accounts/manage/")
    page.get_by_role("link", name="Mời người dùng").click()
    page.get_by_label("Email").fill("tho.nguyen@sxd.tayninh.gov.vn")
    page.get_by_label("Họ và tên đệm").fill("Nguyễn Văn")
    page.get_by_label("Tên", exact=True).fill("Thọ")
    page.get_by_label("Cơ quan, đơn vị").select_option(label="Phòng Quản lý hoạt động xây dựng")
    page.get_by_label("Vai trò").select_option(label="Cán bộ đơn vị")
    page.get_by_role("button", name="Gửi lời mời").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nguyễn Văn Thọ")
    expect(page.locator("#roles")).to_contain_text("Phòng Quản lý hoạt động xây dựng")

    link = re.search(r"https?://\S+/accounts/set-password/\S+", mail.outbox[-1].body).group(0)
    colleague = browser.new_context(locale="vi-VN").new_page()
    colleague.goto(link)
    colleague.get_by_label("Mật khẩu mới", exact=True).fill("mat-khau-cua-tho-2025")
    colleague.get_by_label("Xác nhận mật khẩu mới").fill("mat-khau-cua-tho-2025")
    colleague.get_by_role("button", name="Lưu mật khẩu").click()
    expect(colleague.get_by_role("heading", level=1)).to_have_text("Đã lưu mật khẩu")
    login(colleague, live_server, "tho.nguyen@sxd.tayninh.gov.vn", "mat-khau-cua-tho-2025")
    colleague.goto(f"{live_server.url}/assignments/mine/")
    expect(colleague.locator("#my-assignments")).to_contain_text("Phòng Quản lý hoạt động xây dựng")
    colleague.context.close()
