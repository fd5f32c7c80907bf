"""The demo's periodic reports (`danvan load_demo`): Tây Ninh's 2024 complete — every report in, some
late, the periods closed — 2025's six-month round with a unit missing, and the year under way (counted
from today, so this holds in any year) with every round already due: most in and accepted, one late,
one returned and sent again, a unit missing, Sở Xây dựng's annual report numbered from its register and
Sở VHTTDL's missing; loading again adds nothing."""

import datetime as dt

import pytest
from django.utils import timezone

from attachments.services import attachments_of
from progress import demo, reporting
from progress.reporting_models import Report, ReportingPeriod, ReportLevel, ReportStatus

pytestmark = pytest.mark.django_db


def _counts(year, kind, level):
    period = ReportingPeriod.objects.get(province__code="TN", year=year, kind=kind, level=level)
    _rows, total = reporting.completeness(period)
    return period, total


def _due_rounds(today):
    return [key for key in reporting.DEFAULT_DUE if dt.date(today.year, *reporting.DEFAULT_DUE[key]) < today]


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


def _current(today, key):
    rounds = demo.current_rounds(today)
    return {entry.code: entry for entry in rounds.get((today.year, *key), [])}


@pytest.mark.parametrize("today", [dt.date(2030, 3, 1), dt.date(2030, 6, 1), dt.date(2030, 12, 4)])
def test_the_year_under_way_has_only_the_rounds_already_due(today):
    assert {key[1:] for key in demo.current_rounds(today)} == set(_due_rounds(today))


def test_the_year_under_way_has_its_due_rounds_with_one_late_one_returned_and_one_missing(plans_for_today):
    today = timezone.localdate()
    assert demo.load() > 0
    assert demo.load() == 0
    rounds = _due_rounds(today)
    for kind, _n, level in rounds:
        period, total = _counts(today.year, kind, level)
        assert not period.closed
        assert total.expected_count > 0
        assert total.missing, "a unit or an agency is missing"
        reports = Report.objects.filter(period=period)
        assert reports.filter(status=ReportStatus.ACCEPTED).count() >= len(total.expected) // 2
        # (In the first days after the due date, the late report and the return may not have happened yet.)
        if level == ReportLevel.UNIT and today > period.effective_due + dt.timedelta(days=10):
            assert total.late, "a unit is late"
            assert any(step.action == "return" and step.comment
                       for report in reports for step in report.steps.all())
    if (demo.PeriodKind.YEAR, 1, ReportLevel.AGENCY) in rounds:
        _period, agencies = _counts(today.year, "year", "agency")
        assert "TN.SVHTTDL" in [org.code for org in agencies.missing]
        sxd = Report.objects.get(period__year=today.year, period__level="agency", organization__code="TN.SXD")
        entry = sxd.registrations.get()
        assert (entry.symbol, entry.year, entry.date) == ("BC-SXD", today.year, sxd.first_submitted_on)
        assert entry.title.endswith(f"năm {today.year}")
    # A step never lies in the future.
    assert not any(step.at.date() > today for report in Report.objects.filter(period__year=today.year)
                   for step in report.steps.all())


@pytest.fixture
def plans_for_today(db):
    """Sở Xây dựng's plan of the year under way, as `load_demo` makes it before the reports."""
    from indicators import demo as indicators_demo

    indicators_demo._current_plan(timezone.localdate())


def test_late_in_the_year_every_round_is_due_and_a_report_waits_for_review():
    today = dt.date(2030, 12, 4)
    units = _current(today, (demo.PeriodKind.YEAR, 1, ReportLevel.UNIT))
    assert units["TN.SXD.QLXD"].returned and units["TN.SXD.QLXD"].final == "submitted"
    assert units["TN.SXD.QHKT"].sent is None  # missing
    agencies = _current(today, (demo.PeriodKind.YEAR, 1, ReportLevel.AGENCY))
    assert agencies["TN.SVHTTDL"].sent is None and agencies["TN.SXD"].sent < 0  # before the due date


def test_the_sunday_due_date_and_the_due_date_itself_are_on_time():
    demo.load()
    period, total = _counts(2024, "year", "unit")
    assert period.due_date.isoweekday() == 7 and period.effective_due == period.due_date.replace(day=11)
    assert "TN.SXD.QLXD" not in [org.code for org in total.late]  # sent on the Monday
    _period, half = _counts(2024, "half", "unit")
    assert "TN.SXD.TTR" not in [org.code for org in half.late]  # sent on the due date


def test_reports_read_like_reports_with_evidence_and_their_steps(plans_for_today):
    demo.load()
    reports = list(Report.objects.select_related("organization"))
    assert all(len(report.results) > 200 and report.limits and report.proposals for report in reports)
    # Varied: no two reports read the same, and units' openings differ.
    assert len({report.results for report in reports}) == len(reports)
    assert len({report.results[:40] for report in reports if report.period.level == ReportLevel.UNIT}) >= 3
    assert sum(1 for report in reports if attachments_of(report).exists()) >= 4
    returned = Report.objects.get(period__year=2024, period__kind="half", organization__code="TN.SXD.VP")
    assert [step.action for step in returned.steps.all()] == ["submit", "return", "submit", "accept"]
    assert returned.steps.get(action="return").comment


def test_evidence_is_a_pdf_in_vietnamese_when_reportlab_and_the_font_are_there():
    demo.load()
    report = Report.objects.get(period__year=2024, period__kind="half", organization__code="TN.SXD.QLXD")
    data = attachments_of(report).get().file.read()
    assert data.startswith(b"%PDF")
    if demo._vietnamese_pdf("BIÊN BẢN", ["Nội dung"]) is not None:
        assert b"DejaVuSans" in data  # the font embedded: the marks show
