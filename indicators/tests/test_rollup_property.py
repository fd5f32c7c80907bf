"""Property: an agency's rolled-up value is the value computed from its units' records (and its own)."""

import datetime as dt

from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import registry
from core.periods import Period, PeriodKind
from indicators import measures
from indicators.tests.factories import AgencyFactory, MonthlyCountFactory, OrganizationFactory, StaffMemberFactory
from indicators.tests.factories import session as make_session
from plans.models import Measure

YEAR = Period(2025, PeriodKind.YEAR)
# Per unit: staff as (joined in month or None, left in month or None, studied in month or None).
person = st.tuples(st.none() | st.integers(1, 12), st.none() | st.integers(1, 12), st.none() | st.integers(1, 12))
unit_staff = st.lists(person, max_size=5)
months = st.lists(st.tuples(st.integers(1, 12), st.integers(0, 20), st.integers(0, 20)), max_size=4,
                  unique_by=lambda row: row[0])


def _day(month):
    return dt.date(2025, month, 10)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tree=st.lists(unit_staff, min_size=1, max_size=4), own=unit_staff,
       counts=st.lists(months, min_size=1, max_size=4))
def test_an_agencys_value_is_the_sum_of_its_units_records(db, tree, own, counts):
    with transaction.atomic():
        agency = AgencyFactory()
        units = [OrganizationFactory(parent=agency) for _ in tree]
        for organization, staff in [(agency, own), *zip(units, tree, strict=True)]:
            for joined, left, studied in staff:
                if joined and left and left < joined:
                    joined, left = left, joined
                member = StaffMemberFactory(organization=organization, active_from=joined and _day(joined),
                                            active_to=left and _day(left))
                if studied:
                    make_session(organization, _day(studied), [member])
        for unit, rows in zip(units, counts, strict=False):
            for month, a, b in rows:
                MonthlyCountFactory(organization=unit, month=dt.date(2025, month, 1), numerator=min(a, b),
                                    denominator=max(a, b))

        whole = measures.staff_study_rate([agency], YEAR)
        parts = [measures.staff_study_rate([unit], YEAR) for unit in units]
        alone = measures.staff_study_rate([agency], YEAR).by_path.get(agency.path, (0, 0))
        assert whole.numerator == sum(p.numerator for p in parts) + alone[0]
        assert whole.denominator == sum(p.denominator for p in parts) + alone[1]
        assert all(whole.within(unit) == (p.numerator, p.denominator) for unit, p in zip(units, parts, strict=True))

        rate = registry.measures.get(Measure.DOSSIERS_ON_TIME_RATE)
        whole, parts = rate([agency], YEAR), [rate([unit], YEAR) for unit in units]
        assert (whole.numerator, whole.denominator) == (sum(p.numerator for p in parts),
                                                        sum(p.denominator for p in parts))
        transaction.set_rollback(True)
