"""Lists cost a fixed number of queries, however many rows they show."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from orgs.models import StaffMember
from orgs.tests.factories import OrganizationFactory, StaffMemberFactory

# The most queries each page may run for `focal` (session, user, scope, memberships for the
# navigation bar, the list itself and its count). Raising a number needs a reason: the home
# page's inbox asks each source once (plans to approve, returned, to issue with the registry's
# reach, assignments due with their units), and each register's sources (democracy: the follow-up
# actions due, and whether the agency's staff conference is late: its agencies, its conference, its
# staff count; emulation: nominations waiting for the user's step; inspections: remedies due; citizens: the
# petition notices waiting for the registry office's number — petitions due ask nothing of who handles none;
# scoring: assessments waiting for review, returned for explanation).
# Exports count their rows, up to
# EXPORT_SYNC_LIMIT + 1, to choose between now and the worker.
PAGES = {
    "home": (lambda orgs: reverse("home"), 24),
    "organization tree": (lambda orgs: reverse("orgs:organization_list"), 9),
    "organization detail": (lambda orgs: orgs["TN.SXD.QLXD"].get_absolute_url(), 14),
    "organization export": (lambda orgs: reverse("orgs:organization_export"), 6),
    "staff list": (lambda orgs: reverse("orgs:staff_list"), 12),
    "staff list, page 3": (lambda orgs: reverse("orgs:staff_list") + "?page=3", 12),
    "staff export": (lambda orgs: reverse("orgs:staff_export"), 6),
    "api staff": (lambda orgs: reverse("staff-list"), 6),
    "api organizations": (lambda orgs: reverse("organization-list"), 6),
}


def add_rows(orgs) -> None:
    """Twenty more units under the sample division and a hundred more staff spread over them."""
    division = orgs["TN.SXD.QLXD"]
    units = [division] + [OrganizationFactory(parent=division) for _ in range(20)]
    StaffMember.objects.bulk_create(
        [StaffMemberFactory.build(organization=units[index % len(units)]) for index in range(100)]
    )


@pytest.mark.parametrize("page", PAGES)
def test_a_list_runs_a_fixed_number_of_queries_however_many_rows(page, client_for, orgs,
                                                                  django_assert_max_num_queries):
    url_of, most = PAGES[page]
    client = client_for("focal")
    url = url_of(orgs)
    with django_assert_max_num_queries(most):
        assert client.get(url).status_code == 200
    add_rows(orgs)
    with django_assert_max_num_queries(most):
        assert client.get(url).status_code == 200


def test_the_staff_list_shows_twenty_five_per_page(client_for):
    html = client_for("focal").get(reverse("orgs:staff_list")).content.decode()
    assert len(set(re.findall(r'href="/staff/(\d+)/"', html))) == 25


def test_the_organization_detail_lists_added_units_and_staff_without_more_queries(client_for, orgs,
                                                                                   django_assert_max_num_queries):
    client = client_for("focal")
    add_rows(orgs)
    with django_assert_max_num_queries(PAGES["organization detail"][1]):
        html = client.get(orgs["TN.SXD.QLXD"].get_absolute_url()).content.decode()
    assert html.count('class="list-group-item d-flex"') == 20
