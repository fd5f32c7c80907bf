"""Official documents as .docx laid out per Nghị định 30/2020/NĐ-CP (Phụ lục I).

`OfficialDocument` draws the parts every document shares (Quốc hiệu, issuing body, Số/ký hiệu,
place and date, type and subject, signature, Nơi nhận); callers write the body between them.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

FONT = "Times New Roman"
BODY_SIZE = 14
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def vietnamese_date(place: str, date: dt.date | None) -> str:
    """ "Tây Ninh, ngày 03 tháng 4 năm 2024": day below 10 and months 1–2 padded; blanks until issued."""
    if date is None:
        return f"{place}, ngày      tháng      năm"
    month = f"{date.month:02d}" if date.month < 3 else str(date.month)
    return f"{place}, ngày {date.day:02d} tháng {month} năm {date.year}"


@dataclass
class Signature:
    authority: str = ""  # KT., TM., Q., TL., TUQ. or empty
    principal: str = ""  # GIÁM ĐỐC in "KT. GIÁM ĐỐC"
    title: str = ""  # PHÓ GIÁM ĐỐC
    name: str = ""


@dataclass
class DocumentHeader:
    parent_body: str
    issuing_body: str
    number_symbol: str
    place: str
    date: dt.date | None
    type_name: str  # KẾ HOẠCH, BÁO CÁO …
    title: str  # trích yếu
    recipients: list[str] = field(default_factory=list)
    archive: str = "VT"
    signature: Signature = field(default_factory=Signature)


def _run(paragraph, text: str, *, size: float = BODY_SIZE, bold=False, italic=False):
    run = paragraph.add_run(text)
    run.font.name = FONT
    run.font.size = Pt(size)
    run.bold = bold
    run.italic = italic
    # Word picks the East Asian font slot for some Vietnamese characters: set it too.
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    return run


def _format(paragraph, *, align=None, before=0, after=0, indent=None, line=None):
    fmt = paragraph.paragraph_format
    if align is not None:
        paragraph.alignment = align
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    if indent is not None:
        fmt.first_line_indent = indent
    if line is not None:
        fmt.line_spacing = line
    return paragraph


def _cell_paragraph(cell, first: bool):
    return cell.paragraphs[0] if first else cell.add_paragraph()


def _page_number_header(section) -> None:
    """Page numbers at the top centre, from page 2 on."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = _run(paragraph, "", size=13)
    for tag, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if tag:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), tag)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._element.append(element)


def _fixed_widths(table, *widths) -> None:
    """Word ignores cell widths unless the table's layout is fixed."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def _keep_rows_whole(table) -> None:
    """A signature block is never split across two pages."""
    for row in table.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _borderless(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


class OfficialDocument:
    def __init__(self, header: DocumentHeader):
        self.header = header
        self.document = Document()
        section = self.document.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)
        section.left_margin, section.right_margin = Mm(30), Mm(15)
        style = self.document.styles["Normal"]
        style.font.name = FONT
        style.font.size = Pt(BODY_SIZE)
        style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
        _page_number_header(section)
        self._heading_block()

    def _heading_block(self) -> None:
        h = self.header
        table = self.document.add_table(rows=1, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        _borderless(table)
        _fixed_widths(table, Cm(6), Cm(10))
        left, right = table.rows[0].cells
        first = True
        if h.parent_body:
            p = _format(_cell_paragraph(left, True), align=WD_ALIGN_PARAGRAPH.CENTER)
            _run(p, h.parent_body.upper(), size=13)
            first = False
        p = _format(_cell_paragraph(left, first), align=WD_ALIGN_PARAGRAPH.CENTER)
        _run(p, h.issuing_body.upper(), size=13, bold=True)
        p = _format(left.add_paragraph(), align=WD_ALIGN_PARAGRAPH.CENTER, before=6)
        _run(p, f"Số: {h.number_symbol}", size=13)
        p = _format(_cell_paragraph(right, True), align=WD_ALIGN_PARAGRAPH.CENTER)
        _run(p, NATIONAL_TITLE, size=12, bold=True)
        p = _format(right.add_paragraph(), align=WD_ALIGN_PARAGRAPH.CENTER)
        _run(p, MOTTO, size=14, bold=True)
        p = _format(right.add_paragraph(), align=WD_ALIGN_PARAGRAPH.CENTER, before=6)
        _run(p, vietnamese_date(h.place, h.date), size=14, italic=True)
        p = _format(self.document.add_paragraph(), align=WD_ALIGN_PARAGRAPH.CENTER, before=18)
        _run(p, h.type_name.upper(), bold=True)
        p = _format(self.document.add_paragraph(), align=WD_ALIGN_PARAGRAPH.CENTER, after=12)
        _run(p, h.title, bold=True)

    # Body helpers -----------------------------------------------------------------
    def paragraph(self, text: str, *, bold=False, italic=False, indent=True):
        p = _format(self.document.add_paragraph(), align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=6,
                    indent=Cm(1) if indent else None)
        _run(p, text, bold=bold, italic=italic)
        return p

    def heading(self, text: str):
        return self.paragraph(text, bold=True)

    def finish(self) -> bytes:
        self._signature_block()
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()

    def _signature_block(self) -> None:
        h = self.header
        table = self.document.add_table(rows=1, cols=2)
        _borderless(table)
        _fixed_widths(table, Cm(8), Cm(8))
        _keep_rows_whole(table)
        left, right = table.rows[0].cells
        p = _cell_paragraph(left, True)
        _format(p, before=12)
        _run(p, "Nơi nhận:", size=12, bold=True, italic=True)
        for recipient in h.recipients:
            _run(_format(left.add_paragraph()), f"- {recipient};", size=11)
        _run(_format(left.add_paragraph()), f"- Lưu: {h.archive}.", size=11)
        s = h.signature
        first = True
        lines = [f"{s.authority} {s.principal}".strip() if s.authority else s.principal, s.title]
        for line in [line for line in lines if line]:
            p = _format(_cell_paragraph(right, first), align=WD_ALIGN_PARAGRAPH.CENTER, before=12 if first else 0)
            _run(p, line.upper(), bold=True)
            first = False
        for _blank in range(3):
            right.add_paragraph()
        p = _format(right.add_paragraph(), align=WD_ALIGN_PARAGRAPH.CENTER)
        _run(p, s.name, bold=True)
