"""The one gate for visibility: which rows a user may read or act on.

A user's memberships become organization path prefixes (ROLE_RULES says how far each role
reaches for each action); a model's queryset declares where its rows sit in the tree (its
`Scope`). `Model.objects.scoped(user, action)` is the only way to ask; `can()` asks it about
one object. Nothing else decides who sees what.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from django.db import models
from django.db.models import Q
from django.utils.functional import LazyObject, empty

from core.access import can  # noqa: F401  (the object-level question, asked of the queryset below)


class Action(StrEnum):
    VIEW = "view"
    CHANGE = "change"
    # Add, move, rename or merge organizations.
    STRUCTURE = "structure"
    # Approve documents (plans) on behalf of the organization.
    APPROVE = "approve"
    # Invite people, give and take roles, deactivate accounts (see accounts.services.GRANTABLE_ROLES).
    MANAGE_ACCOUNTS = "manage_accounts"
    # The registry office (văn thư): number, date and issue the documents the organization signed.
    REGISTER = "register"
    # Keep the province's register of cited documents: confirm what plan editors added, merge duplicates.
    CURATE = "curate"
    # Read and act on petitioners' personal data (citizens app): the handling unit's reception staff, the leader.
    HANDLE_PETITIONS = "handle_petitions"
    # Review who read petitioners' personal data (the log the coordinator keeps).
    AUDIT_PERSONAL_DATA = "audit_personal_data"


class Reach(StrEnum):
    """How far from the membership's organization a role reaches."""

    PROVINCE = "province"  # the whole tree the organization belongs to
    AGENCY = "agency"  # the agency the organization belongs to, with all its units
    OWN = "own"  # the organization itself and what lies below it
    ROOT = "root"  # the province's own node only (UBND tỉnh), not what lies below it


# A path prefixed with this marks one organization exactly, not its subtree.
EXACT = "="

Reaches = Reach | tuple[Reach, ...]

# The table that decides every permission: role → {action: reach}. An action a role does not
# list is one it never has. Roles are orgs.models.Role values; a new action is one entry per role.
ROLE_RULES: dict[str, dict[Action, Reaches]] = {
    # The coordinator also drafts and publishes the province's own plan (UBND tỉnh's node).
    "coordinator": {
        Action.VIEW: Reach.PROVINCE,
        Action.CHANGE: (Reach.AGENCY, Reach.ROOT),
        Action.STRUCTURE: Reach.PROVINCE,
        Action.APPROVE: Reach.ROOT,
        Action.MANAGE_ACCOUNTS: Reach.PROVINCE,
        Action.REGISTER: (Reach.AGENCY, Reach.ROOT),
        Action.CURATE: Reach.PROVINCE,
        Action.AUDIT_PERSONAL_DATA: Reach.PROVINCE,
    },
    "focal": {
        Action.VIEW: Reach.AGENCY,
        Action.CHANGE: Reach.AGENCY,
        Action.STRUCTURE: Reach.AGENCY,
        Action.MANAGE_ACCOUNTS: Reach.AGENCY,
        Action.REGISTER: Reach.AGENCY,
    },
    "leader": {Action.VIEW: Reach.AGENCY, Action.APPROVE: Reach.AGENCY, Action.HANDLE_PETITIONS: Reach.AGENCY},
    # Cán bộ tiếp công dân, xử lý đơn: records receptions and petitions of its unit and reads their personal data.
    "petition_handler": {Action.VIEW: Reach.OWN, Action.CHANGE: Reach.OWN, Action.HANDLE_PETITIONS: Reach.OWN},
    "unit_editor": {Action.VIEW: Reach.OWN, Action.CHANGE: Reach.OWN},
    "inspector": {Action.VIEW: Reach.AGENCY},
    "viewer": {Action.VIEW: Reach.OWN},
}

ALL = None  # sentinel: no restriction (superusers)


def anchor_path(organization, reach: Reach) -> str:
    """The path a role with `reach` held at `organization` covers (see EXACT)."""
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
    # Asked once per action: keep the answer on the (request-long) membership's organization.
    if "_danvan_agency_path" not in organization.__dict__:
        agency = Organization.objects.filter(pk__in=ids, kind=OrganizationKind.AGENCY).order_by("-path").first()
        organization.__dict__["_danvan_agency_path"] = agency.path if agency else organization.path
    return organization.__dict__["_danvan_agency_path"]


