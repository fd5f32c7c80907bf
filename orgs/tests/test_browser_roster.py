"""In headless Chromium: log in, browse the organization tree and the roster, within one's scope."""

import re

import pytest
from playwright.sync_api import expect

from danvan.tests.browser import login
from orgs.models import Organization, StaffMember

pytestmark = pytest.mark.browser

SCREENSHOT = "/tmp/tree.png"


def test_focal_browses_its_agency_tree_and_roster(page, live_server, demo_data):
    login(page, live_server, "focal")
    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.get_by_role("heading", name="Văn phòng Sở Xây dựng")).to_be_visible()

    # The organization tree: Sở Xây dựng and its units, nothing of another agency.
    page.get_by_role("button", name="Tổ chức", exact=True).click()
    page.get_by_role("link", name="Cơ quan, đơn vị", exact=True).click()
    expect(page.get_by_role("heading", name="Cơ cấu tổ chức")).to_be_visible()
    tree = page.locator("#org-tree")
    expect(tree.get_by_role("link", name="Sở Xây dựng tỉnh Tây Ninh", exact=True)).to_be_visible()
    expect(tree.get_by_role("link", name="Phòng Quản lý hoạt động xây dựng", exact=True)).to_be_visible()
    expect(tree.get_by_role("link", name="Thanh tra Sở Xây dựng", exact=True)).to_be_visible()
    expect(tree).not_to_contain_text("Sở Văn hóa, Thể thao và Du lịch")
    expect(tree).not_to_contain_text("Sở Nội vụ")
    # The page is styled: Bootstrap's stylesheet came from the live server's static files.
    assert page.evaluate("getComputedStyle(document.querySelector('#org-tree')).borderCollapse") == "collapse"
    page.screenshot(path=SCREENSHOT, full_page=True)

    # The roster, filtered to one unit through the filter form.
    page.get_by_role("button", name="Tổ chức", exact=True).click()
    page.get_by_role("link", name="Cán bộ", exact=True).click()
    expect(page.get_by_role("heading", name="Danh sách cán bộ, công chức, viên chức")).to_be_visible()
    page.get_by_label("Cơ quan, đơn vị").select_option(label="Phòng Quản lý hoạt động xây dựng")
    page.get_by_role("button", name="Lọc").click()
    expect(page).to_have_url(re.compile(r"[?&]organization=\d+"))
    unit = Organization.objects.get(code="TN.SXD.QLXD")
    expected = min(StaffMember.objects.filter(organization=unit).count(), 25)
    rows = page.locator("table tbody tr")
    expect(rows).to_have_count(expected)
    assert expected > 10
    expect(rows.locator("td:nth-child(4)")).to_have_text([unit.name] * expected)

    # One staff member's page.
    first = rows.first.locator("td").first
    name = first.inner_text().strip()
    first.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/staff/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    expect(page.locator("dl")).to_contain_text(unit.name)


def test_other_focal_cannot_see_another_agencys_staff(page, live_server, demo_data):
    login(page, live_server, "other-focal")
    expect(page).to_have_url(f"{live_server.url}/")

    outsider = StaffMember.objects.filter(organization__code="TN.SXD.QLXD").first()
    response = page.goto(f"{live_server.url}/staff/{outsider.pk}/")
    assert response.status in (403, 404)
    expect(page.locator("body")).not_to_contain_text(outsider.full_name)

    response = page.goto(f"{live_server.url}/staff/")
    assert response.status == 200
    own = StaffMember.objects.filter(organization__path__startswith=demo_data["TN.SVHTTDL"].path)
    expect(page.locator("main")).to_contain_text(f"{own.count()} ")
    units = page.locator("table tbody tr td:nth-child(4)").all_inner_texts()
    assert units, "the roster shows the user's own agency"
    assert not [unit for unit in units if "Xây dựng" in unit]
    assert all(unit.strip() in set(own.values_list("organization__name", flat=True)) for unit in units)
    # Nor does the filter offer Sở Xây dựng's units.
    options = page.get_by_label("Cơ quan, đơn vị").locator("option").all_inner_texts()
    assert not [option for option in options if "Xây dựng" in option]


def test_wrong_password_says_so_in_vietnamese(page, live_server, demo_data):
    response = login(page, live_server, "focal", password="not-the-password")
    assert response.status == 200
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    expect(page.locator("form")).to_contain_text("Sai tên đăng nhập hoặc mật khẩu")
    expect(page.get_by_label("Tên đăng nhập")).to_have_value("focal")
