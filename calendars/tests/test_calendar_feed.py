"""Each user's deadlines as an iCalendar feed at a secret address: read back with the `icalendar`
package, it holds the user's open deadlines as all-day events with stable UIDs, Vietnamese summaries
and absolute links, and nothing of another user's; a revoked or replaced link answers 404."""

import datetime as dt

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from calendars import services
from calendars.models import CalendarFeed
from core.history import object_history
from orgs.models import Role
from orgs.tests.factories import MembershipFactory, OrganizationFactory, UserFactory
from progress.reporting_models import ReportingPeriod, ReportLevel

pytestmark = pytest.mark.django_db

SITE = "https://danvan.example.gov.vn"


@pytest.fixture
def report_due(orgs):
    """Tây Ninh's units owe their 2024 annual report in 10 days (Sở Xây dựng's 2024 plan charges QLXD)."""
    return ReportingPeriod.objects.create(
        province=orgs["TN"], year=2024, kind="year", level=ReportLevel.UNIT, data_start=dt.date(2023, 12, 15),
        data_end=dt.date(2024, 12, 14), cut_off=dt.date(2024, 12, 14),
        due_date=timezone.localdate() + dt.timedelta(days=10))


def _read(client, feed):
    response = client.get(reverse("calendars:feed", args=[feed.token]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def _events(cal):
    return [component for component in cal.walk("VEVENT")]


@override_settings(SITE_URL=SITE)
def test_the_feed_holds_the_users_deadlines_and_no_one_elses(client, users, report_due):
    feed = services.make_link(users["unit"])
    other = services.make_link(users["other-focal"])
    client.logout()  # no login: the token is the key
    events = _events(_read(client, feed))
    summaries = [str(event["SUMMARY"]) for event in events]
    assert any("Phòng Quản lý hoạt động xây dựng" in s or "QLHĐXD" in s for s in summaries), summaries
    report_event = next(event for event in events if report_due.period.label in str(event["SUMMARY"]))
    # Vietnamese, all day, a link to the item on the site's address, a UID that names the deadline.
    assert str(report_event["SUMMARY"]).startswith("Báo cáo định kỳ")
    assert report_event.decoded("DTSTART") == report_due.effective_due
    assert report_event.decoded("DTEND") == report_due.effective_due + dt.timedelta(days=1)
    assert report_event["DTSTART"].params.get("VALUE") == "DATE"
    assert str(report_event["URL"]) == f"{SITE}{report_due.get_absolute_url()}"
    assert str(report_event["UID"]).endswith("@danvan.example.gov.vn")
    # Sở Văn hóa's focal office reports nothing for Sở Xây dựng's units and is charged by no 2024 plan.
    other_summaries = [str(event["SUMMARY"]) for event in _events(_read(client, other))]
    assert not set(summaries) & set(other_summaries)
    assert not any("Xây dựng" in s or "QLHĐXD" in s for s in other_summaries)


def test_uids_are_the_same_from_one_reading_to_the_next(client, users, report_due):
    feed = services.make_link(users["unit"])
    first = sorted(str(event["UID"]) for event in _events(_read(client, feed)))
    second = sorted(str(event["UID"]) for event in _events(_read(client, feed)))
    assert first and first == second
    assert len(set(first)) == len(first)


def test_a_user_with_nothing_due_gets_an_empty_calendar(client, orgs):
    idle = UserFactory()
    MembershipFactory(user=idle, organization=OrganizationFactory(parent=orgs["TN.SXD"]), role=Role.VIEWER)
    cal = _read(client, services.make_link(idle))
    assert cal["X-WR-CALNAME"]
    assert _events(cal) == []


def test_a_revoked_link_answers_404(client, users, report_due):
    feed = services.make_link(users["unit"])
    url = reverse("calendars:feed", args=[feed.token])
    assert client.get(url).status_code == 200
    assert services.revoke_link(users["unit"])
    assert client.get(url).status_code == 404
    assert not CalendarFeed.objects.filter(user=users["unit"]).exists()


def test_a_new_link_replaces_the_old_one(client, users):
    old = services.make_link(users["unit"]).token
    new = services.make_link(users["unit"]).token
    assert old != new
    assert client.get(reverse("calendars:feed", args=[old])).status_code == 404
    assert client.get(reverse("calendars:feed", args=[new])).status_code == 200


def test_tokens_are_long_and_random_and_a_guess_finds_nothing(client, users):
    tokens = {services.make_link(users[name]).token for name in ("unit", "focal", "leader")}
    assert len(tokens) == 3 and all(len(token) == 43 for token in tokens)
    assert client.get(reverse("calendars:feed", args=["A" * 43])).status_code == 404
    # Anything but a 43-character token is not even a feed address.
    assert client.get("/calendar/short.ics").status_code == 404


def test_an_inactive_users_link_answers_404(client, users):
    feed = services.make_link(users["unit"])
    users["unit"].is_active = False
    users["unit"].save()
    assert client.get(reverse("calendars:feed", args=[feed.token])).status_code == 404


def test_the_page_makes_shows_and_revokes_the_link_and_history_records_it(client_for, users):
    client = client_for("unit")
    page = reverse("calendars:calendar")
    assert ".ics" not in client.get(page).content.decode()
    client.post(page, {"action": "make"})
    feed = CalendarFeed.objects.get(user=users["unit"])
    assert services.feed_url(feed) in client.get(page).content.decode()
    history = object_history(feed)
    assert history.entries
    assert feed.token not in str([entry.changes for entry in history.entries])
    client.post(page, {"action": "revoke"})
    assert not CalendarFeed.objects.filter(user=users["unit"]).exists()


def test_the_page_shows_only_the_users_own_link(client_for, users):
    unit_feed = services.make_link(users["unit"])
    body = client_for("focal").get(reverse("calendars:calendar")).content.decode()
    assert unit_feed.token not in body


def test_calendar_programs_are_told_how_often_to_read_it_again(client, users):
    response = client.get(reverse("calendars:feed", args=[services.make_link(users["unit"]).token]))
    cal = Calendar.from_ical(response.content)
    assert cal.decoded("REFRESH-INTERVAL") == dt.timedelta(hours=6)
    assert b"X-PUBLISHED-TTL:PT6H" in response.content
    assert cal["METHOD"] == "PUBLISH" and cal["VERSION"] == "2.0"
    assert response["Cache-Control"] == "private, no-store"
