"""The daily digest, who gets what: each user only the deadlines of their own organizations, sorted
into overdue, due today and due within 7 days (nothing later), with absolute links on SITE_URL;
nothing for an inactive account or one without an e-mail. Dates are fixed (today is passed in)."""

import datetime as dt

import pytest
from django.core import mail
from django.test import override_settings

from progress.digest import send_digests
from progress.reporting_models import ReportingPeriod, ReportLevel

pytestmark = pytest.mark.django_db
TODAY = dt.date(2024, 12, 4)  # a Wednesday, no holiday
SITE = "https://danvan.example.gov.vn"


def _period(orgs, kind, n, due):
    return ReportingPeriod.objects.create(
        province=orgs["TN"], year=2024, kind=kind, n=n, level=ReportLevel.UNIT, data_start=dt.date(2023, 12, 15),
        data_end=dt.date(2024, 12, 14), cut_off=dt.date(2024, 12, 14), due_date=due)


@pytest.fixture
def periods(orgs):
    """Sở Xây dựng's 2024 plan charges QLXD (the `unit` account), VP (the focal office) and TTR."""
    return {
        "overdue": _period(orgs, "half", 1, dt.date(2024, 12, 2)),
        "today": _period(orgs, "half", 2, TODAY),
        "later": _period(orgs, "year", 1, dt.date(2024, 12, 16)),  # beyond the 7 days
    }


def _body(user):
    [message] = [m for m in mail.outbox if user.email in m.to]
    return message.body


def _report_lines(body, periods):
    labels = [period.period.label for period in periods.values()]
    return [line for line in body.splitlines() if any(label in line for label in labels)]


@override_settings(SITE_URL=SITE)
def test_each_user_gets_their_own_organizations_reports_in_sections_with_absolute_links(periods, users):
    send_digests(TODAY)
    unit = _body(users["unit"])
    overdue, due_today = unit.split("\n\n")[1:3]
    assert periods["overdue"].period.label in overdue and "02/12/2024" in overdue
    assert periods["today"].period.label in due_today and "04/12/2024" in due_today
    assert periods["later"].period.label not in unit  # due in 12 days: not yet
    assert f"{SITE}{periods['today'].get_absolute_url()}" in unit
    lines = _report_lines(unit, periods)
    assert lines and all("QLHĐXD" in line for line in lines)  # only the unit's own reports
    focal_lines = _report_lines(_body(users["focal"]), periods)
    assert focal_lines and all("Văn phòng Sở" in line for line in focal_lines)


def test_no_digest_for_someone_outside_the_agency_without_reports_due(periods, users):
    send_digests(TODAY)
    other = [m.body for m in mail.outbox if users["other-focal"].email in m.to]
    assert not any(periods["overdue"].period.label in body for body in other)


def test_inactive_accounts_and_accounts_without_an_email_get_nothing(periods, users):
    users["unit"].is_active = False
    users["unit"].save()
    users["focal"].email = ""
    users["focal"].save()
    send_digests(TODAY)
    recipients = {address for message in mail.outbox for address in message.to}
    assert users["unit"].email not in recipients
    assert all(message.to != [""] for message in mail.outbox)
