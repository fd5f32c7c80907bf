"""No list page, export or API list shows a row of an agency the user may not see.

Records carrying a marker are planted (danvan/tests/permission_table.py LEAK_MARKERS) in the
agencies each role is outside of; every list, followed through all its pages, must not show
them. The check itself is tested: a list stripped of its scope is caught.
"""

from __future__ import annotations

import io
import json
import re

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from danvan.tests.permission_table import LEAK_MARKERS
from danvan.tests.test_permissions import CHECKED

# Agencies whose records each role must never read (the demo's memberships and ROLE_RULES).
SXD_ROLES = ("focal", "leader", "unit", "inspector", "viewer")
OUTSIDE = {
    "coordinator": ("HCM.SVHTT",),
    **dict.fromkeys(SXD_ROLES, ("TN.SVHTTDL", "HCM.SVHTT")),
    "other-focal": ("TN.SXD", "HCM.SVHTT"),
}
EXTRA_LISTS = {"home", "plans:my_assignments", "plans:coverage"}


def marker(code: str) -> str:
    return f"ZZLEAK-{code}"


def list_urls() -> list[str]:
    """Every list page, export and API list of the project (URLs without arguments)."""
    return sorted(
        reverse(endpoint.name)
        for endpoint in CHECKED
        if not endpoint.is_admin and not endpoint.kwargs and not endpoint.positional
        and (endpoint.name.endswith(("_list", "_export", "-list")) or endpoint.name in EXTRA_LISTS)
    )


def _text(response) -> str:
    if response.get("Content-Type", "").startswith("application/vnd.openxmlformats"):
        sheet_text = []
        for sheet in load_workbook(io.BytesIO(response.content), read_only=True).worksheets:
            for row in sheet.iter_rows(values_only=True):
                sheet_text.extend(str(cell) for cell in row if cell is not None)
        return "\n".join(sheet_text)
    return response.content.decode()


def pages(client: Client, url: str, limit: int = 60):
    """The responses of every page of a list: HTML pages by ?page=N, API lists by their `next` links."""
    response = client.get(url)
    yield response
    if response.get("Content-Type", "").startswith("application/json"):
        for _ in range(limit):
            following = json.loads(response.content).get("next") if response.status_code == 200 else None
            if not following:
                return
            response = client.get(following)
            yield response
        return
    separator = "&" if "?" in url else "?"
    for number in range(2, limit):
        if not re.search(rf"[?&]page={number}\b", response.content.decode(errors="ignore")):
            return
        response = client.get(f"{url}{separator}page={number}")
        yield response


def leaks(client: Client, forbidden: list[str]) -> list[str]:
    found = []
    for url in list_urls():
        for response in pages(client, url):
            if response.status_code != 200:
                continue
            text = _text(response)
            found += [f"{url} shows {name}" for name in forbidden if name in text]
    return found


@pytest.fixture
def planted(orgs):
    for code in ("TN.SVHTTDL", "TN.SXD", "HCM.SVHTT"):
        for build in LEAK_MARKERS.values():
            build(orgs[code], marker(code))


@pytest.mark.parametrize("role", sorted(OUTSIDE))
def test_no_list_export_or_api_list_shows_a_row_of_another_agency(role, users, planted):
    client = Client()
    client.force_login(users[role])
    assert leaks(client, [marker(code) for code in OUTSIDE[role]]) == []


def test_every_kind_of_marker_is_seen_by_those_who_may_see_it(users, planted):
    """The markers are real rows: the superuser finds each of them in some list."""
    client = Client()
    client.force_login(users["admin"])
    seen = "\n".join(_text(r) for url in list_urls() for r in pages(client, url) if r.status_code == 200)
    assert all(marker(code) in seen for code in ("TN.SVHTTDL", "TN.SXD", "HCM.SVHTT"))


def test_the_check_catches_a_list_that_lost_its_scope(users, planted, monkeypatch):
    from orgs.views import StaffMemberListView

    monkeypatch.setattr(StaffMemberListView, "get_queryset",
                        lambda self: self.model.objects.select_related("organization"))
    client = Client()
    client.force_login(users["focal"])
    found = leaks(client, [marker("TN.SVHTTDL")])
    assert any(line.startswith(reverse("orgs:staff_list")) for line in found)
    assert any(line.startswith(reverse("orgs:staff_export")) for line in found)
