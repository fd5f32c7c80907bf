"""In headless Chromium: `unit` nominates a good model with its evidence, `focal` reviews it, `leader` approves
it, `focal` records the commendation decision, and the leader's dashboard shows the commendation."""

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from danvan.tests.browser import login
from emulation.models import Exemplar, ExemplarStatus

pytestmark = pytest.mark.browser

SAMPLE_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
NAME = "Mô hình “Hẹn một lần, trả đúng hẹn” cấp phép xây dựng"


def _as(browser, live_server, username):
    page = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900}).new_page()
    page.set_default_timeout(10_000)
    login(page, live_server, username)
    return page


def _step(page, name):
    page.locator(f"form[data-step={name}] button[type=submit]").click()


def test_a_nominated_model_reviewed_approved_and_commended_shows_on_the_leaders_dashboard(browser, live_server,
                                                                                         demo_data, tmp_path):
    today = timezone.localdate()
    unit = _as(browser, live_server, "unit")
    unit.goto(f"{live_server.url}{reverse('emulation:exemplar_create')}")
    unit.locator("select[name=organization]").select_option(str(demo_data["TN.SXD.QLXD"].pk))
    unit.locator("input[name=year]").fill(str(today.year))
    unit.locator("select[name=kind]").select_option("model")
    unit.locator("input[name=name]").fill(NAME)
    unit.locator("select[name=field]").select_option("economy")
    unit.locator("textarea[name=description]").fill("Hướng dẫn một lần đầy đủ hồ sơ, hẹn trả kết quả đúng hẹn.")
    unit.locator("textarea[name=results]").fill("100% hồ sơ trả đúng hẹn trong 6 tháng.")
    unit.locator("form button.btn-primary[type=submit]").click()
    expect(unit.locator("#exemplar-status")).to_have_attribute("data-status", "draft")
    evidence = tmp_path / "bao-cao-thanh-tich.pdf"
    evidence.write_bytes(SAMPLE_PDF)
    upload = unit.locator("form[enctype='multipart/form-data']")
    upload.locator("input[type=file]").set_input_files(str(evidence))
    upload.locator("button[type=submit]").click()
    expect(unit.get_by_role("link", name="bao-cao-thanh-tich.pdf")).to_be_visible()
    _step(unit, "submit")
    expect(unit.locator("#exemplar-status")).to_have_attribute("data-status", "nominated")
    exemplar = Exemplar.objects.get(name=NAME)

    focal = _as(browser, live_server, "focal")
    focal.goto(f"{live_server.url}{exemplar.get_absolute_url()}")
    expect(focal.get_by_role("link", name="bao-cao-thanh-tich.pdf")).to_be_visible()
    _step(focal, "review")
    expect(focal.locator("#exemplar-status")).to_have_attribute("data-status", "reviewed")

    leader = _as(browser, live_server, "leader")
    leader.goto(f"{live_server.url}{exemplar.get_absolute_url()}")
    _step(leader, "approve")
    expect(leader.locator("#exemplar-status")).to_have_attribute("data-status", "approved")

    focal.goto(f"{live_server.url}{exemplar.get_absolute_url()}")
    focal.locator("#commend-link").click()
    focal.locator("select[name=award]").select_option("certificate")
    focal.locator("input[name=decision_number]").fill("77/QĐ-SXD")
    focal.locator("input[name=decision_date]").fill(f"{today:%d/%m/%Y}")
    focal.locator("h1").click()  # a click outside closes the calendar that covers the button
    focal.locator("form button.btn-primary[type=submit]").click()
    expect(focal.locator("#exemplar-status")).to_have_attribute("data-status", "commended")
    expect(focal.locator("#exemplar-commendations")).to_contain_text("77/QĐ-SXD")
    exemplar.refresh_from_db()
    assert exemplar.status == ExemplarStatus.COMMENDED

    leader.goto(f"{live_server.url}{reverse('dashboard:agency')}?year={today.year}")
    panel = leader.locator("#emulation-panel")
    expect(panel.locator("#latest-commendations")).to_contain_text(NAME)
    expect(panel.locator("#latest-commendations")).to_contain_text("77/QĐ-SXD")
    expect(panel.locator("td[data-figure=models]")).not_to_have_text("0")
