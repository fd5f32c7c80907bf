"""The rules of grassroots democracy in an agency: the disclosures' timing, the conference's quorum and
majority, its yearly deadline, the inspection board's size and term. Views, API and demo call these."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.access import can
from core.history import acting_as
from core.periods import Period, add_days, deadline, next_working_day
from democracy.models import (
    POSTED_METHODS,
    BoardActivity,
    Disclosure,
    FollowUpAction,
    InspectionBoard,
    Meeting,
    MeetingKind,
)
from democracy.rules import rules_on
from orgs.models import Organization, StaffMember

# Disclosures


def disclosure_due(decision_date: dt.date) -> dt.date:
    """The last day to disclose a decision: the 5th working day after it (weekends and holidays skipped)."""
    return deadline(decision_date, rules_on(decision_date).disclosure_working_days, working=True)


def minimum_posting_end(disclosure: Disclosure) -> dt.date | None:
    """The first day a posting may come down (20 consecutive days, both ends counted); None for a method
    that is not a posting (a conference, a written notice)."""
    if disclosure.method not in POSTED_METHODS:
        return None
    return add_days(disclosure.posted_from, rules_on(disclosure.decision_date).posting_days - 1)


def save_disclosure(disclosure: Disclosure, *, by) -> Disclosure:
    _check_change(by, disclosure, _("You may not record disclosures of this organization."))
    if disclosure.decision_date and disclosure.posted_from:
        disclosure.due_date = disclosure_due(disclosure.decision_date)
        disclosure.min_posted_to = minimum_posting_end(disclosure)
    disclosure.full_clean(exclude=["created_by", "due_date"])
    with transaction.atomic(), acting_as(by):
        if not disclosure.pk:
            disclosure.created_by = by
        disclosure.save()
    return disclosure


def delete_disclosure(disclosure: Disclosure, *, by) -> None:
    _check_change(by, disclosure, _("You may not delete this disclosure."))
    with transaction.atomic(), acting_as(by):
        disclosure.delete()


def _check_change(by, record, message: str) -> None:
    """`by` may change the record's organization (and, for a change, the record as it was)."""
    if not can(by, "change", record.organization):
        raise PermissionDenied(message)
    if record.pk:
        original = type(record).objects.select_related("organization").get(pk=record.pk)
        if not can(by, "change", original.organization):
            raise PermissionDenied(message)


# Meetings


def roster(organization: Organization, day: dt.date):
    """The staff of the organization and the units below it on `day`: whom a conference counts."""
    return (StaffMember.objects.filter(organization__path__startswith=organization.path).active_on(day)
            .select_related("organization").order_by("organization__path", "sort_key", "pk"))


@dataclass(frozen=True)
class Vote:
    present: int
    roster: int
    votes_for: int | None
    day: dt.date

    @property
    def quorum(self) -> bool:
        """At least two thirds of the staff attend (Đ.52)."""
        rules = rules_on(self.day)
        return self.roster > 0 and self.present >= rules.quorum * self.roster

    @property
    def adopted(self) -> bool:
        """More than half of those present vote for the resolution."""
        rules = rules_on(self.day)
        return self.votes_for is not None and self.votes_for > rules.majority * self.present


def vote_of(meeting: Meeting, present: int | None = None) -> Vote:
    if present is None:
        present = meeting.attendees.count()
    return Vote(present, meeting.roster_size, meeting.votes_for, meeting.date)


def conference_deadline(work_year: int) -> dt.date:
    """The yearly conference reviewing `work_year` is held within 3 months after that year ends; a last day
    that is a day off moves to the next working day."""
    months = rules_on(dt.date(work_year + 1, 1, 1)).conference_months
    last = dt.date(work_year + 1, months + 1, 1) - dt.timedelta(days=1)
    return next_working_day(last)


def is_late_conference(meeting: Meeting) -> bool:
    return (meeting.kind == MeetingKind.STAFF_CONFERENCE and meeting.work_year is not None
            and meeting.date > conference_deadline(meeting.work_year))


