"""Demo data for the year under way (`danvan load_demo`): for each agency of Tây Ninh with a roster, a dozen
disclosures (a few late or taken down early), the staff conference on last year's work with its resolution and
follow-up actions, a dialogue with businesses, and the people's inspection board with its programmes, reports
and an inspection. Idempotent: an agency whose conference of the year exists is left as it is."""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.auth import get_user_model
from django.utils import timezone

from core.periods import add_working_days
from democracy import services
from democracy.models import (
    BoardActivity,
    BoardActivityKind,
    Disclosure,
    DisclosureMethod,
    DisclosureSubject,
    FollowUpAction,
    InspectionBoard,
    Meeting,
    MeetingKind,
)
from orgs.models import Organization, OrganizationKind

TITLES = {
    DisclosureSubject.WORK_PLAN: "Kế hoạch công tác tháng {month}/{year}",
    DisclosureSubject.BUDGET: "Dự toán và tình hình thực hiện ngân sách quý",
    DisclosureSubject.PERSONNEL: "Quyết định điều động, bổ nhiệm cán bộ",
    DisclosureSubject.INTERNAL_RULES: "Quy chế chi tiêu nội bộ sửa đổi",
    DisclosureSubject.ASSETS: "Kết quả kiểm kê tài sản công",
    DisclosureSubject.STAFF_OPINIONS: "Tổng hợp ý kiến cán bộ và nội dung giải trình",
}


def _disclosures(agency: Organization, year: int, today: dt.date, rng: random.Random, by) -> int:
    added = 0
    for month in range(1, 13):
        decided = dt.date(year, month, rng.randint(2, 20))
        if decided > today:
            break
        subject = rng.choice(list(TITLES))
        # Most are posted within the 5 working days; one in six late, one in eight taken down too early.
        delay = rng.randint(1, 5) if rng.random() > 1 / 6 else rng.randint(6, 9)
        posted = min(add_working_days(decided, delay), today)
        days = 19 if rng.random() < 1 / 8 else rng.randint(20, 30)
        ends = posted + dt.timedelta(days=days - 1)
        services.save_disclosure(Disclosure(
            organization=agency, subject=subject, title=TITLES[subject].format(month=f"{month:02d}", year=year),
            decision=f"{rng.randint(10, 400)}/QĐ-{agency.symbol}", decision_date=decided,
            method=rng.choice([DisclosureMethod.NOTICE_BOARD, DisclosureMethod.INTRANET]),
            place="Bảng tin trụ sở cơ quan", posted_from=posted, posted_to=ends if ends < today else None), by=by)
        added += 1
    return added


