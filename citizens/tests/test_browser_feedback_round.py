"""In headless Chromium: a citizen sends feedback from the public directory, the handler of the chosen unit
accepts and settles it, and the citizen follows it by its code and secret."""

import importlib

import pytest
from django.apps import apps
from playwright.sync_api import expect

from citizens.models import Petition, PetitionState
from citizens.tests.factories import handler_of
from danvan.tests.browser import login

pytestmark = pytest.mark.browser


@pytest.fixture
def rules(demo_data):
    """The live server's database is emptied between tests: the rules table is loaded again, as migrated."""
    importlib.import_module("citizens.migrations.0002_deadline_rules").add_rules(apps, None)


def test_a_citizen_sends_feedback_a_handler_settles_it_and_the_citizen_follows_it(
        browser, live_server, demo_data, rules, settings):
    settings.PUBLIC_FORM_MIN_SECONDS = 0
    handler_of(demo_data["TN.SXD.VP"])

    citizen = browser.new_context(locale="vi-VN").new_page()
    citizen.goto(f"{live_server.url}/public/citizens/")
    citizen.get_by_role("link", name="Sở Xây dựng tỉnh Tây Ninh").click()
    citizen.locator("#send-feedback").click()
    citizen.locator("select[name=organization]").select_option(label="Văn phòng Sở Xây dựng")
    citizen.locator("input[name=name]").fill("Lý Thị Công Dân")
    citizen.locator("input[name=phone]").fill("0909123456")
    citizen.locator("input[name=subject]").fill("Vật liệu xây dựng chắn lối đi")
    citizen.locator("textarea[name=content]").fill("Đề nghị kiểm tra công trình số 12 đường 30/4.")
    citizen.locator("input[name=consent]").check()
    citizen.get_by_role("button", name="Gửi").click()
    code = citizen.locator("#petition-code").inner_text()
    secret = citizen.locator("#petition-secret").inner_text()
    petition = Petition.objects.get(code=code)
    assert petition.kind == "feedback" and petition.organization == demo_data["TN.SXD.VP"]

    handler = browser.new_context(locale="vi-VN").new_page()
    login(handler, live_server, "handler")
    handler.goto(f"{live_server.url}/petitions/")
    handler.get_by_role("link", name=code).click()
    expect(handler.locator("#petitioner")).to_contain_text("Lý Thị Công Dân")
    for step, reason in (("accept", ""), ("start", ""), ("decide", "Đã yêu cầu chủ công trình dọn vật liệu")):
        handler.locator("#id_transition").select_option(step)
        handler.locator("#step-form textarea[name=reason]").fill(reason)
        handler.locator("#step-form button[type=submit]").click()
        expect(handler.locator(".alert-success")).to_be_visible()
    petition.refresh_from_db()
    assert petition.state == PetitionState.DECIDED

    citizen.goto(f"{live_server.url}/public/citizens/follow/")
    citizen.locator("input[name=code]").fill(code)
    citizen.locator("input[name=secret]").fill(secret)
    citizen.get_by_role("button", name="Tra cứu").click()
    expect(citizen.locator("#petition-state")).to_have_text("Đã có quyết định, kết luận")
    expect(citizen.locator("#steps li")).to_have_count(4)
    expect(citizen.locator("#petition")).not_to_contain_text("Lý Thị Công Dân")
