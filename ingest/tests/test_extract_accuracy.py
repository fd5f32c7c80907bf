"""Every field group reaches 0.95 F1 against the gold answers, as .txt, .docx and .pdf."""

from __future__ import annotations

import pytest

from ingest.parser import extract_plan
from ingest.parser.scoring import GROUPS, score
from ingest.tests.conftest import SEED_STEMS

MIN_F1 = 0.95


def test_the_three_seed_plans_have_gold_answers():
    assert len(SEED_STEMS) == 3


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
@pytest.mark.parametrize("stem", SEED_STEMS)
def test_every_field_group_reaches_095_f1(seed_documents, gold, stem, fmt):
    plan = extract_plan(seed_documents[stem][fmt])
    scores = score(plan, gold[stem])
    below = {g: round(scores[g].f1, 3) for g in GROUPS if scores[g].f1 < MIN_F1}
    wrong_fields = [f for f, ok in scores["document_fields"].items() if not ok]
    assert not below, f"{stem}.{fmt}: groups below {MIN_F1}: {below}; wrong document fields: {wrong_fields}"


@pytest.mark.parametrize("stem", SEED_STEMS)
def test_basis_and_signer_match_gold(seed_documents, gold, stem):
    plan = extract_plan(seed_documents[stem]["pdf"])
    assert plan["basis"] == gold[stem]["basis"]
    assert plan["signer"] == gold[stem]["signer"]
    assert [s["label"] for s in plan["sections"]] == [s["label"] for s in gold[stem]["sections"]]


def test_progress_reports_every_page(seed_documents):
    calls = []
    extract_plan(seed_documents[SEED_STEMS[0]]["pdf"], progress=lambda done, total: calls.append((done, total)))
    total = calls[-1][1]
    assert total > 1 and calls == [(i, total) for i in range(1, total + 1)]
