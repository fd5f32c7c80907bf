"""Who gets what from every URL: the rule table the permission walk checks.

One entry per URL name. A new view without an entry fails `test_permissions`, so whoever
adds a view writes down who may open it. Statuses follow orgs.scoping.ROLE_RULES, applied
to the sample objects (see `SAMPLES`): everything sits in Phòng Quản lý hoạt động xây
dựng (TN.SXD.QLXD), a unit of Sở Xây dựng Tây Ninh.

To add a URL: add its entry below; if it takes an object, name the sample that fills
each kwarg (`kwargs={"pk": "staff"}`) and, for a new kind of object, add a builder to
`SAMPLES`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from orgs.models import StaffMember

ROLES = ("anonymous", "admin", "coordinator", "focal", "leader", "unit", "inspector", "viewer", "other-focal")
SIGNED_IN = frozenset(ROLES) - {"anonymous"}

# What each demo role reaches of the sample unit TN.SXD.QLXD under ROLE_RULES.
# view: coordinator reads the province; focal, leader, inspector read Sở Xây dựng; the unit
# editor reads its own unit; viewer (Thanh tra Sở) and other-focal (Sở VHTTDL) are outside.
SEES_SAMPLE = frozenset({"admin", "coordinator", "focal", "leader", "unit", "inspector"})
# change: coordinator changes only Sở Nội vụ; focal the agency; unit editor its own unit.
CHANGES_SAMPLE = frozenset({"admin", "focal", "unit"})
# structure: coordinator the province, focal its agency.
STRUCTURES_SAMPLE = frozenset({"admin", "coordinator", "focal"})
# Roles that may change some roster / restructure some part of the tree, anywhere.
CHANGES_SOMEWHERE = frozenset({"admin", "coordinator", "focal", "unit", "other-focal"})
STRUCTURES_SOMEWHERE = frozenset({"admin", "coordinator", "focal", "other-focal"})

LOGIN_PAGE = "/accounts/login/"
ADMIN_LOGIN_PAGE = "/admin/login/"


def page(allowed: Iterable[str] = SIGNED_IN, *, ok: int = 200, denied: int = 404, anonymous: int = 302):
    """A page: `allowed` roles get `ok`, the other signed-in roles `denied`, anonymous a redirect to login."""
    allowed = set(allowed)
    statuses = {role: ok if role in allowed else denied for role in SIGNED_IN}
    return {"anonymous": anonymous, **statuses}


def api(allowed: Iterable[str] = SIGNED_IN, *, ok: int = 200, denied: int = 404, anonymous: int = 401):
    """An API endpoint: like a page, but anonymous requests answer 401 (Token authentication)."""
    return page(allowed, ok=ok, denied=denied, anonymous=anonymous)


def everyone(status: int):
    return dict.fromkeys(ROLES, status)


@dataclass(frozen=True)
class Rule:
    get: dict[str, int]
    # For views that change data: the status of a POST (with `post_data`, else an empty form).
    post: dict[str, int] | None = None
    # kwarg name -> sample name (a key of SAMPLES); "format" is filled with "json" everywhere.
    kwargs: dict[str, str] = field(default_factory=dict)
    # name of a PAYLOADS entry sent as the POST body
    post_data: str | None = None


RULES: dict[str, Rule] = {
    # Accounts
    "home": Rule(get=page()),
    "login": Rule(get={**everyone(302), "anonymous": 200}),
    "logout": Rule(get=everyone(405), post=everyone(302)),
    # Organization tree
    "orgs:organization_list": Rule(get=page()),
    "orgs:organization_export": Rule(get=page()),
    "orgs:organization_create": Rule(
        get=page(STRUCTURES_SOMEWHERE, denied=403), post=page(STRUCTURES_SOMEWHERE, denied=403)
    ),
    "orgs:organization_detail": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "organization"}),
    "orgs:organization_update": Rule(
        get=page(STRUCTURES_SAMPLE), post=page(STRUCTURES_SAMPLE), kwargs={"pk": "organization"}
    ),
    "orgs:organization_merge": Rule(
        get=page(STRUCTURES_SAMPLE), post=page(STRUCTURES_SAMPLE), kwargs={"pk": "organization"}
    ),
    "orgs:organization_history": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "organization"}),
    # Staff roster
    "orgs:staff_list": Rule(get=page()),
    "orgs:staff_export": Rule(get=page()),
    "orgs:staff_import": Rule(get=page(CHANGES_SOMEWHERE, denied=403), post=page(CHANGES_SOMEWHERE, denied=403)),
    "orgs:staff_create": Rule(get=page(CHANGES_SOMEWHERE, denied=403), post=page(CHANGES_SOMEWHERE, denied=403)),
    "orgs:staff_detail": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "staff"}),
    "orgs:staff_update": Rule(get=page(CHANGES_SAMPLE), post=page(CHANGES_SAMPLE), kwargs={"pk": "staff"}),
    # POST only; a successful delete redirects to the unit's page.
    "orgs:staff_delete": Rule(
        get={**everyone(405), "anonymous": 302}, post=page(CHANGES_SAMPLE, ok=302), kwargs={"pk": "staff"}
    ),
    "orgs:staff_history": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "staff"}),
    # API
    "api-token": Rule(get=everyone(405), post=everyone(400)),
    "api-schema": Rule(get=api()),
    "api-docs": Rule(get=api()),
    "api-root": Rule(get=api()),
    "organization-list": Rule(get=api(), post=api(ok=405)),
    "organization-detail": Rule(get=api(SEES_SAMPLE), kwargs={"pk": "organization"}),
    # A new staff member in the sample unit: saved only where the role may change the roster;
    # a role that cannot even see the unit is told the unit does not exist (400).
    "staff-list": Rule(
        get=api(),
        post={
            **api(CHANGES_SAMPLE, ok=201, denied=403),
            "viewer": 400,
            "other-focal": 400,
        },
        post_data="new_staff_in_sample_unit",
    ),
    "staff-detail": Rule(get=api(SEES_SAMPLE), kwargs={"pk": "staff"}),
}

# Django admin, as a group: staff users only. Non-staff demo users and anonymous visitors are
# sent to the admin login page; the superuser gets the page, with these exceptions.
ADMIN_NAMESPACE = "admin"
ADMIN_SUPERUSER_EXCEPTIONS = {
    "admin:login": 302,  # already signed in: on to the admin index
    "admin:logout": 405,  # POST only
    "admin:view_on_site": 302,  # redirects to the object's own page
    "admin:autocomplete": 403,  # only answers the admin's own autocomplete widgets
    # django-axes keeps its login records read-only.
    "admin:axes_accessattempt_add": 403,
    "admin:axes_accesslog_add": 403,
    "admin:axes_accessfailurelog_add": 403,
    # Task results are written by the queue, never by hand.
    "admin:django_tasks_database_dbtaskresult_add": 403,
    "admin:django_tasks_database_dbtaskresult_delete": 403,
    # Attachments are added and removed through attachments.services only.
    "admin:attachments_attachment_add": 403,
    "admin:attachments_attachment_delete": 403,
}
# Logging out of an admin session one does not have leads back to the admin index (which asks to log in).
ADMIN_NON_STAFF_REDIRECTS = {"admin:logout": "/admin/"}
# The admin login page itself is open to everyone.
ADMIN_OPEN_TO_ALL = {"admin:login"}


def admin_rule(name: str) -> dict[str, int]:
    if name in ADMIN_OPEN_TO_ALL:
        statuses = everyone(200)
    else:
        statuses = everyone(302)
        statuses["admin"] = 200
    if name in ADMIN_SUPERUSER_EXCEPTIONS:
        statuses["admin"] = ADMIN_SUPERUSER_EXCEPTIONS[name]
    return statuses


# Sample objects by name, built from the demo organizations (by code).
SAMPLES: dict[str, Callable[[dict], object]] = {
    "organization": lambda orgs: orgs["TN.SXD.QLXD"],
    "staff": lambda orgs: StaffMember.objects.filter(organization=orgs["TN.SXD.QLXD"], user__isnull=True)
    .order_by("pk")
    .first(),
}

PAYLOADS: dict[str, Callable[[dict], dict]] = {
    "new_staff_in_sample_unit": lambda samples: {
        "full_name": "Nguyễn Văn Mới",
        "category": "civil_servant",
        "organization": samples["organization"].pk,
    },
}


# Each later app keeps its rows beside its tests and adds them here.
def _extend() -> None:
    from attachments.tests import permission_rules as attachments_rules
    from ingest.tests import permission_rules as ingest_rules
    from plans.tests import permission_rules as plans_rules

    for rows in (plans_rules, ingest_rules, attachments_rules):
        RULES.update(rows.RULES)
        SAMPLES.update(rows.SAMPLES)


_extend()
