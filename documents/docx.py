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


def vietnamese_date(place: str, date: dt.date | None, *, year: int | None = None) -> str:
    """ "Tây Ninh, ngày 03 tháng 4 năm 2024": day below 10 and months 1–2 padded; until issued, day and
    month are left blank for the registry office and the year (when known) is kept."""
    if date is None:
        return f"{place}, ngày      tháng      năm {year or ''}".rstrip()
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
    # The year a draft's date line keeps ("ngày … tháng … năm 2025").
    year: int | None = None


@dataclass
class Appendix:
    """A table after the signature (Phụ lục), in the official style: numbered, bordered, header repeated."""

    title: str  # DANH MỤC NHIỆM VỤ …
    reference: str  # (Kèm theo Kế hoạch số … ngày … của …)
    headers: list[str]
    rows: list[list[str]]
    widths_cm: list[float]


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


def _rule(paragraph, *, width: float, container: float):
    """The short solid line Nghị định 30/2020 draws under the issuing body, the motto and the subject:
    a bottom border on an empty paragraph, indented so it is `width` cm long and centred."""
    side = max((container - width) / 2, 0)
    fmt = paragraph.paragraph_format
    fmt.left_indent, fmt.right_indent = Cm(side), Cm(side)
    fmt.space_before, fmt.space_after = Pt(0), Pt(0)
    fmt.line_spacing = Pt(2)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(name), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)
    return paragraph


def _text_width_cm(text: str, size: float) -> float:
    """About how long `text` prints in Times New Roman at `size` pt (half an em a character)."""
    return len(text) * size * 0.5 * 0.0353


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
        self.appendices: list[Appendix] = []
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
        # Under the issuing body: a third to a half of its name's length.
        name_width = min(_text_width_cm(h.issuing_body, 13), 6)
        _rule(left.add_paragraph(), width=max(name_width / 2.5, 1.5), container=6)
        p = _format(left.add_paragraph(), align=WD_ALIGN_PARAGRAPH.CENTER, before=6)
        _run(p, f"Số: {h.number_symbol}", size=13)
        p = _format(_cell_paragraph(right, True), align=WD_ALIGN_PARAGRAPH.CENTER)
        _run(p, NATIONAL_TITLE, size=12, bold=True)
        p = _format(right.add_paragraph(), align=WD_ALIGN_PARAGRAPH.CENTER)
        _run(p, MOTTO, size=14, bold=True)
        # Under the motto: as long as the motto.
        _rule(right.add_paragraph(), width=_text_width_cm(MOTTO, 14) * 0.95, container=10)
        p = _format(right.add_paragraph(), align=WD_ALIGN_PARAGRAPH.CENTER, before=6)
        _run(p, vietnamese_date(h.place, h.date, year=h.year), size=14, italic=True)
        p = _format(self.document.add_paragraph(), align=WD_ALIGN_PARAGRAPH.CENTER, before=18)
        _run(p, h.type_name.upper(), bold=True)
        p = _format(self.document.add_paragraph(), align=WD_ALIGN_PARAGRAPH.CENTER)
        _run(p, h.title, bold=True)
        # Under the subject (trích yếu): a third to a half of its line.
        _rule(self.document.add_paragraph(), width=min(max(_text_width_cm(h.title, 14) / 2.5, 2.5), 5), container=16.5)
        _format(self.document.add_paragraph(), after=6)

    # Body helpers -----------------------------------------------------------------
    def paragraph(self, text: str, *, bold=False, italic=False, indent=True):
        p = _format(self.document.add_paragraph(), align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=6,
                    indent=Cm(1) if indent else None)
        _run(p, text, bold=bold, italic=italic)
        return p

    def heading(self, text: str):
        return self.paragraph(text, bold=True)

    def addressees(self, names: list[str]) -> None:
        """ "Kính gửi: …" under the subject, centred; several addressees one a line."""
        if len(names) == 1:
            p = _format(self.document.add_paragraph(), align=WD_ALIGN_PARAGRAPH.CENTER, after=12)
            _run(p, f"Kính gửi: {names[0]}.")
            return
        p = _format(self.document.add_paragraph(), align=WD_ALIGN_PARAGRAPH.CENTER)
        _run(p, "Kính gửi:")
        for index, name in enumerate(names, 1):
            p = _format(self.document.add_paragraph(), align=WD_ALIGN_PARAGRAPH.CENTER,
                        after=12 if index == len(names) else 0)
            _run(p, f"- {name}{'.' if index == len(names) else ';'}")

    def properties(self, *, author: str, title: str, subject: str, created: dt.datetime, keywords: str = "") -> None:
        """The file's properties name the organization, the document and its date, not the library's defaults."""
        props = self.document.core_properties
        props.author = props.last_modified_by = author
        props.title = title
        props.subject = subject
        props.keywords = keywords
        props.category = self.header.type_name
        props.comments = ""
        props.created = props.modified = created
        props.revision = 1

    def finish(self) -> bytes:
        # The last paragraph goes with the signature block: no page holds the signature alone.
        body = [p for p in self.document.paragraphs if p.text.strip()]
        if body:
            body[-1].paragraph_format.keep_with_next = True
        self._signature_block()
        for appendix in self.appendices:
            self._appendix(appendix)
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()

    def _appendix(self, appendix: Appendix) -> None:
        p = _format(self.document.add_paragraph(), align=WD_ALIGN_PARAGRAPH.CENTER)
        p.paragraph_format.page_break_before = True
        _run(p, "PHỤ LỤC", bold=True)
        p = _format(self.document.add_paragraph(), align=WD_ALIGN_PARAGRAPH.CENTER)
        _run(p, appendix.title.upper(), bold=True)
        p = _format(self.document.add_paragraph(), align=WD_ALIGN_PARAGRAPH.CENTER, after=12)
        _run(p, appendix.reference, italic=True)
        self.table(appendix.headers, appendix.rows, appendix.widths_cm, centred=(0, len(appendix.headers) - 1))

    def table(self, headers: list[str], rows: list[list[str]], widths_cm: list[float], *,
              centred: tuple[int, ...] = (0,)):
        """A bordered table in the official style (header repeated on every page, rows kept whole);
        the columns in `centred` are centred, the others aligned left."""
        table = self.document.add_table(rows=1, cols=len(headers))
        table.style = self.document.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        widths = [Cm(width) for width in widths_cm]
        header = table.rows[0]
        # The header row repeats on every page the table runs over.
        header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        for cell, text in zip(header.cells, headers, strict=True):
            _run(_format(cell.paragraphs[0], align=WD_ALIGN_PARAGRAPH.CENTER, before=3, after=3), text, size=13,
                 bold=True)
        for row in rows:
            cells = table.add_row().cells
            for index, (cell, text) in enumerate(zip(cells, row, strict=True)):
                align = WD_ALIGN_PARAGRAPH.CENTER if index in centred else WD_ALIGN_PARAGRAPH.LEFT
                _run(_format(cell.paragraphs[0], align=align, before=3, after=3), text, size=12)
        _fixed_widths(table, *widths)
        _keep_rows_whole(table)
        return table

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
