"""Another agency's report answers 404 by URL and by API; the receiver reads the units' reports;
the completeness API counts only what the user may see."""

import pytest

from progress import reporting

pytestmark = pytest.mark.django_db


def test_another_agencys_report_is_404_by_url_and_api(unit_report, client_for):
    client = client_for("other-focal")
    assert client.get(f"/reports/{unit_report.pk}/").status_code == 404
    assert client.get(f"/api/reports/{unit_report.pk}/").status_code == 404
    assert client.post(f"/reports/{unit_report.pk}/step/", {"action": "accept"}).status_code == 404
    assert unit_report.pk not in [row["id"] for row in client.get("/api/reports/").json()["results"]]


def test_the_receiver_reads_and_accepts_the_units_report(unit_report, users, client_for):
    reporting.take_step(unit_report, "submit", by=users["unit"])
    client = client_for("focal")
    page = client.get(f"/reports/{unit_report.pk}/")
    assert page.status_code == 200 and "Đã tổ chức học tập" in page.content.decode()
    response = client.post(f"/reports/{unit_report.pk}/step/", {"action": "accept"})
    assert response.status_code == 302
    unit_report.refresh_from_db()
    assert unit_report.status == "accepted"


def test_a_return_without_a_comment_is_refused_on_the_page(unit_report, users, client_for):
    reporting.take_step(unit_report, "submit", by=users["unit"])
    client_for("focal").post(f"/reports/{unit_report.pk}/step/", {"action": "return", "comment": ""})
    unit_report.refresh_from_db()
    assert unit_report.status == "submitted"


def test_the_completeness_api_counts_what_the_user_sees(unit_period_2024, unit_report, users, client_for):
    reporting.take_step(unit_report, "submit", by=users["unit"])
    mine = client_for("focal").get(f"/api/completeness/?period={unit_period_2024.pk}").json()
    assert [row["organization"]["name"] for row in mine["rows"]] == ["Sở Xây dựng tỉnh Tây Ninh"]
    assert mine["total"]["submitted"] == 1
    other = client_for("other-focal").get(f"/api/completeness/?period={unit_period_2024.pk}").json()
    assert all(row["organization"]["name"] != "Sở Xây dựng tỉnh Tây Ninh" for row in other["rows"])
    assert client_for("focal").get("/api/completeness/").status_code == 400


def test_the_completeness_page_and_its_export(unit_period_2024, client_for):
    client = client_for("coordinator")
    page = client.get(f"/reports/completeness/?period={unit_period_2024.pk}")
    assert page.status_code == 200 and "Sở Xây dựng" in page.content.decode()
    export = client.get(f"/reports/completeness/export.xlsx?period={unit_period_2024.pk}")
    assert export.status_code == 200 and export.content[:2] == b"PK"


def test_a_sent_report_takes_no_evidence_until_it_is_returned(unit_report, users):
    from attachments.services import may_change

    assert may_change(unit_report, users["unit"])
    reporting.take_step(unit_report, "submit", by=users["unit"])
    assert not may_change(unit_report, users["unit"]) and not may_change(unit_report, users["admin"])
    reporting.take_step(unit_report, "return", by=users["focal"], comment="Bổ sung")
    assert may_change(unit_report, users["unit"])
