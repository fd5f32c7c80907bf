"""A realistic, reproducible province at scale (`danvan make_province`), for benchmarks and tests.

`make_provinces(agencies=120, units=1000, staff=60000, seed=1)` builds a province of about 20
departments (sở, ban, ngành) with their divisions, public service units and mass organizations,
and about 100 communes and wards with their units; rosters with joiners and leavers across the
years; the province's plan issued and cascaded (plans.services) to every agency, most agency
plans issued and cascaded again to their public service units; and assignments to the units.
Organizations, rosters and assignments are bulk inserted with their history rows.

The same seed and code build the same province; a province whose code exists is left as it is
(re-running adds nothing). `provinces=K` adds provinces CODE, CODE2 … CODEK to the same database.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction
from simple_history.utils import bulk_create_with_history

from orgs.demo import DEMO_PASSWORD, FAMILY, GIVEN_F, GIVEN_M, MIDDLE_F, MIDDLE_M
from orgs.models import (
    Membership,
    Organization,
    OrganizationChange,
    OrganizationChangeKind,
    OrganizationKind,
    OrganizationType,
    Role,
    StaffCategory,
    StaffMember,
)

T = OrganizationType
PROVINCE_NAMES = ["Bình Phước", "Đồng Tháp", "Vĩnh Long", "An Giang", "Cà Mau", "Lâm Đồng", "Gia Lai", "Quảng Trị",
                  "Nghệ An", "Thái Nguyên", "Phú Thọ", "Lào Cai", "Tuyên Quang", "Hưng Yên", "Ninh Bình"]
DEPARTMENTS = [
    ("SNV", "Sở Nội vụ"), ("STP", "Sở Tư pháp"), ("STC", "Sở Tài chính"), ("SCT", "Sở Công Thương"),
    ("SNNMT", "Sở Nông nghiệp và Môi trường"), ("SXD", "Sở Xây dựng"), ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch"),
    ("SKHCN", "Sở Khoa học và Công nghệ"), ("SGDĐT", "Sở Giáo dục và Đào tạo"), ("SYT", "Sở Y tế"),
    ("SDTTG", "Sở Dân tộc và Tôn giáo"), ("SNgV", "Sở Ngoại vụ"), ("TTr", "Thanh tra tỉnh"),
    ("VPUBND", "Văn phòng Ủy ban nhân dân tỉnh"), ("BQLKKT", "Ban Quản lý các khu kinh tế"),
    ("SLĐTBXH", "Sở Lao động - Thương binh và Xã hội"), ("SGTVT", "Sở Giao thông vận tải"),
    ("STTTT", "Sở Thông tin và Truyền thông"), ("SKHĐT", "Sở Kế hoạch và Đầu tư"),
    ("STNMT", "Sở Tài nguyên và Môi trường"),
]
PROVINCIAL_SERVICE_UNITS = [
    ("TTPVHCC", "Trung tâm Phục vụ hành chính công tỉnh"), ("ĐPTTH", "Đài Phát thanh và Truyền hình tỉnh"),
    ("TTXTĐT", "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch"),
]
COMMUNE_WORDS = ["Tân", "Phước", "Long", "An", "Bình", "Hòa", "Thạnh", "Mỹ", "Vĩnh", "Thuận", "Phú", "Đông", "Tây",
                 "Lộc", "Hưng", "Thới", "Trường", "Hiệp", "Lợi", "Ninh", "Châu", "Định", "Thành", "Khánh"]
# (symbol, name, type): the first is the focal office (Văn phòng).
DEPARTMENT_UNITS = [
    ("VP", "Văn phòng", T.DIVISION), ("TTr", "Thanh tra", T.DIVISION),
    ("TCCB", "Phòng Tổ chức cán bộ", T.DIVISION), ("KHTC", "Phòng Kế hoạch - Tài chính", T.DIVISION),
    ("PC", "Phòng Pháp chế", T.DIVISION), ("QLCN", "Phòng Quản lý chuyên ngành", T.DIVISION),
    ("NVTH", "Phòng Nghiệp vụ tổng hợp", T.DIVISION), ("CCHC", "Phòng Cải cách hành chính", T.DIVISION),
    ("TTDV", "Trung tâm Dịch vụ công", T.SERVICE_UNIT), ("TTKĐ", "Trung tâm Kiểm định", T.SERVICE_UNIT),
    ("TTTV", "Trung tâm Tư vấn và Hỗ trợ", T.SERVICE_UNIT), ("TTĐT", "Trung tâm Đào tạo, bồi dưỡng", T.SERVICE_UNIT),
    ("CĐ", "Công đoàn cơ sở", T.MASS_ORGANIZATION), ("ĐTN", "Chi đoàn Thanh niên", T.MASS_ORGANIZATION),
    ("TTND", "Ban Thanh tra nhân dân", T.MASS_ORGANIZATION), ("HCCB", "Chi hội Cựu chiến binh", T.MASS_ORGANIZATION),
    ("QLDA", "Ban Quản lý dự án", T.SERVICE_UNIT), ("TTCNTT", "Trung tâm Công nghệ thông tin", T.SERVICE_UNIT),
    ("QLNV", "Phòng Quản lý nghiệp vụ", T.DIVISION), ("HTQT", "Phòng Hợp tác quốc tế", T.DIVISION),
]
COMMUNE_UNITS = [
    ("VP", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", T.DIVISION), ("KT", "Phòng Kinh tế", T.DIVISION),
    ("VHXH", "Phòng Văn hóa - Xã hội", T.DIVISION),
    ("TTPVHCC", "Trung tâm Phục vụ hành chính công", T.SERVICE_UNIT),
    ("CĐ", "Công đoàn cơ sở", T.MASS_ORGANIZATION), ("TTND", "Ban Thanh tra nhân dân", T.MASS_ORGANIZATION),
    ("TTVH", "Trung tâm Văn hóa - Thể thao", T.SERVICE_UNIT), ("ĐTN", "Đoàn Thanh niên", T.MASS_ORGANIZATION),
]
PSU_UNITS = [("VP", "Phòng Hành chính - Tổng hợp", T.DIVISION), ("NV", "Phòng Nghiệp vụ", T.DIVISION),
             ("CĐ", "Công đoàn cơ sở", T.MASS_ORGANIZATION)]
UNITS_BY_TYPE = {T.DEPARTMENT: DEPARTMENT_UNITS, T.COMMUNE: COMMUNE_UNITS, T.PROVINCIAL_SERVICE_UNIT: PSU_UNITS}
WEIGHT_BY_TYPE = {T.DEPARTMENT: 20, T.COMMUNE: 6, T.PROVINCIAL_SERVICE_UNIT: 3}
POSITIONS = {
    T.DIVISION: [("Chuyên viên", StaffCategory.CIVIL_SERVANT)] * 5 + [
        ("Chuyên viên chính", StaffCategory.CIVIL_SERVANT)] * 2 + [("Nhân viên", StaffCategory.WORKER)],
    T.SERVICE_UNIT: [("Viên chức", StaffCategory.PUBLIC_EMPLOYEE)] * 4 + [
        ("Nhân viên hợp đồng", StaffCategory.WORKER)],
    T.MASS_ORGANIZATION: [("Chuyên viên", StaffCategory.CIVIL_SERVANT), ("Viên chức", StaffCategory.PUBLIC_EMPLOYEE)],
}
AREAS = [
    ("Quán triệt, học tập các văn bản của Đảng, Nhà nước về công tác dân vận",
     ["Tuyên truyền, quán triệt đến toàn thể cán bộ, công chức, viên chức", "Lồng ghép vào sinh hoạt chuyên môn"]),
    ("Gắn công tác dân vận chính quyền với cải cách hành chính",
     ["Giải quyết hồ sơ thủ tục hành chính đúng hạn", "Khảo sát mức độ hài lòng của người dân"]),
    ("Gắn công tác dân vận chính quyền với thực hiện dân chủ ở cơ sở",
     ["Công khai nội bộ theo Luật Thực hiện dân chủ ở cơ sở", "Tổ chức Hội nghị cán bộ, công chức, viên chức"]),
    ("Đẩy mạnh phong trào thi đua \"Dân vận khéo\"", ["Xây dựng, nhân rộng mô hình \"Dân vận khéo\""]),
]
TARGETS = [
    dict(text="100% cán bộ, công chức, viên chức được quán triệt các văn bản về công tác dân vận.", kind="staff_share",
         target_value=100, measure="staff_study_rate"),
    dict(text="100% cơ quan, đơn vị ban hành kế hoạch thực hiện công tác dân vận chính quyền.", kind="unit_share",
         target_value=100, measure="units_plan_rate"),
    dict(text="Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn đạt trên 90%.", kind="register_rate",
         comparator="gt", target_value=90, measure="dossiers_on_time_rate"),
]
TASKS = ["Tham mưu triển khai kế hoạch công tác dân vận chính quyền", "Tổ chức tuyên truyền, quán triệt văn bản",
         "Theo dõi, tổng hợp kết quả thực hiện và báo cáo định kỳ", "Tổ chức khảo sát mức độ hài lòng",
         "Xây dựng mô hình \"Dân vận khéo\"", "Tổ chức đối thoại với người dân"]
STAFF_BATCH = 5000


@dataclass
class Built:
    code: str
    created: bool
    organizations: int = 0
    staff: int = 0
    plans: int = 0
    assignments: int = 0
    accounts: dict[str, str] = field(default_factory=dict)


def province_codes(code: str, provinces: int) -> list[str]:
    return [code if index == 1 else f"{code}{index}" for index in range(1, provinces + 1)]


def accounts_of(code: str) -> dict[str, str]:
    """The usernames of a generated province's coordinator, focal office and unit editor."""
    prefix = code.lower()
    return {"coordinator": f"{prefix}-coordinator", "focal": f"{prefix}-focal", "unit": f"{prefix}-unit"}


