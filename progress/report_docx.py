"""A periodic report as the official .docx its organization signs (Nghị định 30/2020/NĐ-CP, Phụ lục I):
the heading block, BÁO CÁO and its subject, "Kính gửi:", the introduction, the three sections (results
with the measured figures and the assignments in tables, limits and causes, proposals), the signature
and "Nơi nhận:". The document is always in Vietnamese, whatever the page's language.

The number, symbol and date are the document register's (progress.numbering) once the report was
submitted; before, the number and the day are left blank for the registry office. The signer, place
and archive are those of the organization's issued plan of the year (the same leader signs its
mobilization documents); without a plan, the signer's lines are left for the author to fill in.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone
from docx.shared import Pt

from documents.docx import DocumentHeader, OfficialDocument, Signature
from indicators.services import Status
from orgs.models import Organization, OrganizationKind
from plans.documents import _name_on
from plans.models import Plan, PlanKind, PlanStatus
from progress import assembly, numbering, reporting
from progress.reporting_models import Report

ROMAN = ["I", "II", "III"]
STATUS_WORDS = {
    Status.MET: "Đạt", Status.MISSED: "Không đạt", Status.AT_RISK: "Có nguy cơ không đạt",
    Status.ON_TRACK: "Đúng tiến độ", Status.NO_DATA: "Chưa có dữ liệu", Status.BY_HAND: "Tự đánh giá",
}


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _number(value: Decimal) -> str:
    """87.5 -> "87,5"; 12.0 -> "12" (Vietnamese decimal comma)."""
    text = f"{value.normalize():f}" if value == value.to_integral() else f"{value:f}"
    return text.replace(".", ",")


def measured(reading) -> str:
    """A reading as the document writes it: "87,5% (35/40)", "12", "Chưa có dữ liệu"."""
    if reading.value is None:
        return "Chưa có dữ liệu" if reading.figure is not None else "—"
    if reading.figure.is_count:
        return _number(reading.value.to_integral())
    return f"{_number(reading.value)}% ({reading.numerator}/{reading.denominator})"


def plan_of(organization: Organization, year: int) -> Plan | None:
    """The organization's issued plan of the year (its annual plan first)."""
    plans = Plan.objects.filter(organization=organization, year=year, status=PlanStatus.ISSUED)
    return plans.filter(kind=PlanKind.ANNUAL).first() or plans.order_by("-date", "-id").first()


def _place(report: Report, plan: Plan | None) -> str:
    if plan is not None and plan.place:
        return plan.place
    name = report.period.province.name
    for prefix in ("Ủy ban nhân dân tỉnh ", "UBND tỉnh ", "Tỉnh ", "tỉnh "):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


def report_header(report: Report, plan: Plan | None, day: dt.date) -> DocumentHeader:
    organization = report.organization
    parent = organization.parent
    entry = report.registration
    symbol = entry.symbol if entry is not None else numbering.symbol_of(report)
    return DocumentHeader(
        parent_body=_name_on(parent, day, short=True) if parent else "",
        issuing_body=_name_on(organization, day, short=bool(parent and parent.kind == OrganizationKind.PROVINCE)),
        number_symbol=entry.number_symbol if entry is not None else f"    /{symbol}",
        place=_place(report, plan),
        date=entry.date if entry is not None else None,
        type_name="Báo cáo",
        title=numbering.subject_of(report),
        recipients=["Như trên"],
        archive=plan.archive if plan is not None else "VT",
        signature=(Signature(plan.signer_authority, plan.signer_principal, plan.signer_title, plan.signer_name)
                   if plan is not None else Signature()),
        year=report.period.year,
    )


def _introduction(report: Report, plan: Plan | None, issuer: str) -> str:
    words = numbering.period_words(report)
    lead = ""
    if plan is not None and plan.number:
        date = f" ngày {plan.date:%d/%m/%Y}" if plan.date else ""
        lead = f"Thực hiện Kế hoạch số {plan.number_symbol}{date} của {issuer} về {plan.title[0].lower()}" \
               f"{plan.title[1:]}, "
    text = f"{lead}{issuer} báo cáo kết quả thực hiện công tác dân vận chính quyền {words} như sau:"
    return text[0].upper() + text[1:]


