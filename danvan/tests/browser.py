"""Browser-test fixtures: Debian's headless Chromium driven by Playwright against `live_server`.

The root conftest.py registers this module as a plugin; tests mark themselves
`@pytest.mark.browser`.

`live_server` tests run on a transactional database that is emptied after every test, so a
browser test asks for `demo_data`, which loads the demo province again at its start.

PYTEST_DONT_REWRITE: no assertions here, and test modules import `login` before pytest
registers this module as a plugin.
"""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import Page, sync_playwright

CHROMIUM = os.environ.get("DANVAN_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Playwright waits this long (ms) for a page or an element before failing the test.
TIMEOUT_MS = 10_000

# Playwright's sync API keeps an asyncio loop registered as running in this thread, which
# makes Django refuse ORM calls in the test (SynchronousOnlyOperation). Nothing here is
# really async: the ORM and Playwright take turns in one thread.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make test` (it installs Debian's chromium).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser) -> Page:
    """A fresh browser context (no cookies) with a Vietnamese locale, one page in it."""
    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def demo_data(live_server, transactional_db):
    """The demo province, accounts, rosters and plans, loaded into the live server's (emptied) database.

    Returns the organizations by code.
    """
    from danvan.demo import load_all

    return load_all()["organizations"]


def login(page: Page, live_server, username: str, password: str | None = None):
    """Log in through the real login page, as a person would. Returns the response of the POST."""
    from orgs.demo import DEMO_PASSWORD

    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password if password is not None else DEMO_PASSWORD)
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Đăng nhập").click()
    return navigation.value
