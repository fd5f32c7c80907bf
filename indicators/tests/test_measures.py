"""Every measure on known data: joiners and leavers, a mid-year merge, an empty denominator and records of
another period; and every measure kind of this issue has its function."""

import datetime as dt
from decimal import Decimal

import pytest

from core import registry
from core.periods import Period, PeriodKind
from indicators import measures
from indicators.tests.factories import (
    AgencyFactory,
    MonthlyCountFactory,
    OrganizationFactory,
    StaffMemberFactory,
    session,
)
from legal.models import LegalDocument
from plans.models import Measure, PlanStatus
from plans.tests.factories import PlanFactory

YEAR_2025 = Period(2025, PeriodKind.YEAR)


@pytest.fixture
def agency(db):
    return AgencyFactory()


@pytest.fixture
def units(agency):
    return [OrganizationFactory(parent=agency, name=f"Phòng {n}") for n in (1, 2)]


@pytest.fixture
def directive(db):
    return LegalDocument.objects.create(number="99/CT-TEST", kind="directive", title="Chỉ thị thử")


def test_every_measure_kind_of_this_issue_has_its_function():
    # The grade of an assessment belongs to scoring, which reads measures, never the reverse.
    expected = {kind for kind in Measure if kind not in (Measure.NONE, Measure.ASSESSMENT_GRADE)}
    missing = {kind for kind in expected if not callable(registry.measures.get(kind))}
    assert not missing


def test_staff_who_studied_counts_those_active_at_the_cut_off_who_studied_the_cited_documents(units, directive):
    unit = units[0]
    other = LegalDocument.objects.create(number="98/CT-TEST", kind="directive", title="Chỉ thị khác")
    present = StaffMemberFactory(organization=unit, full_name="Có mặt cả năm")
    joiner = StaffMemberFactory(organization=unit, full_name="Vào giữa năm", active_from=dt.date(2025, 6, 1))
    leaver = StaffMemberFactory(organization=unit, full_name="Nghỉ trước cuối năm",
                                active_to=dt.date(2025, 10, 31))
    StaffMemberFactory(organization=unit, full_name="Chưa học")
    last_year = StaffMemberFactory(organization=unit, full_name="Chỉ học năm trước")
    other_document = StaffMemberFactory(organization=unit, full_name="Học văn bản khác")
    StaffMemberFactory(organization=unit, full_name="Vào năm sau", active_from=dt.date(2026, 1, 5))
    session(unit, dt.date(2025, 3, 10), [present, leaver], [directive])
    session(unit, dt.date(2025, 7, 2), [joiner], [directive, other])
    session(unit, dt.date(2024, 11, 20), [last_year], [directive])
    session(unit, dt.date(2025, 4, 1), [other_document], [other])

    cited = measures.staff_study_rate([unit], YEAR_2025, documents=[directive])
    assert (cited.numerator, cited.denominator) == (2, 5)
    assert {p.full_name for p in cited.records if p.studied} == {"Có mặt cả năm", "Vào giữa năm"}
    assert "Nghỉ trước cuối năm" not in {p.full_name for p in cited.records}
    any_document = measures.staff_study_rate([unit], YEAR_2025)
    assert (any_document.numerator, any_document.denominator) == (3, 5)
    first_half = measures.staff_study_rate([unit], Period(2025, PeriodKind.HALF, 1), documents=[directive])
    # On 30/06 the leaver is still staff (and studied in March); the joiner is staff but studied in July.
    assert (first_half.numerator, first_half.denominator) == (2, 6)


def test_the_agency_value_rolls_up_its_units_and_drills_down_to_each(agency, units, directive):
    for n, unit in enumerate(units):
        people = [StaffMemberFactory(organization=unit) for _ in range(4)]
        session(unit, dt.date(2025, 5, 5), people[: n + 1], [directive])
    figure = measures.staff_study_rate([agency], YEAR_2025, documents=[directive])
    assert (figure.numerator, figure.denominator) == (3, 8)
    assert figure.within(units[0]) == (1, 4) and figure.within(units[1]) == (2, 4)


def test_an_organization_without_staff_has_an_empty_denominator(units):
    figure = measures.staff_study_rate([units[1]], YEAR_2025)
    assert (figure.numerator, figure.denominator) == (0, 0)


def test_units_with_an_issued_plan_count_a_merged_unit_once_as_its_successor(agency, units):
    issued, silent = units
    merged_away = OrganizationFactory(parent=agency, name="Phòng sáp nhập", valid_to=dt.date(2025, 4, 30),
                                      successor=issued)
    successor = OrganizationFactory(parent=agency, name="Phòng mới", valid_from=dt.date(2025, 6, 1))
    predecessor = OrganizationFactory(parent=agency, name="Phòng cũ", valid_to=dt.date(2025, 5, 31),
                                      successor=successor)
    OrganizationFactory(parent=agency, name="Phòng giải thể năm trước", valid_to=dt.date(2024, 12, 31))
    OrganizationFactory(parent=agency, name="Phòng thành lập năm sau", valid_from=dt.date(2026, 2, 1))
    PlanFactory(organization=issued, year=2025, status=PlanStatus.ISSUED)
    PlanFactory(organization=merged_away, year=2025, status=PlanStatus.ISSUED)
    PlanFactory(organization=predecessor, year=2025, status=PlanStatus.ISSUED)
    PlanFactory(organization=silent, year=2025, status=PlanStatus.DRAFT)
    PlanFactory(organization=silent, year=2024, status=PlanStatus.ISSUED)

    figure = measures.units_plan_rate([agency], YEAR_2025)
    assert (figure.numerator, figure.denominator) == (2, 3)
    assert figure.within(successor) == (1, 1) and figure.within(silent) == (0, 1)
    assert figure.records.count() == 3


