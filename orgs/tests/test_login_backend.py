"""The signed-in user is read with their memberships and their units' agencies in one query
(orgs.backends), and the scope built from it is the one orgs.scoping builds on its own."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, connections
from django.db.models.sql.compiler import SQLCompiler
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from orgs import backends
from orgs.backends import MembershipModelBackend, signed_in_memberships
from orgs.scoping import Action, memberships, organization_paths


def test_the_scope_read_with_the_user_is_the_scope_read_alone(users):
    assert any(m.organization.kind == "unit" for user in users.values() for m in user.memberships.all())
    for user in users.values():
        alone = get_user_model().objects.get(pk=user.pk)
        signed_in = MembershipModelBackend().get_user(user.pk)
        expected = [organization_paths(alone, action) for action in Action]
        with CaptureQueriesContext(connection) as captured:
            assert [organization_paths(signed_in, action) for action in Action] == expected, user.username
        # What the scope needed came with the user: the database was not asked again.
        assert not captured.captured_queries, user.username


def _values(instance) -> dict:
    return {key: value for key, value in vars(instance).items() if not key.startswith("_")}


def test_each_user_is_read_with_their_own_memberships_exactly_as_the_orm_reads_them(users):
    # The query is compiled once and run with each user's id: every field, converted as the ORM converts it.
    assert sum(bool(user.memberships.all()) for user in users.values()) > 1
    for user in users.values():
        signed_in = MembershipModelBackend().get_user(user.pk)
        expected = list(signed_in_memberships(user.pk))
        assert _values(signed_in) == _values(expected[0].user if expected else user), user.username
        with CaptureQueriesContext(connection) as captured:
            got = [(_values(m), _values(m.organization), m.agency_path) for m in memberships(signed_in)]
        assert not captured.captured_queries, user.username
        assert got == [(_values(m), _values(m.organization), m.agency_path) for m in expected], user.username


def test_a_query_compiled_by_another_thread_reads_with_this_threads_connection(users, monkeypatch):
    # A threaded server compiles the query once for all its threads: each converts its rows with its own connection.
    monkeypatch.setattr(backends, "_compiled", {})
    compiling = threading.Thread(target=backends._compiled_for, args=["default"])
    compiling.start()
    compiling.join()
    assert backends._compiled["default"].compiler.connection is not connections["default"]
    used = []
    real = SQLCompiler.get_converters
    monkeypatch.setattr(SQLCompiler, "get_converters",
                        lambda compiler, expressions: used.append(compiler.connection) or real(compiler, expressions))
    user = users["unit"]
    signed_in = MembershipModelBackend().get_user(user.pk)
    assert used and all(c is connections["default"] for c in used)
    assert _values(signed_in) == _values(get_user_model().objects.get(pk=user.pk))


@pytest.mark.parametrize("username", ["unit", "focal"])
def test_a_page_reads_the_user_and_the_memberships_in_one_query(username, client_for):
    client = client_for(username)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("plans:my_assignments")).status_code == 200
    users_read = [q["sql"] for q in captured.captured_queries if '"auth_user"' in q["sql"]]
    memberships_read = [q["sql"] for q in captured.captured_queries if 'FROM "orgs_membership"' in q["sql"]]
    assert len(users_read) == 1 and users_read == memberships_read


def test_a_user_without_memberships_still_signs_in(client, django_user_model):
    admin = django_user_model.objects.create_superuser("root", password="x")
    client.force_login(admin)
    assert client.get(reverse("home")).wsgi_request.user == admin
    assert MembershipModelBackend().get_user(admin.pk) == admin


def test_a_deactivated_user_is_signed_out(client_for, users):
    client = client_for("focal")
    get_user_model().objects.filter(pk=users["focal"].pk).update(is_active=False)
    response = client.get(reverse("plans:my_assignments"))
    assert response.status_code == 302 and "/login" in response["Location"]
    assert MembershipModelBackend().get_user(users["focal"].pk) is None


def test_an_unknown_user_is_nobody(db):
    assert MembershipModelBackend().get_user(10**9) is None