def _check_attendees(meeting: Meeting, attendees: list[StaffMember]) -> None:
    allowed = set(roster(meeting.organization, meeting.date).values_list("pk", flat=True))
    outside = [person.full_name for person in attendees if person.pk not in allowed]
    if outside:
        raise ValidationError({"attendees": _("Not on the roster of %(org)s on %(date)s: %(names)s.") % {
            "org": meeting.organization, "date": f"{meeting.date:%d/%m/%Y}", "names": ", ".join(outside)}})


def save_meeting(meeting: Meeting, *, attendees: Iterable[StaffMember] = (), by) -> Meeting:
    """Record a conference or a dialogue. A conference's attendees come from the roster; its resolution
    stands only with the quorum and is adopted only by more than half of those present."""
    _check_change(by, meeting, _("You may not record meetings of this organization."))
    attendees = list(attendees)
    meeting.full_clean(exclude=["created_by", "attendees"])
    if meeting.kind == MeetingKind.STAFF_CONFERENCE and not meeting.work_year:
        raise ValidationError({"work_year": _("Say which year's work the conference reviews.")})
    if meeting.is_conference:
        _check_attendees(meeting, attendees)
        meeting.roster_size = roster(meeting.organization, meeting.date).count()
        vote = Vote(len(attendees), meeting.roster_size, meeting.votes_for, meeting.date)
        if meeting.votes_for is not None or meeting.votes_against is not None:
            if not vote.quorum:
                raise ValidationError({"attendees": _(
                    "No quorum: %(present)s of %(roster)s staff attended; at least two thirds must attend for "
                    "the conference to adopt a resolution.") % {"present": vote.present, "roster": vote.roster}})
            if (meeting.votes_for or 0) + (meeting.votes_against or 0) > vote.present:
                raise ValidationError({"votes_for": _("More votes than attendees (%(present)s).") % {
                    "present": vote.present}})
    else:
        meeting.roster_size = 0
    with transaction.atomic(), acting_as(by):
        if not meeting.pk:
            meeting.created_by = by
        meeting.save()
        meeting.attendees.set(attendees if meeting.is_conference else [])
    return meeting


def delete_meeting(meeting: Meeting, *, by) -> None:
    _check_change(by, meeting, _("You may not delete this meeting."))
    with transaction.atomic(), acting_as(by):
        meeting.delete()


def save_action(action: FollowUpAction, *, by) -> FollowUpAction:
    """A follow-up action is set by the meeting's organization; its owner unit reports it done."""
    if action.pk:
        if not can(by, "change", FollowUpAction.objects.get(pk=action.pk)):
            raise PermissionDenied(_("You may not change this follow-up action."))
    elif not can(by, "change", action.meeting.organization):
        raise PermissionDenied(_("You may not add follow-up actions to this meeting."))
    action.full_clean()
    if not action.owner_unit.path.startswith(action.meeting.organization.path):
        raise ValidationError({"owner_unit": _("The responsible unit must belong to %(org)s.") % {
            "org": action.meeting.organization}})
    if action.owner_id and not action.owner.organization.path.startswith(action.owner_unit.path):
        raise ValidationError({"owner": _("%(name)s is not on the roster of %(unit)s.") % {
            "name": action.owner, "unit": action.owner_unit}})
    with transaction.atomic(), acting_as(by):
        action.save()
    return action


def delete_action(action: FollowUpAction, *, by) -> None:
    if not can(by, "change", action.meeting.organization):
        raise PermissionDenied(_("You may not delete this follow-up action."))
    with transaction.atomic(), acting_as(by):
        action.delete()


class ConferenceStatus(StrEnum):
    HELD = "held"
    LATE = "late"  # held after the deadline
    MISSING = "missing"  # required, the deadline passed, none held
    PENDING = "pending"  # required, not held yet, the deadline still ahead
    OPTIONAL = "optional"  # 7 staff or fewer: the law makes it optional, none held

    @property
    def flagged(self) -> bool:
        return self in (ConferenceStatus.LATE, ConferenceStatus.MISSING)


