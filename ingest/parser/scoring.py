"""How an import is scored against a gold answer (ingest/parser/SCHEMA.md, "How an import is scored").

Per field group: set precision/recall/F1 of reference numbers and deadline dates (exact), of
recipients and assignment units (names matched loosely); exact match of each `document` field;
for targets the count and the values. Version 2, each only when the gold has the key: the
`purposes` items, the `content_areas` titles, all `activities` together (each cut to its first
120 characters after whitespace folding) and the `area_units` (area label, unit) pairs of `lead`
and `support` together, each pair once.

Loose matching (recipients, units, body items): after case and whitespace folding with
parenthesised text dropped, two texts match when equal, when one is inside the other, or when at
least 60% of the words are shared (shared words ÷ the longer text's words). Matching is one to
one with as many pairs as possible (a maximum bipartite matching), exact pairs preferred.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

DOCUMENT_FIELDS = ("type", "number", "symbol", "issuer", "place", "date", "year", "title")
SHARED_WORDS = 0.6
ACTIVITY_CHARS = 120


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
    """Case and whitespace folded, parenthesised text dropped, punctuation and dash variants ignored."""
    name = unicodedata.normalize("NFC", name).casefold().replace("uỷ", "ủy").replace("hoà", "hòa")
    name = re.sub(r"\([^()]*\)", " ", name)
    return " ".join(re.sub(r"[^\w]+", " ", name).split())


def loosely_equal(a: str, b: str) -> bool:
    fa, fb = fold_name(a), fold_name(b)
    if not fa or not fb:
        return fa == fb
    if fa == fb or fa in fb or fb in fa:
        return True
    wa, wb = fa.split(), fb.split()
    shared = sum((Counter(wa) & Counter(wb)).values())
    return shared >= SHARED_WORDS * max(len(wa), len(wb))


def _matched(predicted: list, expected: list, same: Callable) -> int:
    """Size of a maximum one-to-one matching under `same` (augmenting paths, Kuhn's algorithm)."""
    edges = [[j for j, b in enumerate(expected) if same(a, b)] for a in predicted]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    # Exact pairs first keeps the matching stable; it never lowers the maximum's size.
    order = sorted(range(len(predicted)), key=lambda i: predicted[i] not in expected)
    return sum(augment(i, set()) for i in order)


def set_score(
    predicted: Iterable[str], expected: Iterable[str], same: Callable[[str, str], bool] | None = None
) -> Score:
    p = list(dict.fromkeys(x for x in predicted if x is not None))
    e = list(dict.fromkeys(x for x in expected if x is not None))
    return Score.of(_matched(p, e, same or (lambda a, b: a == b)), len(p), len(e))


def _multiset_score(predicted: Iterable[object], expected: Iterable[object]) -> Score:
    p, e = Counter(predicted), Counter(expected)
    return Score.of(sum((p & e).values()), sum(p.values()), sum(e.values()))


def _cut(text: str) -> str:
    return " ".join(text.split())[:ACTIVITY_CHARS]


def _label(label: object) -> str:
    return re.sub(r"[^\w]+", "", str(label or "")).casefold()


def _area_units(plan: dict) -> list[tuple[str, str]]:
    pairs = [
        (_label(area.get("label")), unit)
        for area in plan.get("content_areas") or []
        for unit in [*(area.get("lead") or []), *(area.get("support") or [])]
    ]
    return list(dict.fromkeys(pairs))


def _same_pair(a: tuple[str, str], b: tuple[str, str]) -> bool:
    return a[0] == b[0] and loosely_equal(a[1], b[1])


def _items_score(predicted: list[str], expected: list[str]) -> Score:
    """Body items: each occurrence counts (the same text under two headings is listed twice)."""
    return Score.of(_matched(predicted, expected, loosely_equal), len(predicted), len(expected))


def score(predicted: dict, gold: dict) -> dict[str, object]:
    """Scores per field group; each is a Score except `document`, which also lists its fields."""
    fields = {f: predicted["document"].get(f) == gold["document"].get(f) for f in DOCUMENT_FIELDS}
    doc_share = sum(fields.values()) / len(fields)
    n_pred, n_gold = len(predicted["targets"]), len(gold["targets"])
    scores: dict[str, object] = {
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
    if "purposes" in gold:
        scores["purposes"] = _items_score(predicted.get("purposes") or [], gold["purposes"])
    if "content_areas" in gold:
        p_areas, g_areas = predicted.get("content_areas") or [], gold["content_areas"]
        scores["content_areas"] = _items_score([a["title"] for a in p_areas], [a["title"] for a in g_areas])
        scores["activities"] = _items_score(
            [_cut(t) for a in p_areas for t in a["activities"]], [_cut(t) for a in g_areas for t in a["activities"]]
        )
        p_units, g_units = _area_units(predicted), _area_units(gold)
        scores["area_units"] = Score.of(_matched(p_units, g_units, _same_pair), len(p_units), len(g_units))
    return scores


GROUPS = ("references", "deadlines", "recipients", "assignments", "document", "targets_count", "targets")
BODY_GROUPS = ("purposes", "content_areas", "activities", "area_units")


def groups_of(scores: dict[str, object]) -> tuple[str, ...]:
    """The groups a score has: the version-1 groups and the body groups its gold carries."""
    return GROUPS + tuple(g for g in BODY_GROUPS if g in scores)
