"""Another agency neither reads nor changes Sở Xây dựng's democracy records: not by URL, not in the
exports, not through the API."""

import datetime as dt
import json

from django.urls import reverse

from core.testing import read_export
from democracy.models import InspectionBoard
from democracy.tests.factories import conference, disclosure

DAY = dt.date(2025, 3, 10)


def _records(orgs, users):
    return {
        "disclosure": disclosure(orgs["TN.SXD"], users["focal"], decided=DAY, posted_from=DAY, title="Công khai riêng"),
        "meeting": conference(orgs["TN.SXD"], users["focal"], date=DAY, title="Hội nghị riêng"),
        "board": InspectionBoard.objects.create(organization=orgs["TN.SXD"], elected_on=DAY,
                                                term_end=dt.date(2027, 3, 9), notes="Ban riêng"),
    }


def test_another_agency_cannot_open_the_records_by_url(client_for, orgs, users):
    records = _records(orgs, users)
    client = client_for("other-focal")
    for name in ("disclosure_detail", "disclosure_update", "disclosure_history", "disclosure_delete"):
        assert client.get(reverse(f"democracy:{name}", args=[records["disclosure"].pk])).status_code == 404
    for name in ("meeting_detail", "meeting_update", "meeting_minutes", "meeting_resolution", "action_create"):
        kwargs = {"meeting": records["meeting"].pk} if name == "action_create" else {"pk": records["meeting"].pk}
        assert client.get(reverse(f"democracy:{name}", kwargs=kwargs)).status_code == 404
    for name in ("board_detail", "board_update", "board_history"):
        assert client.get(reverse(f"democracy:{name}", args=[records["board"].pk])).status_code == 404


def test_exports_list_only_the_users_agency(client_for, orgs, users):
    _records(orgs, users)
    for username, sees in (("focal", True), ("other-focal", False)):
        client = client_for(username)
        for name, marker in (("disclosure_export", "Công khai riêng"), ("meeting_export", "Hội nghị riêng")):
            _headers, rows = read_export(client.get(reverse(f"democracy:{name}")).content)
            assert any(marker in str(cell) for row in rows for cell in row) is sees, (username, name)


def test_the_api_lists_and_reads_only_the_users_agency(client_for, orgs, users):
    records = _records(orgs, users)
    endpoints = (("disclosure", "disclosure"), ("meeting", "meeting"), ("inspection-board", "board"))
    for username, sees in (("focal", True), ("other-focal", False)):
        client = client_for(username)
        for basename, key in endpoints:
            listed = json.loads(client.get(reverse(f"{basename}-list")).content)
            ids = {row["id"] for row in listed.get("results", listed)}
            assert (records[key].pk in ids) is sees, (username, basename)
            status = client.get(reverse(f"{basename}-detail", args=[records[key].pk])).status_code
            assert status == (200 if sees else 404)


def test_the_api_answers_a_disclosures_timing(client_for, orgs, users):
    record = disclosure(orgs["TN.SXD"], users["focal"], decided=dt.date(2025, 4, 4), posted_from=dt.date(2025, 4, 15))
    data = json.loads(client_for("leader").get(reverse("disclosure-detail", args=[record.pk])).content)
    assert data["due_date"] == "2025-04-14" and data["late"] is True
