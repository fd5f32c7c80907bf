"""The scoring of SCHEMA.md: set P/R/F1 per group, loose names, exact document fields, targets."""

from __future__ import annotations

import copy
import json

from ingest.parser.scoring import loosely_equal, score, set_score
from ingest.tests.conftest import GOLD, SEED_STEMS


def _gold():
    return json.loads((GOLD / f"{SEED_STEMS[0]}.json").read_text(encoding="utf-8"))


def test_gold_scores_one_against_itself():
    gold = _gold()
    scores = score(gold, gold)
    assert all(s.f1 == 1.0 for name, s in scores.items() if name != "document_fields")


def test_names_match_after_case_and_whitespace_folding():
    assert loosely_equal("Văn phòng  Sở", "văn phòng sở")
    assert loosely_equal("Phòng Tổ chức – Pháp chế", "Phòng Tổ chức - Pháp chế")
    assert not loosely_equal("Thanh tra Sở", "Văn phòng Sở")


def test_set_score_counts_precision_and_recall():
    s = set_score(["a", "b", "x"], ["a", "b", "c", "d"])
    assert (round(s.precision, 3), s.recall) == (0.667, 0.5)


def test_a_wrong_document_field_costs_its_share():
    gold = _gold()
    predicted = copy.deepcopy(gold)
    predicted["document"]["title"] = "Khác"
    scores = score(predicted, gold)
    assert scores["document"].f1 == 7 / 8 and not scores["document_fields"]["title"]


def test_targets_are_scored_on_count_and_values():
    gold = _gold()
    predicted = copy.deepcopy(gold)
    predicted["targets"] = predicted["targets"][:-1] + [{"text": "x", "value": 50, "unit": "%"}]
    scores = score(predicted, gold)
    assert scores["targets_count"].f1 == 1.0
    assert scores["targets"].f1 < 1.0


def test_body_items_match_loosely_without_parenthesised_text():
    assert loosely_equal("Trung tâm Văn hóa (Sở Văn hóa)", "trung tâm văn hóa")
    assert loosely_equal("Tổ chức hội nghị sơ kết công tác dân vận", "Tổ chức hội nghị tổng kết công tác dân vận")
    assert not loosely_equal("Tổ chức hội nghị sơ kết", "Kiểm tra việc thực hiện quy chế dân chủ")


def test_loose_matching_is_one_to_one_with_as_many_pairs_as_possible():
    # A greedy pass would give "Sở Nội vụ" to the first gold name it contains and lose a pair.
    s = set_score(["Sở Nội vụ", "Sở Nội vụ tỉnh"], ["Sở Nội vụ tỉnh", "Sở Nội vụ"], loosely_equal)
    assert s.f1 == 1.0
    s = set_score(["Văn phòng"], ["Văn phòng Sở", "Văn phòng UBND"], loosely_equal)
    assert (s.precision, s.recall) == (1.0, 0.5)


def test_body_groups_are_scored_only_when_the_gold_has_them():
    gold = _gold()
    header_only = {k: v for k, v in gold.items() if k not in ("purposes", "content_areas")}
    assert "purposes" not in score(gold, header_only)
    assert {"purposes", "content_areas", "activities", "area_units"} <= set(score(gold, gold))


def test_activities_are_compared_on_their_first_120_characters():
    gold = _gold()
    predicted = copy.deepcopy(gold)
    for area in predicted["content_areas"]:
        area["activities"] = [a[:120] + " thêm một đoạn khác hẳn ở cuối" * 5 for a in area["activities"]]
    assert score(predicted, gold)["activities"].f1 == 1.0


def test_a_unit_pair_needs_the_same_area_label():
    gold = _gold()
    gold["content_areas"][0]["lead"] = ["Văn phòng Sở"]
    predicted = copy.deepcopy(gold)
    predicted["content_areas"][0]["lead"] = []
    predicted["content_areas"][1]["support"] = ["Văn phòng Sở"]
    assert score(predicted, gold)["area_units"].f1 == 0.0
    predicted["content_areas"][0]["label"] = "1."
    predicted["content_areas"][0]["support"] = ["văn phòng  sở"]
    assert score(predicted, gold)["area_units"].recall == 1.0
