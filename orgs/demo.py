"""Demo organizations, rosters and accounts (`danvan load_demo`). Idempotent: codes are keys."""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.auth import get_user_model
from django.db import transaction
from simple_history.utils import bulk_create_with_history

from orgs.models import (
    Membership,
    Organization,
    OrganizationChange,
    OrganizationChangeKind,
    OrganizationKind,
    Role,
    StaffCategory,
    StaffMember,
)

DEMO_PASSWORD = "danvan-demo"
P, A, U, M = OrganizationKind.PROVINCE, OrganizationKind.AGENCY, OrganizationKind.UNIT, OrganizationKind.MASS_ORG

# (code, symbol, name, short name, kind, focal office?, children)
TREE = [
    ("TN", "UBND", "Ủy ban nhân dân tỉnh Tây Ninh", "UBND tỉnh Tây Ninh", P, False, [
        ("TN.SNV", "SNV", "Sở Nội vụ tỉnh Tây Ninh", "Sở Nội vụ", A, False, [
            ("TN.SNV.VP", "VP", "Văn phòng Sở Nội vụ", "Văn phòng Sở", U, True, []),
            ("TN.SNV.TCBC", "TCBC", "Phòng Tổ chức, biên chế và tổ chức phi chính phủ", "Phòng TCBC", U, False, []),
            ("TN.SNV.XDCQ", "XDCQ", "Phòng Xây dựng chính quyền và công tác thanh niên", "Phòng XDCQ", U, False, []),
            ("TN.SNV.TTR", "TTr", "Thanh tra Sở Nội vụ", "Thanh tra Sở", U, False, []),
            ("TN.SNV.BTDKT", "BTĐKT", "Ban Thi đua - Khen thưởng", "Ban TĐKT", U, False, []),
            ("TN.SNV.CD", "CĐ", "Công đoàn cơ sở Sở Nội vụ", "Công đoàn cơ sở", M, False, []),
            ("TN.SNV.TTND", "TTND", "Ban Thanh tra nhân dân Sở Nội vụ", "Ban Thanh tra nhân dân", M, False, []),
        ]),
        ("TN.SXD", "SXD", "Sở Xây dựng tỉnh Tây Ninh", "Sở Xây dựng", A, False, [
            ("TN.SXD.VP", "VP", "Văn phòng Sở Xây dựng", "Văn phòng Sở", U, True, []),
            ("TN.SXD.TTR", "TTr", "Thanh tra Sở Xây dựng", "Thanh tra Sở", U, False, []),
            ("TN.SXD.QLXD", "QLXD", "Phòng Quản lý hoạt động xây dựng", "Phòng QLHĐXD", U, False, []),
            ("TN.SXD.QHKT", "QHKT", "Phòng Quy hoạch - Kiến trúc", "Phòng QH-KT", U, False, []),
            ("TN.SXD.NBDS", "QLN", "Phòng Quản lý nhà và thị trường bất động sản", "Phòng QLN&TTBĐS", U, False, []),
            ("TN.SXD.HTKT", "HTKT", "Phòng Hạ tầng kỹ thuật", "Phòng HTKT", U, False, []),
            ("TN.SXD.TTKD", "TTQHKĐ", "Trung tâm Quy hoạch và Kiểm định xây dựng", "Trung tâm QH&KĐXD", U, False, []),
            ("TN.SXD.CD", "CĐ", "Công đoàn cơ sở Sở Xây dựng", "Công đoàn cơ sở", M, False, []),
            ("TN.SXD.DTN", "ĐTN", "Chi đoàn Thanh niên Sở Xây dựng", "Đoàn Thanh niên", M, False, []),
            ("TN.SXD.TTND", "TTND", "Ban Thanh tra nhân dân Sở Xây dựng", "Ban Thanh tra nhân dân", M, False, []),
        ]),
        ("TN.SVHTTDL", "SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch tỉnh Tây Ninh", "Sở VHTTDL", A, False, [
            ("TN.SVHTTDL.VP", "VP", "Văn phòng Sở Văn hóa, Thể thao và Du lịch", "Văn phòng Sở", U, True, []),
            ("TN.SVHTTDL.TTR", "TTr", "Thanh tra Sở Văn hóa, Thể thao và Du lịch", "Thanh tra Sở", U, False, []),
            ("TN.SVHTTDL.QLVH", "QLVH", "Phòng Quản lý văn hóa và Gia đình", "Phòng QLVH&GĐ", U, False, []),
            ("TN.SVHTTDL.TDTT", "TDTT", "Phòng Quản lý thể dục thể thao", "Phòng QLTDTT", U, False, []),
            ("TN.SVHTTDL.QLDL", "QLDL", "Phòng Quản lý du lịch", "Phòng QLDL", U, False, []),
            ("TN.SVHTTDL.TV", "TV", "Thư viện tỉnh Tây Ninh", "Thư viện tỉnh", U, False, []),
            ("TN.SVHTTDL.BT", "BT", "Bảo tàng tỉnh Tây Ninh", "Bảo tàng tỉnh", U, False, []),
            ("TN.SVHTTDL.TTVH", "TTVHĐA", "Trung tâm Văn hóa - Điện ảnh tỉnh", "Trung tâm VH-ĐA", U, False, []),
            ("TN.SVHTTDL.CD", "CĐ", "Công đoàn cơ sở Sở Văn hóa, Thể thao và Du lịch", "Công đoàn cơ sở", M, False, []),
            ("TN.SVHTTDL.TTND", "TTND", "Ban Thanh tra nhân dân Sở Văn hóa, Thể thao và Du lịch",
             "Ban Thanh tra nhân dân", M, False, []),
        ]),
        ("TN.SGTVT", "SGTVT", "Sở Giao thông vận tải tỉnh Tây Ninh", "Sở GTVT", A, False, [
            ("TN.SGTVT.VP", "VP", "Văn phòng Sở Giao thông vận tải", "Văn phòng Sở", U, True, []),
            ("TN.SGTVT.TTR", "TTr", "Thanh tra Sở Giao thông vận tải", "Thanh tra Sở", U, False, []),
            ("TN.SGTVT.QLVT", "QLVT", "Phòng Quản lý vận tải, phương tiện và người lái", "Phòng QLVT", U, False, []),
            ("TN.SGTVT.KCHT", "KCHT", "Phòng Quản lý kết cấu hạ tầng giao thông", "Phòng QLKCHT", U, False, []),
            ("TN.SGTVT.CD", "CĐ", "Công đoàn cơ sở Sở Giao thông vận tải", "Công đoàn cơ sở", M, False, []),
            ("TN.SGTVT.TTND", "TTND", "Ban Thanh tra nhân dân Sở Giao thông vận tải", "Ban Thanh tra nhân dân",
             M, False, []),
        ]),
    ]),
    ("HCM", "UBND", "Ủy ban nhân dân Thành phố Hồ Chí Minh", "UBND Thành phố", P, False, [
        ("HCM.SVHTT", "SVHTT", "Sở Văn hóa và Thể thao Thành phố Hồ Chí Minh", "Sở Văn hóa và Thể thao", A, False, [
            ("HCM.SVHTT.VP", "VP", "Văn phòng Sở Văn hóa và Thể thao", "Văn phòng Sở", U, True, []),
            ("HCM.SVHTT.TCPC", "TCPC", "Phòng Tổ chức – Pháp chế", "Phòng TC-PC", U, False, []),
            ("HCM.SVHTT.KHTC", "KHTC", "Phòng Kế hoạch – Tài chính", "Phòng KH-TC", U, False, []),
            ("HCM.SVHTT.TTR", "TTr", "Thanh tra Sở Văn hóa và Thể thao", "Thanh tra Sở", U, False, []),
            ("HCM.SVHTT.QLVH", "QLVH", "Phòng Quản lý Văn hóa", "Phòng QLVH", U, False, []),
            ("HCM.SVHTT.TDTT", "TDTT", "Phòng Quản lý Thể dục thể thao", "Phòng TDTT", U, False, []),
            ("HCM.SVHTT.TVKHTH", "TVKHTH", "Thư viện Khoa học Tổng hợp", "Thư viện KHTH", U, False, []),
            ("HCM.SVHTT.CD", "CĐ", "Công đoàn cơ sở Sở Văn hóa và Thể thao", "Công đoàn cơ sở", M, False, []),
            ("HCM.SVHTT.DTN", "ĐTN", "Đoàn Thanh niên Cộng sản Hồ Chí Minh Sở Văn hóa và Thể thao",
             "Đoàn Thanh niên", M, False, []),
        ]),
    ]),
]