def _conference(agency: Organization, year: int, rng: random.Random, by, *, late: bool) -> Meeting:
    day = dt.date(year, 4, 9) if late else dt.date(year, 3, rng.randint(10, 25))
    staff = list(services.roster(agency, day))
    present = staff[: max(len(staff) * 9 // 10, 1)]
    meeting = services.save_meeting(Meeting(
        organization=agency, kind=MeetingKind.STAFF_CONFERENCE, work_year=year - 1, date=day,
        title=f"Hội nghị cán bộ, công chức, viên chức và người lao động năm {year}", place="Hội trường cơ quan",
        chair="Giám đốc Sở và Chủ tịch Công đoàn cơ sở",
        agenda=["head_report", "union_review", "discussion", "board_report", "board_election", "awards",
                "emulation_pledge", "resolution"],
        questions="Đề nghị bố trí thêm máy tính cho bộ phận một cửa.\nĐề nghị công khai kịp thời quy chế chi tiêu.",
        answers="Thủ trưởng tiếp thu, giao Văn phòng Sở trình phương án trong quý II.",
        resolution=f"Phấn đấu hoàn thành 100% chỉ tiêu kế hoạch năm {year}.\n"
                   "Thực hiện nghiêm quy chế dân chủ ở cơ sở, công khai đúng hạn.",
        votes_for=len(present) - 2, votes_against=1,
        review_date=dt.date(year, 7, 15) if dt.date(year, 7, 15) <= timezone.localdate() else None,
        review_notes="Sơ kết 6 tháng: đã thực hiện 5/7 nội dung nghị quyết."),
        attendees=present, by=by)
    return meeting


def _actions(meeting: Meeting, agency: Organization, today: dt.date, by) -> int:
    units = {unit.code: unit for unit in Organization.objects.filter(path__startswith=agency.path)}
    office = next((u for u in units.values() if u.is_focal_office), agency)
    # The demo's unit editor works in Phòng QLHĐXD of Sở Xây dựng: its inbox shows these.
    second = units.get(f"{agency.code}.QLXD") or next(
        (u for u in units.values() if u.kind == OrganizationKind.UNIT and not u.is_focal_office), office)
    rows = [
        ("Trình phương án bố trí máy tính cho bộ phận một cửa", office, dt.date(meeting.date.year, 6, 30), True),
        ("Niêm yết quy chế chi tiêu nội bộ sửa đổi", office, dt.date(meeting.date.year, 4, 30), True),
        ("Rà soát, rút ngắn thời gian giải quyết hồ sơ", second, today + dt.timedelta(days=5), False),
        ("Báo cáo kết quả thực hiện nghị quyết năm", second, today - dt.timedelta(days=3), False),
    ]
    for description, unit, due, done in rows:
        services.save_action(FollowUpAction(
            meeting=meeting, description=description, owner_unit=unit, due_date=due,
            done_on=min(due, today) if done else None, result="Đã hoàn thành." if done else ""), by=by)
    return len(rows)


def _dialogue(agency: Organization, year: int, today: dt.date, by) -> Meeting | None:
    day = dt.date(year, 9, 18)
    if day > today:
        return None
    meeting = services.save_meeting(Meeting(
        organization=agency, kind=MeetingKind.DIALOGUE_BUSINESSES, date=day,
        title="Đối thoại với doanh nghiệp về thủ tục hành chính", place="Hội trường cơ quan",
        participants="Đại diện 25 doanh nghiệp, Hiệp hội Doanh nghiệp tỉnh",
        questions="Thời gian cấp phép còn dài.\nHồ sơ trực tuyến bị yêu cầu bổ sung nhiều lần.",
        answers="Sở cam kết rút ngắn thời gian giải quyết và hướng dẫn một lần."), by=by)
    services.save_action(FollowUpAction(meeting=meeting, description="Công bố quy trình rút gọn cấp phép",
                                        owner_unit=agency, due_date=dt.date(year, 12, 31)), by=by)
    return meeting


def _board(agency: Organization, conference: Meeting, year: int, today: dt.date, by) -> int:
    members = list(services.roster(agency, conference.date)[:5])
    board = services.save_board(InspectionBoard(organization=agency, elected_at=conference,
                                                elected_on=conference.date, head=members[0]),
                                members=members, by=by)
    added = 1
    for quarter in range(1, 5):
        start = dt.date(year, 3 * quarter - 2, 5)
        if start > today:
            break
        for kind, subject in ((BoardActivityKind.PROGRAMME, "Chương trình công tác quý"),
                              (BoardActivityKind.REPORT, "Báo cáo kết quả giám sát quý")):
            date = start if kind == BoardActivityKind.PROGRAMME else start + dt.timedelta(days=80)
            if date <= today:
                services.save_activity(BoardActivity(board=board, kind=kind, period=f"{year}-Q{quarter}", date=date,
                                                     subject=f"{subject} {quarter}/{year}"), by=by)
                added += 1
    inspection_day = dt.date(year, 6, 12)
    if inspection_day <= today:
        office = Organization.objects.filter(path__startswith=agency.path, is_focal_office=True).first()
        services.save_activity(BoardActivity(
            board=board, kind=BoardActivityKind.INSPECTION, date=inspection_day,
            subject="Giám sát việc công khai quy chế chi tiêu nội bộ",
            findings="Quy chế được niêm yết 19 ngày, chưa đủ 20 ngày liên tục theo quy định.",
            recommendation="Niêm yết lại đủ thời gian và lưu ảnh chụp làm minh chứng.", addressed_to=office,
            response_due=dt.date(year, 6, 30), response="Văn phòng Sở đã niêm yết lại từ ngày 20/6.",
            responded_on=dt.date(year, 6, 20)), by=by)
        added += 1
    return added


def load() -> str:
    today = timezone.localdate()
    year = today.year
    by = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    if by is None:
        return "no superuser to record the demo data"
    rng = random.Random(year)
    counts = {"disclosures": 0, "meetings": 0, "actions": 0, "board records": 0}
    agencies = Organization.objects.filter(code__startswith="TN.", kind=OrganizationKind.AGENCY).active_on(today)
    for index, agency in enumerate(agencies.order_by("path")):
        if not services.roster(agency, today).exists() or Meeting.objects.filter(
                organization=agency, kind=MeetingKind.STAFF_CONFERENCE, work_year=year - 1).exists():
            continue
        counts["disclosures"] += _disclosures(agency, year, today, rng, by)
        conference = _conference(agency, year, rng, by, late=index % 3 == 2)
        counts["meetings"] += 1
        counts["actions"] += _actions(conference, agency, today, by)
        if _dialogue(agency, year, today, by):
            counts["meetings"] += 1
            counts["actions"] += 1
        counts["board records"] += _board(agency, conference, year, today, by)
    return ", ".join(f"{n} {name}" for name, n in counts.items())

