"""In headless Chromium: the focal officer opens a service point's page and reads the address its QR code
holds; a citizen, without an account, opens that address, answers every question and sends the form; the
leader's dashboard shows the satisfaction rate moved by that answer."""

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from danvan.tests.browser import login
from service import qr
from service.models import ServicePoint
from service.tests.factories import respond, survey_with_questions

pytestmark = pytest.mark.browser


def test_a_citizen_answers_from_the_qr_code_and_the_leader_sees_the_rate_change(browser, live_server, demo_data,
                                                                                  settings):
    settings.PUBLIC_FORM_MIN_SECONDS = 0
    today = timezone.localdate()
    survey = survey_with_questions(demo_data["TN"], year=today.year)
    point = ServicePoint.objects.create(organization=demo_data["TN.SXD"], name="Bộ phận Một cửa")
    respond(point, survey, [2, 3, 3, 2, 3], day=today)  # one dissatisfied citizen so far: 0%
    rate = "#satisfaction-panel [data-figure=satisfaction-rate]"
    dashboard = f"{live_server.url}{reverse('dashboard:agency')}?year={today.year}"

    leader = browser.new_context(locale="vi-VN").new_page()
    login(leader, live_server, "leader")
    leader.goto(dashboard)
    expect(leader.locator(rate)).to_have_text("0,0%")

    focal = browser.new_context(locale="vi-VN").new_page()
    login(focal, live_server, "focal")
    focal.goto(f"{live_server.url}{point.get_absolute_url()}")
    address = focal.locator("#survey-url").inner_text()
    assert address == f"{live_server.url}{point.get_survey_path()}"
    expect(focal.locator("#survey-qr svg")).to_be_visible()
    png = focal.request.get(f"{live_server.url}{reverse('service:point_qr', args=[point.pk, 'png'])}")
    assert png.body() == qr.png(address)  # the printed code holds this very address

    citizen = browser.new_context(locale="vi-VN").new_page()
    citizen.goto(address)
    expect(citizen.get_by_text("Câu 1")).to_be_visible()
    for question in survey.questions.all():
        citizen.locator(f"input[name=q{question.pk}][value='5'] + label").click()
    citizen.locator("textarea[name=comment]").fill("Cán bộ hướng dẫn tận tình")
    citizen.get_by_role("button", name="Gửi phiếu khảo sát").click()
    expect(citizen.locator("#survey-thanks")).to_be_visible()

    leader.goto(dashboard)
    expect(leader.locator(rate)).to_have_text("50,0%")
    expect(leader.locator("#satisfaction-panel")).to_contain_text("2 người trả lời")