def _unwrapped(user):
    # request.user is a lazy proxy: the scope lives on the user it wraps, where orgs.backends put
    # the memberships it read with the user.
    if isinstance(user, LazyObject):
        if user._wrapped is empty:
            user._setup()
        return user._wrapped
    return user


def _cache(user) -> dict:
    # The user object lives as long as the request: memberships are read once per request.
    return _unwrapped(user).__dict__.setdefault("_danvan_scope", {})


def organization_paths(user, action: Action | str = Action.VIEW) -> list[str] | None:
    """Path prefixes of the subtrees `user` may act on; ALL (None) for superusers.

    An entry starting with EXACT names one organization's path rather than a subtree.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    if user.is_superuser:
        return ALL
    action = Action(action)
    cache = _cache(user)
    if action not in cache:
        paths: set[str] = set()
        for membership in memberships(user):
            reaches = ROLE_RULES.get(membership.role, {}).get(action, ())
            for reach in (reaches,) if isinstance(reaches, Reach) else reaches:
                paths.add(anchor_path(membership.organization, reach))
        # Drop entries covered by a shorter subtree.
        cache[action] = sorted(
            p for p in paths
            if not any(p != q and not q.startswith(EXACT) and p.lstrip(EXACT).startswith(q) for q in paths)
        )
    return cache[action]


def memberships(user) -> list:
    """The user's memberships with their organizations, read once per request."""
    cache = _cache(user)
    if "memberships" not in cache:
        cache["memberships"] = list(user.memberships.select_related("organization"))
    return cache["memberships"]


def remember_memberships(user, rows: list) -> None:
    """Memberships read with the user (orgs.backends), each with its agency's path when held in
    a unit (`agency_path`, "" when none): the scope then asks the database nothing more."""
    for membership in rows:
        agency_path = getattr(membership, "agency_path", None)
        if agency_path is not None:
            membership.organization.__dict__["_danvan_agency_path"] = agency_path or membership.organization.path
    _cache(user)["memberships"] = rows


def superior_ids(user) -> list[int]:
    """Ids of the organizations above the user's own (their published rows are the user's basis)."""
    if not getattr(user, "is_authenticated", False):
        return []
    cache = _cache(user)
    if "superiors" not in cache:
        ids: set[int] = set()
        for membership in memberships(user):
            ids.update(membership.organization.ancestor_ids)
        cache["superiors"] = sorted(ids)
    return cache["superiors"]


def _ancestor_paths(path: str) -> list[tuple[int, str]]:
    """(id, path) of each organization above the one at `path` (a path lists the ids from the root)."""
    ids = [part for part in path.strip("/").split("/") if part]
    return [(int(ids[i]), "/" + "/".join(ids[: i + 1]) + "/") for i in range(len(ids) - 1)]


def province_ids(user) -> list[int]:
    """Ids of the provinces (tree roots) the user's memberships lie in."""
    if not getattr(user, "is_authenticated", False):
        return []
    cache = _cache(user)
    if "provinces" not in cache:
        cache["provinces"] = sorted({int(m.organization.path.strip("/").split("/")[0]) for m in memberships(user)
                                     if m.organization.path.strip("/")})
    return cache["provinces"]


def forget_scope(user) -> None:
    """Drop the cached scope (after memberships change within a request)."""
    _unwrapped(user).__dict__.pop("_danvan_scope", None)


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


def has_any(user, action: Action | str) -> bool:
    """Whether the user holds `action` anywhere (pages that create something answer 403 otherwise)."""
    paths = organization_paths(user, action)
    return paths is ALL or bool(paths)


@dataclass(frozen=True)
class Scope:
    """Where a model's rows sit in the organization tree, declared by its queryset.

    `path`: the organization path field(s) that place a row; a row is in reach when any of them
    is. `paths`: other fields for particular actions (an assignment is changed by its lead
    unit's editors too). `shared_below`: rows matching it are also readable by users of the
    organizations below `shared_from` (issued plans are read by the units that implement them).
    `public`: every signed-in user reads every row (True), or the rows matching it (a Q: the
    catalogue of national documents). `shared_in_province`: rows matching it are also read by
    every member of the province that `province_field` names (a province's confirmed documents).
    `changeable`: only rows matching it can be changed at all (a submitted or accepted report is locked).
    `by_id`: a `<fk>__path` field is matched as `<fk> IN (the organizations in reach)` instead of
    joining the organization: a long list ordered along an `(organization, …)` index (the roster)
    then reads one page of it instead of sorting every row in reach.
    `via`: a foreign key whose row's own scope is this one's for reading: the rows read are
    `<via> IN (the rows of its model the user reads)`. A plan's parts are read where their plan
    is; this reads the plans in reach (a few) and their parts by the plan's index, instead of
    joining every part of the database to its plan's organization. The declared `path` and
    `shared_below` must say the same (they decide the other actions).
    """

    path: str | tuple[str, ...] = "organization__path"
    paths: dict[Action, tuple[str, ...]] = field(default_factory=dict)
    shared_below: Q | None = None
    shared_from: str = "organization"
    public: bool | Q = False
    shared_in_province: Q | None = None
    province_field: str = "province"
    changeable: Q | None = None
    by_id: bool = False
    via: str = ""

    def fields_for(self, action: Action) -> tuple[str, ...]:
        if action in self.paths:
            return self.paths[action]
        return self.path if isinstance(self.path, tuple) else (self.path,)


