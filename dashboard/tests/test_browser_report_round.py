"""In headless Chromium: `unit` writes its 6-month report with an evidence file and submits it, `focal` returns
it with a comment, `unit` submits it again, `focal` accepts it, and the coordinator's dashboard counts it."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from playwright.sync_api import expect

from danvan.tests.browser import login
from progress import reporting
from progress.reporting_models import Report, ReportLevel

pytestmark = pytest.mark.browser

SAMPLE_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _step(page, action):
    page.locator(f"form:has(input[name=action][value={action}]) button[type=submit]").click()


def test_a_report_returned_then_accepted_moves_the_coordinators_completeness(browser, live_server, demo_data,
                                                                             tmp_path):
    unit_org = demo_data["TN.SXD.QLXD"]
    coordinator_user = get_user_model().objects.get(username="coordinator")
    # Sở Xây dựng's issued 2024 plan charges Phòng QLHĐXD: it owes the 2024 six-month report (made afresh
    # here, whatever the demo holds).
    period = next(p for p in reporting.ensure_default_periods(demo_data["TN"], 2024, by=coordinator_user)
                  if p.kind == "half" and p.level == ReportLevel.UNIT)
    Report.objects.filter(period=period, organization=unit_org).delete()
    dashboard_url = f"{live_server.url}{reverse('dashboard:province')}?period={period.pk}"
    sent = "tr[data-agency='TN.SXD'] td[data-figure=actual]"

    coordinator = browser.new_context(locale="vi-VN").new_page()
    login(coordinator, live_server, "coordinator")
    coordinator.goto(dashboard_url)
    before = int(coordinator.locator(sent).inner_text())
    expect(coordinator.locator("canvas[data-chart=chart-agencies]")).to_be_visible()

    unit = browser.new_context(locale="vi-VN").new_page()
    login(unit, live_server, "unit")
    unit.goto(f"{live_server.url}{reverse('progress:period_detail', args=[period.pk])}")
    unit.locator(f"form[action$='/report/{unit_org.pk}/'] button[type=submit]").click()
    report = Report.objects.get(period=period, organization=unit_org)
    unit.goto(f"{live_server.url}{reverse('progress:report_edit', args=[report.pk])}")
    unit.locator("textarea[name=results]").fill("Đã tổ chức học tập, quán triệt cho toàn phòng")
    unit.locator("form button.btn-primary[type=submit]").click()
    evidence = tmp_path / "bien-ban-hoc-tap.pdf"
    evidence.write_bytes(SAMPLE_PDF)
    unit.goto(f"{live_server.url}{report.get_absolute_url()}")
    upload = unit.locator("form[enctype='multipart/form-data']")
    upload.locator("input[type=file]").set_input_files(str(evidence))
    upload.locator("button[type=submit]").click()
    expect(unit.get_by_role("link", name="bien-ban-hoc-tap.pdf")).to_be_visible()
    _step(unit, "submit")
    expect(unit.locator(".badge.text-bg-primary")).to_be_visible()

    focal = browser.new_context(locale="vi-VN").new_page()
    login(focal, live_server, "focal")
    focal.goto(f"{live_server.url}{report.get_absolute_url()}")
    focal.locator("#id_comment_return").fill("Bổ sung số người tham gia học tập")
    _step(focal, "return")
    expect(focal.locator(".badge.text-bg-warning")).to_be_visible()

    unit.goto(f"{live_server.url}{report.get_absolute_url()}")
    expect(unit.get_by_text("Bổ sung số người tham gia học tập")).to_be_visible()
    _step(unit, "submit")
    expect(unit.locator(".badge.text-bg-primary")).to_be_visible()

    focal.goto(f"{live_server.url}{report.get_absolute_url()}")
    _step(focal, "accept")
    expect(focal.locator(".badge.text-bg-success")).to_be_visible()
    report.refresh_from_db()
    assert report.status == "accepted"

    coordinator.goto(dashboard_url)
    expect(coordinator.locator(sent)).to_have_text(str(before + 1))
