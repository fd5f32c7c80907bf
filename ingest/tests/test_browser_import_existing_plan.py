"""In headless Chromium: Sở Xây dựng's own 2024 plan, already issued, imported again becomes its draft revision;
a document for a year whose plan is a draft replaces that draft once the focal office confirms."""

import pytest
from playwright.sync_api import expect

from danvan.tests.browser import login
from ingest import services
from ingest.models import ImportOutcome, PlanImport
from ingest.tests.documents import SEEDS
from plans import services as plan_services
from plans.models import Plan, PlanStatus

pytestmark = pytest.mark.browser


def upload(page, live_server, seed: str) -> PlanImport:
    page.goto(f"{live_server.url}/imports/new/")
    page.get_by_label("Kế hoạch của").select_option(label="Sở Xây dựng tỉnh Tây Ninh")
    page.set_input_files("input[type=file]", str(SEEDS / f"{seed}.txt"))
    page.get_by_role("button", name="Tải lên và đọc").click()
    expect(page.locator("#import-progress")).to_be_visible()
    plan_import = PlanImport.objects.latest("pk")
    services.run_import(plan_import.pk)
    expect(page.locator("#review-form")).to_be_visible(timeout=10_000)
    return plan_import


def test_the_issued_plan_of_the_year_takes_the_document_as_its_draft_revision(page, live_server, demo_data, settings,
                                                                                tmp_path):
    settings.MEDIA_ROOT = tmp_path
    issued = Plan.objects.get(organization=demo_data["TN.SXD"], year=2024, revision_of=None)
    login(page, live_server, "focal")
    plan_import = upload(page, live_server, "sxd-tayninh-2024")
    notice = page.locator("#existing-plan")
    expect(notice).to_contain_text("Sở Xây dựng tỉnh Tây Ninh đã có kế hoạch năm 2024")
    expect(notice.locator(f'a[href="{issued.get_absolute_url()}"]')).to_be_visible()
    notice.locator("#outcome-existing").check()
    page.locator("#review-form button[type=submit]").click()
    expect(page.locator("#plan-status")).to_have_text("Dự thảo")
    revision = Plan.objects.get(revision_of=issued)
    assert revision.status == PlanStatus.DRAFT and revision.archive == "VT, VP"
    assert PlanImport.objects.get(pk=plan_import.pk).outcome == ImportOutcome.REVISION
    issued.refresh_from_db()
    assert issued.status == PlanStatus.ISSUED


def test_a_draft_is_replaced_only_after_confirmation(page, live_server, demo_data, users, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    draft = plan_services.cascade_plan(Plan.objects.get(organization=demo_data["TN"], year=2025),
                                       to_org=demo_data["TN.SXD"], by=users["focal"])
    areas = draft.content_areas.count()
    login(page, live_server, "focal")
    upload(page, live_server, "svhttdl-tayninh-2025")
    page.locator("#outcome-existing").check()
    page.locator("#review-form button[type=submit]").click()
    expect(page.locator("#replace-question")).to_contain_text(f"{areas}")
    assert Plan.objects.get(pk=draft.pk).content_areas.count() == areas, "nothing changes before confirming"
    page.locator("#replace-form button[name=replace]").click()
    expect(page.locator("#plan-status")).to_have_text("Dự thảo")
    assert page.url.endswith(draft.get_absolute_url())
    draft.refresh_from_db()
    assert draft.assignments.exists() and draft.history.filter(history_change_reason="import_replaced").exists()


def test_the_notice_follows_the_year_as_it_is_typed(page, live_server, demo_data, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    login(page, live_server, "focal")
    upload(page, live_server, "svhttdl-tayninh-2025")
    expect(page.locator("#existing-plan")).to_have_count(0)
    page.locator("#id_year").fill("2024")
    page.locator("#id_year").dispatch_event("change")
    expect(page.locator("#existing-plan")).to_contain_text("2024")
    expect(page.locator("#existing-plan-reminder")).to_be_visible()
    expect(page.locator("#review-submit button")).not_to_have_text("Tạo dự thảo kế hoạch")