def conference_status(organization: Organization, work_year: int, *, today: dt.date) -> ConferenceStatus:
    """Whether the organization held the yearly conference reviewing `work_year`, and on time."""
    due = conference_deadline(work_year)
    held = (Meeting.objects.filter(organization=organization, kind=MeetingKind.STAFF_CONFERENCE,
                                   work_year=work_year).order_by("date").values_list("date", flat=True).first())
    if held is not None:
        return ConferenceStatus.HELD if held <= due else ConferenceStatus.LATE
    staff = roster(organization, min(today, due)).count()
    if staff <= rules_on(due).optional_up_to_staff:
        return ConferenceStatus.OPTIONAL
    return ConferenceStatus.MISSING if today > due else ConferenceStatus.PENDING


# The people's inspection board


def term_end(elected_on: dt.date) -> dt.date:
    years = rules_on(elected_on).board_term_years
    try:
        anniversary = elected_on.replace(year=elected_on.year + years)
    except ValueError:  # elected on 29 February
        anniversary = dt.date(elected_on.year + years, 3, 1)
    return anniversary - dt.timedelta(days=1)


def save_board(board: InspectionBoard, *, members: Iterable[StaffMember], by) -> InspectionBoard:
    """A board of 3 to 9 members from the agency's roster, for a 2-year term; none with 7 staff or fewer."""
    _check_change(by, board, _("You may not record the inspection board of this organization."))
    members = list(members)
    if board.elected_on:
        board.term_end = term_end(board.elected_on)
    board.full_clean(exclude=["members", "term_end"])
    rules = rules_on(board.elected_on)
    staff = roster(board.organization, board.elected_on)
    if staff.count() <= rules.optional_up_to_staff:
        raise ValidationError(_("%(org)s has %(count)s staff: a people's inspection board is formed only with "
                                "more than %(limit)s.") % {"org": board.organization, "count": staff.count(),
                                                           "limit": rules.optional_up_to_staff})
    if not rules.board_min <= len(members) <= rules.board_max:
        raise ValidationError({"members": _("A board has %(min)s to %(max)s members; %(count)s chosen.") % {
            "min": rules.board_min, "max": rules.board_max, "count": len(members)}})
    allowed = set(staff.values_list("pk", flat=True))
    outside = [person.full_name for person in members if person.pk not in allowed]
    if outside:
        raise ValidationError({"members": _("Not on the roster of %(org)s: %(names)s.") % {
            "org": board.organization, "names": ", ".join(outside)}})
    if board.head_id and board.head not in members:
        raise ValidationError({"head": _("The head must be one of the members.")})
    with transaction.atomic(), acting_as(by):
        board.save()
        board.members.set(members)
    return board


def delete_board(board: InspectionBoard, *, by) -> None:
    _check_change(by, board, _("You may not delete this board."))
    with transaction.atomic(), acting_as(by):
        board.delete()


def save_activity(activity: BoardActivity, *, by) -> BoardActivity:
    if not can(by, "change", activity.board.organization):
        raise PermissionDenied(_("You may not record this board's work."))
    activity.full_clean()
    if activity.period:
        try:
            Period.from_key(activity.period)
        except ValueError as exc:
            raise ValidationError({"period": str(exc)}) from None
    if activity.addressed_to_id and not activity.addressed_to.path.startswith(activity.board.organization.path):
        raise ValidationError({"addressed_to": _("The recommendation goes to a unit of %(org)s.") % {
            "org": activity.board.organization}})
    with transaction.atomic(), acting_as(by):
        activity.save()
    return activity


def units_roster(units: Iterable[Organization], day: dt.date) -> list[StaffMember]:
    """Everyone on the roster of the given units (and below them) on `day`: a bulk pick of attendees."""
    people: list[StaffMember] = []
    for unit in units:
        people += list(roster(unit, day))
    return people
