"""The petitions' notices (.docx, NĐ 30/2020 layout) and the citizen-reception book (.docx, Mẫu 03/TCD)."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt

from citizens.models import Petition, PetitionEvent, PetitionKind
from documents.docx import DocumentHeader, OfficialDocument, Signature, vietnamese_date

KIND_NAMES = {PetitionKind.COMPLAINT: "khiếu nại", PetitionKind.DENUNCIATION: "tố cáo",
              PetitionKind.RECOMMENDATION: "kiến nghị", PetitionKind.FEEDBACK: "phản ánh"}
KIND_CODES = {PetitionKind.COMPLAINT: "KN", PetitionKind.DENUNCIATION: "TC", PetitionKind.RECOMMENDATION: "KNg",
              PetitionKind.FEEDBACK: "PA"}


def _parent_name(organization) -> str:
    parent = organization.parent
    return parent.name.upper() if parent else ""


def petition_notice(petition: Petition, event: PetitionEvent) -> bytes:
    """Thông báo thụ lý (Mẫu 03, NĐ 124/2020) or Thông báo không thụ lý with its reason (Mẫu 04)."""
    accepted = event.transition == "accept"
    kind = KIND_NAMES[petition.kind]
    organization = petition.organization
    number = event.notice.number_symbol if event.notice else f"     /TB-{organization.symbol}"
    header = DocumentHeader(
        parent_body=_parent_name(organization), issuing_body=organization.name.upper(), number_symbol=number,
        place="Tây Ninh", date=event.notice.date if event.notice else event.date, type_name="THÔNG BÁO",
        title=f"Về việc {'thụ lý' if accepted else 'không thụ lý'} giải quyết {kind}",
        recipients=[petition.petitioner_name or "Người gửi đơn", "Cơ quan, đơn vị có liên quan"],
        signature=Signature(title="THỦ TRƯỞNG CƠ QUAN", name=""))
    document = OfficialDocument(header)
    document.paragraph(f"Kính gửi: {petition.petitioner_name or 'Người gửi đơn'}", indent=False)
    if petition.petitioner_address:
        document.paragraph(f"Địa chỉ: {petition.petitioner_address}", indent=False)
    document.paragraph(
        f"Ngày {petition.received_on:%d/%m/%Y}, {organization.name} đã nhận được đơn {kind} "
        f"(mã {petition.code}) về việc: {petition.subject}.")
    if accepted:
        document.paragraph(f"Sau khi xem xét nội dung đơn, {organization.name} thông báo thụ lý giải quyết {kind} "
                           f"kể từ ngày {event.date:%d/%m/%Y}.")
    else:
        document.paragraph(f"Sau khi xem xét nội dung đơn, {organization.name} thông báo không thụ lý giải quyết "
                           f"{kind} với lý do: {event.reason}.")
    document.paragraph("Vậy thông báo để người gửi đơn biết.")
    return document.finish()


def _reception_header(reception, type_name: str, title: str, symbol: str) -> DocumentHeader:
    organization = reception.organization
    return DocumentHeader(
        parent_body=_parent_name(organization), issuing_body=organization.name.upper(),
        number_symbol=f"     /{symbol}-{organization.symbol}", place="Tây Ninh", date=reception.date,
        type_name=type_name, title=title, recipients=[reception.citizen_name or "Công dân"],
        signature=Signature(title="NGƯỜI TIẾP CÔNG DÂN" if symbol == "GBN" else "THỦ TRƯỞNG CƠ QUAN",
                            name=reception.host if symbol == "GBN" else ""))


def reception_refusal(reception) -> bytes:
    """Mẫu 01/TCD: Thông báo về việc từ chối tiếp công dân, with its reason."""
    document = OfficialDocument(_reception_header(reception, "THÔNG BÁO", "Về việc từ chối tiếp công dân", "TB"))
    document.paragraph(f"Kính gửi: {reception.citizen_name or 'Công dân'}", indent=False)
    if reception.citizen_address:
        document.paragraph(f"Địa chỉ: {reception.citizen_address}", indent=False)
    document.paragraph(f"Ngày {reception.date:%d/%m/%Y}, ông/bà {reception.citizen_name} đến "
                       f"{reception.organization.name} để trình bày nội dung: {reception.matter}.")
    document.paragraph(f"Căn cứ Điều 9 Luật Tiếp công dân năm 2013, {reception.organization.name} từ chối tiếp "
                       f"công dân với lý do: {reception.refusal_reason}.")
    document.paragraph("Vậy thông báo để ông/bà biết.")
    return document.finish()


def reception_receipt(reception) -> bytes:
    """Mẫu 02/TCD: Giấy biên nhận thông tin, tài liệu, bằng chứng (name, pages, condition)."""
    document = OfficialDocument(_reception_header(reception, "GIẤY BIÊN NHẬN",
                                                  "Thông tin, tài liệu, bằng chứng", "GBN"))
    document.paragraph(f"Vào ngày {reception.date:%d/%m/%Y}, tại {reception.organization.name}, "
                       f"{reception.host} đã nhận của ông/bà {reception.citizen_name or '…'}"
                       f"{', địa chỉ ' + reception.citizen_address if reception.citizen_address else ''}"
                       f"{', số CCCD/hộ chiếu ' + reception.citizen_id_number if reception.citizen_id_number else ''}"
                       " các thông tin, tài liệu, bằng chứng sau:")
    rows = [[str(i), name, pages, condition] for i, (name, pages, condition) in enumerate(reception.document_rows(), 1)]
    document.table(["STT", "Tên tài liệu", "Số trang", "Tình trạng"], rows, [1.5, 8.5, 2.5, 4], centred=(0, 2))
    document.paragraph("Giấy biên nhận được lập thành 02 bản, mỗi bên giữ 01 bản.")
    return document.finish()


BOOK_HEADERS = ["STT", "Ngày tiếp", "Họ tên, địa chỉ", "CCCD/Hộ chiếu", "Nội dung", "Loại đơn",
                "Số người cùng nội dung", "Cơ quan đã giải quyết", "Thuộc thẩm quyền",
                "Hướng dẫn đến cơ quan", "Cơ quan thụ lý", "Theo dõi kết quả", "Ghi chú"]


def book_row(index: int, reception, visible: bool) -> list[str]:
    citizen = ", ".join(p for p in (reception.citizen_name, reception.citizen_address) if p) if visible else "—"
    return [str(index), f"{reception.date:%d/%m/%Y}", citizen, reception.citizen_id_number if visible else "—",
            reception.matter, KIND_CODES.get(reception.kind, ""), str(reception.people),
            reception.already_settled_by, "x" if reception.competent else "", reception.guided_to,
            reception.accepted_by, reception.follow_up, reception.notes]


def reception_book(receptions, visible: set[int]) -> bytes:
    """Sổ tiếp công dân (Mẫu 03/TCD, NĐ 154/2026): A4 landscape, one row per citizen received."""
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21)
    section.left_margin, section.right_margin, section.top_margin, section.bottom_margin = (
        Cm(2), Cm(1.5), Cm(2), Cm(2))
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(11)
    title = document.add_paragraph()
    title.alignment = 1
    run = title.add_run("SỔ TIẾP CÔNG DÂN")
    run.bold, run.font.size = True, Pt(14)
    table = document.add_table(rows=1, cols=len(BOOK_HEADERS))
    table.style = document.styles["Table Grid"]
    for cell, text in zip(table.rows[0].cells, BOOK_HEADERS, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for index, reception in enumerate(receptions, 1):
        for cell, text in zip(table.add_row().cells, book_row(index, reception, reception.pk in visible),
                              strict=True):
            cell.text = text or ""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


__all__ = ["petition_notice", "reception_book", "vietnamese_date"]
