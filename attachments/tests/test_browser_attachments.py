"""In headless Chromium: the focal office attaches the signed scan to its plan; a reader downloads it."""

import pytest
from playwright.sync_api import expect

from attachments.tests import files
from danvan.tests.browser import login
from plans.models import Plan

pytestmark = pytest.mark.browser


@pytest.fixture
def scan(tmp_path):
    path = tmp_path / "Kế hoạch đã ký.pdf"
    path.write_bytes(files.pdf("Đã ký"))
    return path


def test_a_plan_takes_a_file_that_its_readers_download(browser, live_server, demo_data, scan):
    plan = Plan.objects.get(organization__code="TN.SXD", year=2024, revision_of=None)

    focal = browser.new_context(locale="vi-VN").new_page()
    login(focal, live_server, "focal")
    focal.goto(f"{live_server.url}{plan.get_absolute_url()}")
    card = focal.locator(".card", has_text="Tệp đính kèm")
    expect(card).to_contain_text("Chưa có tệp đính kèm.")
    card.get_by_label("Tệp").set_input_files(scan)
    card.get_by_label("Mô tả").fill("Bản có chữ ký")
    card.get_by_role("button", name="Đính kèm").click()
    expect(focal.locator(".alert-success")).to_contain_text("Đã đính kèm tệp “Kế hoạch đã ký.pdf”.")
    expect(card.locator("table")).to_contain_text("Bản có chữ ký")
    expect(card.locator("table")).to_contain_text("Trần Văn Hùng")

    viewer = browser.new_context(locale="vi-VN", accept_downloads=True).new_page()
    login(viewer, live_server, "viewer")
    viewer.goto(f"{live_server.url}{plan.get_absolute_url()}")
    readers_card = viewer.locator(".card", has_text="Tệp đính kèm")
    expect(readers_card.get_by_role("button")).to_have_count(0)
    with viewer.expect_download() as download:
        readers_card.get_by_role("link", name="Kế hoạch đã ký.pdf").click()
    assert download.value.suggested_filename == "Kế hoạch đã ký.pdf"
    assert download.value.path().read_bytes() == scan.read_bytes()
