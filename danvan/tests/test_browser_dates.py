"""Dates are picked and typed as dd/mm/yyyy, with a Vietnamese calendar."""

import re

import pytest
from playwright.sync_api import expect

from danvan.tests.browser import login

pytestmark = pytest.mark.browser


def test_a_date_field_opens_a_vietnamese_calendar_and_keeps_dd_mm_yyyy(page, live_server, demo_data):
    login(page, live_server, "focal")
    page.goto(f"{live_server.url}/staff/new/")
    field = page.locator("#id_active_from")
    field.click()
    calendar = page.locator(".flatpickr-calendar.open")
    expect(calendar).to_be_visible()
    # Vietnamese weeks start on Monday (Thứ Hai).
    expect(calendar.locator(".flatpickr-weekday").first).to_have_text("T2")
    calendar.locator(".flatpickr-day:not(.prevMonthDay):not(.nextMonthDay)", has_text="15").first.click()
    assert re.fullmatch(r"15/\d\d/\d{4}", field.input_value())
    field.fill("03/02/2021")
    expect(field).to_have_value("03/02/2021")
