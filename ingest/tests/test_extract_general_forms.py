"""General forms of administrative documents, on a plan written unlike the seeds: header with the
issuing body and national motto, a two-line title, one paragraph per line, "Căn cứ" clauses,
Party and joint numbers, targets under a numbered heading, units charged after a colon,
annotated recipients and a TM. signature with a name."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.parser import extract_plan

FIXTURE = Path(__file__).parent / "fixtures" / "ke-hoach-ubnd-xa.txt"


@pytest.fixture(scope="module")
def plan():
    return extract_plan(FIXTURE)


def test_document_fields_come_from_header_and_title(plan):
    assert plan["document"] == {
        "type": "KH",
        "number": "45/KH-UBND",
        "symbol": "KH-UBND",
        "issuer": "Ủy ban nhân dân xã Long Thành Bắc",
        "place": "Long Thành Bắc",
        "date": "2024-02-05",
        "year": 2024,
        "title": "Triển khai thực hiện Quy chế dân chủ ở cơ sở và công tác dân vận chính quyền"
        " trên địa bàn xã năm 2024",
    }


def test_basis_holds_every_number_of_the_can_cu_and_thuc_hien_clauses(plan):
    assert plan["basis"] == ["10/2022/QH15", "59/2023/NĐ-CP", "141-KH/BDVTU", "312/UBND-NC"]


def test_references_have_kind_and_date_of_their_mention(plan):
    refs = {r["number"]: (r["kind"], r["date"]) for r in plan["references"]}
    assert refs == {
        "10/2022/QH15": ("Luật", "2022-11-10"),
        "59/2023/NĐ-CP": ("Nghị định", "2023-08-14"),
        "141-KH/BDVTU": ("Kế hoạch", "2024-01-20"),
        "312/UBND-NC": ("Công văn", "2024-01-25"),
        "16/CT-TTg": ("Chỉ thị", None),
        "01/2017/TTLT-BNV-BTC": ("Thông tư liên tịch", None),
    }


def test_targets_come_from_the_chi_tieu_heading_and_figures_elsewhere(plan):
    assert [(t["value"], t["unit"]) for t in plan["targets"]] == [
        (100, "%"),
        (98, "%"),
        (2, "hội nghị"),
        (85, "%"),
    ]


def test_deadlines_take_the_plan_year_when_none_is_written(plan):
    assert [d["date"] for d in plan["deadlines"]] == ["2024-09-30", "2024-06-15", "2024-11-15"]


def test_units_charged_after_a_colon(plan):
    assert [(a["unit"], a["deadlines"]) for a in plan["assignments"]] == [
        ("Văn phòng - Thống kê", ["2024-06-15", "2024-11-15"]),
        ("Công chức Tư pháp - Hộ tịch", []),
        ("Các ban, ngành, đoàn thể xã", []),
    ]


def test_recipients_drop_annotations_and_the_filed_copy(plan):
    assert plan["recipients"] == ["Ban Dân vận Huyện ủy", "UBND huyện", "Đảng ủy xã", "Các ban, ngành, đoàn thể xã"]


def test_signer_with_authority_title_and_name(plan):
    assert plan["signer"] == {"authority": "TM. ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Nguyễn Văn An"}


def test_sections_are_the_roman_headings(plan):
    assert [s["label"] for s in plan["sections"]] == ["I", "II", "III"]
