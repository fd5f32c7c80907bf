"""The leader's and the coordinator's dashboards show the year's recognised exemplars and commendations, in a
panel filled once the page is shown (the dashboards' own queries stay as they are)."""

import datetime as dt

from django.urls import reverse

from emulation.models import ExemplarStatus
from emulation.tests.factories import CommendationFactory, ExemplarFactory


def _panel(client, dashboard: str) -> str:
    html = client.get(reverse(dashboard), {"year": 2025}).content.decode()
    start = html.index('id="panel-emulation"')
    url = html[html.index('hx-get="', start) + 8:].split('"')[0].replace("&amp;", "&")
    return client.get(url).content.decode()


def test_the_leaders_dashboard_shows_the_years_commendations_of_the_agency_only(client_for, orgs):
    exemplar = ExemplarFactory(status=ExemplarStatus.COMMENDED, recognised_on=dt.date(2025, 6, 1))
    CommendationFactory(exemplar=exemplar, recipient="Mô hình một cửa thân thiện", decision_number="45/QĐ-SXD")
    CommendationFactory(organization=orgs["TN.SVHTTDL.TV"], recipient="Tủ sách cộng đồng")
    html = _panel(client_for("leader"), "dashboard:agency")
    assert "Mô hình một cửa thân thiện" in html and "45/QĐ-SXD" in html
    assert "Tủ sách cộng đồng" not in html
    assert '<td class="text-end" data-figure="models">1</td>' in html


def test_the_coordinators_page_shows_every_agencys_commendations(client_for, orgs):
    CommendationFactory(organization=orgs["TN.SVHTTDL.TV"], recipient="Tủ sách cộng đồng")
    assert "Tủ sách cộng đồng" in _panel(client_for("coordinator"), "dashboard:province")


def test_the_panel_of_another_agency_shows_nothing_of_it(client_for, orgs):
    CommendationFactory(recipient="Tập thể của Sở Xây dựng")
    response = client_for("other-focal").get(reverse("dashboard:panel", args=["emulation"]),
                                             {"year": 2025, "organization": orgs["TN.SXD"].pk})
    assert response.status_code == 404 and "Tập thể của Sở Xây dựng" not in response.content.decode()


def test_the_panels_queries_do_not_grow_with_the_commendations(client_for, orgs, django_assert_max_num_queries):
    client = client_for("coordinator")
    url = reverse("dashboard:panel", args=["emulation"])
    client.get(url, {"year": 2025})
    for unit in ("TN.SXD.QLXD", "TN.SVHTTDL.TV", "TN.SNV.VP"):
        for _ in range(5):
            CommendationFactory(organization=orgs[unit])
    with django_assert_max_num_queries(8):
        assert client.get(url, {"year": 2025}).status_code == 200
