"""An import belongs to its organization: others neither see nor use it."""

import pytest

from ingest.models import PlanImport
from ingest.tests.factories import PlanImportFactory


@pytest.fixture
def sxd_import(orgs, media):
    return PlanImportFactory(organization=orgs["TN.SXD"])


def test_other_agency_gets_404_on_every_import_page(client_for, sxd_import):
    client = client_for("other-focal")
    for url in (f"/imports/{sxd_import.pk}/", f"/imports/{sxd_import.pk}/progress/"):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/imports/{sxd_import.pk}/", {}).status_code == 404
    assert sxd_import not in client.get("/imports/").context["object_list"]


def test_the_agency_and_the_province_see_it(client_for, sxd_import):
    for username in ("focal", "leader", "coordinator"):
        assert sxd_import in client_for(username).get("/imports/").context["object_list"]


def test_import_list_queries_do_not_grow(client_for, sxd_import, orgs, users, django_assert_max_num_queries):
    client = client_for("focal")
    with django_assert_max_num_queries(8):
        client.get("/imports/")
    PlanImportFactory.create_batch(15, organization=orgs["TN.SXD"])
    with django_assert_max_num_queries(8):
        client.get("/imports/")
    assert PlanImport.objects.count() == 16
