"""In headless Chromium, the whole path: `focal` takes the proposed scores, changes one with an explanation and
evidence, submits; `coordinator` returns one criterion; `focal` explains; `coordinator` reviews, finalizes and
publishes; the ranking shows the grade to another agency."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from playwright.sync_api import expect

from danvan.tests.browser import login
from scoring import services
from scoring.models import Assessment, AssessmentState
from scoring.tests.factories import example_data

pytestmark = pytest.mark.browser


def _confirm(page):
    page.locator("main form button.btn-primary, main form button.btn-success").first.click()


def test_a_round_from_proposals_to_the_published_ranking(browser, live_server, demo_data):
    coordinator_user = get_user_model().objects.get(username="coordinator")
    criteria_set = services.import_set(example_data(), province=demo_data["TN"], by=coordinator_user)
    assessment = services.open_assessment(criteria_set, demo_data["TN.SXD"], by=coordinator_user)
    # What no measure covers is scored beforehand: the page's own path is the proposals and one change.
    assessment.scores.filter(criterion__measure="", criterion__kind="criterion").update(self_points=10)
    assessment.scores.filter(criterion__code="TC3").update(self_points=18)
    url = f"{live_server.url}{assessment.get_absolute_url()}"

    focal = browser.new_context(locale="vi-VN").new_page()
    login(focal, live_server, "focal")
    focal.goto(url)
    focal.locator("#steps a[href$='/propose/']").click()
    _confirm(focal)
    expect(focal.locator("[id='row-TC1.2'] td.self")).not_to_have_text("—")
    for code in ("TC2.1", "TC2.2", "TC4.1", "TC4.2", "TC5.1", "TC6.1"):
        if focal.locator(f"[id='row-{code}'] td.self").inner_text().strip() == "—":
            focal.locator(f"[id='row-{code}'] a[href$='/self/']").click()
            focal.locator("input[name=points]").fill("3")
            focal.locator("textarea[name=explanation]").fill("Theo số liệu của cơ quan")
            focal.locator("main form button[type=submit]").click()
    focal.locator("[id='row-TC1.2'] a[href$='/self/']").click()
    focal.locator("input[name=points]").fill("4")
    focal.locator("textarea[name=explanation]").fill("Đã tổ chức học tập bổ sung ngày 20/12")
    focal.locator("input[name=evidence_title]").fill("Biên bản học tập bổ sung")
    focal.locator("input[name=evidence_url]").fill("https://example.org/bien-ban.pdf")
    focal.locator("main form button[type=submit]").click()
    expect(focal.locator("[id='row-TC1.2'] td.self")).to_have_text("4")
    expect(focal.get_by_role("link", name="Biên bản học tập bổ sung")).to_be_visible()
    focal.locator("#steps a[href$='/submit/']").click()
    _confirm(focal)
    expect(focal.locator("#steps a[href$='/submit/']")).to_have_count(0)
    assert Assessment.objects.get(pk=assessment.pk).state == AssessmentState.SUBMITTED

    coordinator = browser.new_context(locale="vi-VN").new_page()
    login(coordinator, live_server, "coordinator")
    coordinator.goto(url)
    coordinator.locator("#steps a[href$='/start-review/']").click()
    _confirm(coordinator)
    coordinator.locator("#steps a[href$='/return/']").click()
    coordinator.locator("select[name=criteria]").select_option("TC3")
    coordinator.locator("textarea[name=note]").fill("Bổ sung biên bản phối hợp")
    coordinator.locator("main form button[type=submit]").click()

    focal.goto(url)
    focal.locator("#steps a[href$='/answer/']").click()
    focal.locator("textarea[name=TC3]").fill("Đã gửi biên bản phối hợp quý IV")
    focal.locator("main form button[type=submit]").click()

    coordinator.goto(url)
    coordinator.locator("[id='row-TC3'] a[href$='/review/']").click()
    coordinator.locator("input[name=points]").fill("16")
    coordinator.locator("textarea[name=review_reason]").fill("Thiếu biên bản quý I")
    coordinator.locator("main form button[type=submit]").click()
    expect(coordinator.locator("[id='row-TC3'] td.review")).to_have_text("16")
    coordinator.locator("#steps a[href$='/finalize/']").click()
    _confirm(coordinator)
    assessment.refresh_from_db()
    assert assessment.state == AssessmentState.FINALIZED and assessment.grade
    expect(coordinator.locator("#grade")).to_have_text(assessment.grade)
    coordinator.goto(f"{live_server.url}{reverse('scoring:set_publish', args=[criteria_set.pk])}")
    _confirm(coordinator)

    other = browser.new_context(locale="vi-VN").new_page()
    login(other, live_server, "other-focal")
    other.goto(f"{live_server.url}{reverse('scoring:ranking_list')}?year=2025")
    row = other.locator("#ranking tbody tr", has_text="Sở Xây dựng")
    expect(row).to_contain_text(assessment.grade)
    assert Assessment.objects.get(pk=assessment.pk).total == assessment.total
