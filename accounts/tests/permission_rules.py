"""Rows of the permission walk for account management.

The sample account is `unit` (unit editor of Phòng QLHĐXD, Sở Xây dựng): Sở Xây dựng's focal
office manages it; the coordinator manages only focal offices and leaders; other roles manage
no account (403 on pages that need the right, 404 where an object is looked up through it).
"""

from types import SimpleNamespace

from django.contrib.auth import get_user_model

from danvan.tests.permission_table import Rule, everyone, page
from orgs.models import Membership

MANAGES_SOMEWHERE = frozenset({"admin", "coordinator", "focal", "other-focal"})
MANAGES_SAMPLE = frozenset({"admin", "focal"})
POST_ONLY = {**everyone(405), "anonymous": 302}


def manager_page(ok=200):
    """Needs the right somewhere (403 otherwise); the sample is found only by those who manage it."""
    return {**page(MANAGES_SOMEWHERE, ok=404, denied=403), **{role: ok for role in MANAGES_SAMPLE}}


SAMPLES = {
    "account": lambda orgs: get_user_model().objects.get(username="unit"),
    "account_role": lambda orgs: Membership.objects.get(user__username="unit"),
    # A link with a made-up token: the page says the link is not valid.
    "uidb64": lambda orgs: SimpleNamespace(pk="MTIzNDU"),
    "token": lambda orgs: SimpleNamespace(pk="c8f-0000000000000000"),
}
RULES = {
    "accounts:membership_list": Rule(get=page(MANAGES_SOMEWHERE, denied=403)),
    "accounts:membership_export": Rule(get=page(MANAGES_SOMEWHERE, denied=403)),
    "accounts:invite": Rule(get=page(MANAGES_SOMEWHERE, denied=403), post=page(MANAGES_SOMEWHERE, ok=400, denied=403)),
    "accounts:account_detail": Rule(get=manager_page(), kwargs={"pk": "account"}),
    "accounts:grant_role": Rule(get={**manager_page(405), **{r: 405 for r in MANAGES_SOMEWHERE}},
                                post=manager_page(302), kwargs={"pk": "account"}),
    "accounts:link_staff": Rule(get={**manager_page(405), **{r: 405 for r in MANAGES_SOMEWHERE}},
                                post=manager_page(302), kwargs={"pk": "account"}),
    "accounts:set_active": Rule(get={**manager_page(405), **{r: 405 for r in MANAGES_SOMEWHERE}},
                                post=manager_page(302), kwargs={"pk": "account"}),
    "accounts:reset_password": Rule(get={**manager_page(405), **{r: 405 for r in MANAGES_SOMEWHERE}},
                                    post=manager_page(302), kwargs={"pk": "account"}),
    "accounts:revoke_role": Rule(get=page(MANAGES_SAMPLE), post=page(MANAGES_SAMPLE, ok=302),
                                 kwargs={"pk": "account_role"}),
    "accounts:me": Rule(get=page()),
    "accounts:change_password": Rule(get=page(), post=page()),
    "accounts:set_password": Rule(get=everyone(200), kwargs={"uidb64": "uidb64", "token": "token"}),
    "accounts:set_password_done": Rule(get=everyone(200)),
}
LEAK_MARKERS = {
    "account": lambda org, marker: Membership.objects.create(
        user=get_user_model().objects.create(username=marker, last_name=marker), organization=org, role="leader"),
}
