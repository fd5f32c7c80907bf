"""The report list and the completeness page cost a fixed number of queries, however many reports."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from orgs.models import Organization
from progress.reporting_models import Report

pytestmark = pytest.mark.django_db


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _add_reports(period, orgs, n):
    units = Organization.objects.filter(path__startswith=orgs["TN.SXD"].path, kind="unit").exclude(
        reports__period=period)[:n]
    Report.objects.bulk_create([Report(period=period, organization=unit, receiver=orgs["TN.SXD"]) for unit in units])


def test_the_report_list_does_not_grow_with_its_rows(unit_period_2024, unit_report, orgs, client_for):
    client = client_for("focal")
    few = _count(client, "/reports/")
    _add_reports(unit_period_2024, orgs, 5)
    assert Report.objects.count() > 3
    assert _count(client, "/reports/") == few
    assert few < 25


def test_the_completeness_page_does_not_grow_with_its_rows(unit_period_2024, unit_report, orgs, client_for):
    client = client_for("coordinator")
    url = f"/reports/completeness/?period={unit_period_2024.pk}"
    few = _count(client, url)
    _add_reports(unit_period_2024, orgs, 5)
    assert _count(client, url) == few
    assert few < 25
