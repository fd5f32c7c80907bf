"""The login backend: Django's ModelBackend, reading a signed-in user with their memberships.

Every page asks for the user's scope (orgs.scoping), which needs the memberships, their
organizations and, for a membership held in a unit, the unit's agency. Read with the user in one
query, a request saves two round trips to the database. The query runs on every request, and
compiling it (three models' columns, two joins) cost more than running it: it is compiled once per
database and run with each user's id.
"""

from __future__ import annotations

import copy
from typing import NamedTuple

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db import connections, router
from django.db.models import CharField, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.query import get_related_populators
from django.db.models.sql.compiler import SQLCompiler

from orgs.models import Membership, OrganizationKind
from orgs.scoping import remember_memberships


def _agency_path() -> RawSQL:
    """A membership's agency path: "" when held in an agency or the province (its own path serves),
    else the deepest agency its unit's path starts with. Written in SQL because it runs on every
    request: the same expression built from Case/Subquery/StartsWith cost a millisecond to compile.
    "orgs_organization" is the membership's organization, joined by select_related."""
    sql = (
        'CASE WHEN "orgs_organization"."kind" IN (%s, %s) THEN \'\' ELSE COALESCE(('
        'SELECT agency."path" FROM "orgs_organization" agency WHERE agency."kind" = %s'
        ' AND substr("orgs_organization"."path", 1, length(agency."path")) = agency."path"'
        ' ORDER BY agency."path" DESC LIMIT 1), \'\') END'
    )
    kinds = (OrganizationKind.AGENCY, OrganizationKind.PROVINCE, OrganizationKind.AGENCY)
    return RawSQL(sql, kinds, output_field=CharField())


def signed_in_memberships(user_id) -> QuerySet:
    """The user's memberships with the user, their organizations and (below the agencies) the agency path."""
    return (
        Membership.objects.filter(user_id=user_id).select_related("user", "organization")
        # Only a membership below the agencies looks for its agency (as orgs.scoping.anchor_path).
        .annotate(agency_path=_agency_path())
    )


# An id no user has: it marks where each user's id goes in the compiled query's parameters.
_MARK = -7_004_221


class _Compiled(NamedTuple):
    compiler: SQLCompiler
    sql: str
    params: tuple
    slot: int


_compiled: dict[str, _Compiled] = {}


def _compiled_for(using: str) -> _Compiled:
    compiled = _compiled.get(using)
    if compiled is None:
        compiler = signed_in_memberships(_MARK).query.get_compiler(using)
        sql, params = compiler.as_sql()
        compiled = _compiled[using] = _Compiled(compiler, sql, tuple(params), list(params).index(_MARK))
    return compiled


def _memberships_of(user_id: int) -> list[Membership]:
    """signed_in_memberships(user_id) read as Django's ModelIterable reads it, from the SQL compiled once."""
    using = router.db_for_read(Membership)
    compiled = _compiled_for(using)
    params = list(compiled.params)
    params[compiled.slot] = int(user_id)
    with connections[using].cursor() as cursor:
        cursor.execute(compiled.sql, params)
        results = [cursor.fetchall()]
    # The compiled query's converters run with this thread's connection, not the one that compiled it
    # (a threaded server compiles once for all its threads).
    compiler = copy.copy(compiled.compiler)
    compiler.connection = connections[using]
    info, select = compiler.klass_info, compiler.select
    start, end = info["select_fields"][0], info["select_fields"][-1] + 1
    names = [column[0].target.attname for column in select[start:end]]
    populators = get_related_populators(info, select, using)
    rows = []
    for row in compiler.results_iter(results):
        membership = Membership.from_db(using, names, row[start:end])
        for populator in populators:
            populator.populate(row, membership)
        for name, position in compiler.annotation_col_map.items():
            setattr(membership, name, row[position])
        rows.append(membership)
    return rows


class MembershipModelBackend(ModelBackend):
    def get_user(self, user_id):
        try:
            rows = _memberships_of(int(user_id))
        except (TypeError, ValueError):
            return None
        if rows:
            user = rows[0].user
        else:
            try:
                user = get_user_model()._default_manager.get(pk=user_id)
            except get_user_model().DoesNotExist:
                return None
        if not self.user_can_authenticate(user):
            return None
        for membership in rows:
            membership.user = user
        remember_memberships(user, rows)
        return user
