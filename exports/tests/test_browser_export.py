"""In headless Chromium: a long list's export goes to the worker; the page shows its progress,
then a link, and the downloaded file holds every row of the list."""


import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from core.testing import read_export
from danvan.tests.browser import login
from exports.models import ExportJob, ExportStatus
from orgs.models import StaffMember

pytestmark = pytest.mark.browser


def test_focal_exports_a_long_roster_through_the_worker(page, live_server, demo_data, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.EXPORT_SYNC_LIMIT = 20
    login(page, live_server, "focal")
    page.goto(f"{live_server.url}/staff/")
    page.get_by_role("link", name="Xuất .xlsx").click()

    # No worker yet: the export waits, and its page polls for progress.
    expect(page.locator("#export-progress")).to_be_visible()
    expect(page.locator("#export-status")).to_contain_text("Đang chờ")
    job = ExportJob.objects.get()
    assert job.status == ExportStatus.WAITING

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)  # the worker
    download_link = page.locator("#export-download")
    expect(download_link).to_be_visible(timeout=10_000)
    expect(page.locator("#export-progress")).to_contain_text("100%")
    job.refresh_from_db()
    assert job.rows_total > settings.EXPORT_SYNC_LIMIT
    with page.expect_download() as downloading:
        download_link.click()
    path = tmp_path / "downloaded.xlsx"
    downloading.value.save_as(path)
    _headers, rows = read_export(path.read_bytes())
    from django.contrib.auth import get_user_model

    focal = get_user_model().objects.get(username="focal")
    assert len(rows) == job.rows_total == StaffMember.objects.scoped(focal).count()

    # The export stays under "My exports" with its link.
    page.goto(f"{live_server.url}/exports/")
    expect(page.get_by_role("link", name="Tải về")).to_be_visible()
