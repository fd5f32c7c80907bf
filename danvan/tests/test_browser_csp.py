"""In headless Chromium, the app's main pages satisfy the Content-Security-Policy: the browser
reports no violation (no inline script or style, nothing from another origin); Swagger UI works."""

import pytest
from playwright.sync_api import expect

from danvan.tests.browser import login
from plans import services
from plans.models import Plan, PlanStatus

pytestmark = pytest.mark.browser

LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""


def test_main_pages_report_no_content_security_policy_violation(page, live_server, demo_data):
    from django.contrib.auth import get_user_model

    focal = get_user_model().objects.get(username="focal")
    province = Plan.objects.get(organization__code="TN", year=2025)
    draft = services.cascade_plan(province, to_org=demo_data["TN.SXD"], by=focal)
    assert draft.status == PlanStatus.DRAFT

    console = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(LISTEN)
    login(page, live_server, "focal")
    for path in ("/", "/staff/", f"/plans/{draft.pk}/", "/imports/new/", "/staff/import/"):
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__cspViolations") == [], path
    # The plan page's forms open and work under the policy (Bootstrap's collapse, htmx).
    page.goto(f"{live_server.url}/plans/{draft.pk}/")
    page.screenshot(path="/tmp/csp-plan.png", full_page=True)

    # Swagger UI: its start-up script is a file, its page alone allows its inline <style>.
    page.goto(f"{live_server.url}/api/docs/")
    expect(page.locator("#swagger-ui .info .title")).to_contain_text("DanVan API")
    expect(page.locator("#swagger-ui .opblock").first).to_be_visible()
    assert page.evaluate("window.__cspViolations") == []
    page.screenshot(path="/tmp/csp-swagger.png")
    assert not [text for text in console if "Content Security Policy" in text or "Refused to" in text]
