"""In headless Chromium: a unit reports its assignment done with an evidence file, and the leader sees the
plan's completion target move on the target's page."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from danvan.tests.browser import login
from plans.models import Comparator, Measure, PlanKind, PlanStatus, Target, TargetKind
from plans.tests.factories import AssignmentFactory, PlanFactory

pytestmark = pytest.mark.browser

SAMPLE_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def test_unit_records_progress_with_evidence_and_the_leader_sees_the_target_value_change(
    browser, live_server, demo_data, tmp_path
):
    agency, unit_org = demo_data["TN.SXD"], demo_data["TN.SXD.QLXD"]
    other_unit = agency.children.exclude(pk=unit_org.pk).first()
    plan = PlanFactory(organization=agency, year=2026, status=PlanStatus.ISSUED, kind=PlanKind.ANNUAL,
                       title="Kế hoạch công tác dân vận chính quyền năm 2026")
    target = Target.objects.create(
        plan=plan, text="100% nhiệm vụ được giao hoàn thành", kind=TargetKind.UNIT_SHARE,
        measure=Measure.ASSIGNMENTS_DONE_RATE, comparator=Comparator.GTE, target_value=100)
    mine = AssignmentFactory(plan=plan, lead_unit=unit_org, task="Tuyên truyền Chỉ thị 33/CT-TTg trong phòng")
    AssignmentFactory(plan=plan, lead_unit=other_unit, task="Rà soát thủ tục hành chính")
    target_url = f"{live_server.url}{reverse('indicators:target_detail', args=[target.pk])}"

    leader = browser.new_context(locale="vi-VN").new_page()
    login(leader, live_server, "leader")
    leader.goto(target_url)
    expect(leader.locator("#current-value")).to_contain_text("0")
    expect(leader.locator("#target-reading")).to_contain_text("0/2")

    evidence = tmp_path / "bien-ban-tuyen-truyen.pdf"
    evidence.write_bytes(SAMPLE_PDF)
    unit = browser.new_context(locale="vi-VN").new_page()
    login(unit, live_server, "unit")
    unit.goto(f"{live_server.url}{reverse('progress:assignment_progress', args=[mine.pk])}")
    form = unit.locator("#progress-form")
    form.get_by_label("Kết quả thực hiện").fill("Đã tổ chức tuyên truyền cho toàn phòng")
    form.get_by_label("Tỷ lệ hoàn thành (%)").fill("100")
    form.locator("select[name=status]").select_option("done")
    form.locator("input[type=file]").set_input_files(str(evidence))
    form.get_by_role("button", name="Ghi nhận tiến độ").click()
    expect(unit.locator("#progress-updates")).to_contain_text("Đã tổ chức tuyên truyền cho toàn phòng")
    expect(unit.locator("#progress-updates")).to_contain_text("bien-ban-tuyen-truyen.pdf")

    leader.goto(target_url)
    expect(leader.locator("#target-reading")).to_contain_text("1/2")
    expect(leader.locator("#current-value")).to_contain_text("50")
    expect(leader.locator("#records")).to_contain_text("Tuyên truyền Chỉ thị 33/CT-TTg trong phòng")
