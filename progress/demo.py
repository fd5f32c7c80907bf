"""Demo periodic reports (`danvan load_demo`, after indicators.demo; not the test suite's demo, whose
tests count from nothing): Tây Ninh's 2024 is complete — every unit's six-month and annual report and
every agency's annual report in, some late, all accepted, the periods closed — and 2025's six-month
round of the units is under way with some missing. Written by the demo accounts through the services
(so their history and steps are there), on the dates the table below gives; the narratives read like
the units' real reports; evidence where a unit would attach it.

Idempotent and independent of row ids: organizations are found by code, periods by province, year,
kind and level; a period that already has reports is left as it is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction

from attachments.services import attachments_of
from core.access import scoped
from core.history import acting_as
from core.periods import PeriodKind
from orgs.models import Organization
from progress import reporting
from progress.reporting_models import Report, ReportingPeriod, ReportLevel, ReportStep

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
PROVINCE = "TN"
# Who writes for an organization and who receives: the first demo account that may change it.
AUTHORS = ("unit", "focal", "other-focal", "coordinator", "admin")


@dataclass(frozen=True)
class Entry:
    code: str
    sent: dt.date | None  # first submitted; None: not sent (missing)
    final: str = "accepted"  # "accepted", "submitted" (awaiting review) or "draft"
    returned: str = ""  # the receiver's comment when it was returned once before being accepted
    evidence: tuple[str, ...] = ()


# (year, kind, n, level) -> the reports. Due dates (CYCLE.md §4 defaults): units' six-month report
# 10/05 (10/05/2025 is a Saturday: due Monday 12/05), annual 10/11 (10/11/2024 is a Sunday: due
# Monday 11/11); agencies' annual report 01/11.
ROUNDS: dict[tuple[int, str, int, str], list[Entry]] = {
    (2024, PeriodKind.HALF, 1, ReportLevel.UNIT): [
        Entry("TN.SXD.QLXD", dt.date(2024, 5, 8), evidence=("bien-ban-hoc-tap-quan-triet.pdf",)),
        Entry("TN.SXD.TTR", dt.date(2024, 5, 10)),  # on the due date
        Entry("TN.SXD.VP", dt.date(2024, 5, 14), returned="Đề nghị bổ sung số liệu hồ sơ một cửa 6 tháng.",
              evidence=("so-lieu-mot-cua-6-thang.pdf",)),
    ],
    (2024, PeriodKind.YEAR, 1, ReportLevel.UNIT): [
        Entry("TN.SXD.QLXD", dt.date(2024, 11, 11), evidence=("danh-sach-tham-du-hoc-tap.pdf",)),  # Monday
        Entry("TN.SXD.TTR", dt.date(2024, 11, 6)),
        Entry("TN.SXD.VP", dt.date(2024, 11, 13)),  # two days late
    ],
    (2024, PeriodKind.YEAR, 1, ReportLevel.AGENCY): [
        Entry("TN.SXD", dt.date(2024, 10, 30), evidence=("bao-cao-ky-so.pdf",)),
        Entry("TN.SNV", dt.date(2024, 10, 28)),
        Entry("TN.SVHTTDL", dt.date(2024, 11, 1), returned="Bổ sung phần đề xuất, kiến nghị.",
              evidence=("bao-cao-ky-so.pdf",)),
        Entry("TN.SGTVT", dt.date(2024, 11, 7)),  # late
    ],
    (2025, PeriodKind.HALF, 1, ReportLevel.UNIT): [
        Entry("TN.SVHTTDL.TTR", dt.date(2025, 5, 9), evidence=("bien-ban-hoi-nghi-dan-chu.pdf",)),
        Entry("TN.SVHTTDL.VP", dt.date(2025, 5, 15), final="submitted"),  # late, awaiting review
        Entry("TN.SVHTTDL.TV", None, final="draft"),  # begun, never sent: missing
    ],
}
# Closed by the coordinator once every report of the year was accepted.
CLOSED_YEARS = {2024}

# The narrative of each organization: what it did (its own work), its limits and causes, its proposals.
WORK = {
    "TN.SXD.QLXD": ("tiếp nhận và giải quyết {n} hồ sơ cấp giấy phép xây dựng, {p}% đúng hạn, không có hồ sơ "
                    "quá hạn phải xin lỗi người dân; công khai quy trình, thời gian giải quyết tại Bộ phận một cửa"),
    "TN.SXD.TTR": ("tiếp {n} lượt công dân đến kiến nghị, phản ánh về trật tự xây dựng; giải quyết dứt điểm "
                   "{p}% đơn thuộc thẩm quyền, không để phát sinh khiếu nại đông người"),
    "TN.SXD.VP": ("tiếp nhận {n} hồ sơ thủ tục hành chính qua Bộ phận một cửa, {p}% trả kết quả đúng hạn; "
                  "duy trì hộp thư góp ý và đường dây nóng, tiếp nhận và trả lời các phản ánh trong 5 ngày làm việc"),
    "TN.SVHTTDL.TTR": ("kiểm tra {n} cơ sở kinh doanh dịch vụ văn hóa, lễ hội; hướng dẫn, nhắc nhở {p}% "
                       "cơ sở khắc phục tồn tại ngay trong buổi kiểm tra, không để phát sinh phản ánh"),
    "TN.SVHTTDL.VP": ("tiếp nhận {n} hồ sơ thủ tục hành chính lĩnh vực văn hóa, thể thao, du lịch, {p}% "
                      "đúng hạn; cập nhật kịp thời thủ tục hành chính mới trên Cổng dịch vụ công"),
    "TN.SVHTTDL.TV": ("phục vụ {n} lượt bạn đọc, tổ chức tủ sách pháp luật lưu động tại các xã biên giới; "
                      "{p}% ý kiến bạn đọc hài lòng với thái độ phục vụ"),
}
LIMITS = [
    "Việc cập nhật tiến độ nhiệm vụ trên hệ thống có lúc còn chậm so với yêu cầu. Nguyên nhân: biên chế ít, "
    "một công chức nghỉ chế độ thai sản trong kỳ, khối lượng công việc chuyên môn lớn.",
    "Một số hồ sơ phải yêu cầu bổ sung nhiều lần do quy định về thành phần hồ sơ thay đổi; việc hướng dẫn "
    "người dân ngay từ đầu chưa thật đầy đủ.",
    "Hình thức tuyên truyền chủ yếu vẫn là hội nghị tập trung, chưa đa dạng; kinh phí cho công tác dân vận "
    "còn hạn chế.",
]
PROPOSALS = [
    "Đề nghị Sở tổ chức tập huấn kỹ năng dân vận, giao tiếp ứng xử cho công chức trực tiếp tiếp dân.",
    "Đề nghị bố trí kinh phí in tài liệu tuyên truyền và nâng cấp trang thiết bị tại Bộ phận một cửa.",
    "Đề nghị Ban Chỉ đạo Quy chế dân chủ ở cơ sở của tỉnh sớm ban hành hướng dẫn tiêu chí đánh giá năm.",
]
AGENCY_RESULTS = (
    "Năm {year}, {name} đã ban hành Kế hoạch thực hiện công tác dân vận chính quyền và triển khai đến 100% "
    "phòng, đơn vị trực thuộc; tổ chức quán triệt Kết luận số 114-KL/TW và Quy chế dân chủ ở cơ sở cho "
    "{p}% cán bộ, công chức, viên chức. Các đơn vị đã tiếp nhận, giải quyết {n} hồ sơ thủ tục hành chính, "
    "tỷ lệ đúng hạn trên 95%; không có đơn thư khiếu nại về tinh thần, thái độ phục vụ. Phong trào thi đua "
    "“Dân vận khéo” được duy trì, có 2 mô hình được Ban Dân vận Tỉnh ủy ghi nhận."
)


def _numbers(code: str, year: int, kind: str) -> tuple[int, int]:
    """Figures that look real and are the same on every database (drawn from the code, not an id)."""
    seed = sum(ord(c) for c in f"{code}{year}{kind}")
    return 40 + seed % 160, 91 + seed % 9


def _narrative(org: Organization, year: int, kind: str, level: str) -> tuple[str, str, str]:
    n, p = _numbers(org.code, year, kind)
    if level == ReportLevel.AGENCY:
        results = AGENCY_RESULTS.format(year=year, name=org.name, n=n * 12, p=p)
    else:
        span = "6 tháng đầu năm" if kind == PeriodKind.HALF else "năm"
        work = WORK.get(org.code, "thực hiện đầy đủ các nhiệm vụ được giao trong Kế hoạch").format(n=n, p=p)
        results = (f"Trong {span} {year}, {org.name} đã quán triệt Kế hoạch công tác dân vận chính quyền của Sở "
                   f"đến toàn thể công chức, viên chức; tổ chức sinh hoạt chuyên đề về Quy chế dân chủ ở cơ sở "
                   f"và văn hóa công vụ. Đơn vị đã {work}.")
    pick = sum(ord(c) for c in org.code) % 3
    return results, LIMITS[pick], PROPOSALS[(pick + year) % 3]


def _user(username: str):
    return get_user_model().objects.filter(username=username).first()


def _who(org: Organization):
    """The demo account that may change `org` (writes its report, or receives the reports sent to it)."""
    for username in AUTHORS:
        user = _user(username)
        if user is not None and (user.is_superuser or scoped(Organization, user, "change").filter(pk=org.pk).exists()):
            return user
    return None


def _period(province: Organization, year: int, kind: str, n: int, level: str, *, by) -> ReportingPeriod:
    month, day = reporting.DEFAULT_DUE[(kind, n, level)]
    start, end = reporting.data_period(year, kind, n)
    due = dt.date(year, month, day)
    with acting_as(by):
        return ReportingPeriod.objects.get_or_create(
            province=province, year=year, kind=kind, n=n, level=level,
            defaults={"data_start": start, "data_end": end, "due_date": due,
                      "cut_off": reporting.default_cut_off(end, due)})[0]


def _at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=TZ)


def _pdf(lines: list[str]) -> bytes:
    """A small, valid one-page PDF with `lines` of ASCII text (a scanned minute stands in for it)."""
    text = "BT /F1 11 Tf 56 790 Td 14 TL " + " ".join(f"({line}) '" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(text)} >>\nstream\n{text}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = "%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n" + "".join(f"{o:010d} 00000 n \n" for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return out.encode("ascii")


def _evidence(org: Organization, period: ReportingPeriod, name: str) -> ContentFile:
    title = name.removesuffix(".pdf").replace("-", " ").upper()
    lines = [title, f"{org.code} - {period.year} ({period.kind})", ""] + [
        f"{n}. Noi dung {n}: da thuc hien theo ke hoach, co bien ban va danh sach kem theo." for n in range(1, 31)]
    return ContentFile(_pdf(lines), name=name)


def _report(period: ReportingPeriod, org: Organization, entry: Entry) -> bool:
    author, receiver = _who(org), _who(reporting.receiver_of(period, org))
    if author is None or receiver is None:
        return False
    report = reporting.start_report(period, org, by=author)
    results, limits, proposals = _narrative(org, period.year, period.kind, period.level)
    reporting.edit_narrative(report, results=results, limits=limits, proposals=proposals, by=author)
    if entry.evidence:
        reporting.add_evidence(report, [_evidence(org, period, name) for name in entry.evidence], by=author)
        uploaded = _at((entry.sent or period.effective_due) - dt.timedelta(days=1), 15)
        attachments_of(report).update(uploaded_at=uploaded)
    if entry.sent is None:
        return True
    steps = [("submit", author, entry.sent, "")]
    if entry.returned:
        steps += [("return", receiver, entry.sent + dt.timedelta(days=2), entry.returned),
                  ("submit", author, entry.sent + dt.timedelta(days=4), "")]
    if entry.final == "accepted":
        steps.append(("accept", receiver, steps[-1][2] + dt.timedelta(days=3), ""))
    for hour, (action, by, day, comment) in enumerate(steps, start=9):
        when = _at(day, hour)
        reporting.take_step(report, action, by=by, comment=comment, now=when)
        # The step log shows when each step was taken (the demo replays them today).
        ReportStep.objects.filter(pk=report.steps.order_by("-pk").first().pk).update(at=when)
    return True


@transaction.atomic
def load() -> int:
    """Returns how many reports were added (0 when loaded already)."""
    province = Organization.objects.filter(code=PROVINCE).first()
    coordinator = _user("coordinator")
    if province is None or coordinator is None:
        return 0
    organizations = {org.code: org for org in Organization.objects.filter(path__startswith=province.path)}
    added = 0
    for (year, kind, n, level), entries in ROUNDS.items():
        period = _period(province, year, kind, n, level, by=coordinator)
        if Report.objects.filter(period=period).exists() or period.closed:
            continue
        expected = {org.pk for org in reporting.expected_organizations(period)}
        for entry in entries:
            org = organizations.get(entry.code)
            if org is not None and org.pk in expected and _report(period, org, entry):
                added += 1
        if year in CLOSED_YEARS:
            reporting.close_period(period, by=coordinator)
    return added
