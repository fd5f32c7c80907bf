"""Realistic .docx and .pdf versions of a plan's text, made at test time (and by bench/extract.py).

The .docx lays the header out in a two-column table, uses Word's automatic numbering for the
roman sections, numbered items and lettered items, and puts "Nơi nhận" beside the signature in a
table, as agencies do. Its font is Times New Roman, as in real plans, and pages after the first
are numbered at the top.

The .pdf is that .docx exported by LibreOffice (`soffice --convert-to pdf`), as a plan exported on
a machine without Times New Roman is: LibreOffice substitutes Liberation Serif and draws the
Vietnamese letters that font lacks from DejaVu Serif, in text objects of their own. A second
export, of the same .docx set in Arial, gives a sans-serif PDF with its own substitutes
("pdf_sans"). A third PDF is typeset directly with reportlab in DejaVu Serif ("pdf_typeset"): one
more producer with its own geometry.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Mm, Pt
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ingest.parser.normalize import paragraphs
from ingest.parser.patterns import HEADER_NUMBER

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = FIXTURES / "seeds"  # the seed plans as text (their gold answers are in FIXTURES / "gold")
LAYOUTS = FIXTURES / "layouts"  # plans of other layouts written for the tests, gold in LAYOUTS / "gold"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")  # Debian fonts-dejavu-core: full Vietnamese
NATIONAL = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
_AUTHORITY = re.compile(r"\b(?:KT|TM|TL|TUQ|Q)\.\s*[A-ZĐ].*$")
_ROMAN = re.compile(r"^[IVX]+\.\s+")
_DIGIT = re.compile(r"^\d{1,2}\.\s+")
_LETTER = re.compile(r"^[a-z]\.\s+")
SOFFICE_TIMEOUT_S = 120
SOFFICE_MISSING = (
    "LibreOffice is needed to make the .pdf of each seed from its .docx, and `soffice` is not on PATH: "
    "install Debian's libreoffice-writer-nogui (`make test` does)."
)


@dataclass
class Block:
    text: str
    numbering: str | None = None  # "roman", "decimal", "letter"
    label: str | None = None  # the label Word will draw, for the PDF
    table: list[list[str]] | None = None  # a table of tasks: header row first


@dataclass
class Plan:
    header_left: list[str]
    header_right: list[str]
    type_line: str
    title: str
    body: list[Block] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


_TABLE_MARK = "BANGNHIEMVU"


def _lift_tables(text: str) -> tuple[str, list[list[list[str]]]]:
    """Markdown tables replaced by a mark of their own line, and their rows (separator rows dropped)."""
    tables: list[list[list[str]]] = []
    out: list[str] = []
    for line in text.split("\n"):
        if not line.lstrip().startswith("|"):
            out.append(line)
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if all(re.fullmatch(r":?-{2,}:?", c) for c in cells):
            continue
        if not out or out[-1] != _TABLE_MARK + str(len(tables) - 1):
            tables.append([])
            out.append(_TABLE_MARK + str(len(tables) - 1))
        tables[-1].append(cells)
    return "\n".join(out), tables


def plan_from_text(text: str) -> Plan:
    """Split a plan's text into the parts a word processor lays out differently; a markdown table
    of tasks becomes a real table."""
    text, tables = _lift_tables(text)
    paras = paragraphs(text)
    type_at = next(i for i, p in enumerate(paras) if p.startswith("KẾ HOẠCH"))
    left, right = [], list(NATIONAL)
    for para in paras[:type_at]:
        # A web copy may run "Số: ..." and the place and date together on one line.
        if m := HEADER_NUMBER.search(para):
            left.append(para[: m.end()])
            para = para[m.end() :].strip()
        if para:
            (right if ", ngày" in para else left).append(para)
    rest = paras[type_at][len("KẾ HOẠCH") :].strip()
    title, body_at = (rest, type_at + 1) if rest else (paras[type_at + 1], type_at + 2)
    plan = Plan(left, right, "KẾ HOẠCH", title)
    end = next(i for i, p in enumerate(paras) if p.startswith("Nơi nhận"))
    counters = {"roman": 0, "decimal": 0, "letter": 0}
    for para in paras[body_at:end]:
        if para.startswith(_TABLE_MARK):
            plan.body.append(Block("", table=tables[int(para[len(_TABLE_MARK) :])]))
            continue
        for kind, pattern in (("roman", _ROMAN), ("decimal", _DIGIT), ("letter", _LETTER)):
            if m := pattern.match(para):
                counters[kind] += 1
                if kind == "roman":
                    counters["decimal"] = counters["letter"] = 0
                elif kind == "decimal":
                    counters["letter"] = 0
                label = _label(kind, counters[kind])
                plan.body.append(Block(para[m.end() :], kind, label))
                break
        else:
            plan.body.append(Block(para))
    first = paras[end]
    if m := _AUTHORITY.search(first):
        plan.signature.append(m.group(0))
        first = first[: m.start()].strip()
    plan.recipients.append(first)
    closing = iter(paras[end + 1 :])
    for para in closing:
        plan.recipients.append(para)
        if para.startswith("- Lưu"):
            break
    for para in closing:
        words = para.split()
        if _is_upper(para) or (2 <= len(words) <= 5 and all(w[0].isupper() for w in words)):
            plan.signature.append(para)
    return plan


def _label(kind: str, n: int) -> str:
    if kind == "roman":
        return ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")[n - 1] + "."
    if kind == "letter":
        return chr(ord("a") + n - 1) + "."
    return f"{n}."


# --- .docx -------------------------------------------------------------------------------------
_ABSTRACT = {"roman": (101, "upperRoman"), "decimal": (102, "decimal"), "letter": (103, "lowerLetter")}


def _add_numbering(document: docx.document.Document) -> None:
    numbering = document.part.numbering_part.element
    for abstract_id, fmt in _ABSTRACT.values():
        numbering.insert(
            0,
            parse_xml(
                f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
                '<w:multiLevelType w:val="singleLevel"/>'
                f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/>'
                '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="567"/></w:pPr></w:lvl>'
                "</w:abstractNum>"
            ),
        )


def _new_list(document: docx.document.Document, kind: str, num_id: int) -> int:
    """A list numbered from 1 again, as Word writes a restart: a new w:num with a start override
    (without it Word and LibreOffice go on counting from the previous list of the same kind)."""
    document.part.numbering_part.element.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{_ABSTRACT[kind][0]}"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        )
    )
    return num_id


def _numbered(paragraph: docx.text.paragraph.Paragraph, num_id: int) -> None:
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id


def _cell_lines(cell: docx.table._Cell, lines: list[str], *, bold_upper: bool, align: int) -> None:
    cell.paragraphs[0].text = ""
    for k, line in enumerate(lines):
        p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
        p.alignment = align
        run = p.add_run(line)
        run.bold = bold_upper and _is_upper(line)


def _page_numbers(section: docx.section.Section) -> None:
    """The page number centred at the top of every page but the first (Nghị định 30/2020)."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>2</w:t></w:r></w:fldSimple>'))


