"""Inbox items of periodic reports: the receiver sees reports to review, the author returned ones,
and who must write a report sees it due within 7 days or overdue, until it is sent."""

import datetime as dt

import pytest
from django.utils import timezone
from django.utils.translation import gettext

from core.registry import deadlines_for, inbox_for
from progress import reporting
from progress.reporting_models import ReportingPeriod, ReportLevel

pytestmark = pytest.mark.django_db


REVIEW, RETURNED = gettext("Reports waiting for your review"), gettext("Reports returned to you for changes")


def _counts(user):
    return {str(item.label): item.count for item in inbox_for(user)}


def test_the_receiver_sees_reports_to_review(unit_report, users):
    reporting.take_step(unit_report, "submit", by=users["unit"])
    assert _counts(users["focal"]).get(REVIEW) == 1
    assert REVIEW not in _counts(users["unit"])


def test_the_author_sees_a_returned_report(unit_report, users):
    reporting.take_step(unit_report, "submit", by=users["unit"])
    reporting.take_step(unit_report, "return", by=users["focal"], comment="Bổ sung")
    assert _counts(users["unit"]).get(RETURNED) == 1


def test_a_report_due_within_a_week_is_in_the_deadlines_until_it_is_sent(orgs, users):
    today = timezone.localdate()
    period = ReportingPeriod.objects.create(
        province=orgs["TN"], year=2024, kind="year", level=ReportLevel.UNIT, data_start=dt.date(2023, 12, 15),
        data_end=dt.date(2024, 12, 14), cut_off=dt.date(2024, 12, 14), due_date=today + dt.timedelta(days=3))
    items = [d for d in deadlines_for(users["unit"], until=today + dt.timedelta(days=7))
             if d.url == period.get_absolute_url()]
    assert len(items) == 1 and items[0].due == period.effective_due
    report = reporting.start_report(period, orgs["TN.SXD.QLXD"], by=users["unit"])
    reporting.edit_narrative(report, results="Kết quả", limits="", proposals="", by=users["unit"])
    reporting.take_step(report, "submit", by=users["unit"])
    assert not [d for d in deadlines_for(users["unit"], until=today + dt.timedelta(days=7))
                if d.url == period.get_absolute_url()]
