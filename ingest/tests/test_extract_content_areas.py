"""Purposes and content areas (SCHEMA.md version 2) from the general forms of a plan's body."""

from __future__ import annotations

from ingest.parser import extract_from_text
from ingest.parser.areas import split_units

PLAN = """UỶ BAN NHÂN DÂN
HUYỆN MẪU
Số: 15/KH-UBND

KẾ HOẠCH
Thực hiện công tác dân vận chính quyền năm 2026

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao nhận thức của cán bộ, công chức về công tác dân vận.
2. Yêu cầu
- Bám sát chức năng, nhiệm vụ được giao.
- Bảo đảm thiết thực, hiệu quả.

II. NHIỆM VỤ, GIẢI PHÁP
Để thực hiện các mục tiêu trên, tập trung các nội dung sau:
1. Tuyên truyền, quán triệt các văn bản về công tác dân vận
- Nội dung thực hiện: Tổ chức hội nghị quán triệt cho cán bộ chủ chốt.
- Cơ quan chủ trì: Phòng Nội vụ.
- Cơ quan phối hợp: Văn phòng HĐND và UBND huyện, các cơ quan, đơn vị có liên quan.
- Thời gian thực hiện: Quý II năm 2026.
2. Nâng cao chất lượng tiếp công dân
- Nhiệm vụ:
+ Duy trì lịch tiếp công dân định kỳ.
+ Công khai kết quả giải quyết kiến nghị.
Giao Thanh tra huyện chủ trì, phối hợp với Ban Tiếp công dân huyện theo dõi, đôn đốc.
Thời hạn: hằng năm, trước ngày 15/11
3. Phong trào thi đua “Dân vận khéo”
Các phòng, ban chuyên môn đẩy mạnh phong trào trong phạm vi được giao.
Thời gian: thường xuyên

III. TỔ CHỨC THỰC HIỆN
1. Phòng Nội vụ: theo dõi, tổng hợp, báo cáo trước ngày 30/11/2026.

Nơi nhận:
- Ban Dân vận Huyện ủy;
- Lưu: VT.
"""


def _plan():
    return extract_from_text(PLAN)


def test_purposes_are_the_items_without_their_subheadings():
    assert _plan()["purposes"] == [
        "Nâng cao nhận thức của cán bộ, công chức về công tác dân vận.",
        "Bám sát chức năng, nhiệm vụ được giao.",
        "Bảo đảm thiết thực, hiệu quả.",
    ]


def test_areas_are_the_numbered_items_of_the_task_section_not_its_lead_in():
    areas = _plan()["content_areas"]
    assert [a["label"] for a in areas] == ["1", "2", "3"]
    assert areas[0]["title"] == "Tuyên truyền, quán triệt các văn bản về công tác dân vận"


def test_field_lines_give_lead_support_and_timing_and_the_content_line_an_activity():
    area = _plan()["content_areas"][0]
    assert area["activities"] == ["Tổ chức hội nghị quán triệt cho cán bộ chủ chốt."]
    assert area["lead"] == ["Phòng Nội vụ"]
    assert area["support"] == ["Văn phòng HĐND và UBND huyện", "các cơ quan, đơn vị có liên quan"]
    assert (area["timing"], area["due_date"], area["recurrence"]) == ("Quý II năm 2026", "2026-06-30", None)


def test_a_lead_in_item_is_no_activity_and_an_explicit_assignment_names_units():
    area = _plan()["content_areas"][1]
    assert area["activities"][:2] == [
        "Duy trì lịch tiếp công dân định kỳ.",
        "Công khai kết quả giải quyết kiến nghị.",
    ]
    assert area["lead"] == ["Thanh tra huyện"]
    assert area["support"] == ["Ban Tiếp công dân huyện"]
    assert (area["due_date"], area["recurrence"]) == ("2026-11-15", "yearly")


def test_the_subject_of_an_activity_is_not_a_unit_of_the_area():
    area = _plan()["content_areas"][2]
    assert (area["lead"], area["support"], area["timing"], area["due_date"]) == ([], [], "thường xuyên", None)


def test_unit_lists_split_where_a_new_name_begins():
    assert split_units("Các sở, ngành, UBND cấp xã") == ["Các sở, ngành", "UBND cấp xã"]
    assert split_units("Sở Văn hóa, Thể thao và Du lịch; Sở Nội vụ.") == [
        "Sở Văn hóa, Thể thao và Du lịch",
        "Sở Nội vụ",
    ]
    assert split_units("Ủy ban nhân dân các xã, phường trong phạm vi chức năng, nhiệm vụ của mình") == [
        "Ủy ban nhân dân các xã, phường"
    ]
