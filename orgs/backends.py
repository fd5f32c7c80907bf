"""The login backend: Django's ModelBackend, reading a signed-in user with their memberships.

Every page asks for the user's scope (orgs.scoping), which needs the memberships, their
organizations and, for a membership held in a unit, the unit's agency. Read with the user in one
query, a request saves two round trips to the database.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Case, CharField, ExpressionWrapper, F, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.db.models.lookups import StartsWith

from orgs.models import Membership, Organization, OrganizationKind
from orgs.scoping import remember_memberships


def _agency_path():
    """The path of the agency above a membership's unit (the deepest agency its path lies in)."""
    path = ExpressionWrapper(OuterRef("organization__path"), output_field=CharField())
    agencies = Organization.objects.filter(StartsWith(path, F("path")), kind=OrganizationKind.AGENCY)
    return Subquery(agencies.order_by("-path").values("path")[:1])


class MembershipModelBackend(ModelBackend):
    def get_user(self, user_id):
        rows = list(
            Membership.objects.filter(user_id=user_id).select_related("user", "organization")
            # Only a membership below the agencies looks for its agency (as orgs.scoping.anchor_path).
            .annotate(agency_path=Case(
                When(organization__kind__in=[OrganizationKind.AGENCY, OrganizationKind.PROVINCE], then=Value("")),
                default=Coalesce(_agency_path(), Value(""))))
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
