"""A subtree is found by its path prefix, exactly, and on SQLite through the path index."""

import pytest
from django.db import connection

from orgs.models import Organization
from orgs.tests.factories import AgencyFactory, OrganizationFactory


@pytest.mark.django_db
def test_a_path_prefix_finds_the_subtree_and_not_a_sibling_sharing_its_digits():
    agency = AgencyFactory()
    units = [OrganizationFactory(parent=agency) for _ in range(12)]
    first = units[0]  # e.g. /1/2/3/ — a sibling /1/2/30/ shares its digits
    found = set(Organization.objects.filter(path__startswith=first.path).values_list("pk", flat=True))
    assert found == {first.pk}
    whole = set(Organization.objects.filter(path__startswith=agency.path).values_list("pk", flat=True))
    assert whole == {agency.pk, *(u.pk for u in units)}


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's LIKE ignores case and cannot use the index")
def test_on_sqlite_a_subtree_query_searches_the_path_index():
    agency = AgencyFactory()
    query = Organization.objects.filter(path__startswith=agency.path).values("pk").query
    sql, params = query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " ".join(str(row) for row in cursor.fetchall())
    assert "GLOB" in sql and "path" in plan and "SEARCH" in plan