# Sở Giao thông vận tải merged into Sở Xây dựng on 01/03/2025 (the 2025 reorganization).
MERGES = [("TN.SGTVT", "TN.SXD", dt.date(2025, 3, 1), "Nghị quyết của HĐND tỉnh về sắp xếp các cơ quan chuyên môn")]

# (username, first name, last name, organization code, role, position)
ACCOUNTS = [
    ("coordinator", "Lan", "Nguyễn Thị", "TN.SNV", Role.COORDINATOR, "Phó Giám đốc Sở Nội vụ"),
    ("focal", "Hùng", "Trần Văn", "TN.SXD.VP", Role.FOCAL, "Chánh Văn phòng"),
    ("leader", "Minh", "Lê Quang", "TN.SXD", Role.LEADER, "Giám đốc"),
    ("unit", "Thảo", "Phạm Thị", "TN.SXD.QLXD", Role.UNIT_EDITOR, "Chuyên viên"),
    ("inspector", "Dũng", "Võ Văn", "TN.SXD.TTND", Role.INSPECTOR, "Trưởng ban Thanh tra nhân dân"),
    ("viewer", "Hoa", "Đặng Thị", "TN.SXD.TTR", Role.VIEWER, "Thanh tra viên"),
    ("other-focal", "Tuấn", "Huỳnh Anh", "TN.SVHTTDL.VP", Role.FOCAL, "Chánh Văn phòng"),
]

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
          "Dương", "Lý"]
