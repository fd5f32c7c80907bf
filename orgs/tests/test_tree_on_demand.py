"""The organization tree opens subtrees on demand: its page does not grow with closed subtrees."""

from __future__ import annotations

from django.urls import reverse

from orgs.models import Organization

TREE_URL = reverse("orgs:organization_list")


def test_the_tree_page_does_not_grow_with_organizations_inside_a_closed_subtree(client_for, orgs):
    client = client_for("coordinator")
    before = client.get(TREE_URL).content
    division = orgs["TN.SXD.QLXD"]
    for index in range(500):
        Organization.objects.create(code=f"TN.SXD.QLXD.T{index}", name=f"Tổ công tác {index}", kind="unit",
                                    parent=division)
    after = client.get(TREE_URL).content
    assert len(after) == len(before)
    assert b"T\xe1\xbb\x95 c\xc3\xb4ng t\xc3\xa1c 1" not in after  # "Tổ công tác 1"


def test_a_node_with_children_loads_them_below_it_with_the_same_filter(client_for, orgs):
    client = client_for("focal")
    page = client.get(TREE_URL).content.decode()
    children_url = reverse("orgs:organization_children", args=[orgs["TN.SXD"].pk])
    assert f'hx-get="{children_url}?active=true"' not in page  # the agency is the focal's top: already open
    Organization.objects.create(code="TN.SXD.QLXD.TO1", name="Tổ dân vận", kind="unit", parent=orgs["TN.SXD.QLXD"])
    page = client.get(TREE_URL).content.decode()
    unit_children = reverse("orgs:organization_children", args=[orgs["TN.SXD.QLXD"].pk])
    assert f'hx-get="{unit_children}?active=true"' in page
    rows = client.get(unit_children, {"active": "true"}).content.decode()
    assert "Tổ dân vận" in rows and "<tr" in rows and "<html" not in rows


def test_a_search_lists_every_match_flat(client_for, orgs):
    Organization.objects.create(code="TN.SXD.QLXD.TO2", name="Tổ dân vận khéo", kind="unit",
                                parent=orgs["TN.SXD.QLXD"])
    page = client_for("coordinator").get(TREE_URL, {"q": "dân vận khéo"}).content.decode()
    assert "Tổ dân vận khéo" in page
