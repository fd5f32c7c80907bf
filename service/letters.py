"""The letters as .docx in the layout of Nghị định 30/2020/NĐ-CP: the apology slip with the fields of
Mẫu 04 (TT 01/2018/TT-VPCP, "Phiếu xin lỗi và hẹn lại ngày trả kết quả") and the thank-you letter."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from documents.docx import DocumentHeader, OfficialDocument, Signature
from orgs.models import Organization
from service.models import Letter, LetterKind
from service.services import number_symbol


def _name(organization: Organization, day: dt.date, *, short: bool) -> str:
    name = organization.name_on(day)
    if name != organization.name:
        return name
    return (organization.short_name or name) if short else name


def _place(organization: Organization) -> str:
    """The province's name without its title ("UBND tỉnh Tây Ninh" -> "Tây Ninh")."""
    province = Organization.objects.filter(pk=int(organization.path.strip("/").split("/")[0])).first()
    name = (province.name if province else organization.name).strip()
    for prefix in ("Ủy ban nhân dân tỉnh ", "UBND tỉnh ", "Ủy ban nhân dân thành phố ", "UBND thành phố "):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


def _header(letter: Letter) -> DocumentHeader:
    organization = letter.organization
    parent = organization.parent
    apology = letter.kind == LetterKind.APOLOGY
    return DocumentHeader(
        parent_body=_name(parent, letter.date, short=True) if parent else "",
        issuing_body=_name(organization, letter.date, short=bool(parent and parent.kind == "province")),
        number_symbol=number_symbol(letter),
        place=_place(organization),
        date=letter.date,
        type_name="Phiếu xin lỗi và hẹn lại ngày trả kết quả" if apology else "Thư cảm ơn",
        title=f"Hồ sơ {letter.dossier_code}",
        recipients=["Bộ phận Tiếp nhận và Trả kết quả"] if apology else [],
        signature=Signature(principal="Thủ trưởng cơ quan" if not letter.signer_title else "",
                            title=letter.signer_title, name=letter.signer_name),
    )


def _due(letter: Letter) -> str:
    due = timezone.localtime(letter.due_at)
    return f"{due:%H} giờ {due:%M} phút, ngày {due:%d/%m/%Y}"


def render_letter(letter: Letter) -> bytes:
    header = _header(letter)
    document = OfficialDocument(header)
    organization = letter.organization.name
    identifier = f" (số định danh: {letter.applicant_id})" if letter.applicant_id else ""
    document.addressees([f"{letter.applicant}{identifier}"])
    if letter.kind == LetterKind.APOLOGY:
        document.paragraph(
            f"Ngày {letter.received_on:%d/%m/%Y}, {organization} tiếp nhận giải quyết hồ sơ đề nghị "
            f"{letter.procedure} của ông/bà, mã hồ sơ {letter.dossier_code}.")
        document.paragraph(f"Thời gian hẹn trả kết quả giải quyết hồ sơ: {_due(letter)}.")
        document.paragraph(f"Tuy nhiên đến nay, {organization} chưa trả kết quả giải quyết hồ sơ cho ông/bà đúng "
                           f"hẹn. Lý do: {letter.reason.strip().rstrip('.')}.")
        document.paragraph(f"Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại của ông/bà. {organization} "
                           "thành thật xin lỗi ông/bà và sẽ trả kết quả giải quyết hồ sơ cho ông/bà vào ngày "
                           f"{letter.new_due_date:%d/%m/%Y}.")
        document.paragraph("Mong nhận được sự thông cảm của ông/bà.")
    else:
        document.paragraph(
            f"{organization} trân trọng cảm ơn ông/bà đã tin tưởng lựa chọn sử dụng dịch vụ, thực hiện thủ tục "
            f"{letter.procedure} (mã hồ sơ {letter.dossier_code}, tiếp nhận ngày {letter.received_on:%d/%m/%Y}).")
        for line in [line.strip() for line in letter.body.splitlines() if line.strip()]:
            document.paragraph(line)
        document.paragraph(f"{organization} mong tiếp tục nhận được ý kiến góp ý của ông/bà để phục vụ người dân "
                           "ngày càng tốt hơn./.")
    document.properties(author=organization, title=header.type_name, subject=header.title,
                        created=dt.datetime.combine(letter.date, dt.time(8)))
    return document.finish()


def filename(letter: Letter) -> str:
    kind = "phieu-xin-loi" if letter.kind == LetterKind.APOLOGY else "thu-cam-on"
    return f"{kind}-{letter.dossier_code}.docx"
