"""Demo plans: Tây Ninh's province plans for 2024 and 2025 and the agency plans of the seed documents
(ingest/tests/fixtures/seeds), entered as structured data, plus unit plans for some units (and none for others)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from simple_history.utils import bulk_create_with_history

from legal.services import register_document
from orgs.models import Organization
from plans.models import Activity, Assignment, ContentArea, Plan, PlanStatus, Recurrence, Target
from registry.services import record_issued

D = dt.date

# (number, date, issuer, title, the province whose register holds it: None for national documents)
CITED = [
    ("859/KH-UBND", D(2024, 3, 25), "UBND tỉnh Tây Ninh", "Thực hiện công tác dân vận chính quyền năm 2024", "TN"),
    ("696/KH-UBND", D(2025, 3, 6), "UBND tỉnh Tây Ninh", "Thực hiện công tác dân vận chính quyền năm 2025", "TN"),
    ("04-CTr/BDVTU-BCSĐUBND", D(2021, 10, 21), "Ban Dân vận Tỉnh ủy - Ban cán sự đảng UBND tỉnh",
     "Chương trình phối hợp về công tác dân vận giai đoạn 2021-2026", "TN"),
    ("23-QĐ/TW", D(2021, 7, 30), "Ban Chấp hành Trung ương", "Quy chế công tác dân vận của hệ thống chính trị", None),
    ("114-KL/TW", D(2015, 7, 14), "Ban Bí thư", "Nâng cao hiệu quả công tác dân vận của các cơ quan nhà nước", None),
    ("16/CT-TTg", D(2016, 5, 16), "Thủ tướng Chính phủ", "Tăng cường và đổi mới công tác dân vận", None),
    ("33/CT-TTg", D(2021, 11, 26), "Thủ tướng Chính phủ", "Tiếp tục tăng cường và đổi mới công tác dân vận", None),
    ("120-KL/TW", D(2016, 1, 7), "Bộ Chính trị", "Tăng cường và đổi mới công tác dân vận", None),
    ("10/2022/QH15", D(2022, 11, 10), "Quốc hội", "Luật Thực hiện dân chủ ở cơ sở", None),
    ("59/2023/NĐ-CP", D(2023, 8, 14), "Chính phủ", "Quy định chi tiết Luật Thực hiện dân chủ ở cơ sở", None),
    ("908/QĐ-UBND", D(2023, 4, 14), "UBND tỉnh Tây Ninh",
     "Tiêu chí đánh giá, xếp loại công tác dân vận chính quyền", "TN"),
    ("05/CT-UBND", D(2013, 6, 6), "UBND tỉnh Tây Ninh", "Tăng cường kỷ luật, kỷ cương hành chính", "TN"),
    ("04-CTr/BĐVTU-BCSĐUBNDTP", D(2022, 2, 25), "Ban Dân vận Thành ủy - Ban cán sự đảng UBND Thành phố",
     "Chương trình phối hợp thực hiện công tác dân vận chính quyền", "HCM"),
]

# A document Sở Xây dựng's focal office added to a plan, waiting for the coordinator's confirmation:
# (number, date, issuer, title, the organization that added it, the user who did).
WAITING = [
    ("12-HD/BDVTU", D(2025, 1, 20), "Ban Dân vận Tỉnh ủy", "Hướng dẫn đánh giá công tác dân vận chính quyền năm 2025",
     "TN.SXD", "focal"),
]

PURPOSES_TN = (
    "Thực hiện có hiệu quả Kế hoạch, Chương trình phối hợp của Ban Dân vận Tỉnh ủy và Ban cán sự đảng UBND tỉnh "
    "về công tác dân vận giai đoạn 2021-2026.\n"
    "Triển khai thực hiện công tác dân vận trong cơ quan hành chính nhà nước, chính quyền các cấp đồng bộ, hiệu "
    "quả; trọng tâm là phục vụ việc thực hiện các mục tiêu, nhiệm vụ phát triển kinh tế - xã hội.\n"
    "Trong tổ chức triển khai, thực hiện kế hoạch phải đảm bảo phù hợp với tình hình thực tế của đơn vị."
)

AREAS_TN = [
    ("Quán triệt, học tập các Chỉ thị, Nghị quyết của Đảng, chính sách, pháp luật của Nhà nước về công tác dân vận",
     ["Tuyên truyền, quán triệt Quyết định số 23-QĐ/TW, Kết luận số 114-KL/TW, Chỉ thị số 16/CT-TTg và Chỉ thị số "
      "33/CT-TTg đến toàn thể cán bộ, công chức, viên chức",
      "Lồng ghép nội dung công tác dân vận vào sinh hoạt chuyên môn định kỳ"]),
    ("Gắn thực hiện công tác dân vận chính quyền với đẩy mạnh cải cách hành chính",
     ["Giải quyết hồ sơ thủ tục hành chính đúng hạn, gửi thư xin lỗi khi trễ hạn",
      "Khảo sát mức độ hài lòng của người dân, tổ chức",
      "Người đứng đầu tiếp công dân định kỳ theo quy định"]),
    ("Gắn thực hiện công tác dân vận chính quyền với thực hiện dân chủ ở cơ sở",
     ["Công khai nội bộ theo Luật Thực hiện dân chủ ở cơ sở năm 2022",
      "Tổ chức Hội nghị cán bộ, công chức, viên chức năm",
      "Phát huy vai trò của Ban Thanh tra nhân dân"]),
    ("Đẩy mạnh các phong trào thi đua yêu nước, phong trào thi đua \"Dân vận khéo\"",
     ["Xây dựng, nhân rộng mô hình, điển hình \"Dân vận khéo\""]),
]


def _targets(year: int, *, province: bool) -> list[dict]:
    items = [
        dict(text="100% cán bộ, công chức, viên chức được học tập, quán triệt các Chỉ thị, Nghị quyết, chính sách "
                  "của Đảng và Nhà nước về công tác dân vận.", kind="staff_share", target_value=100,
             measure="staff_study_rate"),
        dict(text="100% cơ quan, đơn vị ban hành kế hoạch thực hiện công tác dân vận chính quyền và tổ chức thực "
                  "hiện nghiêm túc, hiệu quả." if province else
             "100% các phòng, đơn vị sự nghiệp trực thuộc Sở ban hành kế hoạch thực hiện công tác dân vận tại đơn vị.",
             kind="unit_share", target_value=100, measure="units_plan_rate"),
        dict(text="Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn đạt trên 90%.", kind="register_rate",
             comparator="gt", target_value=90, measure="dossiers_on_time_rate"),
        dict(text="Mức độ hài lòng của người dân, tổ chức đạt trên 90%.", kind="register_rate", comparator="gt",
             target_value=90, measure="satisfaction_rate"),
        dict(text=f"Phấn đấu được Chủ tịch UBND tỉnh đánh giá, xếp loại Tốt trong thực hiện công tác dân vận "
                  f"chính quyền năm {year}.", kind="grade", grade="Tốt", unit_of_measure="",
             measure="assessment_grade"),
    ]
    return items


def _plan(org, year, **fields) -> tuple[Plan, bool]:
    existing = Plan.objects.filter(organization=org, year=year, revision_of__isnull=True).first()
    if existing:
        return existing, False
    return Plan.objects.create(organization=org, year=year, **fields), True


def _fill(plan: Plan, areas, targets, assignments, *, parent: Plan | None = None) -> None:
    area_objects = []
    parent_areas = list(parent.content_areas.all()) if parent else []
    for order, (title, activities) in enumerate(areas, 1):
        source = parent_areas[order - 1] if order <= len(parent_areas) else None
        area = ContentArea.objects.create(plan=plan, order=order, title=title, source=source)
        bulk_create_with_history([Activity(content_area=area, order=i, text=t) for i, t in enumerate(activities, 1)],
                                 Activity)
        area_objects.append(area)
    parent_targets = {t.measure: t for t in parent.targets.all()} if parent else {}
    for order, target in enumerate(targets, 1):
        Target.objects.create(plan=plan, order=order, parent_target=parent_targets.get(target.get("measure")),
                              **{"comparator": "gte", "unit_of_measure": "%", **target})
    for order, (lead, task, due, recurrence, supports, area_index) in enumerate(assignments, 1):
        assignment = Assignment.objects.create(
            plan=plan, order=order, lead_unit=lead, task=task, due_date=due, recurrence=recurrence or "",
            content_area=area_objects[area_index] if area_index is not None and area_objects else None,
        )
        assignment.support_units.set(supports)


def _cite(plan: Plan, numbers: list[str]) -> None:
    plan.basis_documents.set([register_document(n, organization=plan.organization) for n in numbers])


@transaction.atomic
def load(orgs: dict[str, Organization] | None = None) -> list[Plan]:
    orgs = orgs or {o.code: o for o in Organization.objects.all()}
    for number, date, issuer, title, province in CITED:
        register_document(number, organization=orgs.get(province), date=date, issuer=issuer, title=title)
    for number, date, issuer, title, code, username in WAITING:
        register_document(number, organization=orgs[code], by=get_user_model().objects.get(username=username),
                          date=date, issuer=issuer, title=title)
    plans = []
    province = {}
    for year, number, date in ((2024, 859, D(2024, 3, 25)), (2025, 696, D(2025, 3, 6))):
        plan, created = _plan(
            orgs["TN"], year, number=number, symbol="KH-UBND", place="Tây Ninh", date=date,
            title=f"Thực hiện công tác dân vận chính quyền năm {year}", purposes=PURPOSES_TN,
            recipients="Ban Dân vận Tỉnh ủy\nCác sở, ban, ngành tỉnh\nUBND các huyện, thị xã, thành phố",
            archive="VT", signer_authority="KT.", signer_principal="CHỦ TỊCH", signer_title="PHÓ CHỦ TỊCH",
            signer_name="Nguyễn Hồng Thanh", status=PlanStatus.ISSUED, lower_plans_due=D(year, 4, 15),
        )
        if created:
            _cite(plan, ["04-CTr/BDVTU-BCSĐUBND", "23-QĐ/TW", "114-KL/TW", "16/CT-TTg", "33/CT-TTg"])
            _fill(plan, AREAS_TN, _targets(year, province=True), [
                (orgs["TN.SNV"], "Theo dõi, hướng dẫn, tổng hợp kết quả thực hiện công tác dân vận chính quyền; "
                 "tham mưu đánh giá, xếp loại các cơ quan, đơn vị.", D(year, 12, 15), None, [], None),
            ])
        province[year] = plan
        plans.append(plan)

    sxd, created = _plan(
        orgs["TN.SXD"], 2024, number=None, symbol="KH-SXD", place="Tây Ninh", date=None,
        title="Thực hiện công tác Dân vận chính quyền năm 2024", parent=province[2024],
        introduction="Thực hiện Kế hoạch số 859/KH-UBND ngày 25/3/2024 của Ủy ban nhân dân tỉnh thực hiện công tác "
                     "Dân vận chính quyền năm 2024 trên địa bàn tỉnh Tây Ninh, Sở Xây dựng lập kế hoạch thực hiện "
                     "công tác Dân vận chính quyền năm 2024 với những nội dung như sau:",
        purposes=PURPOSES_TN, recipients="Sở Nội vụ\nBan Giám đốc\nCác phòng CMNV", archive="VT, VP",
        signer_authority="KT.", signer_principal="GIÁM ĐỐC", signer_title="PHÓ GIÁM ĐỐC", status=PlanStatus.DRAFT,
    )
    if created:
        _cite(sxd, ["859/KH-UBND", "23-QĐ/TW", "114-KL/TW", "16/CT-TTg", "33/CT-TTg", "59/2023/NĐ-CP",
                    "05/CT-UBND"])
        _fill(sxd, AREAS_TN + [("Phối hợp chặt chẽ với tổ chức Công đoàn, tham gia giữ vững mối quan hệ mật thiết "
                                "giữa chính quyền với Nhân dân", [])],
              _targets(2024, province=False), [
                  (orgs["TN.SXD.QLXD"], "Lãnh đạo các phòng chuyên môn, nghiệp vụ chỉ đạo, tăng cường kiểm tra, "
                   "đôn đốc việc triển khai thực hiện Kế hoạch.", None, Recurrence.QUARTERLY,
                   [orgs["TN.SXD.QHKT"], orgs["TN.SXD.HTKT"]], 0),
                  (orgs["TN.SXD.TTR"], "Tổ kiểm tra công vụ phối hợp với Ban Thanh tra nhân dân thường xuyên tổ "
                   "chức kiểm tra công vụ; việc thực hiện Chỉ thị số 05/CT-UBND.", None, Recurrence.SEMIANNUAL,
                   [orgs["TN.SXD.TTND"]], 2),
                  (orgs["TN.SXD.VP"], "Báo cáo kết quả thực hiện công tác dân vận chính quyền năm 2024 về UBND "
                   "tỉnh (qua Sở Nội vụ).", D(2024, 11, 1), None, [], None),
                  (orgs["TN.SXD.VP"], "Gửi hồ sơ chấm điểm thi đua thực hiện công tác dân vận chính quyền năm "
                   "2024 về Sở Nội vụ.", D(2024, 11, 15), None, [], None),
              ], parent=province[2024])
        # The 2024 plan went through the whole lifecycle.
        Plan.objects.filter(pk=sxd.pk).update(status=PlanStatus.ISSUED, number=41, date=D(2024, 3, 29))
    plans.append(sxd)

    vh, created = _plan(
        orgs["TN.SVHTTDL"], 2025, number=28, symbol="KH-SVHTTDL", place="Tây Ninh", date=D(2025, 3, 14),
        title="Thực hiện công tác dân vận chính quyền năm 2025", parent=province[2025],
        introduction="Thực hiện Kế hoạch số 696/KH-UBND ngày 06/3/2025 của Ủy ban nhân dân tỉnh về thực hiện công "
                     "tác dân vận chính quyền năm 2025, Sở Văn hóa, Thể thao và Du lịch xây dựng Kế hoạch như sau:",
        purposes="Triển khai thực hiện công tác dân vận trong các phòng, đơn vị thuộc Sở đồng bộ, hiệu quả, đúng "
                 "quy chế, quy định.",
        recipients="UBND tỉnh\nSở Nội vụ\nLãnh đạo Sở\nCác phòng, đơn vị thuộc Sở", archive="VT, VP",
        signer_authority="KT.", signer_principal="GIÁM ĐỐC", signer_title="PHÓ GIÁM ĐỐC", status=PlanStatus.ISSUED,
    )
    if created:
        _cite(vh, ["696/KH-UBND", "120-KL/TW", "10/2022/QH15", "59/2023/NĐ-CP", "908/QĐ-UBND"])
        _fill(vh, [
            ("Quán triệt và tổ chức học tập các Chỉ thị, Nghị quyết của Đảng, chính sách, pháp luật của Nhà nước và "
             "công tác tuyên truyền", []),
            ("Đẩy mạnh thực hiện cải cách hành chính, nâng cao tinh thần trách nhiệm, ý thức phục vụ Nhân dân của "
             "công chức, viên chức", []),
            ("Thực hiện tốt quy định về thực hiện dân chủ trong cơ quan, đơn vị", []),
            ("Đẩy mạnh các phong trào thi đua yêu nước góp phần phát triển kinh tế - xã hội, đảm bảo quốc phòng - "
             "an ninh", []),
        ], _targets(2025, province=False), [
            (orgs["TN.SVHTTDL.VP"], "Tham mưu xây dựng Kế hoạch và tổ chức thực hiện; tổng hợp báo cáo và hồ sơ "
             "chấm điểm gửi Sở Nội vụ.", D(2025, 11, 15), None, [], None),
            (orgs["TN.SVHTTDL.TTR"], "Chủ trì phối hợp các phòng, đơn vị tăng cường công tác kiểm tra, giám sát "
             "việc triển khai thực hiện công tác Dân vận chính quyền.", None, Recurrence.ANNUAL, [], 2),
            (orgs["TN.SVHTTDL.TV"], "Xây dựng kế hoạch thực hiện công tác dân vận tại đơn vị; gửi báo cáo kết quả "
             "và hồ sơ phục vụ chấm điểm về Văn phòng Sở.", D(2025, 11, 10), None,
             [orgs["TN.SVHTTDL.BT"], orgs["TN.SVHTTDL.TTVH"]], None),
        ], parent=province[2025])
    plans.append(vh)

    hcm, created = _plan(
        orgs["HCM.SVHTT"], 2023, number=878, symbol="KH-SVHTT", place="Thành phố Hồ Chí Minh", date=D(2023, 3, 7),
        title="Thực hiện công tác dân vận của chính quyền năm 2023",
        introduction="Căn cứ Chương trình phối hợp số 04-CTr/BĐVTU-BCSĐUBNDTP ngày 25/02/2022 về thực hiện công "
                     "tác dân vận chính quyền, Sở Văn hóa và Thể thao xây dựng Kế hoạch như sau:",
        purposes="Đổi mới, nâng cao chất lượng công tác dân vận; tạo môi trường làm việc dân chủ, minh bạch, "
                 "chuyên nghiệp.",
        recipients="Sở Nội vụ\nĐảng ủy- Lãnh đạo Sở\nCĐ; ĐTN Sở\nCác phòng, ban, đơn vị sự nghiệp",
        archive="VT, TCPC", signer_principal="", signer_title="GIÁM ĐỐC", signer_name="Trần Thế Thuận",
        status=PlanStatus.ISSUED,
    )
    if created:
        _cite(hcm, ["04-CTr/BĐVTU-BCSĐUBNDTP", "23-QĐ/TW", "114-KL/TW", "10/2022/QH15"])
        _fill(hcm, [
            ("Công tác tuyên truyền vận động", []),
            ("Xây dựng đội ngũ công chức, viên chức, người lao động trong thực hiện công tác dân vận của chính quyền",
             []),
            ("Đẩy mạnh công tác cải cách hành chính", []),
            ("Thực hiện dân chủ cơ sở tại cơ quan, đơn vị", []),
            ("Phong trào thi đua \"Dân vận khéo\"", []),
            ("Tăng cường kiểm tra việc thực hiện công tác dân vận của chính quyền tại cơ quan, đơn vị", []),
        ], [
            dict(text="Mức độ hài lòng thông qua khảo sát của người dân đạt mức trên 90%.", kind="register_rate",
                 comparator="gt", target_value=90, measure="satisfaction_rate"),
            dict(text="Tỷ lệ hồ sơ giải quyết đúng hạn đạt mức trên 90%.", kind="register_rate", comparator="gt",
                 target_value=90, measure="dossiers_on_time_rate"),
        ], [
            (orgs["HCM.SVHTT.VP"], "Tham mưu xây dựng, triển khai, theo dõi việc thực hiện chương trình cải cách "
             "hành chính của Sở.", None, Recurrence.QUARTERLY, [], 2),
            (orgs["HCM.SVHTT.TCPC"], "Thực hiện vai trò thường trực tham mưu về công tác dân vận chính quyền.",
             None, None, [], 0),
            (orgs["HCM.SVHTT.KHTC"], "Tham mưu triển khai, theo dõi, báo cáo tình hình thực hiện nhiệm vụ, chỉ tiêu.",
             None, None, [], None),
            (orgs["HCM.SVHTT.TTR"], "Hướng dẫn, kiểm tra việc thực hiện quy trình tiếp công dân, xử lý đơn, giải "
             "quyết khiếu nại, tố cáo.", None, None, [], None),
            (orgs["HCM.SVHTT.TVKHTH"], "Định kỳ gửi báo cáo 6 tháng tình hình thực hiện công tác dân vận chính quyền.",
             D(2023, 5, 10), None, [], None),
            (orgs["HCM.SVHTT.TVKHTH"], "Gửi báo cáo năm tình hình thực hiện công tác dân vận chính quyền.",
             D(2023, 11, 10), None, [], None),
        ])
    plans.append(hcm)

    # Unit plans: some units wrote theirs, others have not yet.
    for code, parent, number, date in (("TN.SXD.QLXD", sxd, 3, D(2024, 4, 10)),
                                       ("TN.SVHTTDL.TV", vh, 5, D(2025, 3, 25))):
        unit = orgs[code]
        plan, created = _plan(
            unit, parent.year, number=number, symbol=f"KH-{unit.symbol}", place="Tây Ninh", date=date,
            title=f"Thực hiện công tác dân vận chính quyền năm {parent.year}", parent=parent,
            recipients=f"Lãnh đạo {parent.organization.name}", archive="VT", signer_title="TRƯỞNG PHÒNG"
            if unit.name.startswith("Phòng") else "GIÁM ĐỐC", status=PlanStatus.ISSUED,
        )
        if created:
            _cite(plan, [parent.number_symbol] if parent.number else [])
            _fill(plan, [(a.title, []) for a in parent.content_areas.all()][:3],
                  _targets(parent.year, province=False)[:1], [], parent=parent)
        plans.append(plan)
    # The issued plans stand in their organizations' document registers, so new numbers follow theirs.
    for plan in Plan.objects.filter(number__isnull=False, date__isnull=False).select_related("organization"):
        record_issued(organization=plan.organization, record=plan, type_code="KH", symbol=plan.symbol,
                      title=plan.title, number=plan.number, date=plan.date)
    return plans
