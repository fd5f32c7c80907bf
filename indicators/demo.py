"""Demo records behind the demo targets: a study session a year per agency (most staff attend, a few never
do), monthly dossier and satisfaction counts, and progress reports with evidence files on most assignments,
so that every computed demo target shows a value and some fall short; and Sở Xây dựng's plan for the current
year, under way, with a few targets at risk. Loaded by `danvan load_demo` (not by the test suite's demo, whose
tests count from nothing)."""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from indicators.models import MonthlyCount
from legal.models import LegalDocument
from orgs.models import Organization, StaffMember
from plans.models import Assignment, AssignmentStatus, Measure, Plan, PlanKind, PlanStatus, Target
from progress.models import ProgressUpdate
from progress.services import record_progress
from registry.services import record_issued
from training.models import StudySession

AGENCIES = ("TN.SXD", "TN.SVHTTDL", "HCM.SVHTT")
# Roughly one in ten never attends: the study targets of 100% are missed, as in real years.
NEVER_ATTENDS = 0.1
# Each agency's share of dossiers settled on time and of satisfied citizens, around which months vary.
LEVELS = {"TN.SXD": (0.95, 0.88), "TN.SVHTTDL": (0.86, 0.93), "HCM.SVHTT": (0.92, 0.91)}


def _years(agency: Organization) -> list[int]:
    years = Plan.objects.filter(organization__path__startswith=agency.path, status=PlanStatus.ISSUED)
    return sorted(set(years.values_list("year", flat=True)))


@transaction.atomic
def load() -> int:
    """Idempotent: an agency and year that already have demo records are left as they are."""
    rng = random.Random(13)
    today = timezone.localdate()
    added = _current_plan(today)
    for code in AGENCIES:
        agency = Organization.objects.filter(code=code).first()
        if agency is None:
            continue
        for year in _years(agency):
            # The year under way: fewer have studied yet, and fewer assignments are done.
            current = year == today.year
            added += _study(agency, year, rng, never=0.3 if current else NEVER_ATTENDS, today=today)
            added += _counts(agency, year, rng, today=today)
            added += _progress(agency, year, done=0.5 if current else 0.6, today=today)
    return added


def _current_plan(today: dt.date) -> int:
    """Sở Xây dựng's annual plan for the year under way, issued in March, with its targets and assignments."""
    agency = Organization.objects.filter(code="TN.SXD").first()
    if agency is None or Plan.objects.filter(organization=agency, year=today.year, kind=PlanKind.ANNUAL,
                                             revision_of__isnull=True).exists():
        return 0
    year = today.year
    plan = Plan.objects.create(
        organization=agency, year=year, number=9, symbol="KH-SXD", place="Tây Ninh",
        date=min(today, dt.date(year, 3, 20)), status=PlanStatus.ISSUED,
        title=f"Thực hiện công tác Dân vận chính quyền năm {year}",
        purposes="Triển khai thực hiện công tác dân vận trong các phòng, đơn vị thuộc Sở đồng bộ, hiệu quả.",
        recipients="Sở Nội vụ\nBan Giám đốc\nCác phòng CMNV", archive="VT, VP",
        signer_authority="KT.", signer_principal="GIÁM ĐỐC", signer_title="PHÓ GIÁM ĐỐC",
    )
    plan.basis_documents.set(LegalDocument.objects.filter(number__in=["23-QĐ/TW", "33/CT-TTg"]))
    # In the agency's register from the first load (as plans.demo enters the others), so the numbers it
    # gives next (the agency's report to the province, progress.demo) follow the plan's.
    record_issued(organization=agency, record=plan, type_code="KH", symbol=plan.symbol, title=plan.title,
                  number=plan.number, date=plan.date)
    for order, (text, kind, comparator, value, measure) in enumerate([
        ("100% cán bộ, công chức, viên chức được học tập, quán triệt các văn bản về công tác dân vận.",
         "staff_share", "gte", 100, Measure.STAFF_STUDY_RATE),
        ("100% nhiệm vụ được giao trong Kế hoạch được hoàn thành đúng tiến độ.", "unit_share", "gte", 100,
         Measure.ASSIGNMENTS_DONE_RATE),
        ("Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn đạt trên 90%.", "register_rate", "gt", 90,
         Measure.DOSSIERS_ON_TIME_RATE),
        ("Mức độ hài lòng của người dân, tổ chức đạt trên 90%.", "register_rate", "gt", 90,
         Measure.SATISFACTION_RATE),
    ], 1):
        Target.objects.create(plan=plan, order=order, text=text, kind=kind, comparator=comparator,
                              target_value=value, measure=measure, unit_of_measure="%")
    units = {o.code: o for o in Organization.objects.filter(parent=agency)}
    for order, (code, task, due) in enumerate([
        ("TN.SXD.VP", "Tham mưu tổ chức học tập, quán triệt các văn bản về công tác dân vận.", dt.date(year, 4, 30)),
        ("TN.SXD.QLXD", "Rà soát, công khai thủ tục hành chính lĩnh vực hoạt động xây dựng.", dt.date(year, 6, 30)),
        ("TN.SXD.TTR", "Kiểm tra công vụ, việc thực hiện quy tắc ứng xử của công chức.", dt.date(year, 9, 30)),
        ("TN.SXD.QHKT", "Tiếp nhận, giải quyết phản ánh, kiến nghị của người dân về quy hoạch.", dt.date(year, 12, 15)),
        ("TN.SXD.VP", "Báo cáo kết quả thực hiện công tác dân vận chính quyền năm về Sở Nội vụ.", dt.date(year, 11, 1)),
    ], 1):
        if code in units:
            Assignment.objects.create(plan=plan, order=order, lead_unit=units[code], task=task, due_date=due)
    return 1


