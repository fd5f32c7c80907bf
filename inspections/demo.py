"""Demo inspections and public index scores (`danvan load_demo`) for the year under way: Sở Xây dựng's inspection
of how a unit carried out the plan (concluded, a violation handled, a remedy due) and of staff discipline (under
way, a violation open that holds its person's nomination); Tây Ninh's public indices over five years. Idempotent:
organizations by code, inspections by title, scores by organization, index and year."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from core.history import acting_as
from inspections.models import (
    Finding,
    Handling,
    IndexScore,
    Inspection,
    InspectionKind,
    InspectionStatus,
    PublicIndex,
    Remedy,
)
from orgs.models import Organization, StaffMember

# index -> the scores of the last five years (oldest first) and the ranks among the 34 provinces.
PROVINCE_SCORES = {
    PublicIndex.PAR: ([84.12, 85.30, 86.05, 87.41, 88.20], [28, 25, 22, 18, 15]),
    PublicIndex.PCI: ([64.20, 65.05, 66.10, 67.35, 68.02], [24, 22, 20, 16, 14]),
    PublicIndex.PAPI: ([42.10, 42.75, 43.20, 43.05, 44.10], [30, 27, 26, 27, 21]),
    PublicIndex.SIPAS: ([82.10, 83.40, 84.90, 85.60, 86.75], [26, 23, 21, 19, 17]),
    PublicIndex.ICT: ([0.52, 0.56, 0.61, 0.64, 0.69], [31, 29, 25, 22, 19]),
}
# The province's department-level DDCI of Sở Xây dựng (ranked among the province's departments).
AGENCY_DDCI = ("TN.SXD", [71.5, 73.2, 72.8, 75.9, 78.4], [12, 10, 11, 7, 5])


def load(year: int | None = None) -> str:
    today = timezone.localdate()
    year = year or today.year
    orgs = {org.code: org for org in Organization.objects.filter(code__startswith="TN")}
    years = list(range(year - 4, year + 1))
    with transaction.atomic(), acting_as(None):
        scores = 0
        for index, (values, ranks) in PROVINCE_SCORES.items():
            for y, value, rank in zip(years, values, ranks, strict=True):
                scores += _score(orgs["TN"], index, y, value, rank, 34)
        code, values, ranks = AGENCY_DDCI
        for y, value, rank in zip(years, values, ranks, strict=True):
            scores += _score(orgs[code], PublicIndex.DDCI, y, value, rank, 20)
        inspections = _inspections(orgs, year, today)
    return f"{inspections} inspections, {scores} index scores for {years[0]}–{year}"


def _score(org, index, year, value, rank, among) -> int:
    _score, new = IndexScore.objects.get_or_create(organization=org, index=index, year=year, defaults={
        "score": Decimal(str(value)), "rank": rank, "ranked_among": among, "source": "Công bố của Bộ Nội vụ"})
    return int(new)


def _inspections(orgs, year: int, today: dt.date) -> int:
    sxd, unit = orgs["TN.SXD"], orgs["TN.SXD.HTKT"]
    start = dt.date(year, 1, 1)
    plan_check, new = Inspection.objects.get_or_create(
        organization=sxd, subject=unit, title=f"Kiểm tra việc thực hiện Kế hoạch công tác dân vận chính quyền năm "
                                               f"{year} tại Phòng Hạ tầng kỹ thuật",
        defaults={"kind": InspectionKind.PLAN_IMPLEMENTATION, "decision_number": "12/QĐ-SXD",
                  "scope": "Việc triển khai kế hoạch, tiếp nhận và xử lý phản ánh của người dân, công khai thủ tục.",
                  "team": "Trần Văn Hùng, Chánh Văn phòng, Trưởng đoàn\nVõ Văn Dũng, Trưởng ban TTND, thành viên",
                  "period_start": start, "period_end": min(dt.date(year, 6, 30), today),
                  "status": InspectionStatus.CONCLUDED, "concluded_on": min(dt.date(year, 7, 20), today),
                  "conclusion": "Đơn vị triển khai kế hoạch đầy đủ; còn chậm trả lời 3 phản ánh của người dân."})
    if new:
        late = Finding.objects.create(inspection=plan_check, is_violation=True, handling=Handling.REMINDED,
                                      text="Chậm trả lời 3 phản ánh của người dân về chiếu sáng công cộng.",
                                      handling_note="Nhắc nhở tại cuộc họp giao ban.",
                                      closed_on=min(dt.date(year, 8, 1), today))
        Remedy.objects.create(inspection=plan_check, finding=late, owner=unit,
                              action="Xây dựng quy trình tiếp nhận, trả lời phản ánh trong 5 ngày làm việc.",
                              due_date=today + dt.timedelta(days=5))
        Remedy.objects.create(inspection=plan_check, owner=unit, action="Báo cáo kết quả khắc phục về Văn phòng Sở.",
                              due_date=today - dt.timedelta(days=3))
    discipline, new_discipline = Inspection.objects.get_or_create(
        organization=sxd, subject=orgs["TN.SXD.TTKD"], title=f"Kiểm tra công vụ năm {year} tại Trung tâm Quy hoạch "
                                                              f"và Kiểm định xây dựng",
        defaults={"kind": InspectionKind.STAFF_DISCIPLINE, "decision_number": "20/QĐ-SXD",
                  "scope": "Việc chấp hành giờ giấc, thái độ tiếp dân, quy tắc ứng xử.",
                  "team": "Trần Văn Hùng, Chánh Văn phòng, Trưởng đoàn",
                  "period_start": start, "period_end": min(dt.date(year, 10, 31), today)})
    if new_discipline:
        person = StaffMember.objects.filter(organization=orgs["TN.SXD.TTKD"]).order_by("sort_key", "pk").first()
        Finding.objects.create(inspection=discipline, is_violation=True, person=person, handling=Handling.PENDING,
                               text="Có phản ánh của người dân về thái độ khi hướng dẫn hồ sơ; đang xác minh.")
    return int(new) + int(new_discipline)
