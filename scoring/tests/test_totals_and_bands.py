"""Totals and grade bands as the rules compute them: property tests over any points and any set."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from scoring import rules

D = st.decimals(min_value=0, max_value=40, places=2)
TOP = {"TC1": Decimal(30), "TC2": Decimal(30), "TC3": Decimal(40)}
BANDS = [rules.Band("Tốt", Decimal(90), Decimal("0.85")), rules.Band("Khá", Decimal(80), Decimal("0.7")),
         rules.Band("Trung bình", Decimal(65), no_zero=True), rules.Band("Yếu", Decimal(0))]


@st.composite
def scored(draw):
    criteria = {code: draw(st.decimals(min_value=0, max_value=maximum, places=2)) for code, maximum in TOP.items()}
    return rules.Points(criteria=criteria, bonus=draw(st.decimals(min_value=0, max_value=5, places=2)),
                        penalty=draw(st.decimals(min_value=0, max_value=5, places=2)),
                        red_lines=draw(st.lists(st.sampled_from(["RL1", "RL2"]), max_size=1)))


def set_rules(exceed: bool) -> rules.SetRules:
    return rules.SetRules(max_total=Decimal(100), bands=BANDS, top_level=TOP, bonus_may_exceed_max=exceed)


@given(scored())
def test_the_total_never_exceeds_the_maximum_unless_the_set_allows_it(points):
    assert 0 <= rules.total(set_rules(False), points) <= 100


@given(scored())
def test_a_set_that_allows_it_lets_the_bonus_lift_the_total_above_the_maximum(points):
    value = rules.total(set_rules(True), points)
    assert value == max(0, sum(points.criteria.values()) + points.bonus - points.penalty)


@given(scored())
def test_a_bands_floors_hold_for_the_grade_it_gives(points):
    set_ = set_rules(False)
    label = rules.grade(set_, points)
    band = next(b for b in BANDS if b.label == label)
    if band is not BANDS[-1]:
        value = rules.total(set_, points)
        assert value >= band.min_total
        for code, maximum in TOP.items():
            assert band.min_share_each is None or points.criteria[code] >= band.min_share_each * maximum
            assert not band.no_zero or points.criteria[code] > 0


@given(scored())
def test_the_grade_is_the_highest_band_whose_conditions_hold(points):
    set_ = set_rules(False)
    label = rules.grade(set_, points)
    value = rules.total(set_, points)
    higher = BANDS[:[b.label for b in BANDS].index(label)]
    if not points.red_lines:
        assert not any(rules.band_holds(b, set_, points, value) for b in higher)


@given(scored())
def test_a_red_line_forces_the_lowest_band_whatever_the_total(points):
    crossed = rules.Points(criteria=points.criteria, bonus=points.bonus, red_lines=["RL1"])
    assert rules.grade(set_rules(False), crossed) == "Yếu"


def test_full_points_with_a_missing_share_fall_to_the_band_whose_floor_they_meet():
    points = rules.Points(criteria={"TC1": Decimal(20), "TC2": Decimal(30), "TC3": Decimal(40)})
    assert rules.total(set_rules(False), points) == 90
    assert rules.grade(set_rules(False), points) == "Trung bình"  # TC1 at 67% fails Tốt's 85% and Khá's 70%


def test_bonus_penalty_and_reserved_points_add_up_then_cap():
    points = rules.Points(criteria={"TC1": Decimal(30), "TC2": Decimal(30), "TC3": Decimal(35)},
                          reserved=Decimal(0), bonus=Decimal(3), penalty=Decimal(2))
    assert rules.total(set_rules(False), points) == 96
    points = rules.Points(criteria={"TC1": Decimal(30), "TC2": Decimal(30), "TC3": Decimal(40)}, bonus=Decimal(3))
    assert rules.total(set_rules(False), points) == 100
    assert rules.total(set_rules(True), points) == 103


def test_a_parents_points_are_the_sum_of_its_childrens_at_any_depth():
    parents = {"A": None, "A.1": "A", "A.1.a": "A.1", "A.1.b": "A.1", "A.2": "A", "B": None}
    sums = rules.tree_sums(parents, {"A.1.a": Decimal(1), "A.1.b": Decimal(2), "A.2": Decimal(4), "B": Decimal(5)})
    assert (sums["A"], sums["A.1"], sums["B"]) == (7, 3, 5)


@given(st.decimals(min_value=-50, max_value=500, places=2), st.decimals(min_value=0, max_value=30, places=2))
def test_a_proposal_stays_within_the_criterions_maximum(value, maximum):
    for proposal in ({"kind": "linear", "zero_at": 80, "full_at": 100}, {"kind": "threshold", "at": 90},
                     {"kind": "steps", "steps": [[1, 10], [2, 15], [3, 20]]}, None):
        assert 0 <= rules.propose(proposal, maximum, value) <= maximum


def test_the_example_formulas_propose_what_the_example_says():
    linear = {"kind": "linear", "zero_at": 80, "full_at": 100}
    assert [rules.propose(linear, 4, v) for v in (70, 80, 90, 100)] == [0, 0, 2, 4]
    assert [rules.propose({"kind": "threshold", "at": 90}, 10, v) for v in (89.99, 90)] == [0, 10]
    steps = {"kind": "steps", "steps": [[1, 10], [2, 15], [3, 20]]}
    assert [rules.propose(steps, 20, v) for v in (0, 1, 2, 5)] == [0, 10, 15, 20]
    assert rules.propose(None, 6, 50) == 3
