"""The registers' organization filter (orgs.filters.SubtreeFilter): its select offers the top of the
user's tree, not every organization they read, yet any readable organization can be chosen."""

import datetime as dt
import re

import pytest
from django.urls import reverse

PAGES = ["training:session_list", "democracy:disclosure_list", "democracy:action_list", "citizens:petition_list",
         "emulation:exemplar_list", "inspections:inspection_list", "service:letter_list", "indicators:count_list"]


def offered(response) -> dict[str, bool]:
    """{option value: selected} of the page's organization select."""
    select = re.search(r'<select name="organization"[^>]*>(.*?)</select>', response.content.decode(), re.S).group(1)
    return {value: bool(selected) for value, selected in re.findall(r'<option value="([^"]*)"( selected)?>', select)}


@pytest.mark.parametrize("page", PAGES)
def test_the_coordinator_is_offered_the_province_and_its_agencies_not_their_units(page, client_for, orgs):
    options = offered(client_for("coordinator").get(reverse(page)))
    assert str(orgs["TN"].pk) in options and str(orgs["TN.SXD"].pk) in options
    assert str(orgs["TN.SXD.QLXD"].pk) not in options
    assert str(orgs["HCM.SVHTT"].pk) not in options


@pytest.mark.parametrize("page", PAGES)
def test_a_unit_not_offered_can_still_be_chosen_and_is_shown_chosen(page, client_for, orgs):
    unit = orgs["TN.SXD.QLXD"]
    response = client_for("coordinator").get(reverse(page), {"organization": unit.pk})
    assert response.status_code == 200
    assert offered(response)[str(unit.pk)] is True


def test_choosing_a_unit_keeps_the_rows_of_its_subtree(client_for, orgs):
    from training.models import StudySession

    for code in ("TN.SXD.QLXD", "TN.SXD", "TN.SXD.VP"):
        StudySession.objects.create(organization=orgs[code], date=dt.date(2026, 3, 2), title=f"Quán triệt {code}")
    response = client_for("coordinator").get(reverse("training:session_list"),
                                             {"organization": orgs["TN.SXD.QLXD"].pk})
    assert [row.title for row in response.context["table"].data] == ["Quán triệt TN.SXD.QLXD"]


def test_another_provinces_organization_is_refused_and_shows_nothing(client_for, orgs):
    response = client_for("coordinator").get(reverse("training:session_list"),
                                             {"organization": orgs["HCM.SVHTT"].pk})
    assert response.status_code == 200
    assert not list(response.context["table"].data)
    assert str(orgs["HCM.SVHTT"].pk) not in offered(response)
