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
