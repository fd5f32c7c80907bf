"""A plan as the official .docx its organization signs (Nghị định 30/2020/NĐ-CP)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from documents.docx import Appendix, DocumentHeader, OfficialDocument, Signature
from legal.models import LegalDocument, LegalDocumentKind
from orgs.models import Organization
from plans.models import Plan

# Laws, decrees and circulars are the legal ground ("Căn cứ"); directives, resolutions, plans and
# letters of superiors are carried out ("Thực hiện").
GROUNDS = {LegalDocumentKind.LAW, LegalDocumentKind.DECREE, LegalDocumentKind.CIRCULAR}
KIND_NAMES = {
    LegalDocumentKind.RESOLUTION: "Nghị quyết", LegalDocumentKind.DECISION: "Quyết định",
    LegalDocumentKind.DIRECTIVE: "Chỉ thị", LegalDocumentKind.CONCLUSION: "Kết luận",
    LegalDocumentKind.PLAN: "Kế hoạch", LegalDocumentKind.PROGRAMME: "Chương trình",
    LegalDocumentKind.REGULATION: "Quy chế", LegalDocumentKind.LAW: "Luật", LegalDocumentKind.DECREE: "Nghị định",
    LegalDocumentKind.CIRCULAR: "Thông tư", LegalDocumentKind.GUIDANCE: "Hướng dẫn",
    LegalDocumentKind.OFFICIAL_LETTER: "Công văn",
}

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _name_on(organization: Organization, day: dt.date, *, short: bool) -> str:
    """The name borne on `day`; short names are not dated, so a renamed body prints its old full name."""
    name = organization.name_on(day)
    if name != organization.name:
        return name
    return (organization.short_name or name) if short else name


def plan_header(plan: Plan) -> DocumentHeader:
    organization = plan.organization
    parent = organization.parent
    # A plan prints the names borne on its date (a draft: today), also after a later rename.
    day = plan.date or timezone.localdate()
    return DocumentHeader(
        parent_body=_name_on(parent, day, short=True) if parent else "",
        issuing_body=_name_on(organization, day, short=bool(parent and parent.kind == "province")),
        number_symbol=plan.number_symbol,
        place=plan.place,
        date=plan.date,
        type_name="Kế hoạch",
        title=plan.title,
        recipients=plan.recipient_list,
        archive=plan.archive,
        signature=Signature(plan.signer_authority, plan.signer_principal, plan.signer_title, plan.signer_name),
        year=plan.year,
    )


def basis_lines(plan: Plan) -> list[str]:
    """The "Căn cứ …;" / "Thực hiện …;" lines from the documents the plan cites, grounds first, oldest first.

    A document the introduction already names is not repeated.
    """
    documents = sorted(plan.basis_documents.all(), key=lambda d: (d.kind not in GROUNDS, d.date or dt.date.max))
    lines = []
    for document in documents:
        if document.number in plan.introduction:
            continue
        lines.append(f"{'Căn cứ' if document.kind in GROUNDS else 'Thực hiện'} {_cited(document)};")
    return lines


def _cited(document: LegalDocument) -> str:
    """ "Chỉ thị số 16/CT-TTg ngày 16/05/2016 của Thủ tướng Chính phủ về …"; a title that names the kind
    ("Luật Thực hiện dân chủ ở cơ sở") is printed as the document's name."""
    kind = KIND_NAMES.get(document.kind, "văn bản")
    title = document.title.strip().rstrip(".;")
    named = bool(title) and title.lower().startswith(kind.lower())
    text = f"{title if named else kind} số {document.number}"
    if document.date:
        text += f" ngày {document.date:%d/%m/%Y}"
    if document.issuer:
        text += f" của {document.issuer}"
    if title and not named:
        text += f" {title}" if title.lower().startswith(("về ", "v/v")) else f" về {title[0].lower()}{title[1:]}"
    return text


