"""How an import is scored against a gold answer (ingest/parser/SCHEMA.md, "How an import is scored").

Per field group: set precision/recall/F1 of reference numbers, deadline dates, recipients and
assignment units (names after case and whitespace folding, matched loosely); exact match of each
`document` field; and for targets the count and the values.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

DOCUMENT_FIELDS = ("type", "number", "symbol", "issuer", "place", "date", "year", "title")
# Two names are the same unit when they fold equal, one contains the other, or nearly equal.
LOOSE_RATIO = 0.85


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, matched: int, predicted: int, expected: int) -> Score:
        if predicted == 0 and expected == 0:
            return cls(1.0, 1.0, 1.0)
        p = matched / predicted if predicted else 0.0
        r = matched / expected if expected else 0.0
        return cls(p, r, 2 * p * r / (p + r) if p + r else 0.0)


def fold_name(name: str) -> str:
    """Case and whitespace folded, punctuation and dash variants ignored."""
    name = unicodedata.normalize("NFC", name).casefold().replace("uỷ", "ủy").replace("hoà", "hòa")
    return " ".join(re.sub(r"[^\w]+", " ", name).split())


def loosely_equal(a: str, b: str) -> bool:
    fa, fb = fold_name(a), fold_name(b)
    if not fa or not fb:
        return fa == fb
    return fa == fb or fa in fb or fb in fa or SequenceMatcher(None, fa, fb).ratio() >= LOOSE_RATIO


def _matched(predicted: list[str], expected: list[str], same: Callable[[str, str], bool]) -> int:
    """Size of a one-to-one matching, exact pairs first, then loose ones."""
    left, right = list(predicted), list(expected)
    count = 0
    for equal in (lambda a, b: a == b, same):
        for a in list(left):
            for b in right:
                if equal(a, b):
                    left.remove(a)
                    right.remove(b)
                    count += 1
                    break
    return count


def set_score(
    predicted: Iterable[str], expected: Iterable[str], same: Callable[[str, str], bool] | None = None
) -> Score:
    p = list(dict.fromkeys(x for x in predicted if x is not None))
    e = list(dict.fromkeys(x for x in expected if x is not None))
    return Score.of(_matched(p, e, same or (lambda a, b: a == b)), len(p), len(e))


def _multiset_score(predicted: Iterable[object], expected: Iterable[object]) -> Score:
    p, e = Counter(predicted), Counter(expected)
    return Score.of(sum((p & e).values()), sum(p.values()), sum(e.values()))


def score(predicted: dict, gold: dict) -> dict[str, object]:
    """Scores per field group; each is a Score except `document`, which also lists its fields."""
    fields = {f: predicted["document"].get(f) == gold["document"].get(f) for f in DOCUMENT_FIELDS}
    doc_share = sum(fields.values()) / len(fields)
    n_pred, n_gold = len(predicted["targets"]), len(gold["targets"])
    return {
        "references": set_score(
            (r["number"] for r in predicted["references"]), (r["number"] for r in gold["references"])
        ),
        "deadlines": set_score((d["date"] for d in predicted["deadlines"]), (d["date"] for d in gold["deadlines"])),
        "recipients": set_score(predicted["recipients"], gold["recipients"], loosely_equal),
        "assignments": set_score(
            (a["unit"] for a in predicted["assignments"]), (a["unit"] for a in gold["assignments"]), loosely_equal
        ),
        "document": Score(doc_share, doc_share, doc_share),
        "document_fields": fields,
        "targets_count": Score.of(min(n_pred, n_gold), n_pred, n_gold),
        "targets": _multiset_score((t["value"] for t in predicted["targets"]), (t["value"] for t in gold["targets"])),
        "basis": set_score(predicted["basis"], gold["basis"]),
        "sections": set_score((s["label"] for s in predicted["sections"]), (s["label"] for s in gold["sections"])),
    }


GROUPS = ("references", "deadlines", "recipients", "assignments", "document", "targets_count", "targets")