def make_provinces(*, agencies: int = 120, units: int = 1000, staff: int = 60000, seed: int = 1,
                   provinces: int = 1, code: str = "BENCH", year: int | None = None) -> list[Built]:
    return [
        make_province(agencies=agencies, units=units, staff=staff, seed=seed + index, code=province_code,
                      index=index, year=year)
        for index, province_code in enumerate(province_codes(code, provinces))
    ]


def _split(total: int, weights: list[int], minimum: int = 1) -> list[int]:
    """`total` shared by `weights` (largest remainders), each at least `minimum` when it can be."""
    if not weights:
        return []
    base = [minimum] * len(weights) if total >= minimum * len(weights) else [0] * len(weights)
    rest = total - sum(base)
    scale = sum(weights)
    shares = [rest * w / scale for w in weights]
    counts = [b + int(s) for b, s in zip(base, shares, strict=True)]
    order = sorted(range(len(weights)), key=lambda i: shares[i] - int(shares[i]), reverse=True)
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


def _name(rng: random.Random) -> str:
    female = rng.random() < 0.5
    return " ".join([rng.choice(FAMILY), rng.choice(MIDDLE_F if female else MIDDLE_M),
                     rng.choice(GIVEN_F if female else GIVEN_M)])


def _admin():
    users = get_user_model()
    admin = users.objects.filter(username="make-province").first()
    if admin is None:
        admin = users.objects.create_user("make-province", is_superuser=True, is_staff=False)
        admin.set_unusable_password()
        admin.save()
    return admin


