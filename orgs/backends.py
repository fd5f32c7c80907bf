"""The login backend: Django's ModelBackend, reading a signed-in user with their memberships.

Every page asks for the user's scope (orgs.scoping), which needs the memberships, their
organizations and, for a membership held in a unit, the unit's agency. Read with the user in one
query, a request saves two round trips to the database.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import CharField
from django.db.models.expressions import RawSQL

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


class MembershipModelBackend(ModelBackend):
    def get_user(self, user_id):
        rows = list(
            Membership.objects.filter(user_id=user_id).select_related("user", "organization")
            # Only a membership below the agencies looks for its agency (as orgs.scoping.anchor_path).
            .annotate(agency_path=_agency_path())
        )
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
