"""Demo periodic reports (`danvan load_demo`, after indicators.demo; not the test suite's demo, whose
tests count from nothing): Tây Ninh's 2024 is complete — every unit's six-month and annual report and
every agency's annual report in, some late, all accepted, the periods closed — and 2025's six-month
round of the units is under way with some missing. The year under way (relative to today, so the demo
stays right in later years) has every round already due: most reports in and accepted, one late, one
returned and sent again, a unit missing, and the agencies' annual report (Sở Xây dựng's numbered from its
register on submission, Sở VHTTDL's missing); rounds not yet due have nothing. Written by the demo
accounts through the services (so their history and steps are there), on the dates the tables below
give; the narratives read like the units' real reports; evidence where a unit would attach it.

Idempotent and independent of row ids: organizations are found by code, periods by province, year,
kind and level; a period that already has reports is left as it is.
"""

from __future__ import annotations

import datetime as dt
import io
import textwrap
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

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
    sent: dt.date | int | None  # first submitted; an int: working days from the effective due date; None: missing
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


def current_rounds(today: dt.date) -> dict[tuple[int, str, int, str], list[Entry]]:
    """The year under way: its rounds already due by `today` (dates counted from each due date)."""
    rounds = {
        (PeriodKind.HALF, 1, ReportLevel.UNIT): [
            Entry("TN.SXD.QLXD", -2, evidence=("bien-ban-doi-thoai-doanh-nghiep.pdf",)),
            Entry("TN.SXD.TTR", -1, returned="Đề nghị nêu rõ số vụ việc đã giải quyết dứt điểm và số còn tồn."),
            Entry("TN.SXD.VP", 2, evidence=("so-lieu-mot-cua-6-thang.pdf",)),  # late
            Entry("TN.SXD.QHKT", None),  # nothing sent: missing
        ],
        (PeriodKind.YEAR, 1, ReportLevel.UNIT): [
            Entry("TN.SXD.QLXD", -1, final="submitted",
                  returned="Phần hạn chế cần nêu nguyên nhân chủ quan; bổ sung kiến nghị cụ thể."),
            Entry("TN.SXD.TTR", -3, evidence=("ket-luan-kiem-tra-cong-vu.pdf",)),
            Entry("TN.SXD.VP", 1),  # late
            Entry("TN.SXD.QHKT", None, final="draft"),  # begun, never sent: missing
        ],
        (PeriodKind.YEAR, 1, ReportLevel.AGENCY): [
            Entry("TN.SXD", -2, evidence=("bao-cao-ky-so.pdf",)),  # numbered from its register when sent
            Entry("TN.SNV", -1),
            Entry("TN.SVHTTDL", None, final="draft"),  # missing
        ],
    }
    due = {key: dt.date(today.year, *reporting.DEFAULT_DUE[key]) for key in rounds}
    return {(today.year, *key): entries for key, entries in rounds.items() if due[key] < today}


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
    "TN.SXD.QHKT": ("tiếp nhận {n} phản ánh, kiến nghị của người dân về quy hoạch, kiến trúc; trả lời bằng "
                    "văn bản {p}% trong thời hạn quy định, tổ chức lấy ý kiến cộng đồng dân cư về các đồ án quy hoạch"),
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
LIMITS += [
    "Việc lấy ý kiến người dân qua hộp thư góp ý điện tử còn ít; một số phản ánh gửi đến chưa rõ địa chỉ nên "
    "không trả lời được. Nguyên nhân: chưa tuyên truyền rộng rãi kênh tiếp nhận trực tuyến.",
    "Sau sắp xếp bộ máy, khối lượng hồ sơ tăng trong khi nhân sự chưa được bổ sung kịp thời; phần mềm một cửa "
    "có thời điểm gián đoạn khi chuyển đổi dữ liệu.",
]
PROPOSALS = [
    "Đề nghị Sở tổ chức tập huấn kỹ năng dân vận, giao tiếp ứng xử cho công chức trực tiếp tiếp dân.",
    "Đề nghị bố trí kinh phí in tài liệu tuyên truyền và nâng cấp trang thiết bị tại Bộ phận một cửa.",
    "Đề nghị Ban Chỉ đạo Quy chế dân chủ ở cơ sở của tỉnh sớm ban hành hướng dẫn tiêu chí đánh giá năm.",
    "Kiến nghị Sở Nội vụ tham mưu UBND tỉnh bổ sung biên chế cho các đơn vị tiếp nhận nhiệm vụ sau sắp xếp.",
    "Đề nghị Văn phòng Sở phối hợp Trung tâm Phục vụ hành chính công khắc phục lỗi đồng bộ dữ liệu hồ sơ.",
]
# How a unit's report opens: a few ways, picked by organization and period so that neighbours differ.
UNIT_OPENINGS = [
    ("Trong {span} {year}, {name} đã quán triệt Kế hoạch công tác dân vận chính quyền của Sở đến toàn thể "
     "công chức, viên chức; tổ chức sinh hoạt chuyên đề về Quy chế dân chủ ở cơ sở và văn hóa công vụ. "
     "Đơn vị đã {work}."),
    ("Thực hiện Kế hoạch của Sở, trong {span} {year} {name} đã phân công cụ thể từng nhiệm vụ cho công chức "
     "phụ trách, lồng ghép nội dung dân vận chính quyền vào các cuộc họp giao ban hằng tháng. Kết quả, đơn vị "
     "đã {work}. Không có trường hợp công chức vi phạm quy tắc ứng xử bị phản ánh."),
    ("Kết quả nổi bật {span} {year}: {name} đã {work}. Bên cạnh đó, đơn vị duy trì niêm yết công khai số điện "
     "thoại của lãnh đạo phụ trách, đăng ký xây dựng mô hình “Dân vận khéo” gắn với cải cách hành chính."),
]
AGENCY_RESULTS_CURRENT = (
    "Căn cứ Kế hoạch số 09/KH-SXD ngày 20/03/{year}, {name} đã triển khai công tác dân vận chính quyền gắn với "
    "thực hiện nhiệm vụ chính trị của ngành sau sắp xếp tổ chức bộ máy. Đã tổ chức {k} hội nghị quán triệt, "
    "với {p}% cán bộ, công chức, viên chức tham dự; tiếp nhận, giải quyết {n} hồ sơ thủ tục hành chính, "
    "trong đó có hồ sơ chuyển giao từ lĩnh vực giao thông vận tải; đối thoại với doanh nghiệp và người dân "
    "về thủ tục cấp phép xây dựng, đăng kiểm phương tiện. Kết quả kiểm tra công vụ: không phát hiện vi phạm."
)
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


