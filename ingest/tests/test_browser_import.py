"""In headless Chromium: upload a plan, watch the worker read it, confirm the review, get a draft plan."""

import pytest
from playwright.sync_api import expect

from danvan.tests.browser import login
from ingest import services
from ingest.models import PlanImport
from ingest.tests.documents import SEEDS
from plans.models import Plan

pytestmark = pytest.mark.browser


def test_focal_imports_a_plan_document(page, live_server, demo_data, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    login(page, live_server, "focal")
    page.goto(f"{live_server.url}/imports/new/")
    page.get_by_label("Kế hoạch của").select_option(label="Sở Xây dựng tỉnh Tây Ninh")
    page.set_input_files("input[type=file]", str(SEEDS / "svhttdl-tayninh-2025.txt"))
    page.get_by_role("button", name="Tải lên và đọc").click()

    # No worker yet: the page shows the import waiting, and polls.
    expect(page.locator("#import-progress")).to_be_visible()
    plan_import = PlanImport.objects.get()
    services.run_import(plan_import.pk)  # what the worker does
    expect(page.locator("#review-form")).to_be_visible(timeout=10_000)
    expect(page.locator("#document-text")).to_contain_text("696/KH-UBND")
    expect(page.get_by_label("Năm", exact=True)).to_have_value("2025")

    # The document's "Thanh tra Sở" is matched to Sở Xây dựng's own inspectorate.
    rows = page.locator(".assignment-row")
    inspectorate = rows.filter(has=page.get_by_text("Thanh tra Sở", exact=True))
    expect(inspectorate.locator("select")).to_have_value(str(demo_data["TN.SXD.TTR"].pk))
    # Units it cannot place are left out until someone says which they are.
    for index in range(rows.count()):
        row = rows.nth(index)
        if row.locator("select").input_value() == "":
            expect(row.locator("input[type=checkbox]")).not_to_be_checked()

    page.get_by_role("button", name="Tạo dự thảo kế hoạch").click()
    expect(page.locator("#plan-status")).to_have_text("Dự thảo")
    plan = Plan.objects.get(organization=demo_data["TN.SXD"], year=2025)
    assert plan.parent == Plan.objects.get(organization=demo_data["TN"], year=2025)
    expect(page.locator("#assignments")).to_contain_text("Thanh tra Sở Xây dựng")
    assert plan.basis_documents.filter(number="696/KH-UBND").exists()