def write_docx(plan: Plan, path: Path, font: str = "Times New Roman") -> Path:
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(30), Mm(20)
    section.top_margin = section.bottom_margin = Mm(20)
    style = document.styles["Normal"]
    style.font.name, style.font.size = font, Pt(13)
    _add_numbering(document)
    _page_numbers(section)

    header = document.add_table(rows=1, cols=2)
    _cell_lines(header.cell(0, 0), plan.header_left, bold_upper=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _cell_lines(header.cell(0, 1), plan.header_right, bold_upper=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for text in (plan.type_line, plan.title):
        p = document.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(text).bold = True

    next_id = 111
    lists: dict[str, int] = {"roman": _new_list(document, "roman", 110)}
    for block in plan.body:
        if block.table:
            table = document.add_table(rows=len(block.table), cols=len(block.table[0]))
            table.style = document.styles["Table Grid"]
            for r, row in enumerate(block.table):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
                    table.cell(r, c).paragraphs[0].runs[0].bold = r == 0 if text else False
            continue
        p = document.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        p.paragraph_format.first_line_indent = Mm(10)
        run = p.add_run(block.text)
        if block.numbering:
            if block.numbering != "roman" and block.label in ("1.", "a."):
                lists[block.numbering] = _new_list(document, block.numbering, next_id)
                next_id += 1
            _numbered(p, lists[block.numbering])
            run.bold = block.numbering == "roman"

    closing = document.add_table(rows=1, cols=2)
    _cell_lines(closing.cell(0, 0), plan.recipients, bold_upper=False, align=WD_ALIGN_PARAGRAPH.LEFT)
    signature = plan.signature[:2] + ["", "", ""] + plan.signature[2:]
    _cell_lines(closing.cell(0, 1), signature, bold_upper=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    document.save(str(path))
    return path


# --- .pdf exported by LibreOffice ----------------------------------------------------------------
def convert_to_pdf(docx_paths: list[Path], directory: Path) -> list[Path]:
    """Each .docx exported to PDF by LibreOffice, in one run, with a profile of its own so that
    parallel runs and a user's open LibreOffice don't clash. Raises RuntimeError when LibreOffice
    is missing or fails."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError(SOFFICE_MISSING)
    directory.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="danvan-soffice-") as profile:
        command = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(directory),
            *(str(p) for p in docx_paths),
        ]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=SOFFICE_TIMEOUT_S)
        except subprocess.TimeoutExpired as e:
            raise RuntimeError(
                f"LibreOffice did not convert {len(docx_paths)} .docx within {SOFFICE_TIMEOUT_S} s"
            ) from e
    pdfs = [directory / f"{p.stem}.pdf" for p in docx_paths]
    missing = [p.name for p in pdfs if not p.is_file()]
    if result.returncode or missing:
        raise RuntimeError(f"LibreOffice failed to convert {missing or docx_paths}: {result.stderr.strip()}")
    return pdfs


# --- .pdf typeset directly -------------------------------------------------------------------------
def _fonts() -> None:
    if "Serif" in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont("Serif", str(FONT_DIR / "DejaVuSerif.ttf")))
    pdfmetrics.registerFont(TTFont("Serif-Bold", str(FONT_DIR / "DejaVuSerif-Bold.ttf")))
    pdfmetrics.registerFont(TTFont("Serif-Italic", str(FONT_DIR / "DejaVuSerif-Italic.ttf")))


def _style(name: str, **kw: object) -> ParagraphStyle:
    base = {"fontName": "Serif", "fontSize": 13, "leading": 17, "spaceAfter": 4}
    return ParagraphStyle(name, **{**base, **kw})


def _page_number(canvas: object, doc: object) -> None:
    canvas.setFont("Serif", 12)
    canvas.drawCentredString(A4[0] / 2 + 5 * mm, A4[1] - 12 * mm, str(doc.page))


def write_pdf(plan: Plan, path: Path) -> Path:
    _fonts()
    body = _style("body", alignment=TA_JUSTIFY, firstLineIndent=10 * mm)
    center = _style("center", alignment=TA_CENTER, spaceAfter=0)
    center_bold = _style("center_bold", alignment=TA_CENTER, fontName="Serif-Bold", spaceAfter=0)
    left = _style("left", alignment=TA_LEFT, fontSize=11, leading=14, spaceAfter=0)

    def cell(lines: list[str], *, plain: ParagraphStyle, upper: ParagraphStyle) -> list[Paragraph]:
        return [Paragraph(escape(x) or "&nbsp;", upper if _is_upper(x) else plain) for x in lines]

    story: list[object] = []
    header = Table(
        [
            [
                cell(plan.header_left, plain=center, upper=center_bold),
                cell(
                    plan.header_right,
                    plain=_style("date", alignment=TA_CENTER, fontName="Serif-Italic"),
                    upper=center_bold,
                ),
            ]
        ],
        colWidths=[62 * mm, 98 * mm],
    )
    header.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story += [header, Spacer(1, 8 * mm)]
    story += [
        Paragraph(escape(plan.type_line), center_bold),
        Paragraph(escape(plan.title), center_bold),
        Spacer(1, 6 * mm),
    ]
    small = _style("cell", fontSize=10, leading=12, spaceAfter=0)
    for block in plan.body:
        if block.table:
            rows = [[Paragraph(escape(c), small) for c in row] for row in block.table]
            table = Table(rows, colWidths=[10 * mm, 52 * mm, 34 * mm, 34 * mm, 30 * mm][: len(block.table[0])])
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story.append(table)
            continue
        text = escape(block.text)
        if block.label:
            text = f"{block.label} {text}"
        if block.numbering == "roman":
            text = f"<b>{text}</b>"
        story.append(Paragraph(text, body))
    signature = plan.signature[:2] + ["", "", "", ""] + plan.signature[2:]
    closing = Table(
        [[cell(plan.recipients, plain=left, upper=left), cell(signature, plain=center, upper=center_bold)]],
        colWidths=[80 * mm, 80 * mm],
    )
    closing.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story += [Spacer(1, 4 * mm), closing]
    SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=30 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=plan.title,
    ).build(story, onLaterPages=_page_number)
    return path


def seed_text(stem: str, source: Path = SEEDS) -> str:
    return (source / f"{stem}.txt").read_text(encoding="utf-8")


def make_documents(stems: list[str], directory: Path, source: Path = SEEDS) -> dict[str, dict[str, Path]]:
    """Each seed in `directory` as "txt", "docx", "pdf" (that .docx exported by LibreOffice),
    "pdf_sans" (the .docx set in Arial, exported) and "pdf_typeset" (typeset with reportlab).
    LibreOffice runs once for all of them (about half a second a file)."""
    documents: dict[str, dict[str, Path]] = {}
    for stem in stems:
        text = seed_text(stem, source)
        plan = plan_from_text(text)
        txt = directory / f"{stem}.txt"
        txt.write_text(text, encoding="utf-8")
        documents[stem] = {
            "txt": txt,
            "docx": write_docx(plan, directory / f"{stem}.docx"),
            "docx_sans": write_docx(plan, directory / f"{stem}-sans.docx", font="Arial"),
            "pdf_typeset": write_pdf(plan, directory / f"{stem}-typeset.pdf"),
        }
    convert_to_pdf([d[key] for d in documents.values() for key in ("docx", "docx_sans")], directory)
    for d in documents.values():
        d["pdf"] = d["docx"].with_suffix(".pdf")
        d["pdf_sans"] = d["docx_sans"].with_suffix(".pdf")
    return documents