def _narrative(org: Organization, year: int, kind: str, level: str, *, current: bool = False) -> tuple[str, str, str]:
    n, p = _numbers(org.code, year, kind)
    if level == ReportLevel.AGENCY:
        template = AGENCY_RESULTS_CURRENT if current and org.code == "TN.SXD" else AGENCY_RESULTS
        results = template.format(year=year, name=org.name, n=n * 12, p=p, k=2 + n % 3)
    else:
        span = "6 tháng đầu năm" if kind == PeriodKind.HALF else "năm"
        work = WORK.get(org.code, "thực hiện đầy đủ các nhiệm vụ được giao trong Kế hoạch").format(n=n, p=p)
        opening = UNIT_OPENINGS[(sum(ord(c) for c in org.code) + year + len(kind)) % len(UNIT_OPENINGS)]
        results = opening.format(span=span, year=year, name=org.name, work=work)
    pick = (sum(ord(c) for c in org.code) + year) % len(LIMITS)
    return results, LIMITS[pick], PROPOSALS[(pick + year + len(kind)) % len(PROPOSALS)]


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


TITLES = {
    "bien-ban-hoc-tap-quan-triet.pdf": "BIÊN BẢN HỌC TẬP, QUÁN TRIỆT",
    "so-lieu-mot-cua-6-thang.pdf": "SỐ LIỆU BỘ PHẬN MỘT CỬA 6 THÁNG",
    "danh-sach-tham-du-hoc-tap.pdf": "DANH SÁCH THAM DỰ HỌC TẬP",
    "bao-cao-ky-so.pdf": "BÁO CÁO (BẢN KÝ SỐ)",
    "bien-ban-hoi-nghi-dan-chu.pdf": "BIÊN BẢN HỘI NGHỊ DÂN CHỦ",
    "bien-ban-doi-thoai-doanh-nghiep.pdf": "BIÊN BẢN ĐỐI THOẠI VỚI DOANH NGHIỆP",
    "ket-luan-kiem-tra-cong-vu.pdf": "KẾT LUẬN KIỂM TRA CÔNG VỤ",
}
CONTENTS = {
    "bien-ban-doi-thoai-doanh-nghiep.pdf": "đối thoại với doanh nghiệp về thủ tục cấp giấy phép xây dựng, "
                                           "tiếp nhận kiến nghị về thời gian giải quyết hồ sơ",
    "ket-luan-kiem-tra-cong-vu.pdf": "kiểm tra việc chấp hành kỷ luật, kỷ cương hành chính và quy tắc ứng xử "
                                     "của công chức tại Bộ phận một cửa",
    "so-lieu-mot-cua-6-thang.pdf": "tổng hợp số liệu tiếp nhận, giải quyết hồ sơ thủ tục hành chính 6 tháng",
    "bien-ban-hoi-nghi-dan-chu.pdf": "hội nghị cán bộ, công chức, viên chức; thảo luận Quy chế dân chủ ở cơ sở",
}
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"  # fonts-dejavu-core
EVIDENCE_LINES = [
    "Thời gian: 08 giờ 00 phút; địa điểm: Hội trường {org}.",
    "Thành phần: lãnh đạo đơn vị, công chức, viên chức và đại diện Ban Thanh tra nhân dân.",
    "Nội dung: {content}.",
    "Số người tham dự: {n}/{total}; vắng có lý do: {absent}.",
    "Ý kiến phát biểu: đề nghị rút ngắn thời gian trả kết quả hồ sơ, công khai số điện thoại đường dây nóng.",
    "Kết luận: các ý kiến được tiếp thu, giao Văn phòng tổng hợp, báo cáo lãnh đạo trong 05 ngày làm việc.",
    "Biên bản kết thúc lúc 10 giờ 30 phút cùng ngày, được thông qua và các thành viên thống nhất ký tên.",
]


