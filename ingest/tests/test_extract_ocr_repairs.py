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


def test_a_marker_word_is_reread_and_taken_only_as_a_confident_marker(tmp_path):
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", 28)
    image = Image.new("L", (300, 80), 255)
    ImageDraw.Draw(image).text((20, 20), "2.", font=font, fill=0)
    box = ["5", "1", "1", "1", "1", "1", "18", "18", "30", "36", "0", "gÀI"]
    assert pdf_reader._reread_marker(image, box) == "2."
    blank = Image.new("L", (300, 80), 255)
    assert pdf_reader._reread_marker(blank, box) is None
