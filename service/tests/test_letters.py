"""Letters about a dossier: the apology slip (Mẫu 04) sent at least a day before the due date, naming a new
date set once only, numbered …/PXL in its own yearly book; the thank-you letter numbered by the registry
office; each as .docx in the layout of Nghị định 30/2020, checked against a stored expectation
(service/tests/golden/*.txt; UPDATE_GOLDEN=1 rewrites them after a deliberate change)."""

import datetime as dt
import io
import os
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from docx import Document

from registry.models import RegisteredDocument
from service import services
from service.letters import render_letter
from service.models import Letter

pytestmark = pytest.mark.django_db
GOLDEN = Path(__file__).parent / "golden"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DUE = timezone.make_aware(dt.datetime(2025, 3, 20, 16, 30))


def apology(orgs, **fields) -> Letter:
    values = {"organization": orgs["TN.SXD"], "date": dt.date(2025, 3, 18),
              "dossier_code": "000.00.27.H56-250310-0007", "applicant": "Nguyễn Thị Lan",
              "applicant_id": "072180001234", "procedure": "Cấp giấy phép xây dựng",
              "received_on": dt.date(2025, 3, 10), "due_at": DUE,
              "reason": "Cần lấy ý kiến Sở Tài nguyên và Môi trường",
              "new_due_date": dt.date(2025, 3, 27), "signer_title": "Giám đốc", "signer_name": "Trần Văn Minh"}
    return Letter(**(values | fields))


def texts(content: bytes) -> list[str]:
    found = []
    for child in Document(io.BytesIO(content)).element.body.iterchildren():
        for paragraph in child.iter(f"{W}p"):
            text = "".join(node.text or "" for node in paragraph.iter(f"{W}t")).strip()
            if text:
                found.append(text)
    return found


def matches_golden(name: str, content: bytes) -> bool:
    rendered = "\n".join(texts(content)) + "\n"
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(rendered, encoding="utf-8")
    assert rendered == path.read_text(encoding="utf-8")
    return True


def test_the_apology_slips_are_numbered_in_their_own_yearly_book(orgs, users):
    first = services.record_apology(apology(orgs), by=users["focal"])
    second = services.record_apology(apology(orgs, dossier_code="000.00.27.H56-250310-0008"), by=users["focal"])
    assert (first.number, second.number) == (1, 2)
    assert services.number_symbol(second) == "02/PXL"


def test_an_apology_is_sent_at_least_one_day_before_the_due_date(orgs, users):
    with pytest.raises(ValidationError) as refused:
        services.record_apology(apology(orgs, date=dt.date(2025, 3, 20)), by=users["focal"])
    assert "date" in refused.value.message_dict
    services.record_apology(apology(orgs, date=dt.date(2025, 3, 19)), by=users["focal"])


def test_the_new_date_is_set_once_only(orgs, users):
    services.record_apology(apology(orgs), by=users["focal"])
    with pytest.raises(ValidationError) as refused:
        services.record_apology(apology(orgs, new_due_date=dt.date(2025, 4, 10)), by=users["focal"])
    assert "dossier_code" in refused.value.message_dict
    assert Letter.objects.filter(dossier_code="000.00.27.H56-250310-0007").count() == 1


def test_the_new_date_comes_after_the_due_date_and_the_reason_is_given(orgs, users):
    with pytest.raises(ValidationError) as refused:
        services.record_apology(apology(orgs, new_due_date=dt.date(2025, 3, 19), reason=""), by=users["focal"])
    assert {"new_due_date", "reason"} <= set(refused.value.message_dict)


def test_the_apology_docx_has_the_fields_of_form_04(orgs, users):
    letter = services.record_apology(apology(orgs), by=users["focal"])
    assert matches_golden("apology.txt", render_letter(letter))


def test_the_thank_you_letter_takes_its_number_from_the_document_register(orgs, users):
    letter = apology(orgs, reason="", new_due_date=None, date=timezone.localdate(), kind="thanks",
                     body="Chúc ông/bà sức khỏe.")
    letter = services.record_thanks(letter, by=users["focal"])
    symbol = services.number_symbol(letter)
    assert symbol.endswith("/TH-SXD") and letter.number == int(symbol.split("/")[0])
    content = render_letter(letter)
    lines = texts(content)
    assert f"Số: {symbol}" in lines and "THƯ CẢM ƠN" in lines
    entry = RegisteredDocument.objects.get(content_type__model="letter", object_id=letter.pk)
    assert entry.register.organization == orgs["TN.SXD"] and entry.number_symbol == symbol
    day = letter.date
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    stable = content_without_date(content, symbol, f"ngày {day.day:02d} tháng {month} năm {day.year}")
    assert matches_golden("thanks.txt", stable)


def content_without_date(content: bytes, symbol: str, date_words: str) -> bytes:
    """The letter with its number and date (both of today's register) replaced by placeholders."""
    document = Document(io.BytesIO(content))
    for node in document.element.body.iter(f"{W}t"):
        if node.text:
            node.text = node.text.replace(symbol, "<number>").replace(date_words, "<date>")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_unit_editor_cannot_number_a_thank_you_letter(orgs, users):
    from django.core.exceptions import PermissionDenied

    letter = apology(orgs, organization=orgs["TN.SXD.QLXD"], reason="", new_due_date=None,
                     date=timezone.localdate(), kind="thanks")
    with pytest.raises(PermissionDenied):
        services.record_thanks(letter, by=users["unit"])
    assert not Letter.objects.filter(kind="thanks", organization=orgs["TN.SXD.QLXD"]).exists()


def test_the_docx_is_downloaded_by_whoever_sees_the_letter_and_no_one_else(orgs, users, client_for):
    letter = services.record_apology(apology(orgs), by=users["focal"])
    url = reverse("service:letter_docx", args=[letter.pk])
    response = client_for("leader").get(url)
    assert response.status_code == 200 and response["Content-Type"].endswith("wordprocessingml.document")
    assert client_for("other-focal").get(url).status_code == 404


def test_the_form_records_an_apology(client_for, orgs):
    response = client_for("focal").post(reverse("service:apology_create"), {
        "organization": orgs["TN.SXD"].pk, "date": "18/03/2025", "dossier_code": "H56-250310-0100",
        "applicant": "Lê Văn Bình", "procedure": "Cấp giấy phép xây dựng", "received_on": "10/03/2025",
        "due_at": "20/03/2025 16:30", "reason": "Thiếu ý kiến phối hợp", "new_due_date": "27/03/2025"})
    assert response.status_code == 302
    assert Letter.objects.get(dossier_code="H56-250310-0100").number == 1


def test_the_letters_page_shows_the_share_of_late_dossiers_with_an_apology(client_for, orgs, users):
    from service.tests.factories import DossierStatFactory

    DossierStatFactory(organization=orgs["TN.SXD.QLXD"], month=dt.date(2025, 3, 1), settled_on_time=4,
                       settled_late=4)  # 4 late
    services.record_apology(apology(orgs, organization=orgs["TN.SXD.QLXD"]), by=users["focal"])
    page = client_for("leader").get(reverse("service:letter_list") + "?year=2025").content.decode()
    assert "1/4" in page and "25,0%" in page
    other = client_for("other-focal").get(reverse("service:letter_list") + "?year=2025").content.decode()
    assert "0/0" in other
