"""Slips Tesseract makes on scanned plans are repaired where the document's form tells the truth:
a symbol's type code with a letter read twice, a list marker read as letters."""

import pytest
from PIL import Image, ImageDraw, ImageFont

from ingest.parser import pdf_reader
from ingest.parser.patterns import undouble_type_code


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("Quyết định số 23-QĐĐ/TW ngày 30/7/2021", "Quyết định số 23-QĐ/TW ngày 30/7/2021"),
        ("Kế hoạch số 859/KHH-UBND", "Kế hoạch số 859/KH-UBND"),
        ("Nghị định số 59/2023/NĐĐ-CP", "Nghị định số 59/2023/NĐ-CP"),
    ],
)
def test_a_type_code_with_a_letter_read_twice_is_read_as_the_code(read, meant):
    assert undouble_type_code(read) == meant


@pytest.mark.parametrize("text", ["06-TT/TU", "12/TTLT-BNV", "575/UBND-NC", "33-CT/TTg", "10/2022/QH15", "01/GGT-SXD"])
def test_symbols_that_are_right_are_left_alone(text):
    assert undouble_type_code(text) == text


FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"


def _word(text, left, top, width, height, conf):
    return ["5", "1", "1", "1", "1", "1", str(left), str(top), str(width), str(height), str(conf), text]


def _page_with(mark):
    font = ImageFont.truetype(FONT, 38)  # capitals some 28 pixels high, as a page at 200 dpi
    image = Image.new("L", (600, 90), 255)
    ImageDraw.Draw(image).text((20, 20), mark, font=font, fill=0)
    ImageDraw.Draw(image).text((150, 20), "Nâng cao", font=font, fill=0)
    return image


def test_a_list_mark_read_as_letters_is_read_again_by_itself():
    group = [_word("gÀI", 18, 18, 30, 36, 12.0), _word("Nâng", 150, 20, 70, 34, 96.0),
             _word("cao", 230, 28, 50, 24, 96.0)]
    pdf_reader._reread_marks(_page_with("2."), [group])
    assert group[0][11] == "2."


def test_a_roman_mark_read_short_is_read_again():
    group = [_word("I.", 18, 22, 30, 30, 88.0), _word("Nâng", 150, 20, 70, 34, 96.0)]
    pdf_reader._reread_marks(_page_with("II."), [group])
    assert group[0][11] == "II."


def test_without_a_mark_read_with_confidence_the_first_reading_stands():
    group = [_word("gÀI", 18, 18, 30, 36, 12.0), _word("Nâng", 150, 20, 70, 34, 96.0)]
    pdf_reader._reread_marks(Image.new("L", (600, 80), 255), [group])
    assert group[0][11] == "gÀI"


def test_a_sure_mark_and_a_line_without_a_tab_are_not_read_again():
    sure = [_word("2.", 18, 18, 30, 36, 97.0), _word("Nâng", 150, 20, 70, 34, 96.0)]
    plain = [_word("Sở", 18, 18, 40, 36, 90.0), _word("Nội", 66, 20, 50, 34, 96.0)]
    assert pdf_reader._mark_span(sure) is None and pdf_reader._mark_span(plain) is None


def _lines(*texts):
    return [pdf_reader.Line(t, 0, 100, 10 * i, 10 * i + 8) for i, t in enumerate(texts)]


def test_roman_headings_misread_by_ocr_are_put_in_sequence_with_their_words():
    pages = [_lines("L. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "I. ˆNỘI DUNG"), _lines("II TỔ CHÚC THỰC HIỆN")]
    pages[0][2].text = "I. NỘI DUNG"
    pdf_reader._roman_sequence(pages)
    assert [ln.text for page in pages for ln in page] == [
        "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "II. NỘI DUNG", "III. TỔ CHỨC THỰC HIỆN",
    ]


def test_a_ruled_table_of_tasks_read_by_ocr_is_written_as_markdown_rows_across_a_page_break():
    def row(cells, table=0):
        return pdf_reader.Line(" ".join(cells), 0, 100, 0, 10, new_block=True, cells=cells, table=table)

    first = [pdf_reader.Line("II. NHIỆM VỤ", 0, 100, 0, 10),
             row(["STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian"]),
             row(["1", "Phát động phong trào", "Phòng Nội vụ", "Tháng 4/2025"])]
    second = [pdf_reader.Line("2", 50, 55, 0, 10), row(["2", "Sơ kết", "Phòng Nội vụ", "Quý IV"]),
              pdf_reader.Line("III. TỔ CHỨC THỰC HIỆN", 0, 100, 20, 30), row(["Mục", "Số"], table=1)]
    out = pdf_reader._ocr_tables([first, second])
    assert [ln.text for ln in out[0]][1:] == [
        "| STT | Nội dung công việc | Cơ quan chủ trì | Thời gian |",
        "| 1 | Phát động phong trào | Phòng Nội vụ | Tháng 4/2025 |",
    ]
    assert [ln.text for ln in out[1]] == [
        "2", "| 2 | Sơ kết | Phòng Nội vụ | Quý IV |", "III. TỔ CHỨC THỰC HIỆN", "Mục", "Số",
    ]


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("Phòng Nộivụ", "Phòng Nội vụ"),
        ("Úybannhân dân các xã", "Úy ban nhân dân các xã"),
        ("“Đăngkýxây dựng", "“Đăng ký xây dựng"),
        ("II. KINHPHÍ", "II. KINH PHÍ"),
        ("hóavà,", "hóa và,"),
    ],
)
def test_vietnamese_syllables_run_together_by_ocr_are_set_apart(read, meant):
    assert pdf_reader._set_apart(read) == meant


@pytest.mark.parametrize(
    "text",
    ["người khuyến nghiêng gì quốc giữa thưởng", "HĐND UBND Internet 30/5/2025", "Xô-viết", "Quý III năm 2025"],
)
def test_words_that_are_one_syllable_or_not_vietnamese_stay_whole(text):
    assert pdf_reader._set_apart(text) == text


def test_a_mark_read_in_a_block_of_its_own_goes_with_the_text_on_its_row():
    lines = [
        pdf_reader.Line("05/12/2025.", 238, 400, 757, 782),
        pdf_reader.Line("2.", 316, 345, 832, 857, new_block=True),
        pdf_reader.Line("trào tại địa phương.", 237, 900, 873, 912, new_block=True),
        pdf_reader.Line("Nơi nhận:", 238, 400, 951, 987, new_block=True),
        pdf_reader.Line("Ủy ban nhân dân các xã: xây dựng kế hoạch", 439, 1300, 819, 864, new_block=True),
    ]
    assert [ln.text for ln in pdf_reader._join_labels(lines)] == [
        "05/12/2025.", "2. Ủy ban nhân dân các xã: xây dựng kế hoạch", "trào tại địa phương.", "Nơi nhận:",
    ]
