"""The daily digest: each user with something overdue, due today or within 7 days gets one e-mail a day
listing it (from every app's deadline sources); a second run the same day sends nothing again; a user
with nothing due gets nothing."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from orgs.models import Role
from orgs.tests.factories import MembershipFactory, OrganizationFactory, UserFactory
from progress import reporting
from progress.digest import send_digests
from progress.reporting_models import ReportingPeriod, ReportLevel

pytestmark = pytest.mark.django_db


@pytest.fixture
def report_due_in_3_days(orgs):
    today = timezone.localdate()
    return ReportingPeriod.objects.create(
        province=orgs["TN"], year=2024, kind="year", level=ReportLevel.UNIT, data_start=dt.date(2023, 12, 15),
        data_end=dt.date(2024, 12, 14), cut_off=dt.date(2024, 12, 14), due_date=today + dt.timedelta(days=3))


def _mail_to(user):
    return [message for message in mail.outbox if user.email in message.to]


def test_the_unit_gets_its_report_due_and_a_user_with_nothing_due_gets_nothing(report_due_in_3_days, users, orgs):
    idle = UserFactory(email="idle@danvan.local")
    MembershipFactory(user=idle, organization=OrganizationFactory(parent=orgs["TN.SXD"]), role=Role.VIEWER)
    send_digests()
    [message] = _mail_to(users["unit"])
    assert report_due_in_3_days.period.label in message.body
    assert f"{report_due_in_3_days.effective_due:%d/%m/%Y}" in message.body
    assert not _mail_to(idle)


def test_a_second_run_the_same_day_sends_nothing(report_due_in_3_days, users):
    first = send_digests()
    assert first >= 1
    assert send_digests() == 0
    assert len(_mail_to(users["unit"])) == 1


def test_the_next_day_sends_again(report_due_in_3_days, users):
    today = timezone.localdate()
    send_digests(today)
    send_digests(today + dt.timedelta(days=1))
    assert len(_mail_to(users["unit"])) == 2


def test_a_report_sent_leaves_the_digest(report_due_in_3_days, orgs, users):
    report = reporting.start_report(report_due_in_3_days, orgs["TN.SXD.QLXD"], by=users["unit"])
    reporting.edit_narrative(report, results="Kết quả", limits="", proposals="", by=users["unit"])
    reporting.take_step(report, "submit", by=users["unit"])
    send_digests()
    assert all(report_due_in_3_days.period.label not in m.body for m in _mail_to(users["unit"]))


def test_the_command_runs_it_by_hand(report_due_in_3_days, capsys):
    call_command("send_digests")
    assert "digests_sent=" in capsys.readouterr().out
    call_command("send_digests")
    assert "digests_sent=0" in capsys.readouterr().out


def test_the_scheduler_knows_the_daily_job():
    from core import scheduler

    scheduler.discover()
    job = scheduler.JOBS["send-digests"]
    assert job.task.module_path == "progress.tasks.send_daily_digests"