def test_an_agency_plan_is_on_time_when_issued_by_the_superior_plans_date(agency):
    parent = PlanFactory(organization=agency.parent, year=2025, status=PlanStatus.ISSUED,
                         lower_plans_due=dt.date(2025, 2, 15))
    PlanFactory(organization=agency, year=2025, status=PlanStatus.ISSUED, parent=parent, date=dt.date(2025, 2, 10))
    late = AgencyFactory(parent=agency.parent)
    PlanFactory(organization=late, year=2025, status=PlanStatus.ISSUED, parent=parent, date=dt.date(2025, 3, 1))
    figure = measures.agency_plan_issued_on_time([agency.parent], YEAR_2025)
    assert (figure.numerator, figure.denominator) == (1, 2)


def test_rates_from_monthly_counts_sum_the_months_of_the_period(units):
    MonthlyCountFactory(organization=units[0], month=dt.date(2025, 1, 1), numerator=45, denominator=50)
    MonthlyCountFactory(organization=units[0], month=dt.date(2025, 8, 1), numerator=40, denominator=50)
    MonthlyCountFactory(organization=units[1], month=dt.date(2025, 2, 1), numerator=10, denominator=10)
    MonthlyCountFactory(organization=units[1], month=dt.date(2024, 12, 1), numerator=0, denominator=99)
    rate = registry.measures.get(Measure.DOSSIERS_ON_TIME_RATE)
    assert (lambda f: (f.numerator, f.denominator))(rate([units[0].parent], YEAR_2025)) == (95, 110)
    assert rate([units[0]], Period(2025, PeriodKind.HALF, 1)).denominator == 50
    satisfaction = registry.measures.get(Measure.SATISFACTION_RATE)([units[0].parent], YEAR_2025)
    assert (satisfaction.numerator, satisfaction.denominator) == (0, 0)


def test_counts_have_no_denominator(units, directive):
    session(units[0], dt.date(2025, 3, 1), documents=[directive])
    session(units[1], dt.date(2025, 9, 1))
    session(units[1], dt.date(2026, 1, 9))
    held = measures.study_sessions_held([units[0].parent], YEAR_2025)
    assert (held.numerator, held.denominator) == (2, None)
    assert measures.study_sessions_held([units[0].parent], YEAR_2025, documents=[directive]).numerator == 1
    MonthlyCountFactory(organization=units[0], measure="good_models_count", numerator=3, denominator=None)
    models = registry.measures.get(Measure.GOOD_MODELS_COUNT)([units[0].parent], YEAR_2025)
    assert (models.numerator, models.denominator) == (3, None)


def test_a_value_is_a_percentage_to_one_decimal_or_nothing_when_nothing_was_counted(units):
    from indicators.services import value_of

    assert value_of(measures.Figure(2, 3, None)) == Decimal("66.7")
    assert value_of(measures.Figure(0, 0, None)) is None
    assert value_of(measures.Figure(4, None, None)) == Decimal(4)


def test_assignments_done_counts_those_reported_done_by_the_period_end_on_the_years_issued_plans(agency, units):
    from plans.models import AssignmentStatus
    from plans.tests.factories import AssignmentFactory
    from progress.models import ProgressUpdate

    plan = PlanFactory(organization=agency, year=2025, status=PlanStatus.ISSUED)
    done_in_march, done_in_july, open_one = (AssignmentFactory(plan=plan, lead_unit=units[0]) for _ in range(3))
    AssignmentFactory(plan=plan, lead_unit=units[1])
    draft_plan = PlanFactory(organization=agency, year=2025, status=PlanStatus.DRAFT, kind="thematic")
    AssignmentFactory(plan=draft_plan, lead_unit=units[0])
    next_year = PlanFactory(organization=agency, year=2026, status=PlanStatus.ISSUED)
    AssignmentFactory(plan=next_year, lead_unit=units[0])

    def report(assignment, day, status=AssignmentStatus.DONE, percent=100):
        ProgressUpdate.objects.create(assignment=assignment, date=day, text="Đã làm", percent=percent, status=status)

    report(done_in_march, dt.date(2025, 3, 1))
    report(done_in_july, dt.date(2025, 7, 20))
    report(open_one, dt.date(2025, 5, 1), AssignmentStatus.IN_PROGRESS, 40)
    year = measures.assignments_done_rate([agency], YEAR_2025)
    assert (year.numerator, year.denominator) == (2, 4)
    assert year.within(units[0]) == (2, 3) and year.within(units[1]) == (0, 1)
    first_half = measures.assignments_done_rate([agency], Period(2025, PeriodKind.HALF, 1))
    assert (first_half.numerator, first_half.denominator) == (1, 4)
    # Those still open come first in the records behind the value.
    assert [a.completed for a in year.records] == [False, False, True, True]
    nothing = measures.assignments_done_rate([agency], Period(2024, PeriodKind.YEAR))
    assert (nothing.numerator, nothing.denominator) == (0, 0)
