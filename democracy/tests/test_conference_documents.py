"""The conference's minutes and resolution as .docx in the official layout (NĐ 30/2020)."""

import datetime as dt
import io

from django.urls import reverse
from docx import Document

from democracy import services
from democracy.models import FollowUpAction
from democracy.tests.factories import conference
from documents.docx import MOTTO, NATIONAL_TITLE


def _text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_the_minutes_and_resolution_download_in_the_official_layout(client_for, orgs, users):
    meeting = conference(orgs["TN.SXD"], users["focal"], date=dt.date(2025, 3, 12), work_year=2024)
    present = meeting.attendees.count()
    meeting.agenda, meeting.resolution, meeting.votes_for = ["head_report"], "Hoàn thành 100% chỉ tiêu", present - 1
    services.save_meeting(meeting, attendees=meeting.attendees.all(), by=users["focal"])
    services.save_action(FollowUpAction(meeting=meeting, description="Niêm yết nghị quyết",
                                        owner_unit=orgs["TN.SXD.VP"], due_date=dt.date(2025, 3, 31)),
                         by=users["focal"])
    client = client_for("leader")
    minutes = client.get(reverse("democracy:meeting_minutes", args=[meeting.pk]))
    assert minutes["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    text = _text(minutes.content)
    for expected in (NATIONAL_TITLE, MOTTO, "SỞ XÂY DỰNG", "Số:", "BB-SXD", "Tây Ninh, ngày 12 tháng 3 năm 2025",
                     "BIÊN BẢN", "đủ điều kiện", "Nghị quyết được thông qua", "Lưu: VT"):
        assert expected in text, expected
    text = _text(client.get(reverse("democracy:meeting_resolution", args=[meeting.pk])).content)
    for expected in ("NGHỊ QUYẾT", "NQ-SXD", "10/2022/QH15", "Hoàn thành 100% chỉ tiêu", "Niêm yết nghị quyết",
                     "31/03/2025"):
        assert expected in text, expected
