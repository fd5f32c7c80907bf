"""The agency's annual report as .docx in the layout of Nghị định 30/2020/NĐ-CP, checked against a
stored expectation (progress/tests/golden/report_sxd_2024.txt: every paragraph's text, tables
included, in reading order); UPDATE_GOLDEN=1 rewrites it after a deliberate change."""

import datetime as dt
import io
import os
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from docx import Document

from progress import assembly, reporting
from progress.report_docx import render_report_docx
from progress.tests.agency_reports import agency_report_2024

pytestmark = pytest.mark.django_db
GOLDEN = Path(__file__).parent / "golden" / "report_sxd_2024.txt"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def submitted(orgs, users):
    """Sở Xây dựng's 2024 report with Phòng QLHĐXD's texts copied in, submitted on 30/10/2024."""
    report = agency_report_2024(orgs, users)[0]
    assembly.copy_into_narrative(report, by=users["focal"])
    report.refresh_from_db()
    return reporting.take_step(report, "submit", by=users["focal"],
                               now=dt.datetime(2024, 10, 30, 9, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")))


def _texts(content: bytes) -> list[str]:
    texts = []
    for child in Document(io.BytesIO(content)).element.body.iterchildren():
        for paragraph in child.iter(f"{W}p"):
            text = "".join(node.text or "" for node in paragraph.iter(f"{W}t")).strip()
            if text:
                texts.append(text)
    return texts


def test_the_report_docx_matches_its_stored_expectation(submitted):
    texts = _texts(render_report_docx(submitted))
    number = submitted.registration.number_symbol
    rendered = "\n".join(texts).replace(number, "<number>") + "\n"
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(rendered, encoding="utf-8")
    assert rendered == GOLDEN.read_text(encoding="utf-8")


def test_the_report_docx_has_the_official_parts_in_order(submitted):
    texts = _texts(render_report_docx(submitted))
    parts = ["UBND TỈNH TÂY NINH", "SỞ XÂY DỰNG", f"Số: {submitted.registration.number_symbol}",
             "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
             "Tây Ninh, ngày 30 tháng 10 năm 2024", "BÁO CÁO",
             "Kết quả thực hiện công tác dân vận chính quyền năm 2024",
             "Kính gửi: Ủy ban nhân dân tỉnh Tây Ninh.", "I. KẾT QUẢ ĐẠT ĐƯỢC",
             "Kết quả thực hiện các chỉ tiêu:", "STT", "Chỉ tiêu", "Kết quả", "Đánh giá",
             "II. HẠN CHẾ, NGUYÊN NHÂN", "III. ĐỀ XUẤT, KIẾN NGHỊ", "Nơi nhận:", "- Như trên;"]
    positions = [texts.index(part) for part in parts]
    assert positions == sorted(positions), "parts out of order"


def test_the_measured_figures_are_in_a_table(submitted):
    document = Document(io.BytesIO(render_report_docx(submitted)))
    figures = assembly.assemble(submitted).figures
    table = next(t for t in document.tables
                 if t.rows[0].cells[0].text == "STT" and t.rows[0].cells[2].text == "Kết quả")
    assert len(table.rows) == 1 + len(figures)
    assert [row.cells[1].text for row in table.rows[1:]] == [reading.target.text for reading in figures]


def test_a_draft_leaves_the_number_and_day_to_the_registry_office(orgs, users):
    report = agency_report_2024(orgs, users)[0]
    texts = _texts(render_report_docx(report))
    assert "Số:     /BC-SXD" in texts and "Tây Ninh, ngày      tháng      năm 2024" in texts


def test_the_docx_is_downloaded_by_whoever_sees_the_report_and_no_one_else(submitted, client_for):
    response = client_for("coordinator").get(f"/reports/{submitted.pk}/docx")
    assert response.status_code == 200 and response.content[:2] == b"PK"
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    assert "BC-SXD-2024" in response["Content-Disposition"]
    assert client_for("other-focal").get(f"/reports/{submitted.pk}/docx").status_code == 404
    assert client_for("focal").get(f"/api/reports/{submitted.pk}/docx/").content[:2] == b"PK"
    assert client_for("other-focal").get(f"/api/reports/{submitted.pk}/docx/").status_code == 404
    page = client_for("focal").get(f"/reports/{submitted.pk}/").content.decode()
    assert f"/reports/{submitted.pk}/docx" in page


def test_a_units_report_prints_under_its_agency_to_its_agency(orgs, users):
    accepted = agency_report_2024(orgs, users)[1]
    texts = _texts(render_report_docx(accepted))
    assert texts[:2] == ["SỞ XÂY DỰNG", "PHÒNG QUẢN LÝ HOẠT ĐỘNG XÂY DỰNG"]
    assert "Số:     /BC-QLXD" in texts and "Kính gửi: Sở Xây dựng tỉnh Tây Ninh." in texts
    assert "Kết quả thực hiện các chỉ tiêu:" not in texts  # a unit has no plan of its own
