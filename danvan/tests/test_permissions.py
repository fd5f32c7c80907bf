"""The permission walk: every URL pattern, opened by every demo role, answers as the rule table says."""

from __future__ import annotations

import copy
from dataclasses import dataclass

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from rest_framework.authtoken.models import Token

from danvan.tests.permission_table import (
    ADMIN_LOGIN_PAGE,
    ADMIN_NAMESPACE,
    ADMIN_NON_STAFF_REDIRECTS,
    LOGIN_PAGE,
    PAYLOADS,
    ROLES,
    RULES,
    SAMPLES,
    admin_rule,
)
from orgs.models import Organization


@dataclass(frozen=True)
class Endpoint:
    name: str | None
    route: str
    kwargs: tuple[str, ...]
    positional: int

    @property
    def is_admin(self) -> bool:
        return self.route.startswith("admin/")

    @property
    def label(self) -> str:
        suffix = ".format" if "format" in self.kwargs else ""
        return f"{self.name}{suffix}" if self.name else self.route


def _pattern_arguments(pattern) -> tuple[tuple[str, ...], int]:
    """Named and unnamed groups of a route or regex pattern (a route compiles to a regex too)."""
    regex = pattern.regex
    names = tuple(regex.groupindex)
    return names, regex.groups - len(names)


