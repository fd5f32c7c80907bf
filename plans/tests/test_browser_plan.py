"""In headless Chromium: the 2025 agency plan from cascade to issue, and the unit's view of it."""

import pytest
from docx import Document
from playwright.sync_api import expect

from danvan.tests.browser import login
from plans.models import Plan

pytestmark = pytest.mark.browser


def test_plan_from_cascade_to_issue(browser, live_server, demo_data):
    province = Plan.objects.get(organization__code="TN", year=2025)

    focal = browser.new_context(locale="vi-VN", accept_downloads=True).new_page()
    login(focal, live_server, "focal")
    focal.goto(f"{live_server.url}/plans/{province.pk}/")
    focal.locator("#cascade-form select").select_option(label="Sở Xây dựng tỉnh Tây Ninh")
    focal.get_by_role("button", name="Lập từ kế hoạch này").click()
    expect(focal.locator("#plan-status")).to_have_text("Dự thảo")
    plan = Plan.objects.get(organization__code="TN.SXD", year=2025)
    assert plan.targets.filter(parent_target__isnull=False).count() == province.targets.count()

    focal.locator("#add-assignment").click()
    focal.get_by_label("Đơn vị chủ trì").select_option(label="Phòng Quản lý hoạt động xây dựng")
    focal.get_by_label("Nhiệm vụ", exact=True).fill("Tổ chức học tập Chỉ thị 33/CT-TTg cho toàn phòng")
    focal.get_by_label("Thời hạn").fill("30/06/2025")
    focal.get_by_role("button", name="Lưu").click()
    expect(focal.locator("#assignments")).to_contain_text("Tổ chức học tập Chỉ thị 33/CT-TTg")
    focal.get_by_role("button", name="Trình duyệt").click()
    expect(focal.locator("#plan-status")).to_have_text("Đã trình")

    leader = browser.new_context(locale="vi-VN").new_page()
    login(leader, live_server, "leader")
    leader.goto(f"{live_server.url}/plans/{plan.pk}/")
    leader.get_by_role("button", name="Phê duyệt").click()
    expect(leader.locator("#plan-status")).to_have_text("Đã duyệt")

    # The registry office (the focal office) numbers and issues the approved plan.
    focal.goto(f"{live_server.url}/plans/{plan.pk}/")
    focal.locator("#issue-plan").click()
    expect(focal.locator("#id_number")).to_have_value("1")
    focal.locator("#id_date").fill("20/03/2025")
    focal.get_by_role("button", name="Ban hành kế hoạch").click()
    expect(focal.locator("#plan-status")).to_have_text("Đã ban hành")
    plan.refresh_from_db()
    assert plan.number_symbol == "01/KH-SXD"

    with focal.expect_download() as download:
        focal.locator("#download-docx").click()
    document = Document(download.value.path())
    texts = [cell.text for table in document.tables for cell in table._cells]
    assert any("Số: 01/KH-SXD" in text for text in texts)

    unit = browser.new_context(locale="vi-VN").new_page()
    login(unit, live_server, "unit")
    unit.goto(f"{live_server.url}/assignments/mine/")
    expect(unit.locator("#my-assignments")).to_contain_text("Tổ chức học tập Chỉ thị 33/CT-TTg")
    expect(unit.locator("#my-assignments")).to_contain_text("30/06/2025")
