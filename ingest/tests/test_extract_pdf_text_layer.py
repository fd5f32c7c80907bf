"""The text layer of a PDF is read by the position of its glyphs, whatever order, font or text
object they come in: PDFs drawn here the odd ways real producers draw them."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from ingest.parser import extract_plan, read_text
from ingest.parser.normalize import paragraphs
from ingest.tests.documents import FONT_DIR

SIZE = 13
LINES = [
    "Thực hiện Kế hoạch số 859/KH-UBND ngày 25/3/2024 của Ủy ban nhân dân tỉnh về",
    "công tác dân vận chính quyền năm 2024, Sở Xây dựng xây dựng kế hoạch thực hiện",
    "với những nội dung cụ thể như sau:",
]


@pytest.fixture(scope="module", autouse=True)
def fonts():
    for name, file in (("Main", "DejaVuSerif.ttf"), ("Fallback", "DejaVuSans.ttf")):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))


def _runs(line: str) -> list[tuple[str, bool]]:
    """The line cut into runs of ASCII and of other letters (True), as a font lacking the
    Vietnamese letters makes a word processor cut it."""
    runs: list[tuple[str, bool]] = []
    for char in line:
        other = not char.isascii()
        if runs and runs[-1][1] == other:
            runs[-1] = (runs[-1][0] + char, other)
        else:
            runs.append((char, other))
    return runs


def _draw_with_fallback(c: canvas.Canvas, line: str, x: float, y: float) -> None:
    """The ASCII runs first, then the other letters from another font in the holes left for them,
    as LibreOffice exports text whose font lacks them. Spaces beside a hole are not drawn."""
    placed, position = [], x
    for text, other in _runs(line):
        placed.append((text, other, position))
        position += pdfmetrics.stringWidth(text, "Fallback" if other else "Main", SIZE)
    for want_other in (False, True):
        for text, other, at in placed:
            if other != want_other:
                continue
            font = "Fallback" if other else "Main"
            lead = len(text) - len(text.lstrip(" "))
            c.setFont(font, SIZE)
            c.drawString(at + pdfmetrics.stringWidth(text[:lead], font, SIZE), y, text.strip(" "))


def _pdf(path: Path, draw) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4)
    draw(c)
    c.showPage()
    c.save()
    return path


def _body(text: str) -> str:
    return " ".join(text.split())


def test_letters_from_a_fallback_font_stay_in_their_words(tmp_path):
    def draw(c):
        for k, line in enumerate(LINES):
            _draw_with_fallback(c, line, 85, 700 - 17 * k)

    text = read_text(_pdf(tmp_path / "fallback.pdf", draw))
    assert _body(text) == _body(" ".join(LINES))


def test_text_drawn_twice_for_a_bolder_look_is_read_once(tmp_path):
    def draw(c):
        c.setFont("Main", SIZE)
        for k, line in enumerate(LINES):
            for dx in (0, 0.4):
                c.drawString(85 + dx, 700 - 17 * k, line)

    text = read_text(_pdf(tmp_path / "bold.pdf", draw))
    assert _body(text) == _body(" ".join(LINES))


def test_words_placed_one_by_one_without_spaces_get_their_spaces(tmp_path):
    def draw(c):
        c.setFont("Main", SIZE)
        space = pdfmetrics.stringWidth(" ", "Main", SIZE)
        for k, line in enumerate(LINES):
            x = 85
            for word in line.split():
                c.drawString(x, 700 - 17 * k, word)
                x += pdfmetrics.stringWidth(word, "Main", SIZE) + space

    text = read_text(_pdf(tmp_path / "words.pdf", draw))
    assert _body(text) == _body(" ".join(LINES))


def test_lines_drawn_bottom_up_are_read_top_down(tmp_path):
    lines = [f"{n}. Nội dung thứ {n} của kế hoạch được giao cho các phòng thực hiện." for n in range(1, 9)]

    def draw(c):
        c.setFont("Main", SIZE)
        for k in reversed(range(len(lines))):
            c.drawString(85, 700 - 17 * k, lines[k])

    assert read_text(_pdf(tmp_path / "bottom-up.pdf", draw)).split("\n\n") == lines


def test_table_cells_side_by_side_keep_the_order_of_the_cells(tmp_path):
    left = ["ỦY BAN NHÂN DÂN", "TỈNH TÂY NINH", "Số: 12/KH-UBND"]
    right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Tây Ninh, ngày 05 tháng 3 năm 2024"]

    def draw(c):
        c.setFont("Main", 12)
        for cell, x in ((left, 60), (right, 250)):
            for k, line in enumerate(cell):
                c.drawString(x, 780 - 16 * k, line)

    lines = [line for line in read_text(_pdf(tmp_path / "cells.pdf", draw)).splitlines() if line]
    assert lines == left + right


def test_a_blank_left_for_the_number_keeps_the_line_whole(tmp_path):
    def draw(c):
        c.setFont("Main", SIZE)
        c.drawString(85, 760, "Số:")
        c.drawString(150, 760, "/KH-UBND")
        c.drawString(85, 700, "Tây Ninh, ngày")
        c.drawString(210, 700, "tháng 3 năm 2024")

    assert read_text(_pdf(tmp_path / "blank.pdf", draw)).split("\n\n") == [
        "Số: /KH-UBND",
        "Tây Ninh, ngày tháng 3 năm 2024",
    ]


def test_a_footnote_mark_does_not_break_its_line(tmp_path):
    def draw(c):
        c.setFont("Main", SIZE)
        c.drawString(85, 700, "theo Luật Thực hiện dân chủ ở cơ sở")
        c.setFont("Main", 8)
        c.drawString(85 + pdfmetrics.stringWidth("theo Luật Thực hiện dân chủ ở cơ sở", "Main", SIZE), 705, "1")
        c.setFont("Main", SIZE)
        c.drawString(85, 683, "năm 2022 và các văn bản hướng dẫn.")

    assert _body(read_text(_pdf(tmp_path / "footnote.pdf", draw))) == _body(
        "theo Luật Thực hiện dân chủ ở cơ sở năm 2022 và các văn bản hướng dẫn."
    )


def test_a_page_set_sideways_reads_like_an_upright_one(tmp_path):
    def draw(c):
        c.setPageRotation(90)
        c.translate(A4[0], 0)
        c.rotate(90)  # text runs up the page, upright once the page is turned for reading
        c.setFont("Main", SIZE)
        for k, line in enumerate(LINES):
            c.drawString(85, 500 - 17 * k, line)

    assert _body(read_text(_pdf(tmp_path / "sideways.pdf", draw))) == _body(" ".join(LINES))


def test_a_number_cut_at_its_hyphen_is_whole_again(tmp_path):
    """PDFium marks a hyphen ending a line with U+FFFE; the normalizer joins the number back."""

    def draw(c):
        c.setFont("Main", SIZE)
        c.drawString(85, 700, "cơ quan, đơn vị sự nghiệp thuộc Sở theo Nghị định số 04/2015/NĐ-")
        c.drawString(85, 683, "CP ngày 09 tháng 01 năm 2015 của Chính phủ về ban hành quy chế")

    paras = paragraphs(read_text(_pdf(tmp_path / "hyphen.pdf", draw)))
    assert "Nghị định số 04/2015/NĐ-CP ngày 09 tháng 01 năm 2015" in paras[0]


def test_a_centred_title_and_date_wrapped_over_two_lines_stay_whole(tmp_path):
    def draw(c):
        c.setFont("Main", 12)
        for k, line in enumerate(["ỦY BAN NHÂN DÂN", "XÃ LONG THÀNH BẮC", "Số: 45/KH-UBND"]):
            c.drawCentredString(150, 790 - 16 * k, line)
        for k, line in enumerate(
            [
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "Long Thành Bắc, ngày 05 tháng",
                "02 năm 2024",
            ]
        ):
            c.drawCentredString(400, 790 - 16 * k, line)
        c.setFont("Main", SIZE)
        y = 700
        for line in [
            "KẾ HOẠCH",
            "Triển khai thực hiện Quy chế dân chủ ở cơ sở và công tác",
            "dân vận chính quyền trên địa bàn xã năm 2024",
        ]:
            c.drawCentredString(310, y, line)
            y -= 17
        y -= 17
        body = [
            "Căn cứ Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 ngày 10/11/2022, Ủy ban nhân",
            "dân xã Long Thành Bắc xây dựng kế hoạch thực hiện như sau:",
        ]
        for k, line in enumerate(body):
            c.drawString(85 + (28 if k == 0 else 0), y, line)
            y -= 17

    plan = extract_plan(_pdf(tmp_path / "plan.pdf", draw))
    assert plan["document"]["title"] == (
        "Triển khai thực hiện Quy chế dân chủ ở cơ sở và công tác dân vận chính quyền trên địa bàn xã năm 2024"
    )
    assert (plan["document"]["number"], plan["document"]["date"]) == ("45/KH-UBND", "2024-02-05")
    assert plan["document"]["place"] == "Long Thành Bắc"


def test_a_space_folded_into_the_hole_of_a_fallback_letter_is_read(tmp_path):
    """LibreOffice draws "Cơ quan" in Liberation Serif as "C" and "quan" in one text object with a
    hole between them, then "ơ" from DejaVu in it; the space after "ơ" is not spelled and the gap
    left for it is short by the difference between the fonts' advances (0.17 em)."""
    lines = [("C", "ơ", "quan phối hợp với các đơn vị", True), ("Ph", "ò", "ng Nội vụ chủ trì thực hiện", False)]

    def draw(c):
        hole = pdfmetrics.stringWidth("ơ", "Fallback", SIZE)
        holes = []
        for k, (first, letter, rest, spaced) in enumerate(lines):
            y = 700 - 17 * k
            text = c.beginText(85, y)
            text.setFont("Main", SIZE)
            text.textOut(first)
            after = 85 + pdfmetrics.stringWidth(first, "Main", SIZE)
            text.setTextOrigin(after + hole + (0.15 * SIZE if spaced else 0), y)
            text.textOut(rest)
            c.drawText(text)
            holes.append((after, y, letter))
        c.setFont("Fallback", SIZE)
        for x, y, letter in holes:
            c.drawString(x, y, letter)

    text = read_text(_pdf(tmp_path / "hole.pdf", draw))
    assert " ".join(text.split()) == "Cơ quan phối hợp với các đơn vị Phòng Nội vụ chủ trì thực hiện"