def _caption(document: OfficialDocument, text: str) -> None:
    """A table's caption: set apart from what comes before, never left alone at the foot of a page."""
    paragraph = document.paragraph(text, bold=True, italic=True)
    paragraph.paragraph_format.space_before = Pt(6)
    paragraph.paragraph_format.keep_with_next = True


def render_report_docx(report: Report) -> bytes:
    period = report.period
    plan = plan_of(report.organization, period.year)
    entry = report.registration
    day = entry.date if entry is not None else timezone.localdate()
    header = report_header(report, plan, day)
    issuer = _name_on(report.organization, day, short=False)
    document = OfficialDocument(header)
    document.addressees([_name_on(report.receiver, day, short=False)])
    document.paragraph(_introduction(report, plan, issuer))

    material = reporting.prefill(report)
    note = f"Số liệu tính từ ngày {period.data_start:%d/%m/%Y} đến ngày {period.cut_off:%d/%m/%Y}"
    if material.estimated_from:
        note += f"; từ ngày {material.estimated_from:%d/%m/%Y} đến ngày {period.data_end:%d/%m/%Y} là số liệu ước tính"
    document.paragraph(f"({note}.)", italic=True)

    gathered = assembly.assemble(report, material)
    figures = gathered.figures if gathered is not None else []

    document.heading(f"{ROMAN[0]}. KẾT QUẢ ĐẠT ĐƯỢC")
    for line in _lines(report.results):
        document.paragraph(line)
    if figures:
        _caption(document, "Kết quả thực hiện các chỉ tiêu:")
        document.table(
            ["STT", "Chỉ tiêu", "Kết quả", "Đánh giá"],
            [[str(index), reading.target.text, measured(reading), STATUS_WORDS[reading.status]]
             for index, reading in enumerate(figures, 1)],
            [1.5, 8.0, 3.6, 3.2], centred=(0, 2, 3))
    if material.assignments:
        _caption(document, "Tiến độ thực hiện nhiệm vụ:")
        document.table(
            ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Tỷ lệ hoàn thành"],
            [[str(index), assignment.task, assignment.lead_unit.name, f"{percent}%"]
             for index, (assignment, percent, _status) in enumerate(material.assignments, 1)],
            [1.5, 7.8, 4.2, 2.8], centred=(0, 3))
    if material.sessions:
        document.paragraph(f"Tổ chức {len(material.sessions)} buổi học tập, quán triệt, tuyên truyền.")
    for section in material.sections:
        _caption(document, f"{section.title}:")
        document.table(["STT", "Nội dung", "Kết quả"],
                       [[str(index), label, value] for index, (label, value) in enumerate(section.rows, 1)],
                       [1.5, 11.0, 3.8], centred=(0, 2))
    if gathered is not None and gathered.units:
        accepted = len(gathered.accepted)
        document.paragraph(f"Tổng hợp từ báo cáo của {accepted}/{len(gathered.units)} đơn vị trực thuộc.",
                           italic=True)

    document.heading(f"{ROMAN[1]}. HẠN CHẾ, NGUYÊN NHÂN")
    for line in _lines(report.limits) or ["Không có."]:
        document.paragraph(line)
    document.heading(f"{ROMAN[2]}. ĐỀ XUẤT, KIẾN NGHỊ")
    for line in _lines(report.proposals) or ["Không có."]:
        document.paragraph(line)
    document.paragraph(f"Trên đây là báo cáo kết quả thực hiện công tác dân vận chính quyền "
                       f"{numbering.period_words(report)} của {issuer}./.")

    created = dt.datetime.combine(entry.date, dt.time(8)) if entry is not None else \
        timezone.localtime().replace(tzinfo=None)
    document.properties(author=report.organization.name, title=f"Báo cáo {header.number_symbol.strip()}: "
                        f"{header.title}", subject=header.title, created=created,
                        keywords=f"{header.number_symbol.strip()}, {period.year}")
    return document.finish()


def filename_of(report: Report) -> str:
    symbol = report.organization.symbol or str(report.organization.pk)
    return f"BC-{symbol}-{report.period.year}-{report.pk}.docx"
