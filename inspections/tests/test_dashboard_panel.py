"""The public indices show on the leader's and the coordinator's dashboards as trends, with last year's value."""

from django.urls import reverse

from inspections.tests.factories import IndexScoreFactory


def _panel(client, dashboard: str) -> str:
    html = client.get(reverse(dashboard), {"year": 2025}).content.decode()
    start = html.index('id="panel-indices"')
    url = html[html.index('hx-get="', start) + 8:].split('"')[0].replace("&amp;", "&")
    return client.get(url).content.decode()


def _row(html: str, index: str) -> str:
    start = html.index(f'<tr data-index="{index}">')
    return html[start:html.index("</tr>", start)]


def test_the_leader_sees_the_provinces_and_the_agencys_indices_beside_last_year(client_for, orgs):
    IndexScoreFactory(organization=orgs["TN"], index="par", year=2024, score="84.10", rank=20, ranked_among=34)
    IndexScoreFactory(organization=orgs["TN"], index="par", year=2025, score="86.35", rank=15, ranked_among=34)
    IndexScoreFactory(organization=orgs["TN.SXD"], index="ddci", year=2025, score="75.00")
    IndexScoreFactory(organization=orgs["TN.SVHTTDL"], index="ddci", year=2025, score="61.00")
    html = _panel(client_for("leader"), "dashboard:agency")
    par = _row(html, "PAR Index")
    assert "84,10" in par and "86,35" in par and "+2,25" in par
    assert "75,00" in _row(html, "DDCI") and "61,00" not in html


def test_the_coordinator_sees_every_agencys_indices(client_for, orgs):
    IndexScoreFactory(organization=orgs["TN.SVHTTDL"], index="ddci", year=2025, score="61.00")
    assert "61,00" in _panel(client_for("coordinator"), "dashboard:province")


def test_the_panels_queries_do_not_grow_with_the_scores(client_for, orgs, django_assert_max_num_queries):
    client = client_for("coordinator")
    url = reverse("dashboard:panel", args=["indices"])
    for year in range(2021, 2026):
        for code in ("TN", "TN.SXD", "TN.SVHTTDL", "TN.SNV"):
            IndexScoreFactory(organization=orgs[code], index="ddci" if code != "TN" else "par", year=year)
    with django_assert_max_num_queries(7):
        assert client.get(url, {"year": 2025}).status_code == 200
