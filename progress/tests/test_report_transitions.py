"""The report's way (TRANSITIONS): the author submits, the receiver returns (with a reason) or accepts;
an accepted report is locked until unlocked (recorded); a closed period's reports are read-only."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from progress import reporting
from progress.reporting_models import ReportStatus

pytestmark = pytest.mark.django_db


def test_a_unit_reports_to_its_agency(unit_report, orgs):
    assert unit_report.receiver == orgs["TN.SXD"] and unit_report.status == ReportStatus.DRAFT


def test_submit_return_resubmit_accept(unit_report, users):
    reporting.take_step(unit_report, "submit", by=users["unit"])
    first = unit_report.first_submitted_on
    reporting.take_step(unit_report, "return", by=users["focal"], comment="Bổ sung số liệu")
    assert unit_report.status == ReportStatus.RETURNED
    reporting.take_step(unit_report, "submit", by=users["unit"])
    reporting.take_step(unit_report, "accept", by=users["focal"])
    assert unit_report.status == ReportStatus.ACCEPTED and unit_report.first_submitted_on == first
    assert [s.action for s in unit_report.steps.all()] == ["submit", "return", "submit", "accept"]
    assert unit_report.steps.get(action="return").comment == "Bổ sung số liệu"


def test_return_requires_a_reason(unit_report, users):
    reporting.take_step(unit_report, "submit", by=users["unit"])
    with pytest.raises(ValidationError) as error:
        reporting.take_step(unit_report, "return", by=users["focal"], comment="  ")
    assert "comment" in error.value.error_dict
    unit_report.refresh_from_db()
    assert unit_report.status == ReportStatus.SUBMITTED


def test_the_author_cannot_accept_their_own_report(unit_report, users):
    reporting.take_step(unit_report, "submit", by=users["unit"])
    with pytest.raises(PermissionDenied):
        reporting.take_step(unit_report, "accept", by=users["unit"])
    assert reporting.allowed_steps(unit_report, users["unit"]) == []
    assert reporting.allowed_steps(unit_report, users["focal"]) == ["return", "accept"]


def test_a_draft_cannot_be_accepted(unit_report, users):
    with pytest.raises(ValidationError):
        reporting.take_step(unit_report, "accept", by=users["focal"])


def test_an_empty_report_cannot_be_submitted(unit_report, users):
    reporting.edit_narrative(unit_report, results="", limits="", proposals="", by=users["unit"])
    with pytest.raises(ValidationError):
        reporting.take_step(unit_report, "submit", by=users["unit"])


def test_an_accepted_report_is_locked_until_unlocked_with_a_reason(unit_report, users):
    reporting.take_step(unit_report, "submit", by=users["unit"])
    reporting.take_step(unit_report, "accept", by=users["focal"])
    assert unit_report.locked
    with pytest.raises(ValidationError):
        reporting.edit_narrative(unit_report, results="Sửa", limits="", proposals="", by=users["unit"])
    with pytest.raises(ValidationError):
        reporting.take_step(unit_report, "unlock", by=users["focal"])
    reporting.take_step(unit_report, "unlock", by=users["focal"], comment="Sai số liệu")
    assert unit_report.status == ReportStatus.RETURNED
    assert unit_report.history.order_by("-history_id").first().history_change_reason == "Sai số liệu"
    reporting.edit_narrative(unit_report, results="Sửa", limits="", proposals="", by=users["unit"])


def test_a_closed_period_makes_its_reports_read_only(unit_report, unit_period_2024, users):
    reporting.close_period(unit_period_2024, by=users["coordinator"])
    unit_report.refresh_from_db()
    with pytest.raises(ValidationError):
        reporting.take_step(unit_report, "submit", by=users["unit"])
    with pytest.raises(ValidationError):
        reporting.edit_narrative(unit_report, results="Sửa", limits="", proposals="", by=users["unit"])
    assert reporting.allowed_steps(unit_report, users["unit"]) == []


def test_another_agency_cannot_start_or_review_the_report(unit_report, unit_period_2024, orgs, users):
    with pytest.raises(PermissionDenied):
        reporting.start_report(unit_period_2024, orgs["TN.SXD.QLXD"], by=users["other-focal"])
    reporting.take_step(unit_report, "submit", by=users["unit"])
    with pytest.raises(PermissionDenied):
        reporting.take_step(unit_report, "accept", by=users["other-focal"])


def test_the_report_is_prefilled_from_the_records(unit_report):
    prefill = reporting.prefill(unit_report)
    assert prefill.assignments and all(a.lead_unit_id == unit_report.organization_id for a, *_ in prefill.assignments)
    assert prefill.estimated_from is not None
