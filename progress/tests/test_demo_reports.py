"""The demo's periodic reports (`danvan load_demo`): Tây Ninh's 2024 complete — every report in, some
late, the periods closed — and 2025's six-month round with a unit missing; loading again adds nothing."""

import pytest

from attachments.services import attachments_of
from progress import demo, reporting
from progress.reporting_models import Report, ReportingPeriod, ReportStatus

pytestmark = pytest.mark.django_db


def _counts(year, kind, level):
    period = ReportingPeriod.objects.get(province__code="TN", year=year, kind=kind, level=level)
    _rows, total = reporting.completeness(period)
    return period, total


def test_2024_is_complete_with_some_late_and_2025_has_a_unit_missing():
    assert demo.load() > 0
    assert demo.load() == 0  # loading again adds nothing
    for kind, level in (("half", "unit"), ("year", "unit"), ("year", "agency")):
        period, total = _counts(2024, kind, level)
        assert period.closed
        assert total.expected_count > 0 and total.actual == total.expected_count
        assert 0 < total.on_time < total.actual  # all in, some late
        assert not Report.objects.filter(period=period).exclude(status=ReportStatus.ACCEPTED).exists()
    period, total = _counts(2025, "half", "unit")
    assert not period.closed
    assert [org.code for org in total.missing] == ["TN.SVHTTDL.TV"]
    assert [org.code for org in total.late] == ["TN.SVHTTDL.VP"]
    # Sở Giao thông vận tải, merged into Sở Xây dựng in 2025, reported for 2024 and is missing from nothing since.
    _period, agencies = _counts(2024, "year", "agency")
    assert "TN.SGTVT" in [org.code for org in agencies.late]


def test_the_sunday_due_date_and_the_due_date_itself_are_on_time():
    demo.load()
    period, total = _counts(2024, "year", "unit")
    assert period.due_date.isoweekday() == 7 and period.effective_due == period.due_date.replace(day=11)
    assert "TN.SXD.QLXD" not in [org.code for org in total.late]  # sent on the Monday
    _period, half = _counts(2024, "half", "unit")
    assert "TN.SXD.TTR" not in [org.code for org in half.late]  # sent on the due date


def test_reports_read_like_reports_with_evidence_and_their_steps():
    demo.load()
    reports = list(Report.objects.select_related("organization"))
    assert all(report.results.startswith(("Trong ", "Năm ")) and report.limits and report.proposals
               for report in reports)
    assert sum(1 for report in reports if attachments_of(report).exists()) >= 4
    returned = Report.objects.get(period__year=2024, period__kind="half", organization__code="TN.SXD.VP")
    assert [step.action for step in returned.steps.all()] == ["submit", "return", "submit", "accept"]
    assert returned.steps.get(action="return").comment
