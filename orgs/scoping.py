"""The one gate for visibility: which organizations' data a user may read or change.

A user's memberships become organization path prefixes; every scoped queryset filters
on them through `ScopedQuerySet.visible_to` / `editable_by`. Nothing else decides.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.db import models
from django.db.models import Q


class Action(StrEnum):
    VIEW = "view"
    CHANGE = "change"
    # Add, move, rename or merge organizations.
    STRUCTURE = "structure"
    # Approve and issue documents (plans) on behalf of the organization.
    APPROVE = "approve"


class Reach(StrEnum):
    """How far from the membership's organization a role reaches."""

    PROVINCE = "province"  # the whole tree the organization belongs to
    AGENCY = "agency"  # the agency the organization belongs to, with all its units
    OWN = "own"  # the organization itself and what lies below it
    ROOT = "root"  # the province's own node only (UBND tỉnh), not what lies below it

# A path prefixed with this marks one organization exactly, not its subtree.
EXACT = "="


Reaches = Reach | tuple[Reach, ...] | None


@dataclass(frozen=True)
class RoleRule:
    view: Reaches
    change: Reaches
    structure: Reaches
    approve: Reaches = None


# The table that decides every permission. Roles are orgs.models.Role values.
ROLE_RULES: dict[str, RoleRule] = {
    # The coordinator also drafts and publishes the province's own plan (UBND tỉnh's node).
    "coordinator": RoleRule(
        view=Reach.PROVINCE, change=(Reach.AGENCY, Reach.ROOT), structure=Reach.PROVINCE, approve=Reach.ROOT
    ),
    "focal": RoleRule(view=Reach.AGENCY, change=Reach.AGENCY, structure=Reach.AGENCY),
    "leader": RoleRule(view=Reach.AGENCY, change=None, structure=None, approve=Reach.AGENCY),
    "unit_editor": RoleRule(view=Reach.OWN, change=Reach.OWN, structure=None),
    "inspector": RoleRule(view=Reach.AGENCY, change=None, structure=None),
    "viewer": RoleRule(view=Reach.OWN, change=None, structure=None),
}

ALL = None  # sentinel: no restriction (superusers)


def _anchor_path(organization, reach: Reach) -> str:
    from orgs.models import Organization, OrganizationKind

    if reach is Reach.OWN:
        return organization.path
    ids = [int(part) for part in organization.path.strip("/").split("/") if part]
    if reach is Reach.PROVINCE:
        return f"/{ids[0]}/"
    if reach is Reach.ROOT:
        return f"{EXACT}/{ids[0]}/"
    if organization.kind in (OrganizationKind.AGENCY, OrganizationKind.PROVINCE):
        return organization.path
    agency = (
        Organization.objects.filter(pk__in=ids, kind=OrganizationKind.AGENCY).order_by("-path").first()
    )
    return agency.path if agency else organization.path


def organization_paths(user, action: Action | str = Action.VIEW) -> list[str] | None:
    """Path prefixes of the subtrees `user` may act on; ALL (None) for superusers.

    An entry starting with EXACT names one organization's path rather than a subtree.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    if user.is_superuser:
        return ALL
    action = Action(action)
    cache = user.__dict__.setdefault("_danvan_scope", {})
    if action not in cache:
        paths: set[str] = set()
        for membership in _memberships(user):
            rule = ROLE_RULES.get(membership.role)
            reaches = getattr(rule, action.value, None) if rule else None
            if isinstance(reaches, Reach):
                reaches = (reaches,)
            for reach in reaches or ():
                paths.add(_anchor_path(membership.organization, reach))
        # Drop entries covered by a shorter subtree.
        cache[action] = sorted(
            p for p in paths
            if not any(p != q and not q.startswith(EXACT) and p.lstrip(EXACT).startswith(q) for q in paths)
        )
    return cache[action]


def _memberships(user) -> list:
    """The user's memberships, read once per request (the user object lives as long as it)."""
    cache = user.__dict__.setdefault("_danvan_scope", {})
    if "memberships" not in cache:
        cache["memberships"] = list(user.memberships.select_related("organization"))
    return cache["memberships"]


def superior_ids(user) -> list[int]:
    """Ids of the organizations above the user's own (their issued plans are the user's basis)."""
    if not getattr(user, "is_authenticated", False):
        return []
    cache = user.__dict__.setdefault("_danvan_scope", {})
    if "superiors" not in cache:
        ids: set[int] = set()
        for membership in _memberships(user):
            ids.update(membership.organization.ancestor_ids)
        cache["superiors"] = sorted(ids)
    return cache["superiors"]


def forget_scope(user) -> None:
    """Drop the cached scope (after memberships change within a request)."""
    user.__dict__.pop("_danvan_scope", None)


def path_q(paths: list[str] | None, field: str) -> Q:
    if paths is ALL:
        return Q()
    if not paths:
        return Q(pk__in=[])
    query = Q()
    for prefix in paths:
        if prefix.startswith(EXACT):
            query |= Q(**{field: prefix[len(EXACT):]})
        else:
            query |= Q(**{f"{field}__startswith": prefix})
    return query


def can(user, action: Action | str, organization) -> bool:
    """Whether `user` may perform `action` on data of `organization`."""
    paths = organization_paths(user, action)
    if paths is ALL:
        return True
    return any(
        organization.path == prefix[len(EXACT):] if prefix.startswith(EXACT) else organization.path.startswith(prefix)
        for prefix in paths
    )


def has_any(user, action: Action | str) -> bool:
    paths = organization_paths(user, action)
    return paths is ALL or bool(paths)


class ScopedQuerySet(models.QuerySet):
    """Base for every model whose rows belong to an organization."""

    scope_path_field = "organization__path"

    def scoped(self, user, action: Action | str = Action.VIEW):
        """The one entry point: the rows `user` may perform `action` on."""
        action = Action(action)
        if action is Action.VIEW:
            return self.visible_to(user)
        if action is Action.CHANGE:
            return self.editable_by(user)
        return self.filter(path_q(organization_paths(user, action), self.scope_path_field))

    def visible_to(self, user):
        return self.filter(path_q(organization_paths(user, Action.VIEW), self.scope_path_field))

    def editable_by(self, user):
        return self.filter(path_q(organization_paths(user, Action.CHANGE), self.scope_path_field))

    def structurable_by(self, user):
        return self.filter(path_q(organization_paths(user, Action.STRUCTURE), self.scope_path_field))