def _insert(organizations: list[Organization], parent_path: dict[int, str] | None = None) -> list[Organization]:
    """Bulk insert one level of the tree with history, then give each its materialized path."""
    created = bulk_create_with_history(organizations, Organization, batch_size=500)
    if created and created[0].pk is None:  # backends that do not return ids
        by_code = dict(Organization.objects.filter(code__in=[o.code for o in organizations]).values_list("code", "pk"))
        for org in created:
            org.pk = org.id = by_code[org.code]
    for org in created:
        prefix = parent_path[org.parent_id] if parent_path else "/"
        org.path = f"{prefix}{org.pk}/"
    Organization.objects.bulk_update(created, ["path"], batch_size=500)
    OrganizationChange.objects.bulk_create([
        OrganizationChange(organization=org, kind=OrganizationChangeKind.ESTABLISH,
                           date=org.valid_from or dt.date(1976, 7, 2), new_name=org.name)
        for org in created
    ], batch_size=500)
    return created


@transaction.atomic
def make_province(*, agencies: int, units: int, staff: int, seed: int, code: str = "BENCH", index: int = 0,
                  year: int | None = None) -> Built:
    """One province; nothing happens when an organization with `code` exists already."""
    from django.utils import timezone

    if Organization.objects.filter(code=code).exists():
        return Built(code=code, created=False, accounts=accounts_of(code))
    rng = random.Random(seed)
    year = year or timezone.localdate().year
    place = PROVINCE_NAMES[index % len(PROVINCE_NAMES)] + (f" {index // len(PROVINCE_NAMES) + 1}"
                                                            if index >= len(PROVINCE_NAMES) else "")
    established = dt.date(2008, 4, 1)

    province = _insert([Organization(
        code=code, symbol="UBND", name=f"Ủy ban nhân dân tỉnh {place}", short_name=f"UBND tỉnh {place}",
        kind=OrganizationKind.PROVINCE, org_type="",
    )])[0]

    # Agencies: about one department in six, a few public service units, communes for the rest.
    n_departments = max(1, min(len(DEPARTMENTS), round(agencies / 6)))
    n_services = min(len(PROVINCIAL_SERVICE_UNITS), max(0, (agencies - n_departments) // 30))
    n_communes = max(0, agencies - n_departments - n_services)
    commune_names: set[str] = set()
    agency_rows = []
    for i in range(n_departments):
        symbol, name = DEPARTMENTS[i]
        agency_rows.append((f"{code}.{symbol}", symbol, f"{name} tỉnh {place}", name, T.DEPARTMENT))
    for i in range(n_services):
        symbol, name = PROVINCIAL_SERVICE_UNITS[i]
        agency_rows.append((f"{code}.{symbol}", symbol, name, name, T.PROVINCIAL_SERVICE_UNIT))
    for i in range(n_communes):
        while True:
            word = " ".join(rng.sample(COMMUNE_WORDS, 2))
            if word not in commune_names:
                commune_names.add(word)
                break
        level = "phường" if rng.random() < 0.25 else ("đặc khu" if rng.random() < 0.01 else "xã")
        agency_rows.append((f"{code}.X{i + 1:03d}", "UBND", f"Ủy ban nhân dân {level} {word}", f"UBND {level} {word}",
                            T.COMMUNE))
    agency_list = _insert([
        Organization(code=c, symbol=s, name=n, short_name=sn, kind=OrganizationKind.AGENCY, org_type=t,
                     parent=province, valid_from=established)
        for c, s, n, sn, t in agency_rows
    ], {province.pk: province.path})

    # Units: shared by weight (a department has more than a commune), named from each type's list.
    quotas = _split(units, [WEIGHT_BY_TYPE[a.org_type] for a in agency_list])
    unit_objects = []
    for agency, quota in zip(agency_list, quotas, strict=True):
        templates = UNITS_BY_TYPE[agency.org_type]
        # "Phòng Kinh tế xã Tân Phước", "Văn phòng Sở Tư pháp".
        owner = agency.short_name.removeprefix("UBND ")
        for i in range(quota):
            symbol, name, org_type = templates[i % len(templates)]
            round_ = i // len(templates)
            suffix = f" số {round_ + 1}" if round_ else ""
            kind = OrganizationKind.UNIT
            unit_objects.append(Organization(
                code=f"{agency.code}.{symbol}{round_ + 1 if round_ else ''}", symbol=symbol,
                name=f"{name} {owner}{suffix}", short_name=f"{name}{suffix}", kind=kind,
                org_type=org_type, parent=agency, is_focal_office=(i == 0), valid_from=established,
            ))
    unit_list = _insert(unit_objects, {a.pk: a.path for a in agency_list})

    # Rosters: service units larger; a tenth have left, some joined this year or last.
    weights = [3 if u.org_type == T.SERVICE_UNIT else (1 if u.org_type == T.MASS_ORGANIZATION else 2)
               for u in unit_list]
    sizes = _split(staff, weights, minimum=0)
    batch: list[StaffMember] = []
    total_staff = 0
    for unit, size in zip(unit_list, sizes, strict=True):
        positions = POSITIONS[unit.org_type]
        for i in range(size):
            if i == 0:
                position, category = ("Trưởng phòng", StaffCategory.CIVIL_SERVANT) if unit.org_type == T.DIVISION \
                    else ("Giám đốc", StaffCategory.PUBLIC_EMPLOYEE)
            else:
                position, category = rng.choice(positions)
            start = dt.date(rng.randint(2005, year), rng.randint(1, 12), 1)
            end = None
            if rng.random() < 0.1:
                end = start + dt.timedelta(days=rng.randint(180, 4000))
                end = end if end.year < year else None
            batch.append(StaffMember(organization=unit, full_name=_name(rng), position=position, category=category,
                                     active_from=start, active_to=end))
            if len(batch) >= STAFF_BATCH:
                bulk_create_with_history(batch, StaffMember, batch_size=1000)
                total_staff += len(batch)
                batch = []
    if batch:
        bulk_create_with_history(batch, StaffMember, batch_size=1000)
        total_staff += len(batch)

    accounts = _accounts(code, agency_list, unit_list)
    plans, assignments = _plans(province, agency_list, unit_list, year, rng)
    return Built(code=code, created=True, organizations=1 + len(agency_list) + len(unit_list), staff=total_staff,
                 plans=plans, assignments=assignments, accounts=accounts)


def _accounts(code: str, agencies: list[Organization], units: list[Organization]) -> dict[str, str]:
    """A coordinator at the Sở Nội vụ, the focal office of the first department, a division's editor."""
    users = get_user_model()
    names = accounts_of(code)
    first = agencies[0]
    focal_office = next(u for u in units if u.parent_id == first.pk and u.is_focal_office)
    division = next(u for u in units if u.parent_id == first.pk and u.org_type == T.DIVISION
                    and not u.is_focal_office)
    places = {"coordinator": (first, Role.COORDINATOR), "focal": (focal_office, Role.FOCAL),
              "unit": (division, Role.UNIT_EDITOR)}
    for key, username in names.items():
        user = users.objects.filter(username=username).first() or users.objects.create_user(
            username, f"{username}@danvan.local", DEMO_PASSWORD)
        organization, role = places[key]
        Membership.objects.get_or_create(user=user, organization=organization, role=role)
    return names


def _plans(province, agencies, units, year, rng) -> tuple[int, int]:
    """The province's plan through plans.services, cascaded to every agency, most issued and cascaded on."""
    from plans import services
    from plans.models import Assignment, ContentArea, Recurrence

    admin = _admin()
    plan = services.create_plan(
        organization=province, year=year, by=admin, place=province.short_name.removeprefix("UBND tỉnh "),
        title=f"Thực hiện công tác dân vận chính quyền năm {year}", purposes="Triển khai công tác dân vận.",
        signer_authority="KT.", signer_principal="CHỦ TỊCH", signer_title="PHÓ CHỦ TỊCH",
    )
    for order, (title, activities) in enumerate(AREAS, 1):
        services.save_content_area(ContentArea(order=order, title=title), plan=plan, activities=activities, by=admin)
    for order, target in enumerate(TARGETS, 1):
        services.add_target(plan, by=admin, order=order, **{"comparator": "gte", "unit_of_measure": "%", **target})
    for step in (services.submit_plan, services.approve_plan):
        plan = step(plan, by=admin)
    plan = services.issue_plan(plan, by=admin, date=dt.date(year, 3, 1))
    count = 1
    units_of: dict[int, list] = {}
    for unit in units:
        units_of.setdefault(unit.parent_id, []).append(unit)
    assignments = []
    for agency in agencies:
        agency_plan = services.cascade_plan(plan, to_org=agency, by=admin)
        count += 1
        areas = list(agency_plan.content_areas.all())
        own_units = units_of.get(agency.pk, [])
        for order in range(1, (rng.randint(15, 35) if own_units else 0) + 1):
            assignments.append(Assignment(
                plan=agency_plan, content_area=rng.choice(areas) if areas else None, lead_unit=rng.choice(own_units),
                task=rng.choice(TASKS), due_date=dt.date(year, rng.randint(1, 12), rng.randint(1, 28)),
                recurrence=rng.choice(["", "", Recurrence.QUARTERLY, Recurrence.ANNUAL]), order=order,
                status=rng.choice(["not_started", "in_progress", "done"]),
            ))
        bulk_create_with_history(assignments, Assignment, batch_size=500)
        assignments.clear()
        if rng.random() < 0.75:
            for step in (services.submit_plan, services.approve_plan):
                agency_plan = step(agency_plan, by=admin)
            agency_plan = services.issue_plan(agency_plan, by=admin, date=dt.date(year, 4, rng.randint(1, 28)))
            for unit in [u for u in own_units if u.org_type == T.SERVICE_UNIT][:3]:
                services.cascade_plan(agency_plan, to_org=unit, by=admin)
                count += 1
    total_assignments = Assignment.objects.filter(plan__organization__path__startswith=province.path).count()
    return count, total_assignments
