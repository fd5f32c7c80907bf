"""The citizen-reception book (Mẫu 03/TCD), the head's reception days against the legal minimum, petitions
opened from a session."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from docx import Document

from citizens.calendar import MONTH, WEEK, minimum_for, reception_check
from citizens.models import Petition, PetitionKind, Reception
from citizens.selectors import dashboard_panel
from citizens.tests.factories import ReceptionFactory, handler_of
from core.testing import ListPageContract, read_export
from orgs.models import OrganizationType
from orgs.tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db
# Mẫu 03/TCD (NĐ 154/2026): the columns after STT.
BOOK_COLUMNS = ["Ngày tiếp", "Họ tên, địa chỉ", "CCCD/Hộ chiếu", "Nội dung", "Loại đơn", "Số người cùng nội dung",
                "Cơ quan đã giải quyết", "Thuộc thẩm quyền", "Hướng dẫn đến cơ quan", "Cơ quan thụ lý",
                "Theo dõi kết quả", "Ghi chú"]


class TestReceptionList(ListPageContract):
    list_url_name = "citizens:reception_list"
    export_url_name = "citizens:reception_export"
    detail_url_name = "citizens:reception_detail"
    history_url_name = "citizens:reception_history"

    def add_rows(self, orgs, count):
        return [ReceptionFactory(organization=orgs["TN.SXD.QLXD"], matter=f"Việc {i}") for i in range(count)]


def test_the_book_exports_the_columns_of_form_03_tcd(client_for, orgs):
    ReceptionFactory(organization=orgs["TN.SXD.QLXD"])
    headers, rows = read_export(client_for("leader").get(reverse("citizens:reception_export")).content)
    assert headers[:len(BOOK_COLUMNS)] == BOOK_COLUMNS
    assert rows[0][1] == "Lê Văn Công Dân, 5 Hẻm 3, Hòa Thành"


def test_the_book_prints_as_docx_in_landscape_with_the_forms_columns(client_for, orgs):
    ReceptionFactory(organization=orgs["TN.SXD.QLXD"])
    response = client_for("leader").get(reverse("citizens:reception_book_docx"))
    document = Document(io.BytesIO(response.content))
    table = document.tables[0]
    assert [cell.text for cell in table.rows[0].cells][:4] == ["STT", "Ngày tiếp", "Họ tên, địa chỉ", "CCCD/Hộ chiếu"]
    assert table.rows[1].cells[2].text.startswith("Lê Văn Công Dân")
    assert document.sections[0].page_width > document.sections[0].page_height


def test_the_legal_minimum_depends_on_the_organization_type(orgs):
    commune = AgencyFactory(parent=orgs["TN"], org_type=OrganizationType.COMMUNE)
    assert minimum_for(commune) == WEEK
    assert minimum_for(orgs["TN.SXD"]) == MONTH
    assert minimum_for(orgs["TN.SXD.QLXD"]) is None


def test_a_department_head_missing_a_month_is_flagged(orgs):
    for day in (dt.date(2025, 1, 15), dt.date(2025, 3, 14)):
        ReceptionFactory(organization=orgs["TN.SXD"], date=day)
    ReceptionFactory(organization=orgs["TN.SXD"], date=dt.date(2025, 2, 20), head_session=False)
    [check] = reception_check([orgs["TN.SXD"]], dt.date(2025, 1, 1), dt.date(2025, 3, 31))
    assert (check.required, check.held) == (3, 2)
    assert check.missed == [(dt.date(2025, 2, 1), dt.date(2025, 2, 28))]


def test_a_commune_chairman_must_receive_every_week(orgs):
    commune = AgencyFactory(parent=orgs["TN"], org_type=OrganizationType.COMMUNE)
    ReceptionFactory(organization=commune, date=dt.date(2025, 3, 4))
    ReceptionFactory(organization=commune, date=dt.date(2025, 3, 18))
    [check] = reception_check([commune], dt.date(2025, 3, 1), dt.date(2025, 3, 31))
    # Whole weeks of March 2025: 03–09, 10–16, 17–23, 24–30.
    assert (check.required, check.held) == (4, 2)
    assert [start for start, _end in check.missed] == [dt.date(2025, 3, 10), dt.date(2025, 3, 24)]


def test_the_leaders_dashboard_flags_the_missed_months(client_for, orgs, users):
    ReceptionFactory(organization=orgs["TN.SXD"], date=dt.date(2025, 1, 15))
    client = client_for("leader")
    page = client.get(reverse("dashboard:agency"), {"year": 2025}).content.decode()
    url = reverse("dashboard:panel", args=["citizens"])
    assert f'hx-get="{url}?organization={orgs["TN.SXD"].pk}' in page
    html = client.get(url, {"year": 2025, "organization": orgs["TN.SXD"].pk}).content.decode()
    assert "01/02–28/02/2025" in html and "Sở Xây dựng" in html
    assert "Sở Văn hóa" not in client.get(url, {"year": 2025}).content.decode()
    assert "Sở Văn hóa" not in dashboard_panel(users["leader"], [orgs["TN.SXD"]], 2025)


def test_a_petition_opened_from_a_session_carries_its_citizen_and_matter(client, orgs):
    reception = ReceptionFactory(organization=orgs["TN.SXD.QLXD"], kind=PetitionKind.COMPLAINT)
    client.force_login(handler_of(orgs["TN.SXD.QLXD"]))
    response = client.post(reverse("citizens:reception_open_petition", args=[reception.pk]),
                           {"subject": "Khiếu nại cấp phép"})
    petition = Petition.objects.get(reception=reception)
    assert response.status_code == 302 and response["Location"] == petition.get_absolute_url()
    assert (petition.kind, petition.petitioner_name, petition.subject) == (
        PetitionKind.COMPLAINT, "Lê Văn Công Dân", "Khiếu nại cấp phép")


def test_a_handler_records_a_reception_of_their_unit(client, orgs):
    client.force_login(handler_of(orgs["TN.SXD.QLXD"]))
    response = client.post(reverse("citizens:reception_create"), {
        "organization": orgs["TN.SXD.QLXD"].pk, "date": "05/03/2025", "session_kind": "ad_hoc", "host": "Trưởng phòng",
        "citizen_name": "Đỗ Văn Khách", "matter": "Hỏi về giấy phép", "people": 1, "competent": "on"})
    assert response.status_code == 302
    reception = Reception.objects.get(citizen_name="Đỗ Văn Khách")
    assert reception.history.first().history_user.username == "handler"


def docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    return "\n".join(p.text for p in document.paragraphs) + "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells)


def test_the_receipt_of_documents_lists_each_document_with_its_pages_and_condition(client, orgs):
    reception = ReceptionFactory(organization=orgs["TN.SXD.QLXD"], documents_received=(
        "Đơn khiếu nại | 2 | Bản chính\nQuyết định xử phạt số 12/QĐ-XPHC | 3 | Bản sao"))
    client.force_login(handler_of(orgs["TN.SXD.QLXD"]))
    text = docx_text(client.get(reverse("citizens:reception_receipt", args=[reception.pk])).content)
    assert "GIẤY BIÊN NHẬN" in text and "Lê Văn Công Dân" in text
    assert "Quyết định xử phạt số 12/QĐ-XPHC" in text and "Bản sao" in text


def test_a_refused_reception_gives_its_reason_and_the_notice_is_due_in_three_working_days(client, orgs):
    from django.core.exceptions import ValidationError

    from citizens import services

    handler = handler_of(orgs["TN.SXD.QLXD"])
    reception = Reception(organization=orgs["TN.SXD.QLXD"], date=dt.date(2025, 1, 24), host="Trưởng phòng",
                          citizen_name="Người say rượu", refused=True)
    with pytest.raises(ValidationError):
        services.save_reception(reception, by=handler)
    reception.refusal_reason = "Người trong tình trạng say do dùng chất kích thích"
    services.save_reception(reception, by=handler)
    # Friday 24/01/2025, then Tết: the third working day is Wednesday 05/02/2025.
    assert reception.refusal_notice_due == dt.date(2025, 2, 5)
    client.force_login(handler)
    text = docx_text(client.get(reverse("citizens:reception_refusal", args=[reception.pk])).content)
    assert "từ chối tiếp công dân" in text and "say do dùng chất kích thích" in text
