"""The scoring rules as plain functions of plain data: no database, no Django models.

A criteria set is read as `SetRules` (the maxima, the bonus cap, the bands, the top-level criteria) and
an assessment's points as `Points`; `total()` and `grade()` decide, `propose()` turns a measure's value
into points by the criterion's formula. services.py calls these with what it read from the database, and
the property tests call them directly.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

ZERO = Decimal(0)
CENT = Decimal("0.01")

PROPOSAL_KINDS = ("linear", "threshold", "steps")


def points(value) -> Decimal:
    """A number of points, to two decimals."""
    return Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP)


def clamp(value: Decimal, low: Decimal, high: Decimal) -> Decimal:
    return max(low, min(high, value))


def check_proposal(proposal: Mapping | None) -> list[str]:
    """What is wrong with a proposal formula (English keys: the importer reports them with the criterion)."""
    if not proposal:
        return []
    kind = proposal.get("kind")
    if kind not in PROPOSAL_KINDS:
        return [f"kind must be one of {', '.join(PROPOSAL_KINDS)}"]
    try:
        if kind == "linear":
            if Decimal(str(proposal["full_at"])) == Decimal(str(proposal["zero_at"])):
                return ["zero_at and full_at must differ"]
        elif kind == "threshold":
            Decimal(str(proposal["at"]))
        else:
            steps = [(Decimal(str(at)), Decimal(str(score))) for at, score in proposal["steps"]]
            if not steps or [at for at, _score in steps] != sorted(at for at, _score in steps):
                return ["steps must be listed by increasing value"]
    except (KeyError, TypeError, ValueError, ArithmeticError):
        return [f"a {kind} proposal lacks a number it needs"]
    return []


def propose(proposal: Mapping | None, max_points, value) -> Decimal:
    """The points a measured `value` earns under `proposal` (a rate in percent, or a count), within
    [0, max_points]. Without a formula: pro rata for a rate (100% earns the maximum).

    linear: `zero_at` or less earns 0, `full_at` or more the maximum, linear between (either may be the
    larger, for measures where less is better); threshold: the maximum at `at` or more, else 0;
    steps: [[value, points], ...]: the points of the highest step reached.
    """
    maximum, value = Decimal(str(max_points)), Decimal(str(value))
    kind = (proposal or {}).get("kind")
    if kind == "linear":
        zero_at, full_at = Decimal(str(proposal["zero_at"])), Decimal(str(proposal["full_at"]))
        share = (value - zero_at) / (full_at - zero_at)
        result = maximum * clamp(share, ZERO, Decimal(1))
    elif kind == "threshold":
        result = maximum if value >= Decimal(str(proposal["at"])) else ZERO
    elif kind == "steps":
        result = ZERO
        for at, score in proposal["steps"]:
            if value >= Decimal(str(at)):
                result = Decimal(str(score))
    else:
        result = maximum * value / 100
    return points(clamp(result, ZERO, maximum))


@dataclass(frozen=True)
class Band:
    label: str
    min_total: Decimal
    min_share_each: Decimal | None = None
    no_zero: bool = False


@dataclass(frozen=True)
class SetRules:
    max_total: Decimal
    bands: Sequence[Band]
    # Top-level criteria: code -> maximum (the bands' per-criterion conditions read them).
    top_level: Mapping[str, Decimal] = field(default_factory=dict)
    bonus_may_exceed_max: bool = False


@dataclass(frozen=True)
class Points:
    """An assessment's points: each top-level criterion's (the sum of its leaves), the reserved points,
    the bonus and the penalty items (each already within its own maximum), and the red lines crossed."""

    criteria: Mapping[str, Decimal]
    reserved: Decimal = ZERO
    bonus: Decimal = ZERO
    penalty: Decimal = ZERO
    red_lines: Sequence[str] = ()


def total(rules: SetRules, scored: Points) -> Decimal:
    """Criteria + reserved + bonus − penalty, never below 0, and capped at the set's maximum unless the
    set lets the bonus lift it above."""
    value = sum(scored.criteria.values(), ZERO) + scored.reserved + scored.bonus - scored.penalty
    value = max(ZERO, value)
    if not rules.bonus_may_exceed_max:
        value = min(value, rules.max_total)
    return points(value)


def band_holds(band: Band, rules: SetRules, scored: Points, value: Decimal) -> bool:
    if value < band.min_total:
        return False
    for code, maximum in rules.top_level.items():
        got = scored.criteria.get(code, ZERO)
        if band.no_zero and got <= 0:
            return False
        if band.min_share_each is not None and got < band.min_share_each * maximum:
            return False
    return True


def grade(rules: SetRules, scored: Points, value: Decimal | None = None) -> str:
    """The first band, from the top, whose conditions hold; the lowest band whenever a red line is crossed
    (or none holds)."""
    if not rules.bands:
        return ""
    if value is None:
        value = total(rules, scored)
    if not scored.red_lines:
        for band in rules.bands:
            if band_holds(band, rules, scored, value):
                return band.label
    return rules.bands[-1].label


def tree_sums(parents: Mapping[str, str | None], leaves: Mapping[str, Decimal]) -> dict[str, Decimal]:
    """Each criterion's points: a leaf's own, a parent's the sum of its children's, at any depth."""
    sums: dict[str, Decimal] = dict.fromkeys(parents, ZERO)
    for code, value in leaves.items():
        node = code
        while node is not None:
            sums[node] = sums.get(node, ZERO) + value
            node = parents.get(node)
    return sums