def scope_q(user, action: Action | str, scope: Scope, model: type[models.Model] | None = None, *,
            beyond_view: bool = False) -> Q:
    """The filter that keeps the rows of `model` (declaring `scope`) `user` may perform `action` on;
    with `beyond_view`, only what `action` asks beyond seeing the row (for rows known to be seen)."""
    action = Action(action)
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Q(pk__in=[])
    if user.is_superuser:
        return scope.changeable if action is Action.CHANGE and scope.changeable is not None else Q()
    if action is Action.VIEW and scope.public is True:
        return Q()
    if action is Action.VIEW and scope.via and model is not None:
        related = model._meta.get_field(scope.via).related_model
        return Q(**{f"{scope.via}__in": related.objects.scoped(user, Action.VIEW).values("pk")})
    paths = organization_paths(user, action)
    query = Q(pk__in=[])
    for name in scope.fields_for(action):
        if scope.by_id and name.endswith("__path") and paths is not ALL and paths:
            from orgs.models import Organization

            reach = Organization.objects.filter(path_q(paths, "path")).values("pk")
            query |= Q(**{f"{name.removesuffix('__path')}__in": reach})
        else:
            query |= path_q(paths, name)
    if action is Action.VIEW:
        if isinstance(scope.public, Q):
            query |= scope.public
        if scope.shared_in_province is not None and (provinces := province_ids(user)):
            query |= Q(**{f"{scope.province_field}__in": provinces}) & scope.shared_in_province
        superiors = superior_ids(user)
        if superiors and f"{scope.shared_from}__path" in scope.fields_for(Action.VIEW):
            # A superior within a subtree the user reads matches by its path already; asked by id as well,
            # it costs PostgreSQL an OR to plan in every list (the province's coordinator reads it all).
            covered = {pk for m in memberships(user) for pk, path in _ancestor_paths(m.organization.path)
                       if any(not q.startswith(EXACT) and path.startswith(q) for q in paths)}
            superiors = [pk for pk in superiors if pk not in covered]
        if scope.shared_below is not None and superiors:
            query |= Q(**{f"{scope.shared_from}__in": superiors}) & scope.shared_below
        return query
    if action is Action.CHANGE and scope.changeable is not None:
        query &= scope.changeable
    # One acts only on what one can see.
    return query if beyond_view else query & scope_q(user, Action.VIEW, scope, model)


class ScopedQuerySet(models.QuerySet):
    """Base for every model whose rows belong to an organization. Subclasses declare `scope`."""

    scope = Scope()

    def scoped(self, user, action: Action | str = Action.VIEW):
        """The one entry point: the rows `user` may perform `action` on."""
        return self.filter(scope_q(user, action, self.scope, self.model))

    def visible_with_permission(self, user, action: Action | str, name: str):
        """The rows `user` sees, each annotated `name`: whether `user` may also perform `action` on it (what
        scoped(user, action) answers), asked within the rows' own query: a list's edit links need no
        second query, and of the action's filter only what it asks beyond seeing the row."""
        query = scope_q(user, action, self.scope, self.model, beyond_view=True)
        flag = models.Value(True) if not query else models.Case(
            models.When(query, then=models.Value(True)), default=models.Value(False))
        flag = models.ExpressionWrapper(flag, output_field=models.BooleanField())
        return self.visible_to(user).annotate(**{name: flag})

    # Thin aliases of the entry point.
    def visible_to(self, user):
        return self.scoped(user, Action.VIEW)

    def editable_by(self, user):
        return self.scoped(user, Action.CHANGE)