def _vietnamese_pdf(title: str, lines: list[str]) -> bytes | None:
    """The evidence typeset in DejaVu Sans (Vietnamese with its marks), or None without reportlab or the font."""
    try:
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        from reportlab.pdfgen import canvas
    except ImportError:
        return None
    try:
        if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("DejaVuSans", FONT))
    except Exception:  # noqa: BLE001 - the font is missing or unreadable: the plain PDF stands in
        return None
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)  # the same bytes on every load
    pdf.setFont("DejaVuSans", 11)
    pdf.drawCentredString(A4[0] / 2, 800, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    pdf.drawCentredString(A4[0] / 2, 785, "Độc lập - Tự do - Hạnh phúc")
    pdf.setFont("DejaVuSans", 13)
    pdf.drawCentredString(A4[0] / 2, 750, title)
    pdf.setFont("DejaVuSans", 10.5)
    y = 720
    for line in lines:
        for part in textwrap.wrap(line, 95):
            pdf.drawString(56, y, part)
            y -= 15
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _evidence(org: Organization, period: ReportingPeriod, name: str) -> ContentFile:
    n, _p = _numbers(org.code, period.year, period.kind)
    total = 12 + n % 20
    title = name.removesuffix(".pdf").replace("-", " ").upper()
    words = f"6 tháng đầu năm {period.year}" if period.kind == PeriodKind.HALF else f"năm {period.year}"
    content = CONTENTS.get(name, "quán triệt Kế hoạch công tác dân vận chính quyền và Quy chế dân chủ ở cơ sở")
    lines = [f"{org.name} — kỳ báo cáo {words}", ""] + [
        line.format(org=org.name, n=total - n % 3, total=total, absent=n % 3, content=content)
        for line in EVIDENCE_LINES]
    typeset = _vietnamese_pdf(TITLES.get(name, title), lines)
    if typeset is not None:
        return ContentFile(typeset, name=name)
    ascii_lines = [title, f"{org.code} - {period.year} ({period.kind})", ""] + [
        f"{n}. Noi dung {n}: da thuc hien theo ke hoach, co bien ban va danh sach kem theo." for n in range(1, 31)]
    return ContentFile(_pdf(ascii_lines), name=name)


def _workday(day: dt.date) -> dt.date:
    while day.isoweekday() > 5:
        day += dt.timedelta(days=1)
    return day


def _sent_on(entry: Entry, period: ReportingPeriod) -> dt.date | None:
    if isinstance(entry.sent, int):
        day, step = period.effective_due, 1 if entry.sent > 0 else -1
        for _n in range(abs(entry.sent)):
            day += dt.timedelta(days=step)
            while day.isoweekday() > 5:
                day += dt.timedelta(days=step)
        return day
    return entry.sent


def _report(period: ReportingPeriod, org: Organization, entry: Entry, *, today: dt.date, current: bool) -> bool:
    author, receiver = _who(org), _who(reporting.receiver_of(period, org))
    if author is None or receiver is None:
        return False
    sent = _sent_on(entry, period)
    if sent is None and entry.final != "draft":
        return False  # nothing at all: missing
    report = reporting.start_report(period, org, by=author)
    results, limits, proposals = _narrative(org, period.year, period.kind, period.level, current=current)
    reporting.edit_narrative(report, results=results, limits=limits, proposals=proposals, by=author)
    if entry.evidence:
        reporting.add_evidence(report, [_evidence(org, period, name) for name in entry.evidence], by=author)
        uploaded = _at((sent or period.effective_due) - dt.timedelta(days=1), 15)
        attachments_of(report).update(uploaded_at=uploaded)
    if sent is None:
        return True
    steps = [("submit", author, sent, "")]
    if entry.returned:
        steps += [("return", receiver, _workday(sent + dt.timedelta(days=2)), entry.returned),
                  ("submit", author, _workday(sent + dt.timedelta(days=4)), "")]
    if entry.final == "accepted":
        steps.append(("accept", receiver, _workday(steps[-1][2] + dt.timedelta(days=3)), ""))
    for hour, (action, by, day, comment) in enumerate(steps, start=9):
        if day > today:
            break  # not yet: the report waits where it is
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
    today = timezone.localdate()
    current = {key: entries for key, entries in current_rounds(today).items() if key not in ROUNDS}
    for (year, kind, n, level), entries in {**ROUNDS, **current}.items():
        period = _period(province, year, kind, n, level, by=coordinator)
        if Report.objects.filter(period=period).exists() or period.closed:
            continue
        expected = {org.pk for org in reporting.expected_organizations(period)}
        for entry in entries:
            org = organizations.get(entry.code)
            if org is not None and org.pk in expected and _report(
                    period, org, entry, today=today, current=(year, kind, n, level) in current):
                added += 1
        if year in CLOSED_YEARS:
            reporting.close_period(period, by=coordinator)
    return added
