"""The coverage page names an unnumbered draft as the plans list does ("…/KH-…"), never "/KH-…"."""

from django.urls import reverse


def test_a_draft_reads_with_an_ellipsis_for_its_missing_number(client_for, sxd_draft_2025, orgs):
    response = client_for("coordinator").get(reverse("plans:coverage"),
                                             {"organization": orgs["TN"].pk, "year": 2025})
    html = response.content.decode()
    assert f"…/{sxd_draft_2025.symbol}</a>" in html
    assert f">/{sxd_draft_2025.symbol}<" not in html and f">    /{sxd_draft_2025.symbol}<" not in html
