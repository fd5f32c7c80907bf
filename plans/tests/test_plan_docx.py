"""The plan as .docx, checked part by part as Nghị định 30/2020/NĐ-CP lays it out."""

import datetime as dt
import io

import pytest
from docx import Document

from documents.docx import vietnamese_date
from orgs.services import update_organization
from plans import services
from plans.documents import render_plan_docx
from plans.tests.factories import AssignmentFactory


@pytest.fixture
def issued_sxd_2025(sxd_draft_2025, users, orgs):
    AssignmentFactory(plan=sxd_draft_2025, lead_unit=orgs["TN.SXD.VP"], task="Tổng hợp báo cáo năm",
                      due_date=dt.date(2025, 11, 1))
    sxd_draft_2025.signer_authority = "KT."
    sxd_draft_2025.signer_principal = "GIÁM ĐỐC"
    sxd_draft_2025.signer_title = "PHÓ GIÁM ĐỐC"
    sxd_draft_2025.signer_name = "Nguyễn Văn A"
    sxd_draft_2025.save()
    services.submit_plan(sxd_draft_2025, by=users["focal"])
    services.approve_plan(sxd_draft_2025, by=users["leader"])
    return services.issue_plan(sxd_draft_2025, by=users["focal"], number=5, date=dt.date(2025, 4, 3))


def _texts(document):
    """Every paragraph's text, tables included, in reading order."""
    body = document.element.body
    texts = []
    for child in body.iterchildren():
        for paragraph in child.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"):
            text = "".join(node.text or "" for node in paragraph.iter(
                "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"))
            if text.strip():
                texts.append(text.strip())
    return texts


def test_vietnamese_date_pads_days_and_the_first_two_months():
    assert vietnamese_date("Tây Ninh", dt.date(2024, 4, 3)) == "Tây Ninh, ngày 03 tháng 4 năm 2024"
    assert vietnamese_date("Tây Ninh", dt.date(2025, 2, 15)) == "Tây Ninh, ngày 15 tháng 02 năm 2025"


def test_plan_docx_has_every_part_in_order(issued_sxd_2025):
    document = Document(io.BytesIO(render_plan_docx(issued_sxd_2025)))
    texts = _texts(document)
    expected_in_order = [
        "UBND TỈNH TÂY NINH",
        "SỞ XÂY DỰNG",
        "Số: 05/KH-SXD",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Tây Ninh, ngày 03 tháng 4 năm 2025",
        "KẾ HOẠCH",
        "Thực hiện công tác dân vận chính quyền năm 2025",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. NỘI DUNG THỰC HIỆN",
        "III. CHỈ TIÊU",
        "IV. TỔ CHỨC THỰC HIỆN",
        "Nơi nhận:",
        "- Sở Nội vụ;",
        "- Lưu: VT, VP.",
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Nguyễn Văn A",
    ]
    positions = []
    for part in expected_in_order:
        matches = [i for i, text in enumerate(texts) if text == part]
        assert matches, f"missing part: {part!r}"
        positions.append(matches[0])
    assert positions == sorted(positions), "parts out of order"
    assert any(text.startswith("- Tổng hợp báo cáo năm") and "01/11/2025" in text for text in texts)


def test_plan_docx_page_setup_and_fonts(issued_sxd_2025):
    document = Document(io.BytesIO(render_plan_docx(issued_sxd_2025)))
    section = document.sections[0]
    mm = {name: round(getattr(section, name).mm) for name in (
        "page_width", "page_height", "top_margin", "bottom_margin", "left_margin", "right_margin")}
    assert (mm["page_width"], mm["page_height"]) == (210, 297)  # A4 portrait
    assert 20 <= mm["top_margin"] <= 25 and 20 <= mm["bottom_margin"] <= 25
    assert 30 <= mm["left_margin"] <= 35 and 15 <= mm["right_margin"] <= 20
    runs = [run for paragraph in document.paragraphs for run in paragraph.runs if run.text.strip()]
    runs += [run for table in document.tables for cell in table._cells for p in cell.paragraphs for run in p.runs
             if run.text.strip()]
    assert {run.font.name for run in runs} == {"Times New Roman"}
    body_sizes = {run.font.size.pt for paragraph in document.paragraphs for run in paragraph.runs if run.text.strip()}
    assert body_sizes <= {13, 14}
    # Page numbers from page 2: a PAGE field in the header, none on the first page.
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml
    recipients = [p for t in document.tables for c in t._cells for p in c.paragraphs if p.text == "Nơi nhận:"][0]
    assert recipients.runs[0].bold and recipients.runs[0].italic and recipients.runs[0].font.size.pt == 12


def test_the_docx_is_downloadable_by_whoever_sees_the_plan(issued_sxd_2025, client_for):
    response = client_for("unit").get(f"/plans/{issued_sxd_2025.pk}/docx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    assert client_for("other-focal").get(f"/plans/{issued_sxd_2025.pk}/docx").status_code == 404
    api = client_for("focal").get(f"/api/plans/{issued_sxd_2025.pk}/docx/")
    assert api.status_code == 200 and api.content[:2] == b"PK"
    assert client_for("other-focal").get(f"/api/plans/{issued_sxd_2025.pk}/docx/").status_code == 404


def test_an_organization_renamed_after_the_plans_date_prints_its_old_name(issued_sxd_2025, orgs, users):
    update_organization(orgs["TN.SXD"], by=users["admin"], effective_date=dt.date(2025, 7, 1),
                        name="Sở Xây dựng và Giao thông tỉnh Tây Ninh", short_name="Sở Xây dựng và Giao thông")
    update_organization(orgs["TN"], by=users["admin"], effective_date=dt.date(2025, 7, 1),
                        name="Ủy ban nhân dân tỉnh Tây Ninh mới", short_name="UBND tỉnh Tây Ninh mới")
    issued_sxd_2025.refresh_from_db()  # dated 03/04/2025
    texts = _texts(Document(io.BytesIO(render_plan_docx(issued_sxd_2025))))
    assert "ỦY BAN NHÂN DÂN TỈNH TÂY NINH" in texts and "SỞ XÂY DỰNG TỈNH TÂY NINH" in texts
    assert not any("MỚI" in text or "GIAO THÔNG" in text for text in texts)


def test_a_rename_before_the_plans_date_prints_the_new_name(issued_sxd_2025, orgs, users):
    update_organization(orgs["TN.SXD"], by=users["admin"], effective_date=dt.date(2025, 1, 1),
                        name="Sở Xây dựng và Giao thông tỉnh Tây Ninh", short_name="Sở Xây dựng và Giao thông")
    issued_sxd_2025.refresh_from_db()
    texts = _texts(Document(io.BytesIO(render_plan_docx(issued_sxd_2025))))
    assert "SỞ XÂY DỰNG VÀ GIAO THÔNG" in texts and "UBND TỈNH TÂY NINH" in texts
