"""The table-driven TCVN3 (TCVN 5712:1993) and VNI converters, and text typed in them read as Unicode."""

from __future__ import annotations

import docx
import pytest

from ingest.parser import extract_plan, read_text
from ingest.parser.errors import ErrorCode, ExtractionError
from ingest.parser.legacy import DECODE, ENCODE, TCVN3, VNI, detect, from_unicode, to_unicode

SENTENCES = [
    "Thực hiện có hiệu quả công tác dân vận chính quyền năm 2025.",
    "Ủy ban nhân dân xã chủ trì, phối hợp với Mặt trận Tổ quốc và các đoàn thể.",
    "Tăng cường đối thoại, tiếp xúc trực tiếp với Nhân dân; giải quyết kịp thời kiến nghị chính đáng.",
    "Đẩy mạnh phong trào thi đua “Dân vận khéo”, nâng cao đời sống vật chất và tinh thần.",
    "Quỹ hỗ trợ người nghèo, gia đình chính sách ở ấp, khóm được sử dụng đúng mục đích.",
    "Kỷ luật, kỷ cương hành chính; ý thức phục vụ; những ưu điểm, hạn chế được nhìn nhận.",
]
LETTERS = "aáàảãạăắằẳẵặâấầẩẫậeéèẻẽẹêếềểễệiíìỉĩịoóòỏõọôốồổỗộơớờởỡợuúùủũụưứừửữựyýỳỷỹỵđ"


def test_tcvn3_gives_each_lower_case_letter_one_code_point():
    codes = [ENCODE[TCVN3].get(c, c) for c in LETTERS]
    assert all(len(code) == 1 for code in codes) and len(set(codes)) == len(LETTERS)
    assert (ENCODE[TCVN3]["ư"], ENCODE[TCVN3]["đ"], ENCODE[TCVN3]["ế"]) == ("\xad", "\xae", "\xd5")


def test_vni_gives_each_letter_one_or_two_code_points():
    codes = [ENCODE[VNI].get(c, c) for c in LETTERS + LETTERS.upper()]
    assert all(1 <= len(code) <= 2 for code in codes) and len(set(codes)) == len(codes)
    assert (ENCODE[VNI]["á"], ENCODE[VNI]["ố"], ENCODE[VNI]["ự"], ENCODE[VNI]["Đ"]) == ("aù", "oá", "öï", "Ñ")


@pytest.mark.parametrize("encoding", [TCVN3, VNI])
def test_every_code_decodes_to_one_letter(encoding):
    assert len(DECODE[encoding]) == len(ENCODE[encoding])


@pytest.mark.parametrize("sentence", SENTENCES)
def test_vni_round_trips_real_sentences(sentence):
    legacy = from_unicode(sentence, VNI)
    assert legacy.encode("cp1252")  # the bytes a VNI file holds
    assert to_unicode(legacy, VNI) == sentence


@pytest.mark.parametrize("sentence", SENTENCES)
def test_tcvn3_round_trips_real_sentences_lower_case_capitals_aside(sentence):
    legacy = from_unicode(sentence, TCVN3)
    assert legacy.encode("cp1252")  # the bytes a TCVN3 file holds
    back = to_unicode(legacy, TCVN3).replace("\n", " ")
    # Toned capitals were typed with the capitals font (.VnTimeH) at the lower-case code points.
    assert back.lower() == sentence.lower()
    toned_capitals = "ÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ"
    assert all(a == b for a, b in zip(back, sentence, strict=True) if b not in toned_capitals)


def test_detection_names_the_encoding_and_leaves_unicode_alone():
    text = " ".join(SENTENCES)
    assert detect(from_unicode(text, TCVN3)) == TCVN3
    assert detect(from_unicode(text, VNI)) == VNI
    assert detect(text) is None
    assert detect("Plain English text with café and naïve résumé, München.") is None


PLAN = """ỦY BAN NHÂN DÂN
XÃ AN HÒA
Số: 12/KH-UBND

KẾ HOẠCH
Thực hiện công tác dân vận chính quyền năm 2025

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao nhận thức của cán bộ, công chức về công tác dân vận.

II. NỘI DUNG THỰC HIỆN
1. Tuyên truyền, quán triệt các văn bản của Đảng và Nhà nước về công tác dân vận
- Tổ chức hội nghị quán triệt cho cán bộ, công chức xã.
"""


@pytest.mark.parametrize(("encoding", "codec"), [(TCVN3, "cp1252"), (VNI, "cp1252")])
def test_a_text_file_in_a_legacy_encoding_is_read_as_unicode(tmp_path, encoding, codec):
    path = tmp_path / "ke-hoach.txt"
    path.write_bytes(from_unicode(PLAN, encoding).encode(codec))
    assert read_text(path).rstrip("\n").split("\n") == PLAN.rstrip("\n").split("\n")  # capitals lines included
    plan = extract_plan(path)
    assert plan["document"]["number"] == "12/KH-UBND"
    assert plan["content_areas"][0]["activities"] == ["Tổ chức hội nghị quán triệt cho cán bộ, công chức xã."]


def test_a_docx_in_vntime_fonts_is_read_as_unicode_with_its_capitals(tmp_path):
    document = docx.Document()
    heading = document.add_paragraph().add_run(from_unicode("KẾ HOẠCH", TCVN3))
    heading.font.name = ".VnTimeH"
    body = document.add_paragraph().add_run(from_unicode("Thực hiện công tác dân vận chính quyền năm 2025", TCVN3))
    body.font.name = ".VnTime"
    path = tmp_path / "ke-hoach.docx"
    document.save(path)
    assert read_text(path).split("\n\n") == ["KẾ HOẠCH", "Thực hiện công tác dân vận chính quyền năm 2025"]


def test_a_text_file_in_an_unknown_encoding_is_refused(tmp_path):
    path = tmp_path / "ke-hoach.txt"
    path.write_bytes("Планирование работы на 2025 год, отчёт и задачи подразделений".encode("cp1251") * 5)
    with pytest.raises(ExtractionError) as caught:
        extract_plan(path)
    assert caught.value.code == ErrorCode.UNKNOWN_ENCODING
    assert "bảng mã" in caught.value.message_vi
