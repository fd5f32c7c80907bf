"""The yearly staff conference: held within 3 months after the year ends, attended by two thirds of the
roster, its resolution adopted by more than half of those present; optional with 7 staff or fewer."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from democracy import services
from democracy.services import ConferenceStatus, conference_deadline, conference_status, is_late_conference
from democracy.tests.factories import conference, small_unit

TODAY = dt.date(2025, 12, 1)


def test_the_conference_on_last_years_work_is_due_by_the_end_of_march():
    assert conference_deadline(2024) == dt.date(2025, 3, 31)
    # 31/03/2024 was a Sunday: the deadline moves to the next working day.
    assert conference_deadline(2023) == dt.date(2024, 4, 1)


def test_a_conference_in_april_is_late(orgs, users):
    meeting = conference(orgs["TN.SXD.TTKD"], users["focal"], date=dt.date(2025, 4, 10), work_year=2024)
    assert is_late_conference(meeting)
    assert conference_status(orgs["TN.SXD.TTKD"], 2024, today=TODAY) is ConferenceStatus.LATE


def test_a_conference_in_march_is_on_time(orgs, users):
    meeting = conference(orgs["TN.SXD.TTKD"], users["focal"], date=dt.date(2025, 3, 20), work_year=2024)
    assert not is_late_conference(meeting)
    assert conference_status(orgs["TN.SXD.TTKD"], 2024, today=TODAY) is ConferenceStatus.HELD


def test_a_unit_of_seven_staff_without_a_conference_is_not_flagged(orgs):
    unit = small_unit(orgs["TN.SXD"], "TN.SXD.NHO", staff=7)
    status = conference_status(unit, 2024, today=TODAY)
    assert status is ConferenceStatus.OPTIONAL and not status.flagged


def test_a_unit_of_eight_staff_without_a_conference_is_flagged_once_the_deadline_passed(orgs):
    unit = small_unit(orgs["TN.SXD"], "TN.SXD.VUA", staff=8)
    assert conference_status(unit, 2024, today=dt.date(2025, 3, 1)) is ConferenceStatus.PENDING
    status = conference_status(unit, 2024, today=TODAY)
    assert status is ConferenceStatus.MISSING and status.flagged


def test_two_thirds_of_the_roster_make_the_quorum(orgs, users):
    unit = small_unit(orgs["TN.SXD"], "TN.SXD.Q9", staff=9)
    assert services.vote_of(conference(unit, users["focal"], date=dt.date(2025, 3, 3), present=6)).quorum
    assert not services.vote_of(conference(unit, users["focal"], date=dt.date(2025, 3, 4), present=5)).quorum


def test_a_resolution_without_the_quorum_is_refused(orgs, users):
    unit = small_unit(orgs["TN.SXD"], "TN.SXD.Q9", staff=9)
    with pytest.raises(ValidationError, match="hai phần ba|two thirds"):
        conference(unit, users["focal"], date=dt.date(2025, 3, 3), present=5, votes_for=5)


def test_a_resolution_needs_more_than_half_of_those_present(orgs, users):
    unit = small_unit(orgs["TN.SXD"], "TN.SXD.Q9", staff=9)
    half = conference(unit, users["focal"], date=dt.date(2025, 3, 3), present=8, votes_for=4)
    more = conference(unit, users["focal"], date=dt.date(2025, 3, 4), present=8, votes_for=5)
    assert not services.vote_of(half).adopted and services.vote_of(more).adopted


def test_more_votes_than_attendees_are_refused(orgs, users):
    unit = small_unit(orgs["TN.SXD"], "TN.SXD.Q9", staff=9)
    with pytest.raises(ValidationError):
        conference(unit, users["focal"], date=dt.date(2025, 3, 3), present=6, votes_for=7)


def test_attendees_come_from_the_roster_of_the_organization(orgs, users):
    unit = small_unit(orgs["TN.SXD"], "TN.SXD.Q9", staff=9)
    stranger = services.roster(orgs["TN.SVHTTDL.TV"], dt.date(2025, 3, 3)).first()
    from democracy.models import Meeting, MeetingKind

    with pytest.raises(ValidationError):
        services.save_meeting(Meeting(organization=unit, kind=MeetingKind.STAFF_CONFERENCE, work_year=2024,
                                      date=dt.date(2025, 3, 3), title="Hội nghị"), attendees=[stranger],
                              by=users["focal"])


def test_the_roster_counted_is_the_one_on_the_conference_date(orgs, users):
    meeting = conference(orgs["TN.SXD.QLXD"], users["focal"], date=dt.date(2025, 3, 3))
    assert meeting.roster_size == services.roster(orgs["TN.SXD.QLXD"], dt.date(2025, 3, 3)).count() > 0
