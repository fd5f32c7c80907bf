"""Records of the democracy registers, made through the services by the focal office of Sở Xây dựng."""

from __future__ import annotations

import datetime as dt

from democracy import services
from democracy.models import Disclosure, DisclosureMethod, DisclosureSubject, Meeting, MeetingKind
from orgs.models import Organization, StaffMember


def disclosure(org: Organization, by, *, decided: dt.date, posted_from: dt.date, posted_to: dt.date | None = None,
               method=DisclosureMethod.NOTICE_BOARD, title="Kế hoạch công tác năm") -> Disclosure:
    return services.save_disclosure(Disclosure(
        organization=org, subject=DisclosureSubject.WORK_PLAN, title=title, decision="12/QĐ-SXD",
        decision_date=decided, method=method, posted_from=posted_from, posted_to=posted_to), by=by)


def conference(org: Organization, by, *, date: dt.date, work_year: int | None = None, present: int | None = None,
               votes_for: int | None = None, kind=MeetingKind.STAFF_CONFERENCE, title="Hội nghị CBCCVC") -> Meeting:
    """A conference attended by the first `present` people of the roster (everyone when None)."""
    staff = list(services.roster(org, date))
    attendees = staff if present is None else staff[:present]
    return services.save_meeting(Meeting(
        organization=org, kind=kind, work_year=work_year if work_year is not None else date.year - 1, date=date,
        title=title, chair="Lê Quang Minh", votes_for=votes_for), attendees=attendees, by=by)


def small_unit(parent: Organization, code: str, staff: int) -> Organization:
    """An organization of `staff` people (a public service unit under the agency)."""
    unit = Organization.objects.create(code=code, name=f"Trung tâm {code}", kind="unit", parent=parent,
                                       valid_from=dt.date(2010, 1, 1))
    StaffMember.objects.bulk_create(
        StaffMember(organization=unit, full_name=f"Nhân viên {code} {i}", category="public_employee",
                    active_from=dt.date(2015, 1, 1)) for i in range(staff))
    return unit
