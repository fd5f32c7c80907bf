"""Who gets what from every URL: the rule table the permission walk checks.

One entry per URL name. A new view without an entry fails `test_permissions`, so whoever
adds a view writes down who may open it. Statuses follow orgs.scoping.ROLE_RULES, applied
to the sample objects (see `SAMPLES`): everything sits in Phòng Quản lý hoạt động xây
dựng (TN.SXD.QLXD), a unit of Sở Xây dựng Tây Ninh.

To add a URL: add its entry below, or in `<app>/tests/permission_rules.py` (found by itself);
if it takes an object, name the sample that fills each kwarg (`kwargs={"pk": "staff"}`) and,
for a new kind of object, add a builder to `SAMPLES`. A new kind of listed record adds a
builder to `LEAK_MARKERS`, so the list-leak check plants it where a role must not see it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from orgs.models import Organization, StaffMember

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
    "orgs:organization_children": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "organization"}),
    # An empty form answers 400 with its errors.
    "orgs:organization_create": Rule(
        get=page(STRUCTURES_SOMEWHERE, denied=403), post=page(STRUCTURES_SOMEWHERE, ok=400, denied=403)
    ),
    "orgs:organization_detail": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "organization"}),
    "orgs:organization_update": Rule(
        get=page(STRUCTURES_SAMPLE), post=page(STRUCTURES_SAMPLE, ok=400), kwargs={"pk": "organization"}
    ),
    "orgs:organization_merge": Rule(
        get=page(STRUCTURES_SAMPLE), post=page(STRUCTURES_SAMPLE, ok=400), kwargs={"pk": "organization"}
    ),
    "orgs:organization_history": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "organization"}),
    # Staff roster
    "orgs:staff_list": Rule(get=page()),
    "orgs:staff_export": Rule(get=page()),
    "orgs:staff_import": Rule(get=page(CHANGES_SOMEWHERE, denied=403), post=page(CHANGES_SOMEWHERE, denied=403)),
    "orgs:staff_create": Rule(
        get=page(CHANGES_SOMEWHERE, denied=403), post=page(CHANGES_SOMEWHERE, ok=400, denied=403)
    ),
    "orgs:staff_detail": Rule(get=page(SEES_SAMPLE), kwargs={"pk": "staff"}),
    "orgs:staff_update": Rule(get=page(CHANGES_SAMPLE), post=page(CHANGES_SAMPLE, ok=400), kwargs={"pk": "staff"}),
    # GET asks for confirmation; a successful delete redirects to the unit's page.
    "orgs:staff_delete": Rule(get=page(CHANGES_SAMPLE), post=page(CHANGES_SAMPLE, ok=302), kwargs={"pk": "staff"}),
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


# Rows that create, in a given organization, records whose text carries `marker`: the list-leak
# check plants them in agencies a role must not see and looks for the marker in every list.
LEAK_MARKERS: dict[str, Callable[[object, str], None]] = {
    "organization": lambda org, marker: Organization.objects.create(
        code=f"LEAK.{org.code}", name=marker, kind="unit", parent=org),
    "staff": lambda org, marker: StaffMember.objects.create(
        organization=org, full_name=marker, category="civil_servant", position=marker),
}


def _discover() -> None:
    """Each app keeps its rows beside its tests (`<app>/tests/permission_rules.py`); they are found here."""
    from django.apps import apps

    for config in apps.get_app_configs():
        try:
            rows = importlib.import_module(f"{config.name}.tests.permission_rules")
        except ModuleNotFoundError as exc:
            if exc.name not in (f"{config.name}.tests", f"{config.name}.tests.permission_rules"):
                raise
            continue
        RULES.update(getattr(rows, "RULES", {}))
        SAMPLES.update(getattr(rows, "SAMPLES", {}))
        PAYLOADS.update(getattr(rows, "PAYLOADS", {}))
        LEAK_MARKERS.update(getattr(rows, "LEAK_MARKERS", {}))


_discover()
