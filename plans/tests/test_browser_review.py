"""In headless Chromium, the review cycle as the issue asks to see it: `focal` submits with a comment, `leader`
finds it in the inbox and returns it with a reason, `focal` reads the reason and resubmits, `leader` approves,
the registry office enters the number and issues, attaches the signed scan, and the .docx has the Căn cứ
paragraph, the appendix table and the rules."""

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.contrib.auth import get_user_model
from docx import Document
from docx.oxml.ns import qn
from playwright.sync_api import expect

from attachments.tests.signed_pdf import signed_pdf
from danvan.tests.browser import login
from orgs.models import Organization
from plans import services
from plans.models import Plan
from plans.tests.factories import AssignmentFactory

pytestmark = pytest.mark.browser



def test_the_review_cycle_from_submission_to_the_signed_scan(browser, live_server, demo_data, tmp_path):
    shots = tmp_path
    focal_user = get_user_model().objects.get(username="focal")
    province = Plan.objects.get(organization__code="TN", year=2025)
    agency = Organization.objects.get(code="TN.SXD")
    plan = services.cascade_plan(province, to_org=agency, by=focal_user)
    AssignmentFactory(plan=plan, lead_unit=Organization.objects.get(code="TN.SXD.QLXD"),
                      task="Tổ chức học tập Chỉ thị 33/CT-TTg", due_date=dt.date(2025, 6, 30))
    url = f"{live_server.url}/plans/{plan.pk}/"

    focal = browser.new_context(locale="vi-VN", accept_downloads=True).new_page()
    login(focal, live_server, "focal")
    focal.goto(url)
    focal.locator("#id_comment").fill("Kính trình Giám đốc xem xét")
    focal.locator("button[value=submit]").click()
    expect(focal.locator("#plan-status")).to_have_text("Đã trình")

    leader = browser.new_context(locale="vi-VN").new_page()
    login(leader, live_server, "leader")
    leader.goto(f"{live_server.url}/")
    expect(leader.locator("#inbox")).to_contain_text("Kế hoạch chờ phê duyệt")
    leader.screenshot(path=str(shots / "leader-inbox.png"), full_page=True)
    leader.locator("#inbox a", has_text="Kế hoạch chờ phê duyệt").click()
    leader.get_by_role("link", name=plan.title).first.click()
    expect(leader.locator("#review-thread")).to_contain_text("Kính trình Giám đốc xem xét")
    leader.locator("#id_comment").fill("Bổ sung chỉ tiêu về tiếp công dân")
    leader.locator("button[value=return]").click()
    expect(leader.locator("#plan-status")).to_have_text("Dự thảo")

    focal.goto(f"{live_server.url}/")
    focal.locator("#inbox a", has_text="Kế hoạch bị trả lại cần chỉnh sửa").click()
    expect(focal.locator("#review-thread")).to_contain_text("Bổ sung chỉ tiêu về tiếp công dân")
    focal.screenshot(path=str(shots / "focal-returned.png"), full_page=True)
    focal.locator("#id_comment").fill("Đã bổ sung chỉ tiêu")
    focal.locator("button[value=submit]").click()
    expect(focal.locator("#plan-status")).to_have_text("Đã trình")

    leader.goto(url)
    leader.locator("#id_comment").fill("Đồng ý ban hành")
    leader.locator("button[value=approve]").click()
    expect(leader.locator("#plan-status")).to_have_text("Đã duyệt")
    expect(leader.locator("#issue-plan")).to_have_count(0)  # the registry office numbers and issues

    focal.goto(f"{live_server.url}/")
    expect(focal.locator("#inbox")).to_contain_text("Kế hoạch đã duyệt chờ cấp số, ban hành")
    focal.goto(url)
    focal.locator("#issue-plan").click()
    expect(focal.locator("#issue-warning")).to_be_visible()
    focal.locator("#id_number").fill("12")
    focal.locator("#id_date").fill("03/04/2025")
    focal.screenshot(path=str(shots / "issue.png"), full_page=True)
    focal.get_by_role("button", name="Ban hành kế hoạch").click()
    expect(focal.locator("#plan-status")).to_have_text("Đã ban hành")
    plan.refresh_from_db()
    assert plan.number_symbol == "12/KH-SXD" and plan.date == dt.date(2025, 4, 3)

    scan = tmp_path / "12-KH-SXD-ky-so.pdf"
    # Playwright's event loop runs in this thread; pyHanko signs with its own, in another.
    with ThreadPoolExecutor(max_workers=1) as pool:
        scan.write_bytes(pool.submit(signed_pdf, "Nguyễn Văn A").result())
    card = focal.locator("[id^=attachment-]")
    card.locator("input[type=file]").set_input_files(str(scan))
    card.get_by_role("button", name="Đính kèm").click()
    expect(focal.locator(".signature")).to_contain_text("Đã ký số, không thay đổi sau khi ký")
    expect(focal.locator(".signature")).to_contain_text("Nguyễn Văn A")
    focal.screenshot(path=str(shots / "issued.png"), full_page=True)

    with focal.expect_download() as download:
        focal.locator("#download-docx").click()
    document = Document(download.value.path())
    texts = [p.text for p in document.paragraphs]
    assert any(t.startswith("Thực hiện Chỉ thị số 16/CT-TTg") for t in texts)
    assert [c.text for c in document.tables[-1].rows[0].cells][:3] == ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì"]
    assert "Tổ chức học tập Chỉ thị 33/CT-TTg" in [c.text for c in document.tables[-1].rows[1].cells]
    rules = [el for el in document.element.body.iter(qn("w:pBdr"))]
    assert len(rules) >= 3
