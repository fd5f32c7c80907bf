"""The parts of the .docx Nghị định 30/2020/NĐ-CP asks for beyond the text: the short rules, the basis
paragraph, the signature kept with the text, the appendix of assignments, a draft's year, file properties."""

import datetime as dt
import io

import pytest
from docx import Document
from docx.oxml.ns import qn

from legal.services import register_document
from plans import services
from plans.documents import render_plan_docx
from plans.tests.factories import AssignmentFactory


@pytest.fixture
def plan(sxd_draft_2025, orgs):
    AssignmentFactory(plan=sxd_draft_2025, lead_unit=orgs["TN.SXD.VP"], task="Tổng hợp báo cáo năm",
                      due_date=dt.date(2025, 11, 1))
    learning = AssignmentFactory(plan=sxd_draft_2025, lead_unit=orgs["TN.SXD.QLXD"], task="Học tập Chỉ thị 33",
                                 due_date=dt.date(2025, 6, 30))
    learning.support_units.add(orgs["TN.SXD.TTR"])
    sxd_draft_2025.basis_documents.add(register_document("10/2022/QH15", date=dt.date(2022, 11, 10),
                                                         issuer="Quốc hội", title="Luật Thực hiện dân chủ ở cơ sở"))
    return sxd_draft_2025


@pytest.fixture
def issued(plan, issue):
    return issue(plan, number=5, date=dt.date(2025, 4, 3))


def docx(plan):
    return Document(io.BytesIO(render_plan_docx(plan)))


def rules(container):
    """Empty paragraphs drawn as a line (a bottom border), with their length in cm."""
    found = []
    for paragraph in container.paragraphs:
        borders = paragraph._p.pPr.find(qn("w:pBdr")) if paragraph._p.pPr is not None else None
        if borders is not None and borders.find(qn("w:bottom")) is not None and not paragraph.text.strip():
            found.append(paragraph)
    return found


def test_a_short_rule_under_the_issuing_body_the_motto_and_the_subject(issued):
    document = docx(issued)
    left, right = document.tables[0].rows[0].cells
    (under_body,) = rules(left)
    (under_motto,) = rules(right)
    (under_subject,) = rules(document)
    texts = [p.text for p in left.paragraphs]
    assert texts[texts.index("SỞ XÂY DỰNG") + 1] == "" and left.paragraphs[texts.index("SỞ XÂY DỰNG") + 1] is not None
    body = [p.text for p in document.paragraphs]
    assert body.index("Thực hiện công tác dân vận chính quyền năm 2025") < [p._p for p in document.paragraphs].index(
        under_subject._p)
    # Each is short and centred: equal indents leave a line narrower than its column.
    for rule, column in ((under_body, 6), (under_motto, 10), (under_subject, 16.5)):
        fmt = rule.paragraph_format
        assert fmt.left_indent == fmt.right_indent and 0 < column - 2 * fmt.left_indent.cm < column


def test_the_basis_paragraph_cites_grounds_first_then_what_is_carried_out(issued):
    texts = [p.text for p in docx(issued).paragraphs]
    grounds = texts.index("Căn cứ Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 ngày 10/11/2022 của Quốc hội;")
    directive = next(i for i, t in enumerate(texts) if t.startswith("Thực hiện Chỉ thị số 16/CT-TTg ngày 16/05/2016"))
    introduction = next(i for i, t in enumerate(texts) if t.startswith("Thực hiện Kế hoạch số 696/KH-UBND"))
    assert grounds < directive < introduction < texts.index("I. MỤC ĐÍCH, YÊU CẦU")


def test_the_signature_and_recipients_stay_with_the_last_paragraph(issued):
    document = docx(issued)
    signature = document.tables[1]
    last = next(p for p in document.paragraphs if p._p.getnext() is signature._tbl)
    assert last.text.strip() and last.paragraph_format.keep_with_next
    assert "Nơi nhận:" in signature.rows[0].cells[0].text and "Nguyễn" not in signature.rows[0].cells[0].text
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in signature.rows)


def test_an_appendix_lists_the_assignments_in_a_table(issued):
    document = docx(issued)
    texts = [p.text for p in document.paragraphs]
    assert "PHỤ LỤC" in texts and "DANH MỤC NHIỆM VỤ" in texts
    assert "(Kèm theo Kế hoạch số 05/KH-SXD ngày 03/04/2025 của Sở Xây dựng tỉnh Tây Ninh)" in texts
    table = document.tables[-1]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn hoàn thành"]
    assert ["1", "Tổng hợp báo cáo năm", "Văn phòng Sở Xây dựng", "", "01/11/2025"] in rows
    assert ["2", "Học tập Chỉ thị 33", "Phòng Quản lý hoạt động xây dựng", "Thanh tra Sở Xây dựng",
            "30/06/2025"] in rows
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # header repeated on each page
    assert table.style.name == "Table Grid"


def test_a_drafts_date_line_keeps_the_year(plan):
    right = docx(plan).tables[0].rows[0].cells[1]
    assert "Tây Ninh, ngày      tháng      năm 2025" in [p.text for p in right.paragraphs]


def test_the_file_properties_name_the_organization_the_title_and_the_date(issued):
    props = docx(issued).core_properties
    assert props.author == props.last_modified_by == "Sở Xây dựng tỉnh Tây Ninh"
    assert props.title == "Kế hoạch 05/KH-SXD: Thực hiện công tác dân vận chính quyền năm 2025"
    assert props.created.date() == dt.date(2025, 4, 3)
    assert "python-docx" not in (props.author + props.title + props.comments + props.subject)


def test_a_cascaded_plan_does_not_cite_its_superior_plan_twice(plan, users):
    services.save_plan(plan, cited=["696/KH-UBND", "16/CT-TTg"], by=users["focal"])
    texts = [p.text for p in docx(plan).paragraphs]
    assert sum("696/KH-UBND" in text for text in texts) == 1