def test_the_border_between_two_cells_parts_their_texts_however_close(tmp_path):
    """A table's cells filled to their borders stand less than an em apart: the rule between them
    parts them."""
    def draw(c):
        c.setFont("Main", 12)
        width = pdfmetrics.stringWidth("Cơ quan phối", "Main", 12)
        for k, (left, right) in enumerate([("Cơ quan phối", "Thời gian"), ("Phòng Nội vụ", "Tháng 4")]):
            c.drawString(90, 700 - 16 * k, left)
            c.drawString(90 + width + 10, 700 - 16 * k, right)
        c.setLineWidth(0.5)
        c.line(90 + width + 5, 715, 90 + width + 5, 680)

    lines = [line for line in read_text(_pdf(tmp_path / "cells.pdf", draw)).splitlines() if line]
    assert lines == ["Cơ quan phối", "Thời gian", "Phòng Nội vụ", "Tháng 4"]


def test_a_justified_line_going_on_with_a_capital_is_one_paragraph(tmp_path):
    """A line reaching the right margin is wrapped, though the next line starts with a name in
    capitals and the font made the lines too short for the normalizer to judge by their length."""
    body = [
        "Công khai quy hoạch, kế hoạch sử dụng đất, danh mục dự án thu hồi đất để",
        "Nhân dân biết, tham gia ý kiến và giám sát việc thực hiện của các cơ quan.",
        "Mỗi năm, mỗi phòng, đơn vị thuộc Sở xây dựng ít nhất một mô hình điển hình",
        "“Dân vận khéo”.",
    ]

    def draw(c):
        width = max(pdfmetrics.stringWidth(line, "Main", SIZE) for line in body) + 40
        y = 700
        c.setFont("Main", SIZE)
        space = pdfmetrics.stringWidth(" ", "Main", SIZE)
        for k, line in enumerate(body):
            indent = 28 if k in (0, 2) else 0
            if k in (0, 2):  # justified to the right margin, word by word
                space = (width - indent - pdfmetrics.stringWidth(line.replace(" ", ""), "Main", SIZE)) / line.count(" ")
            x = 85 + indent
            for word in line.split():
                c.drawString(x, y, word)
                x += pdfmetrics.stringWidth(word, "Main", SIZE) + space
            y -= 17

    assert paragraphs(read_text(_pdf(tmp_path / "justified.pdf", draw))) == [
        " ".join(body[:2]),
        " ".join(body[2:]),
    ]
