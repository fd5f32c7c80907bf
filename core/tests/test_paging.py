"""Lists read one row past their page (core.paging): a list that ends on its page is not counted,
a longer one is counted up to the cap, and past the cap its pages still go on."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.paging import CappedPaginator
from orgs.models import StaffMember

STAFF_API = "/api/staff/"


def counts(captured) -> list[str]:
    return [q["sql"] for q in captured.captured_queries if "COUNT(" in q["sql"].upper()]


def test_a_list_that_ends_on_its_first_page_runs_no_count(client_for, orgs):
    client = client_for("focal")
    unit = next(org for org in orgs.values() if org.path.startswith(orgs["TN.SXD"].path)
                and 0 < StaffMember.objects.filter(organization__path__startswith=org.path).count() < 25)
    expected = StaffMember.objects.filter(organization__path__startswith=unit.path).count()
    with CaptureQueriesContext(connection) as captured:
        body = client.get(STAFF_API, {"organization": unit.pk}).json()
    assert not counts(captured)
    assert body["count"] == expected and body["next"] is None
    with CaptureQueriesContext(connection) as captured:
        html = client.get(reverse("orgs:staff_list"), {"organization": unit.pk}).content.decode()
    assert not counts(captured)
    assert f"{expected} dòng" in html


def test_a_longer_list_is_counted_exactly(client_for, users):
    with CaptureQueriesContext(connection) as captured:
        body = client_for("focal").get(STAFF_API).json()
    assert len(counts(captured)) == 1
    assert body["count"] == StaffMember.objects.visible_to(users["focal"]).count() > 25


def test_the_last_page_is_counted_from_its_rows(client_for, users):
    total = StaffMember.objects.visible_to(users["focal"]).count()
    last = (total - 1) // 25 + 1
    with CaptureQueriesContext(connection) as captured:
        body = client_for("focal").get(STAFF_API, {"page": last}).json()
    assert not counts(captured)
    assert body["count"] == total and body["next"] is None and len(body["results"]) == total - (last - 1) * 25


def test_past_the_cap_the_count_is_unknown_and_the_pages_go_on(client_for, users, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "COUNT_CAP", 30)
    total = StaffMember.objects.visible_to(users["focal"]).count()
    assert total > 100
    client = client_for("focal")
    body = client.get(STAFF_API, {"page": 3}).json()
    assert body["count"] is None
    assert body["next"].endswith("page=4") and body["previous"].endswith("page=2")
    seen = set()
    url = STAFF_API
    while url:
        body = client.get(url).json()
        seen |= {row["id"] for row in body["results"]}
        url = body["next"]
    assert len(seen) == total  # every row reached through the next links
    html = client_for("focal").get(reverse("orgs:staff_list"), {"page": 3}).content.decode()
    assert re.search(r'class="page-item active"><a class="page-link"[^>]*>3<', html)
    assert "page=4" in html


def test_a_page_past_the_end_is_not_found_in_the_api(client_for):
    assert client_for("focal").get(STAFF_API, {"page": 999}).status_code == 404
    assert client_for("focal").get(STAFF_API, {"page": "x"}).status_code == 404


def test_a_page_past_the_end_of_a_list_page_shows_the_last_page(client_for, users):
    total = StaffMember.objects.visible_to(users["focal"]).count()
    response = client_for("focal").get(reverse("orgs:staff_list"), {"page": 999})
    assert response.status_code == 200
    assert response.context["table"].page.number == (total - 1) // 25 + 1


@pytest.mark.parametrize("page", ["0", "-1"])
def test_a_page_below_one_is_not_found_in_the_api(client_for, page):
    assert client_for("focal").get(STAFF_API, {"page": page}).status_code == 404


def test_a_list_past_the_cap_is_not_counted_again_within_a_minute(client_for, users, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "COUNT_CAP", 30)
    client = client_for("focal")
    with CaptureQueriesContext(connection) as captured:
        assert client.get(STAFF_API, {"page": 2}).json()["count"] is None
    assert len(counts(captured)) == 1
    with CaptureQueriesContext(connection) as captured:
        body = client.get(STAFF_API, {"page": 3}).json()
    assert not counts(captured)
    assert body["count"] is None and body["next"].endswith("page=4")
    # A shorter list (another filter, another scope) is counted exactly, as before.
    monkeypatch.setattr(CappedPaginator, "COUNT_CAP", 10_000)
    total = StaffMember.objects.visible_to(users["focal"]).count()
    assert client.get(STAFF_API, {"page": 2}).json()["count"] == total


@pytest.mark.django_db
def test_a_count_read_before_the_page_is_exact_with_its_filters_and_zero_for_no_possible_row(orgs):
    root = orgs["TN.SXD"].path
    filtered = StaffMember.objects.filter(organization__path__startswith=root).select_related("organization")
    assert CappedPaginator(filtered.order_by("full_name"), 25).count == filtered.count() > 0
    # A filter no row can match compiles to no SQL at all (Django's EmptyResultSet).
    with CaptureQueriesContext(connection) as captured:
        assert CappedPaginator(StaffMember.objects.filter(pk__in=[]), 25).count == 0
    assert not captured.captured_queries