def assignments_appendix(plan: Plan, assignments, issuing_body: str) -> Appendix:
    date = f" ngày {plan.date:%d/%m/%Y}" if plan.date else ""
    rows = []
    for index, assignment in enumerate(assignments, 1):
        if assignment.due_date:
            due = f"{assignment.due_date:%d/%m/%Y}"
        elif assignment.recurrence:
            due = assignment.get_recurrence_display()
        else:
            due = "Thường xuyên"
        rows.append([str(index), assignment.task, assignment.lead_unit.name,
                     ", ".join(unit.name for unit in assignment.support_units.all()), str(due)])
    return Appendix(
        title="Danh mục nhiệm vụ",
        reference=f"(Kèm theo Kế hoạch số {plan.number_symbol}{date} của {issuing_body})",
        headers=["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn hoàn thành"],
        rows=rows,
        widths_cm=[1.5, 5.1, 3.5, 3.3, 3.1],  # STT stays on one line with a wider fallback font
    )


def render_plan_docx(plan: Plan) -> bytes:
    header = plan_header(plan)
    document = OfficialDocument(header)
    for line in basis_lines(plan):
        document.paragraph(line, italic=False)
    for line in _lines(plan.introduction):
        document.paragraph(line)
    sections = []
    if plan.purposes:
        sections.append(("MỤC ĐÍCH, YÊU CẦU", lambda: [document.paragraph(line) for line in _lines(plan.purposes)]))
    areas = list(plan.content_areas.prefetch_related("activities"))
    if areas:
        sections.append(("NỘI DUNG THỰC HIỆN", lambda: _content(document, areas)))
    targets = list(plan.targets.all())
    if targets:
        sections.append(("CHỈ TIÊU", lambda: [document.paragraph(f"{i}. {t.text}") for i, t in enumerate(targets, 1)]))
    assignments = list(plan.assignments.select_related("lead_unit").prefetch_related("support_units"))
    if assignments:
        sections.append(("TỔ CHỨC THỰC HIỆN", lambda: _assignments(document, assignments)))
    for index, (title, write) in enumerate(sections):
        document.heading(f"{ROMAN[index]}. {title}")
        write()
    for line in _lines(plan.closing):
        document.paragraph(line)
    if assignments:
        document.appendices.append(assignments_appendix(plan, assignments, plan.organization.name))
    # Dated as the plan is (a draft: now).
    created = dt.datetime.combine(plan.date, dt.time(8)) if plan.date else timezone.localtime().replace(tzinfo=None)
    document.properties(
        author=plan.organization.name, title=f"Kế hoạch {plan.number_symbol.strip()}: {plan.title}",
        subject=plan.title, created=created, keywords=f"{plan.number_symbol.strip()}, {plan.year}",
    )
    return document.finish()


def _content(document: OfficialDocument, areas) -> None:
    for index, area in enumerate(areas, 1):
        document.paragraph(f"{index}. {area.title}", bold=True)
        for line in _lines(area.description):
            document.paragraph(line)
        for activity in area.activities.all():
            document.paragraph(f"- {activity.text}")


def _assignments(document: OfficialDocument, assignments) -> None:
    by_unit: dict[int, list] = {}
    units = {}
    for assignment in assignments:
        by_unit.setdefault(assignment.lead_unit_id, []).append(assignment)
        units[assignment.lead_unit_id] = assignment.lead_unit
    for index, (unit_id, items) in enumerate(by_unit.items(), 1):
        document.paragraph(f"{index}. {units[unit_id].name}", bold=True)
        for assignment in items:
            details = []
            supports = [unit.name for unit in assignment.support_units.all()]
            if supports:
                details.append("phối hợp: " + ", ".join(supports))
            if assignment.due_date:
                details.append(f"thời hạn: {assignment.due_date:%d/%m/%Y}")
            elif assignment.recurrence:
                details.append(f"định kỳ {assignment.get_recurrence_display().lower()}")
            suffix = f" ({'; '.join(details)})" if details else ""
            document.paragraph(f"- {assignment.task}{suffix}.")