def walk(resolver=None, prefix="", namespace=None, kwargs=(), positional=0):
    """Every URL pattern of the project, nested includes and format-suffix variants included."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        names, unnamed = _pattern_arguments(pattern.pattern)
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from walk(pattern, route, inner, kwargs + names, positional + unnamed)
        else:
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield Endpoint(name, route, kwargs + names, positional + unnamed)


ENDPOINTS = sorted(set(walk()), key=lambda e: (e.is_admin, e.label))
# Django's admin adds unnamed redirect shims (`<object_id>/` → change page) and a catch-all;
# the group rule covers the admin, so only its named patterns are opened.
CHECKED = [e for e in ENDPOINTS if e.name is not None]


def test_every_url_has_a_rule():
    unnamed = [e.route for e in ENDPOINTS if e.name is None and not e.is_admin]
    without_rule = sorted({e.name for e in CHECKED if not e.is_admin and e.name not in RULES})
    assert unnamed == [], "Give these URL patterns a name and a rule in permission_table.py"
    assert without_rule == [], "Add a rule to danvan/tests/permission_table.py for each of these URLs"


def test_every_rule_names_a_url():
    names = {e.name for e in CHECKED}
    assert sorted(set(RULES) - names) == []


def test_the_walk_reaches_api_router_and_format_suffixes():
    labels = {e.label for e in CHECKED}
    assert {"staff-detail", "staff-detail.format", "organization-list.format", "api-root.format"} <= labels


@pytest.fixture
def samples(orgs, users):
    found = {name: build(orgs) for name, build in SAMPLES.items()}
    assert all(found.values()), found
    # The admin opens one object of every model it lists: make sure each has one.
    Group.objects.get_or_create(name="Cán bộ nhập liệu")
    Token.objects.get_or_create(user=users["admin"])
    attempt = {"user_agent": "pytest", "ip_address": "127.0.0.1", "username": "focal", "http_accept": "*/*",
               "path_info": "/accounts/login/"}
    AccessAttempt.objects.create(get_data="", post_data="", failures_since_start=1, **attempt)
    AccessLog.objects.create(**attempt)
    AccessFailureLog.objects.create(**attempt)
    return found


def _admin_model(name: str):
    """The model behind an admin URL name such as admin:orgs_staffmember_change."""
    matches = [
        model for model in admin.site._registry
        if name.startswith(f"{ADMIN_NAMESPACE}:{model._meta.app_label}_{model._meta.model_name}_")
    ]
    return max(matches, key=lambda model: len(model._meta.model_name)) if matches else None


def _admin_arguments(endpoint: Endpoint, samples) -> tuple[list, dict]:
    model = _admin_model(endpoint.name)
    obj = model._default_manager.order_by("pk").first() if model else None
    values = {
        "object_id": lambda: obj.pk,
        "id": lambda: obj.pk,
        "app_label": lambda: "orgs",
        "content_type_id": lambda: ContentType.objects.get_for_model(Organization).pk,
    }
    if endpoint.name == "admin:view_on_site":
        values["object_id"] = lambda: samples["organization"].pk
    kwargs = {name: values[name]() for name in endpoint.kwargs}
    # simple_history's "revert to this version" page: (object id, history id).
    args = [obj.pk, obj.history.order_by("history_id").first().history_id] if endpoint.positional else []
    return args, kwargs


def url_for(endpoint: Endpoint, samples) -> str:
    if endpoint.is_admin:
        args, kwargs = _admin_arguments(endpoint, samples)
        return reverse(endpoint.name, args=args, kwargs=kwargs)
    rule = RULES[endpoint.name]
    kwargs = {
        name: "json" if name == "format" else samples[rule.kwargs[name]].pk for name in endpoint.kwargs
    }
    return reverse(endpoint.name, kwargs=kwargs)


@dataclass(frozen=True)
class Check:
    method: str
    url: str
    expected: dict[str, int]
    data: dict | None = None
    # Where a 302 given to one of `sent_to_login` must lead.
    login_page: str = LOGIN_PAGE
    sent_to_login: tuple[str, ...] = ("anonymous",)


def page_checks(samples) -> list[Check]:
    checks = []
    for endpoint in CHECKED:
        if endpoint.is_admin or endpoint.name not in RULES:
            continue
        rule = RULES[endpoint.name]
        url = url_for(endpoint, samples)
        checks.append(Check("GET", url, rule.get))
        if rule.post is not None:
            data = PAYLOADS[rule.post_data](samples) if rule.post_data else None
            checks.append(Check("POST", url, rule.post, data))
    return checks


def admin_checks(samples) -> list[Check]:
    not_staff = tuple(role for role in ROLES if role != "admin")
    return [
        Check(
            "GET",
            url_for(endpoint, samples),
            admin_rule(endpoint.name),
            login_page=ADMIN_NON_STAFF_REDIRECTS.get(endpoint.name, ADMIN_LOGIN_PAGE),
            sent_to_login=not_staff,
        )
        for endpoint in CHECKED
        if endpoint.is_admin
    ]


# Every audited change writes a historical row: their counts tell whether a request changed anything.
HISTORY_MODELS = [model for model in apps.get_models() if model.__name__.startswith("Historical")]
REFUSED = {400, 403, 404, 405, 429}


def fingerprint() -> tuple[int, ...]:
    return tuple(model.objects.count() for model in HISTORY_MODELS)


def walk_as(role: str, users, checks: list[Check]) -> list[str]:
    """What `role` got that the table does not say, and any refused POST that changed data.

    Each request runs in a savepoint that is rolled back, with the client's cookies put back
    afterwards, so one POST (a delete, a logout) cannot change what the next request sees.
    """
    client = Client()
    if role != "anonymous":
        client.force_login(users[role])
    wrong = []
    for check in checks:
        cookies = copy.deepcopy(client.cookies)
        with transaction.atomic():
            if check.method == "POST":
                before = fingerprint()
                response = client.post(check.url, check.data or {})
                if response.status_code in REFUSED and fingerprint() != before:
                    wrong.append(f"POST {check.url}: refused with {response.status_code} but changed data")
            else:
                response = client.get(check.url)
            transaction.set_rollback(True)
        client.cookies = cookies
        expected = check.expected[role]
        if response.status_code != expected:
            wrong.append(f"{check.method} {check.url}: expected {expected}, got {response.status_code}")
        elif (
            response.status_code == 302
            and role in check.sent_to_login
            and not response["Location"].startswith(check.login_page)
        ):
            wrong.append(f"{check.method} {check.url}: sent to {response['Location']}, not {check.login_page}")
    return wrong


@pytest.mark.parametrize("role", ROLES)
def test_pages_and_api_answer_each_role_as_the_table_says(role, users, samples):
    assert walk_as(role, users, page_checks(samples)) == []


@pytest.mark.parametrize("role", ROLES)
def test_admin_is_for_the_superuser_only(role, users, samples):
    assert walk_as(role, users, admin_checks(samples)) == []
