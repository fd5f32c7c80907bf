"""The dashboards read the figures the worker keeps (#11's materialized values) when they are fresh, and
compute only what is not stored: same values, no measure query over the records."""

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from dashboard import services
from dashboard.tests.test_dashboards import _more_agencies
from indicators import services as indicators
from indicators.models import MeasuredTarget

pytestmark = pytest.mark.django_db

MEASURE_TABLES = ("training_studysession", "indicators_monthlycount", "progress_progressupdate")


def _read(users):
    agencies = services.visible_agencies(users["coordinator"])
    targets = services._targets(list(services.current_plans(agencies, 2024).values()))
    with CaptureQueriesContext(connection) as queries:
        readings = services.read_targets(targets, {a.pk: a for a in agencies}, services._year)
    return targets, readings, [q["sql"] for q in queries.captured_queries]


def test_fresh_stored_figures_are_read_instead_of_computing_the_measures(orgs, users):
    _more_agencies(orgs, users, 2)
    targets, live, live_sql = _read(users)
    assert any(table in sql for sql in live_sql for table in MEASURE_TABLES)
    for target in targets:
        if target.measure:
            indicators.refresh(target)
    _targets, stored, stored_sql = _read(users)
    assert not any(table in sql for sql in stored_sql for table in MEASURE_TABLES)
    measured = [t for t in targets if t.pk in stored and stored[t.pk].figure is not None]
    assert measured
    for target in measured:
        assert stored[target.pk].computed_at is not None
        assert (stored[target.pk].value, stored[target.pk].status) == (live[target.pk].value, live[target.pk].status)


def test_a_stale_stored_figure_is_computed_again(orgs, users):

    targets, live, _sql = _read(users)
    for target in targets:
        if target.measure:
            indicators.refresh(target)
    MeasuredTarget.objects.update(changed_at=F("computed_at"))  # a record changed after the refresh
    _targets, again, sql = _read(users)
    assert any(table in q for q in sql for table in MEASURE_TABLES)
    assert all(again[pk].computed_at is None for pk in again if again[pk].figure is not None)
