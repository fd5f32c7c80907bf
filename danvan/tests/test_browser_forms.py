"""In headless Chromium: forms reach the server, which answers in Vietnamese (no browser bubble)."""

import re

import pytest
from playwright.sync_api import expect

from danvan.tests.browser import login

pytestmark = pytest.mark.browser


def test_empty_required_name_is_answered_by_the_server_in_vietnamese(page, live_server, demo_data):
    login(page, live_server, "focal")
    page.goto(f"{live_server.url}/staff/new/")
    name = page.get_by_label("Họ và tên")
    expect(name).to_have_attribute("required", "")
    # Every form of the page, the navbar's too, leaves validation to the server.
    assert page.evaluate("[...document.forms].every((form) => form.noValidate)")

    with page.expect_response(lambda response: response.request.method == "POST") as posted:
        page.get_by_role("button", name="Lưu").click()
    assert posted.value.status == 400
    expect(page.locator("#id_full_name_error")).to_have_text("Trường này là bắt buộc.")
    expect(name).to_have_class(re.compile(r"\bis-invalid\b"))


def test_forms_that_htmx_inserts_leave_validation_to_the_server(page, live_server, demo_data):
    login(page, live_server, "focal")
    page.evaluate(
        """htmx.swap(document.querySelector("main"), '<form id="late"><input name="n" required></form>',
                     {swapStyle: "beforeend"})"""
    )
    expect(page.locator("#late")).to_have_js_property("noValidate", True)
