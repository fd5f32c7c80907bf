"""The normalizer mends what PDF and web copies do to a plan's text."""

from __future__ import annotations

from ingest.parser.normalize import paragraphs

WRAPPED = """Thực hiện Kế hoạch số 859/KH-UBND ngày 25/3/2024 của Ủy ban nhân dân

tỉnh, các văn bản như: Kết luận số 114-

KL/TW, ngày 14/7/2015 của Ban Bí thư về nâng cao hiệu quả công tác dân

vận của các cơ quan nhà nước các cấp; Chỉ thị số 16/CT-TTg, ngày 16/5/2016 của

Thủ tướng Chính phủ về tăng cường và đổi mới công tác dân vận trong cơ quan

hành chính nhà nước, chính quyền các cấp trong tình hình mới.

3

I. Mục đích yêu cầu

1. Thực hiện có hiệu quả Kế hoạch, Chương trình phối hợp của Ban Dân vận

Tỉnh ủy và Ban cán sự đảng UBND tỉnh về công tác dân vận giai đoạn 2021-2026.

2. Triển khai thực hiện công tác dân vận trong cơ quan hành chính nhà nước,

chính quyền các cấp đồng bộ, hiệu quả.

Nơi nhận:  KT. GIÁM ĐỐC

- Sở Nội vụ;

		2024-03-29T09:34:59+0000
	Not specified
"""


def test_lines_broken_mid_sentence_are_joined():
    paras = paragraphs(WRAPPED)
    assert paras[0].startswith("Thực hiện Kế hoạch số 859/KH-UBND")
    assert paras[0].endswith("trong tình hình mới.")
    assert paras[1] == "I. Mục đích yêu cầu"
    assert paras[2].endswith("giai đoạn 2021-2026.")


def test_a_number_hyphenated_across_lines_is_rejoined():
    assert "Kết luận số 114-KL/TW, ngày 14/7/2015" in paragraphs(WRAPPED)[0]


def test_page_numbers_and_signature_residue_are_dropped():
    paras = paragraphs(WRAPPED)
    assert "3" not in paras
    assert paras[-1] == "- Sở Nội vụ;"


def test_table_rules_and_cells_become_plain_lines():
    text = "Số: 22/KH-SGTVT | Tây Ninh, ngày 03 tháng 4 năm 2024\n+------+------+\nKẾ HOẠCH"
    assert paragraphs(text) == ["Số: 22/KH-SGTVT", "Tây Ninh, ngày 03 tháng 4 năm 2024", "KẾ HOẠCH"]


def test_markdown_emphasis_legacy_glyphs_and_decomposed_accents_are_cleaned():
    text = "KẾ HOẠCH **Thực hiện công tác dân vận**\n\n\u00d0ảng ủy\n\nCa\u0301c pho\u0300ng"
    assert paragraphs(text) == ["KẾ HOẠCH Thực hiện công tác dân vận", "Đảng ủy", "Các phòng"]


def test_a_date_cut_after_its_month_is_one_line():
    text = "Thành phố Hồ Chí Minh, ngày 07 tháng\n\n3 năm 2023\n\nKẾ HOẠCH"
    assert paragraphs(text)[0] == "Thành phố Hồ Chí Minh, ngày 07 tháng 3 năm 2023"