MIDDLE_M = ["Văn", "Hữu", "Đức", "Quang", "Minh", "Thanh", "Công", "Anh"]
MIDDLE_F = ["Thị", "Ngọc", "Thu", "Thanh", "Kim", "Mỹ", "Bích", "Hồng"]
GIVEN_M = ["Hùng", "Dũng", "Tuấn", "Minh", "Phúc", "Khang", "Long", "Nam", "Sơn", "Tài", "Trung", "Vinh", "Bảo"]
GIVEN_F = ["Lan", "Hoa", "Mai", "Trang", "Thảo", "Linh", "Ngân", "Hương", "Yến", "Vy", "Nhung", "Phương", "Hạnh"]
UNIT_POSITIONS = [("Trưởng phòng", StaffCategory.CIVIL_SERVANT), ("Phó Trưởng phòng", StaffCategory.CIVIL_SERVANT)]
CENTER_POSITIONS = [("Giám đốc", StaffCategory.PUBLIC_EMPLOYEE), ("Phó Giám đốc", StaffCategory.PUBLIC_EMPLOYEE)]


def _roster(org: Organization, rng: random.Random) -> list[StaffMember]:
    public_unit = org.name.startswith(("Trung tâm", "Thư viện", "Bảo tàng"))
    heads = CENTER_POSITIONS if public_unit else UNIT_POSITIONS
    size = rng.randint(12, 28)
    staff = []
    for index in range(size):
        female = rng.random() < 0.5
        name = " ".join([
            rng.choice(FAMILY),
            rng.choice(MIDDLE_F if female else MIDDLE_M),
            rng.choice(GIVEN_F if female else GIVEN_M),
        ])
        if index < len(heads):
            position, category = heads[index]
        elif public_unit:
            position, category = rng.choice([("Viên chức", StaffCategory.PUBLIC_EMPLOYEE)] * 4
                                             + [("Nhân viên hợp đồng", StaffCategory.WORKER)])
        else:
            position, category = rng.choice([("Chuyên viên", StaffCategory.CIVIL_SERVANT)] * 5
                                             + [("Chuyên viên chính", StaffCategory.CIVIL_SERVANT)] * 2
                                             + [("Nhân viên", StaffCategory.WORKER)])
        start = dt.date(rng.randint(2005, 2023), rng.randint(1, 12), 1)
        end = dt.date(2025, 6, 30) if index == size - 1 and rng.random() < 0.3 else None
        staff.append(StaffMember(organization=org, full_name=name, position=position, category=category,
                                 active_from=start, active_to=end))
    return staff


def _create_tree(nodes, parent, created):
    for code, symbol, name, short_name, kind, focal, children in nodes:
        org = Organization.objects.filter(code=code).first()
        if org is None:
            org = Organization.objects.create(
                code=code, symbol=symbol, name=name, short_name=short_name, kind=kind, parent=parent,
                is_focal_office=focal, valid_from=dt.date(2008, 4, 1) if kind != P else None,
            )
            OrganizationChange.objects.create(
                organization=org, kind=OrganizationChangeKind.ESTABLISH, date=org.valid_from or dt.date(1976, 7, 2),
                new_name=name,
            )
        created[code] = org
        _create_tree(children, org, created)


@transaction.atomic
def load() -> dict[str, Organization]:
    organizations: dict[str, Organization] = {}
    _create_tree(TREE, None, organizations)
    for source, into, date, decision in MERGES:
        org = organizations[source]
        if org.successor_id is None:
            org.valid_to = date - dt.timedelta(days=1)
            org.successor = organizations[into]
            org.save()
            for unit in Organization.objects.filter(path__startswith=org.path).exclude(pk=org.pk):
                unit.valid_to = org.valid_to
                unit.save()
            OrganizationChange.objects.create(
                organization=org, kind=OrganizationChangeKind.MERGE, date=date, old_name=org.name,
                new_name=organizations[into].name, result=organizations[into], decision=decision,
            )
    rng = random.Random(2024)
    for org in organizations.values():
        if org.kind == U and not org.staff.exists():
            bulk_create_with_history(_roster(org, rng), StaffMember)
    _accounts(organizations)
    return organizations


def _accounts(organizations: dict[str, Organization]) -> None:
    users = get_user_model()
    admin = users.objects.filter(username="admin").first()
    if admin is None:
        users.objects.create_superuser("admin", "admin@danvan.local", DEMO_PASSWORD)
    for username, first, last, code, role, position in ACCOUNTS:
        user = users.objects.filter(username=username).first()
        if user is None:
            user = users.objects.create_user(username, f"{username}@danvan.local", DEMO_PASSWORD,
                                             first_name=first, last_name=last)
        org = organizations[code]
        Membership.objects.get_or_create(user=user, organization=org, role=role)
        if not StaffMember.objects.filter(user=user).exists():
            StaffMember.objects.create(
                organization=org, full_name=f"{last} {first}", position=position,
                category=StaffCategory.CIVIL_SERVANT, active_from=dt.date(2015, 1, 1), user=user,
                email=user.email,
            )
