"""The agency's report page (its units' reports and its measured targets) costs a fixed number of
queries, however many of its units' reports are accepted."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from progress.reporting_models import Report, ReportStatus
from progress.tests.agency_reports import agency_report_2024

pytestmark = pytest.mark.django_db


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


REPORT_PAGE_MOST = 50


def test_the_agency_report_page_does_not_grow_with_its_units_reports(orgs, users, client_for):
    report, accepted, _sent = agency_report_2024(orgs, users)
    client = client_for("focal")
    url = f"/reports/{report.pk}/"
    client.get(url)  # the first request of a session reads what later ones find cached
    few = _count(client, url)
    Report.objects.filter(period=accepted.period).update(status=ReportStatus.ACCEPTED)
    Report.objects.create(period=accepted.period, organization=orgs["TN.SXD.TTR"], receiver=orgs["TN.SXD"],
                          status=ReportStatus.ACCEPTED, results="Thanh tra: 3 cuộc kiểm tra công vụ.")
    page = client.get(url).content.decode()
    assert "Thanh tra: 3 cuộc kiểm tra công vụ." in page
    assert _count(client, url) == few
    # 35 for the report itself, and the registers' sections (progress.sections): each of their measures read
    # once for the agency, whatever its units and records.
    assert few <= REPORT_PAGE_MOST


def test_the_edit_page_queries_are_bounded(orgs, users, django_assert_max_num_queries, client_for):
    report = agency_report_2024(orgs, users)[0]
    client = client_for("focal")
    with django_assert_max_num_queries(REPORT_PAGE_MOST):
        assert client.get(f"/reports/{report.pk}/edit/").status_code == 200
