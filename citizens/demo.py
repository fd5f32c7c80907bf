"""A year of demo receptions and petitions for Sở Xây dựng and Sở VHTTDL, the public directory, and `handler`,
the reception and petition officer of Văn phòng Sở Xây dựng (password danvan-demo). Idempotent."""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from citizens import deadlines
from citizens.models import (
    Channel,
    Complexity,
    DirectoryEntry,
    Petition,
    PetitionEvent,
    PetitionKind,
    PetitionState,
    Reception,
    ReceptionKind,
)
from citizens.services import _hash
from core.periods import add_days, next_working_day
from orgs.demo import DEMO_PASSWORD
from orgs.models import Membership, Organization, Role, StaffCategory, StaffMember

# Every demo petition is followed on the public page with its code and this secret.
DEMO_SECRET = "DEMO2026"
AGENCIES = ("TN.SXD", "TN.SVHTTDL")
SUBJECTS = {
    PetitionKind.COMPLAINT: ["Khiếu nại quyết định xử phạt vi phạm hành chính về xây dựng",
                             "Khiếu nại việc thu hồi giấy phép xây dựng", "Khiếu nại kết quả thẩm định thiết kế"],
    PetitionKind.DENUNCIATION: ["Tố cáo cán bộ gây khó khăn khi cấp phép", "Tố cáo hành vi nhận tiền của cán bộ"],
    PetitionKind.RECOMMENDATION: ["Kiến nghị sửa chữa mặt đường hư hỏng", "Kiến nghị công khai quy hoạch khu dân cư",
                                  "Kiến nghị rút ngắn thời gian cấp phép"],
    PetitionKind.FEEDBACK: ["Phản ánh công trình lấn chiếm vỉa hè", "Phản ánh tiếng ồn công trường ban đêm",
                            "Phản ánh thái độ của cán bộ một cửa"],
}
NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường", "Phạm Thị Dung", "Võ Minh Đức", "Huỳnh Thị Giang",
         "Đặng Văn Hải", "Bùi Thị Lan", "Ngô Quốc Minh", "Dương Thị Nga"]
PLACES = ["Phường 1, thành phố Tây Ninh", "Xã Tân Bình, huyện Tân Biên", "Thị trấn Hòa Thành",
          "Xã Suối Đá, huyện Dương Minh Châu"]
DUTIES = {
    "TN.SXD": "Tiếp nhận, giải quyết khiếu nại, tố cáo, kiến nghị, phản ánh về quy hoạch, xây dựng, nhà ở.",
    "TN.SXD.VP": "Bộ phận tiếp công dân; tiếp nhận và xử lý đơn thư.",
    "TN.SXD.QLXD": "Cấp phép xây dựng, thẩm định thiết kế, quản lý chất lượng công trình.",
    "TN.SXD.QHKT": "Quy hoạch xây dựng, kiến trúc đô thị và nông thôn.",
    "TN.SXD.TTR": "Thanh tra chuyên ngành xây dựng; giải quyết khiếu nại, tố cáo.",
    "TN.SVHTTDL": "Tiếp nhận phản ánh, kiến nghị về văn hóa, thể thao, du lịch.",
    "TN.SVHTTDL.VP": "Bộ phận tiếp công dân; tiếp nhận và xử lý đơn thư.",
}


def _handler(organizations: dict[str, Organization]):
    users = get_user_model()
    user = users.objects.filter(username="handler").first()
    if user is None:
        user = users.objects.create_user("handler", "handler@danvan.local", DEMO_PASSWORD, first_name="Nga",
                                         last_name="Trương Thị")
    office = organizations["TN.SXD.VP"]
    Membership.objects.get_or_create(user=user, organization=office, role=Role.PETITION_HANDLER)
    if not StaffMember.objects.filter(user=user).exists():
        StaffMember.objects.create(organization=office, full_name="Trương Thị Nga",
                                   position="Chuyên viên tiếp công dân", category=StaffCategory.CIVIL_SERVANT,
                                   active_from=dt.date(2018, 1, 1), user=user, email=user.email)
    return user


def _directory(organizations):
    for number, (code, duties) in enumerate(DUTIES.items(), 1):
        DirectoryEntry.objects.get_or_create(organization=organizations[code], defaults={
            "duties": duties, "hotline": f"0276 38{number:02d} 1{number:02d}", "address": "Tây Ninh"})


