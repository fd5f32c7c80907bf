"""The agency's report is assembled from its units' accepted reports and its own figures: the units'
reports for the same period are gathered (accepted ones as material, each under its unit's name;
the others listed as missing), the agency's plan's targets are measured for the period, and the
author copies the units' texts into the narrative, never twice."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from core.locking import VERSION_FIELD
from progress import assembly, reporting
from progress.tests.agency_reports import agency_report_2024

pytestmark = pytest.mark.django_db


@pytest.fixture
def sxd_2024(orgs, users):
    report, accepted, sent = agency_report_2024(orgs, users)
    return {"report": report, "accepted": accepted, "sent": sent}


def test_the_units_accepted_reports_are_material_and_the_others_missing(sxd_2024, orgs):
    gathered = assembly.assemble(sxd_2024["report"])
    assert gathered.unit_period == sxd_2024["accepted"].period
    assert [row.unit for row in gathered.accepted] == [orgs["TN.SXD.QLXD"]]
    assert gathered.accepted[0].report == sxd_2024["accepted"]
    missing = {row.unit.code: row for row in gathered.missing}
    # Văn phòng sent its report but it is not accepted; Thanh tra (charged by the plan) has none.
    assert set(missing) == {"TN.SXD.VP", "TN.SXD.TTR"}
    assert missing["TN.SXD.VP"].report == sxd_2024["sent"] and missing["TN.SXD.TTR"].report is None
    assert all(row.unit.path.startswith(orgs["TN.SXD"].path) for row in gathered.units)


def test_the_agencys_own_figures_are_its_plans_targets_measured_for_the_period(sxd_2024):
    gathered = assembly.assemble(sxd_2024["report"])
    plan_targets = list(sxd_2024["report"].organization.plans.get(year=2024, status="issued").targets.all())
    assert {reading.target for reading in gathered.figures} == set(plan_targets)
    assert any(reading.value is not None for reading in gathered.figures)
    # Each unit's figures are its share of the same targets.
    accepted = gathered.accepted[0]
    assert [reading.target for reading in accepted.figures] == [reading.target for reading in gathered.figures]


def test_a_units_report_accepted_later_joins_the_agencys_report(sxd_2024, users):
    reporting.take_step(sxd_2024["sent"], "accept", by=users["focal"])
    gathered = assembly.assemble(sxd_2024["report"])
    assert {row.unit.code for row in gathered.accepted} == {"TN.SXD.QLXD", "TN.SXD.VP"}


def test_a_units_report_is_not_assembled(sxd_2024):
    assert assembly.assemble(sxd_2024["accepted"]) is None


def test_copying_puts_each_units_texts_under_its_name_once(sxd_2024, users):
    report = sxd_2024["report"]
    assert assembly.copy_into_narrative(report, by=users["focal"]) == 3
    report.refresh_from_db()
    assert report.results.startswith("Sở quán triệt đầy đủ")  # the agency's own text stays first
    assert "Phòng Quản lý hoạt động xây dựng:\nPhòng tổ chức 4 buổi đối thoại với doanh nghiệp." in report.results
    assert "Phòng Quản lý hoạt động xây dựng:\nMột số hồ sơ còn trễ hạn" in report.limits
    assert "Phòng Quản lý hoạt động xây dựng:\nĐề nghị bổ sung 01 biên chế." in report.proposals
    assert "Văn phòng tiếp nhận" not in report.results  # not accepted
    assert assembly.copy_into_narrative(report, by=users["focal"]) == 0
    report.refresh_from_db()
    assert report.results.count("Phòng tổ chức 4 buổi") == 1


def test_a_unit_not_accepted_cannot_be_copied(sxd_2024, users, orgs):
    with pytest.raises(ValidationError):
        assembly.copy_into_narrative(sxd_2024["report"], by=users["focal"], unit=orgs["TN.SXD.VP"])


def test_only_the_agencys_side_copies_and_only_while_the_report_is_open(sxd_2024, users):
    report = sxd_2024["report"]
    with pytest.raises(PermissionDenied):
        assembly.copy_into_narrative(report, by=users["unit"])
    reporting.take_step(report, "submit", by=users["focal"])
    with pytest.raises(ValidationError):
        assembly.copy_into_narrative(report, by=users["focal"])


def test_the_report_page_lists_the_units_reports_with_the_copy_action(sxd_2024, client_for):
    report = sxd_2024["report"]
    focal = client_for("focal")
    page = focal.get(f"/reports/{report.pk}/").content.decode()
    assert 'id="units-reports"' in page and "Phòng tổ chức 4 buổi đối thoại" in page
    assert f'action="/reports/{report.pk}/copy-units/"' in page
    response = focal.post(f"/reports/{report.pk}/copy-units/", {"unit": sxd_2024["accepted"].organization_id})
    assert response.status_code == 302
    report.refresh_from_db()
    assert "Phòng tổ chức 4 buổi" in report.results


def test_the_edit_page_shows_the_accepted_units_texts_beside_the_form(sxd_2024, client_for):
    report = sxd_2024["report"]
    response = client_for("focal").get(f"/reports/{report.pk}/edit/")
    page = response.content.decode()
    assert 'id="units-texts"' in page and "Đề nghị bổ sung 01 biên chế." in page
    assert response.context["form"][VERSION_FIELD].value()


def test_the_receiver_sees_the_units_reports_without_the_copy_action(sxd_2024, client_for):
    report = sxd_2024["report"]
    page = client_for("coordinator").get(f"/reports/{report.pk}/").content.decode()
    assert 'id="units-reports"' in page and "copy-units" not in page
