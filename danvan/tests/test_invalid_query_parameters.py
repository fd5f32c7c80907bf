"""A query parameter out of range answers with a message, never 500: 400 on the API, a form
error on pages (on SQLite, ids past 64 bits used to raise OverflowError in the driver)."""

import pytest

HUGE = "99999999999999999999"
API = [
    ("/api/organizations/?parent=1e20", "parent"),
    (f"/api/organizations/?parent={HUGE}", "parent"),
    ("/api/assignments/?plan=-9e230", "plan"),
    (f"/api/assignments/?lead_unit={HUGE}", "lead_unit"),
    ("/api/assignments/?year=32767", "year"),
    ("/api/targets/?plan=1e20", "plan"),
    ("/api/plans/?year=0", "year"),
]
PAGES = [
    ("/orgs/?parent=1e20", "Hãy nhập một mã số hợp lệ (số nguyên dương)."),
    (f"/orgs/?parent={HUGE}", "9223372036854775807"),
    ("/orgs/?parent=-9e230", "Hãy nhập một mã số hợp lệ (số nguyên dương)."),
    ("/plans/?year=99999", "2100"),
    ("/orgs/export.xlsx?parent=1e20", None),
]


@pytest.mark.parametrize(("url", "field"), API)
def test_an_invalid_api_filter_answers_400_naming_the_filter(client_for, url, field):
    response = client_for("coordinator").get(url)
    assert response.status_code == 400
    assert field in response.json()


@pytest.mark.parametrize(("url", "message"), PAGES)
def test_an_invalid_page_filter_is_a_form_error_and_lists_nothing(client_for, url, message):
    response = client_for("coordinator").get(url)
    assert response.status_code == 200
    if message:
        page = response.content.decode()
        assert message in page and "invalid-feedback" in page
        assert ">0 dòng<" in page


@pytest.mark.parametrize("year", ["abc", "0", "-1", "99999", "1e20"])
def test_the_coverage_page_reports_a_bad_year(client_for, year):
    response = client_for("coordinator").get(f"/plans/coverage/?year={year}")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Năm:" in page and 'class="alert alert-danger"' in page
    assert response.context["rows"] == []  # nothing listed for a year that is not one


def test_the_coverage_page_reports_a_bad_organization(client_for):
    response = client_for("coordinator").get(f"/plans/coverage/?organization={HUGE}")
    assert response.status_code == 200
    assert 'class="alert alert-danger"' in response.content.decode()
