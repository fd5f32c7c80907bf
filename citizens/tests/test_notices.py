"""The notices of acceptance and non-acceptance: .docx in the NĐ 30 layout, numbered by the registry office in
the document register."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from docx import Document

from citizens import services
from citizens.models import Petition, PetitionKind
from citizens.selectors import notices_to_number
from citizens.tests.factories import handler_of
from registry.models import RegisteredDocument

pytestmark = pytest.mark.django_db


@pytest.fixture
def handler(orgs):
    return handler_of(orgs["TN.SXD.QLXD"])


def received(orgs, handler):
    petition = Petition(organization=orgs["TN.SXD.QLXD"], kind=PetitionKind.COMPLAINT, received_on=dt.date(2025, 3, 3),
                        subject="Khiếu nại quyết định xử phạt", petitioner_name="Ngô Thị Khiếu")
    return services.record_petition(petition, by=handler)[0]


def text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    return "\n".join(p.text for p in document.paragraphs) + "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells)


def test_the_registry_office_numbers_the_acceptance_notice_and_the_docx_carries_it(client, client_for, orgs,
                                                                                   handler, users):
    petition = received(orgs, handler)
    event = services.advance(petition, "accept", by=handler)
    assert [item.count for item in notices_to_number(users["focal"])] == [1]
    response = client_for("focal").post(reverse("citizens:petition_notice_number", args=[petition.pk, event.pk]))
    assert response.status_code == 302
    event.refresh_from_db()
    document = RegisteredDocument.objects.get(pk=event.notice_id)
    assert document.type_code == "TB" and document.symbol.startswith("TB-")
    client.force_login(handler)
    content = text(client.get(reverse("citizens:petition_notice", args=[petition.pk, event.pk])).content)
    assert f"Số: {document.number_symbol}" in content
    assert "THÔNG BÁO" in content and "thụ lý giải quyết khiếu nại" in content and "Ngô Thị Khiếu" in content


def test_a_refusal_notice_gives_the_reason(client, orgs, handler):
    petition = received(orgs, handler)
    event = services.advance(petition, "refuse", by=handler, reason="Đã quá thời hiệu khiếu nại")
    client.force_login(handler)
    content = text(client.get(reverse("citizens:petition_notice", args=[petition.pk, event.pk])).content)
    assert "không thụ lý" in content and "Đã quá thời hiệu khiếu nại" in content


def test_only_the_registry_office_numbers_and_never_twice(orgs, handler, users):
    from django.core.exceptions import PermissionDenied, ValidationError

    petition = received(orgs, handler)
    event = services.advance(petition, "accept", by=handler)
    with pytest.raises(PermissionDenied):
        services.number_notice(event, by=handler)
    services.number_notice(event, by=users["focal"])
    with pytest.raises(ValidationError):
        services.number_notice(event, by=users["focal"])
