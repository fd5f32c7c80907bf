"""A plan as the official .docx its organization signs (Nghị định 30/2020/NĐ-CP)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from documents.docx import DocumentHeader, OfficialDocument, Signature
from orgs.models import Organization
from plans.models import Plan

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
    )


def render_plan_docx(plan: Plan) -> bytes:
    document = OfficialDocument(plan_header(plan))
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