def _reporter(agency: Organization):
    """An account of the agency's focal office, who may report progress on every assignment of its plans."""
    return get_user_model().objects.filter(
        memberships__organization__path__startswith=agency.path, memberships__role="focal").first()


def _progress(agency: Organization, year: int, *, done: float, today: dt.date) -> int:
    """A progress report with its evidence file on about four in five of the year's assignments."""
    by = _reporter(agency)
    if by is None:
        return 0
    assignments = Assignment.objects.filter(plan__organization__path__startswith=agency.path, plan__year=year,
                                            plan__status=PlanStatus.ISSUED).select_related("plan").order_by("pk")
    added = 0
    for index, assignment in enumerate(assignments):
        # Every fifth has no report yet; drawn by position (not by id, which differs between databases), so that
        # loading again skips the same ones.
        rng = random.Random(f"{year}-{index}")
        if index % 5 == 4 or ProgressUpdate.objects.filter(assignment=assignment).exists():
            continue
        finished = rng.random() < done
        day = min(today, dt.date(year, rng.randint(4, 10), rng.randint(1, 28)))
        evidence = ContentFile(b"%PDF-1.4\n%% minh chung " + str(assignment.pk).encode() + b"\n%%EOF\n",
                               name=f"minh-chung-{assignment.pk}.pdf")
        record_progress(
            assignment, date=day, by=by, evidence=[evidence],
            text="Đã hoàn thành theo kế hoạch." if finished else "Đang triển khai thực hiện.",
            percent=100 if finished else rng.choice([30, 50, 70]),
            status=AssignmentStatus.DONE if finished else AssignmentStatus.IN_PROGRESS,
        )
        added += 1
    return added


def _study(agency: Organization, year: int, rng: random.Random, *, never: float, today: dt.date) -> int:
    day = min(today, dt.date(year, 4, 16))
    title = f"Học tập, quán triệt các văn bản về công tác dân vận chính quyền năm {year}"
    if StudySession.objects.filter(organization=agency, title=title).exists():
        return 0
    # The documents that the year's plans above and below the agency cite, so that every study target counts it.
    plans = Plan.objects.filter(year=year).filter(
        Q(organization__path__startswith=agency.path) | Q(organization__in=agency.ancestor_ids))
    documents = LegalDocument.objects.filter(plans__in=plans).distinct()
    staff = list(StaffMember.objects.filter(organization__path__startswith=agency.path).active_on(
        dt.date(year, 12, 31)).order_by("pk"))
    attendees = [person for person in staff if rng.random() >= never]
    session = StudySession.objects.create(organization=agency, date=day, title=title, place="Hội trường cơ quan")
    session.documents.set(documents)
    session.attendees.set(attendees)
    return 1


def _counts(agency: Organization, year: int, rng: random.Random, *, today: dt.date) -> int:
    if MonthlyCount.objects.filter(organization=agency, month__year=year).exists():
        return 0
    on_time, satisfied = LEVELS.get(agency.code, (0.9, 0.9))
    rows = []
    # Months that have begun: the year under way has no count yet for the months to come.
    for month in range(1, 13 if year < today.year else today.month + 1):
        for measure, level in ((Measure.DOSSIERS_ON_TIME_RATE, on_time), (Measure.SATISFACTION_RATE, satisfied)):
            denominator = rng.randint(20, 60)
            share = min(1.0, max(0.0, rng.gauss(level, 0.03)))
            rows.append(MonthlyCount(organization=agency, month=dt.date(year, month, 1), measure=measure,
                                     numerator=round(denominator * share), denominator=denominator,
                                     note="Số liệu mẫu"))
    MonthlyCount.objects.bulk_create(rows)
    return len(rows)
