"""A plan copied from a website (markdown marks, the site's menus, counters and related links around
it) reads as the plain text does."""

from __future__ import annotations

import re

import pytest

from ingest.parser import extract_from_text
from ingest.parser.scoring import groups_of, score
from ingest.tests.conftest import SEED_STEMS
from ingest.tests.documents import seed_text

SITE_TOP = """[Trang chủ](https://example.gov.vn/) > [Văn bản](https://example.gov.vn/van-ban) > Kế hoạch
Lượt xem: 1.254
Cập nhật: 12/03/2024 08:15
Chia sẻ
Facebook
Zalo
![logo](https://example.gov.vn/logo.png)
"""
SITE_BOTTOM = """
Tải về
Tags: dân vận, chính quyền
Tin liên quan
- [Hội nghị sơ kết công tác dân vận 6 tháng đầu năm](https://example.gov.vn/tin/1)
- [Kết quả thi đua “Dân vận khéo”](https://example.gov.vn/tin/2)
https://example.gov.vn/tin/3
"""


def web_copy(text: str) -> str:
    text = re.sub(r"(?m)^(KẾ HOẠCH)$", r"## \1", text)
    text = re.sub(r"(?m)^([IVX]+\. .+)$", r"**\1**", text)
    text = re.sub(r"(?m)^(\d+\. )(.{10,40}?)(\s)", r"\1**\2**\3", text)
    return SITE_TOP + text + SITE_BOTTOM


@pytest.mark.parametrize("stem", SEED_STEMS)
def test_a_web_copy_reaches_the_bar_of_the_plain_text(gold, stem):
    scores = score(extract_from_text(web_copy(seed_text(stem))), gold[stem])
    below = {g: round(scores[g].f1, 3) for g in groups_of(scores) if scores[g].f1 < 0.95}
    assert not below, below


def test_the_site_lines_and_marks_are_gone():
    plan = extract_from_text(web_copy(seed_text(SEED_STEMS[0])))
    dumped = repr(plan)
    for noise in ("**", "Lượt xem", "Chia sẻ", "Tin liên quan", "example.gov.vn", "Hội nghị sơ kết công tác"):
        assert noise not in dumped


def test_a_markdown_table_of_tasks_gives_one_area_per_row():
    text = """KẾ HOẠCH
Thực hiện công tác dân vận năm 2026

II. NHIỆM VỤ TRỌNG TÂM
| STT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện |
|---|---|---|---|---|
| **I** | **Công tác tuyên truyền** | | | |
| 1 | Tổ chức hội nghị quán triệt | Phòng Văn hóa - Thông tin | Các cơ quan, đơn vị có liên quan | Quý I/2026 |
| 2 | Kiểm tra việc thực hiện dân chủ ở cơ sở | Phòng Nội vụ | UBND các xã, thị trấn | Hằng năm, trước ngày 15/11 |

III. TỔ CHỨC THỰC HIỆN
Các cơ quan, đơn vị triển khai thực hiện.
"""
    areas = extract_from_text(text)["content_areas"]
    assert [(a["label"], a["title"], a["lead"], a["support"], a["timing"]) for a in areas] == [
        (
            "1",
            "Tổ chức hội nghị quán triệt",
            ["Phòng Văn hóa - Thông tin"],
            ["Các cơ quan, đơn vị có liên quan"],
            "Quý I/2026",
        ),
        (
            "2",
            "Kiểm tra việc thực hiện dân chủ ở cơ sở",
            ["Phòng Nội vụ"],
            ["UBND các xã, thị trấn"],
            "Hằng năm, trước ngày 15/11",
        ),
    ]
    assert (areas[0]["due_date"], areas[1]["recurrence"]) == ("2026-03-31", "yearly")
