"""The staff conference's minutes (Biên bản) and resolution (Nghị quyết) as .docx in the layout of
Nghị định 30/2020/NĐ-CP (documents.docx); the law gives no template of its own (FORMS.md §5)."""

from __future__ import annotations

from democracy.models import Meeting, MeetingKind
from democracy.services import vote_of
from documents.docx import DocumentHeader, OfficialDocument, Signature
from orgs.models import Organization, OrganizationKind

PROVINCE_PREFIXES = ("Ủy ban nhân dân tỉnh ", "Ủy ban nhân dân Thành phố ", "UBND tỉnh ", "Tỉnh ")


def _place(organization: Organization) -> str:
    ids = organization.path.strip("/").split("/")
    province = Organization.objects.filter(pk=int(ids[0])).values_list("name", flat=True).first() or ""
    for prefix in PROVINCE_PREFIXES:
        if province.startswith(prefix):
            return province[len(prefix):]
    return province


def _conference_name(meeting: Meeting) -> str:
    if meeting.kind == MeetingKind.EXTRAORDINARY:
        return "Hội nghị cán bộ, công chức, viên chức và người lao động bất thường"
    year = f" năm {meeting.work_year + 1}" if meeting.work_year else ""
    return f"Hội nghị cán bộ, công chức, viên chức và người lao động{year}"


def _header(meeting: Meeting, type_name: str, code: str, title: str) -> DocumentHeader:
    organization = meeting.organization
    parent = organization.parent
    symbol = organization.symbol or "CQ"
    return DocumentHeader(
        parent_body=(parent.short_name or parent.name) if parent else "",
        issuing_body=(organization.short_name if parent and parent.kind == OrganizationKind.PROVINCE
                      and organization.short_name else organization.name),
        number_symbol=f"    /{code}-{symbol}", place=_place(organization), date=meeting.date,
        type_name=type_name, title=title,
        recipients=["Lãnh đạo cơ quan", "Công đoàn cơ sở", "Ban Thanh tra nhân dân", "Các phòng, đơn vị"],
        signature=Signature("TM.", "ĐOÀN CHỦ TỊCH", "", meeting.chair),
        year=meeting.date.year,
    )


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def render_minutes(meeting: Meeting) -> bytes:
    attendees = list(meeting.attendees.order_by("organization__path", "sort_key"))
    vote = vote_of(meeting, len(attendees))
    document = OfficialDocument(_header(meeting, "Biên bản", "BB", _conference_name(meeting)))
    place = f" tại {meeting.place}" if meeting.place else ""
    document.paragraph(f"Vào ngày {meeting.date:%d/%m/%Y}{place}, {meeting.organization.name} tổ chức "
                       f"{_conference_name(meeting)[0].lower()}{_conference_name(meeting)[1:]}.")
    document.heading("I. THÀNH PHẦN THAM DỰ")
    document.paragraph(f"Chủ trì: {meeting.chair or '…'}.")
    share = f"{len(attendees) * 100 / vote.roster:.1f}".replace(".", ",") if vote.roster else "0"
    document.paragraph(
        f"Tổng số cán bộ, công chức, viên chức và người lao động: {vote.roster} người; có mặt: {len(attendees)} "
        f"người ({share}%). Hội nghị {'đủ' if vote.quorum else 'không đủ'} điều kiện tiến hành theo quy định "
        f"(ít nhất hai phần ba tổng số).")
    document.heading("II. NỘI DUNG HỘI NGHỊ")
    for index, label in enumerate(meeting.agenda_labels, 1):
        document.paragraph(f"{index}. {label}.")
    if meeting.questions:
        document.heading("III. Ý KIẾN THẢO LUẬN")
        for line in _lines(meeting.questions):
            document.paragraph(line)
    if meeting.answers:
        document.heading("IV. TIẾP THU, GIẢI TRÌNH CỦA THỦ TRƯỞNG CƠ QUAN")
        for line in _lines(meeting.answers):
            document.paragraph(line)
    document.heading("V. BIỂU QUYẾT NGHỊ QUYẾT HỘI NGHỊ")
    if meeting.votes_for is not None:
        against = meeting.votes_against or 0
        document.paragraph(f"Tán thành: {meeting.votes_for}/{len(attendees)} người; không tán thành: {against} "
                           f"người. Nghị quyết {'được' if vote.adopted else 'không được'} thông qua.")
    else:
        document.paragraph("Chưa biểu quyết.")
    if attendees:
        document.table(["STT", "Họ và tên", "Đơn vị"],
                       [[str(i), p.full_name, p.organization.display_name] for i, p in enumerate(attendees, 1)],
                       [1.5, 7.0, 8.0])
    return document.finish()


def render_resolution(meeting: Meeting) -> bytes:
    document = OfficialDocument(_header(meeting, "Nghị quyết", "NQ", _conference_name(meeting)))
    document.paragraph(f"Căn cứ Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15; hội nghị ngày "
                       f"{meeting.date:%d/%m/%Y} của {meeting.organization.name},")
    document.heading("QUYẾT NGHỊ:")
    for line in _lines(meeting.resolution) or ["…"]:
        document.paragraph(line)
    actions = list(meeting.actions.select_related("owner_unit", "owner").order_by("due_date", "pk"))
    if actions:
        document.paragraph("Các nhiệm vụ tổ chức thực hiện:", bold=True)
        document.table(["STT", "Nhiệm vụ", "Đơn vị, người thực hiện", "Thời hạn"],
                       [[str(i), a.description, a.owner_unit.display_name + (f" ({a.owner})" if a.owner else ""),
                         f"{a.due_date:%d/%m/%Y}"] for i, a in enumerate(actions, 1)],
                       [1.2, 7.3, 5.0, 3.0], centred=(0, 3))
    document.paragraph("Nghị quyết được sơ kết 6 tháng một lần; kết quả được thông báo đến toàn thể cán bộ, "
                       "công chức, viên chức và người lao động.")
    return document.finish()
