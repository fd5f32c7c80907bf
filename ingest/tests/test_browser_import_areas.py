"""In headless Chromium: a .docx plan whose content areas name their units and timing is uploaded,
reviewed (an area's title and a unit's match corrected), and its draft plan shows its areas and activities."""

import datetime as dt
from pathlib import Path

import pytest
from playwright.sync_api import expect

from danvan.tests.browser import login
from ingest import services
from ingest.models import PlanImport
from ingest.tests.documents import plan_from_text, write_docx
from plans.models import Plan, Recurrence

pytestmark = pytest.mark.browser

PLAN = Path(__file__).resolve().parent / "fixtures" / "review" / "sxd-tayninh-2026.txt"


def test_focal_imports_a_docx_plan_with_its_content_areas(page, live_server, demo_data, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = write_docx(plan_from_text(PLAN.read_text(encoding="utf-8")), tmp_path / "ke-hoach-2026.docx")
    login(page, live_server, "focal")
    page.goto(f"{live_server.url}/imports/new/")
    page.get_by_label("Kế hoạch của").select_option(label="Sở Xây dựng tỉnh Tây Ninh")
    page.set_input_files("input[type=file]", str(document))
    page.get_by_role("button", name="Tải lên và đọc").click()
    expect(page.locator("#import-progress")).to_be_visible()
    services.run_import(PlanImport.objects.get().pk)  # what the worker does
    expect(page.locator("#review-form")).to_be_visible(timeout=10_000)

    # The review shows each area with its activities, timing and units.
    areas = page.locator(".area-row")
    expect(areas).to_have_count(4)
    first = areas.nth(0)
    expect(first.locator("textarea[name='areas-0-title']")).to_have_value(
        "Quán triệt, tuyên truyền các văn bản về công tác dân vận chính quyền")
    expect(first.locator("textarea[name='areas-0-activities']")).to_contain_text("Trang thông tin điện tử của Sở")
    expect(first.locator("input[name='areas-0-timing']")).to_have_value("Quý II năm 2026")
    expect(first.locator("input[name='areas-0-due_date']")).to_have_value("30/06/2026")
    lead = first.locator(".area-unit").nth(0)
    expect(lead.locator("input[type=text]")).to_have_value("Văn phòng Sở")
    expect(lead.locator("select").nth(1)).to_have_value(str(demo_data["TN.SXD.VP"].pk))
    group = first.locator(".area-unit").filter(has=page.locator("input[value='các phòng, đơn vị có liên quan']"))
    expect(group.locator("select").nth(1)).to_have_value("")

    # The user corrects an area's title and says which of the Sở's units the outside centre's work goes to.
    areas.nth(1).locator("textarea[name='areas-1-title']").fill("Nâng cao chất lượng giải quyết thủ tục hành chính")
    centre = areas.nth(1).locator(".area-unit").filter(
        has=page.locator("input[value='Trung tâm Phục vụ hành chính công tỉnh']"))
    centre.locator("select").nth(1).select_option(str(demo_data["TN.SXD.TTKD"].pk))

    page.get_by_role("button", name="Tạo dự thảo kế hoạch").click()
    expect(page.locator("#plan-status")).to_have_text("Dự thảo")
    content = page.locator("#content-areas")
    expect(content).to_contain_text("Quán triệt, tuyên truyền các văn bản về công tác dân vận chính quyền")
    expect(content).to_contain_text("Đăng tải các văn bản về công tác dân vận trên Trang thông tin điện tử của Sở.")
    expect(content).to_contain_text("Nâng cao chất lượng giải quyết thủ tục hành chính")
    expect(content).to_contain_text("Duy trì lịch tiếp công dân định kỳ của lãnh đạo Sở.")
    expect(page.locator("#assignments")).to_contain_text("Quý II năm 2026")
    expect(page.locator("#assignments")).to_contain_text("các phòng, đơn vị có liên quan")

    plan = Plan.objects.get(organization=demo_data["TN.SXD"], year=2026)
    second = plan.assignments.get(content_area__order=2)
    assert second.lead_unit == demo_data["TN.SXD.QLXD"]
    assert set(second.support_units.all()) == {demo_data["TN.SXD.VP"], demo_data["TN.SXD.TTKD"]}
    report = plan.assignments.get(content_area__order=4)
    assert (report.due_date, report.recurrence) == (dt.date(2026, 11, 15), Recurrence.ANNUAL)
