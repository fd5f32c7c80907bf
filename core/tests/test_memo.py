"""A filter's organization select is read from the database once a minute per scope, and again as soon
as an organization changes; another user's scope never answers from it."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.memo import remembered_rows
from orgs.models import Organization


def read(queryset):
    with CaptureQueriesContext(connection) as captured:
        rows = remembered_rows(queryset)
    return rows, len(captured)


def names(prefix):
    return Organization.objects.filter(path__startswith=prefix).order_by("path").values_list("pk", "name")


def test_a_list_is_read_once_then_remembered(orgs):
    rows, first = read(names(orgs["TN"].path))
    again, second = read(names(orgs["TN"].path))
    assert first == 1 and second == 0
    assert again == rows == list(names(orgs["TN"].path))


def test_a_saved_organization_is_seen_at_once(orgs):
    read(names(orgs["TN"].path))
    sxd = orgs["TN.SXD"]
    sxd.name = "Sở Xây dựng (đổi tên)"
    sxd.save()
    rows, queries = read(names(orgs["TN"].path))
    assert queries == 1 and (sxd.pk, "Sở Xây dựng (đổi tên)") in rows


def test_a_deleted_organization_is_gone_at_once(orgs):
    read(names(orgs["TN"].path))
    extra = Organization.objects.create(name="Phòng tạm", code="TN.SXD.TAM", kind=orgs["TN.SXD"].kind,
                                        parent=orgs["TN.SXD"])
    assert extra.pk in dict(read(names(orgs["TN"].path))[0])
    extra.delete()
    assert extra.pk not in dict(read(names(orgs["TN"].path))[0])


def test_each_scope_is_remembered_apart(orgs):
    whole, _ = read(names(orgs["TN"].path))
    own, queries = read(names(orgs["TN.SXD"].path))
    assert queries == 1 and set(own) < set(whole)


def test_the_filter_select_answers_from_memory_on_the_second_page(client_for):
    client = client_for("coordinator")
    client.get("/plans/")
    with CaptureQueriesContext(connection) as first:
        assert client.get("/plans/").status_code == 200
    Organization.objects.filter(code="TN.SXD").first().save()
    with CaptureQueriesContext(connection) as changed:
        assert client.get("/plans/").status_code == 200
    assert len(changed) == len(first) + 1
