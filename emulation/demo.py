"""Demo emulation data for the year under way (`danvan load_demo`): Tây Ninh's "Dân vận khéo" movement, Sở Xây
dựng's good models and exemplary people at each step of the workflow, and their commendations. Idempotent:
organizations are found by code, records by their name and year."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from core.history import acting_as
from emulation.models import (
    Award,
    AwardType,
    Commendation,
    Exemplar,
    ExemplarKind,
    ExemplarStatus,
    Field,
    Movement,
)
from orgs.models import Organization, StaffMember

MOVEMENT = "Phong trào thi đua “Dân vận khéo”"
# (unit code, kind, name, field, status, description, results, commendation: (award, number, month) or None)
EXEMPLARS = [
    ("TN.SXD.QLXD", ExemplarKind.MODEL, "Mô hình “Một cửa, một lần hẹn” cấp phép xây dựng", Field.ECONOMY,
     ExemplarStatus.COMMENDED, "Hướng dẫn người dân hoàn thiện hồ sơ cấp phép xây dựng ngay tại bộ phận một cửa, "
     "hẹn trả kết quả một lần.", "98% hồ sơ giải quyết đúng hạn; không có hồ sơ phải bổ sung lần hai.",
     (Award.CERTIFICATE, "45/QĐ-SXD", 6)),
    ("TN.SXD.HTKT", ExemplarKind.MODEL, "Mô hình “Lắng nghe ý kiến người dân về hạ tầng đô thị”",
     Field.CULTURE_SOCIETY, ExemplarStatus.APPROVED, "Tiếp nhận phản ánh của người dân về chiếu sáng, thoát nước qua "
     "Zalo và xử lý trong 48 giờ.", "312 phản ánh được xử lý, 96% trong 48 giờ.", None),
    ("TN.SXD.NBDS", ExemplarKind.MODEL, "Mô hình “Công khai thông tin nhà ở xã hội”", Field.ECONOMY,
     ExemplarStatus.REVIEWED, "Công khai danh sách dự án, điều kiện mua, thuê nhà ở xã hội tại trụ sở và trên "
     "cổng thông tin.", "1.200 lượt người dân được hướng dẫn.", None),
    ("TN.SXD.QHKT", ExemplarKind.MODEL, "Mô hình “Quy hoạch minh bạch, người dân cùng tham gia”",
     Field.POLITICAL_SYSTEM, ExemplarStatus.NOMINATED, "Lấy ý kiến cộng đồng dân cư về đồ án quy hoạch qua hội nghị "
     "và phiếu khảo sát.", "5 đồ án lấy ý kiến, 860 phiếu góp ý.", None),
    ("TN.SVHTTDL.TV", ExemplarKind.MODEL, "Mô hình “Tủ sách cộng đồng ở ấp”", Field.CULTURE_SOCIETY,
     ExemplarStatus.COMMENDED, "Luân chuyển sách về các ấp vùng biên, phối hợp đoàn thanh niên tổ chức đọc sách.",
     "24 tủ sách, 6.000 lượt mượn.", (Award.CERTIFICATE, "112/QĐ-SVHTTDL", 9)),
]
# (unit code, status): exemplary people, one a unit, the unit's first staff member.
PEOPLE = [("TN.SXD.VP", ExemplarStatus.COMMENDED, (Award.EMULATION_FIGHTER_GRASSROOTS, "50/QĐ-SXD", 7)),
          ("TN.SXD.TTKD", ExemplarStatus.DRAFT, None)]


def load(year: int | None = None) -> str:
    today = timezone.localdate()
    year = year or today.year
    orgs = {org.code: org for org in Organization.objects.filter(code__startswith="TN")}
    created = 0
    with transaction.atomic(), acting_as(None):
        movement, _new = Movement.objects.get_or_create(
            organization=orgs["TN"], year=year, name=MOVEMENT,
            defaults={"description": "Thực hiện công tác dân vận chính quyền; nhân rộng mô hình, điển hình "
                                     "“Dân vận khéo” trong các cơ quan, đơn vị."})
        rows = list(EXEMPLARS)
        for code, status, commendation in PEOPLE:
            person = StaffMember.objects.filter(organization=orgs[code]).order_by("sort_key", "pk").first()
            if person is None:
                continue
            rows.append((code, ExemplarKind.PERSON, person.full_name, "", status,
                         f"{person.position} {person.full_name}: tận tụy phục vụ người dân, không để hồ sơ trễ hạn.",
                         "Hoàn thành xuất sắc nhiệm vụ; được người dân gửi thư cảm ơn.", commendation, person))
        for row in rows:
            code, kind, name, field, status, description, results, commendation = row[:8]
            person = row[8] if len(row) > 8 else None
            recognised = status in (ExemplarStatus.APPROVED, ExemplarStatus.COMMENDED)
            month = commendation[2] if commendation else 5
            day = min(dt.date(year, month, 15), today)
            exemplar, new = Exemplar.objects.get_or_create(
                organization=orgs[code], year=year, name=name,
                defaults={"movement": movement, "kind": kind, "person": person, "field": field, "status": status,
                          "description": description, "results": results,
                          "recognised_on": day if recognised else None})
            created += new
            if commendation and new:
                award, number, _month = commendation
                Commendation.objects.create(
                    organization=exemplar.organization, exemplar=exemplar, recipient=name, award=award,
                    award_type=AwardType.MOVEMENT, decision_number=number, decision_date=day)
    return f"{created} exemplars for {year}"