def _receptions(organizations, start: dt.date, today: dt.date, rng: random.Random):
    for code in AGENCIES:
        agency = organizations[code]
        month = dt.date(start.year, start.month, 1)
        while month <= today:
            # Sở VHTTDL's director skipped one month, which the leader's dashboard flags.
            skipped = code == "TN.SVHTTDL" and month.month == (today.month - 2) % 12 + 1
            day = next_working_day(month.replace(day=15))
            if not skipped and start <= day <= today:
                for index in range(rng.randint(1, 3)):
                    name = rng.choice(NAMES)
                    kind = rng.choice(list(PetitionKind))
                    Reception.objects.create(
                        organization=agency, date=day, session_kind=ReceptionKind.REGULAR, head_session=True,
                        host="Giám đốc Sở", citizen_name=name, citizen_address=rng.choice(PLACES),
                        citizen_id_number=f"0723{rng.randint(10**7, 10**8 - 1)}", matter=rng.choice(SUBJECTS[kind]),
                        kind=kind, people=1 if index else rng.randint(1, 4), competent=index != 2,
                        guided_to="" if index != 2 else "UBND huyện Tân Biên (CV 15/UBND)",
                        outcome="Đã giải thích, hướng dẫn", follow_up="Theo dõi kết quả giải quyết")
            month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    Reception.objects.create(organization=organizations["TN.SXD.VP"], date=next_working_day(add_days(today, -20)),
                             session_kind=ReceptionKind.AD_HOC, host="Chánh Văn phòng Sở",
                             citizen_name="Nhóm hộ dân khu phố 3", citizen_address=PLACES[0], matter=SUBJECTS[
                                 PetitionKind.RECOMMENDATION][0], kind=PetitionKind.RECOMMENDATION, people=12,
                             outcome="Tiếp nhận đơn, chuyển Phòng Hạ tầng kỹ thuật")


def _petitions(organizations, handler, start: dt.date, today: dt.date, rng: random.Random):
    rules = deadlines.load_rules()
    units = ["TN.SXD.VP"] * 4 + ["TN.SXD.QLXD", "TN.SXD.TTR", "TN.SVHTTDL.VP"]
    secret_hash = _hash(DEMO_SECRET)
    for number in range(1, 49):
        kind = rng.choice(list(PetitionKind))
        received = next_working_day(add_days(start, rng.randint(0, (today - start).days - 1)))
        if received > today:
            received = today
        petition = Petition.objects.create(
            code=f"PADEMO{number:03d}", secret_hash=secret_hash, organization=organizations[rng.choice(units)],
            kind=kind, channel=rng.choice(list(Channel)), received_on=received, subject=rng.choice(SUBJECTS[kind]),
            content="Nội dung chi tiết theo đơn.", remote_area=rng.random() < 0.15,
            complexity=Complexity.COMPLEX if rng.random() < 0.2 else Complexity.NORMAL,
            denounced="Cán bộ Phòng QLHĐXD" if kind == PetitionKind.DENUNCIATION else "",
            petitioner_name=rng.choice(NAMES), petitioner_address=rng.choice(PLACES),
            petitioner_phone=f"09{rng.randint(10**7, 10**8 - 1)}",
            petitioner_id_number=f"0723{rng.randint(10**7, 10**8 - 1)}", created_by=handler)
        events = [("receive", PetitionState.RECEIVED, received, "")]
        age = (today - received).days
        accept_by = deadlines.current_due(petition, rules=rules).due
        if age > 5:
            if rng.random() < 0.1:
                events.append(("refuse", PetitionState.REFUSED, min(accept_by, today),
                               "Đơn nặc danh, không rõ nội dung"))
            else:
                accepted = min(add_days(received, rng.randint(2, 9)), today)
                petition.accepted_on = accepted
                events += [("accept", PetitionState.ACCEPTED, accepted, ""),
                           ("start", PetitionState.SETTLING, accepted, "")]
                decided = add_days(accepted, rng.randint(10, 50))
                if decided <= today and rng.random() < 0.85:
                    petition.decided_on, petition.outcome = decided, "Đã ban hành văn bản giải quyết"
                    events.append(("decide", PetitionState.DECIDED, decided, petition.outcome))
                    if add_days(decided, 10) <= today:
                        petition.closed_on = add_days(decided, 10)
                        events.append(("close", PetitionState.CLOSED, petition.closed_on, ""))
        petition.state = events[-1][1]
        if petition.state == PetitionState.REFUSED:
            petition.closed_on = None
        petition.save()
        PetitionEvent.objects.bulk_create([
            PetitionEvent(petition=petition, transition=transition, state=state, date=date, reason=reason, by=handler)
            for transition, state, date, reason in events])


def load() -> str:
    organizations = {org.code: org for org in Organization.objects.filter(code__startswith="TN")}
    if "TN.SXD.VP" not in organizations:
        return "no demo province"
    with transaction.atomic():
        handler = _handler(organizations)
        _directory(organizations)
        if Petition.objects.filter(code__startswith="PADEMO").exists():
            return "already loaded"
        today = timezone.localdate()
        start = add_days(today, -365)
        rng = random.Random(2026)
        _receptions(organizations, start, today, rng)
        _petitions(organizations, handler, start, today, rng)
    return (f"{Reception.objects.count()} receptions, {Petition.objects.count()} petitions "
            f"(follow PADEMO001… with secret {DEMO_SECRET}); user handler")
