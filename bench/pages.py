"""The list pages the benchmarks time: every list in the menu (each register adds its own) and every API list.

Imported after Django is set up (bench/lists.py, bench/throughput.py, bench/cpu.py).
"""

from __future__ import annotations

from django.urls import reverse

from core.access import holds_anywhere
from core.registry import api_routes, menu_entries

# /api/measures/ reads one plan's targets (bench/measures.py times it) and /api/completeness/ one period: both
# answer 400 without their parameter.
NEEDS_A_PARAMETER = {"measure", "completeness"}
# Menu entries that are not lists: one's own account, the calendar link, the dashboards (bench/dashboard.py).
NOT_LISTS = {"accounts:me", "calendars:calendar", "dashboard:index"}
# The first pages' names, kept as the README's earlier figures call them.
NAMES = {
    "orgs:organization_list": "organization_tree",
    "orgs:staff_list": "staff_list",
    "plans:plan_list": "plans",
    "plans:coverage": "coverage",
    "plans:my_assignments": "my_assignments",
    "legal:document_list": "legal",
    "ingest:import_list": "imports",
}


def role_pages(roles: str, only: str = "") -> dict[str, dict[str, str]]:
    """{role: its list pages} for the generated province's accounts (danvan.province.accounts_of)."""
    from django.contrib.auth import get_user_model

    from danvan.province import accounts_of

    users = get_user_model().objects
    return {role: list_pages(only, users.get(username=accounts_of("BENCH")[role])) for role in roles.split(",")}


def list_pages(only: str = "", user=None) -> dict[str, str]:
    """{name: path} of every list page (`user`'s menu's only, given a user); `only`: comma-separated names to keep."""
    pages = {}
    for entry in menu_entries():
        shown = user is None or not entry.requires or holds_anywhere(user, entry.requires)
        if shown and entry.url_name not in NOT_LISTS:
            pages[NAMES.get(entry.url_name, entry.url_name.replace(":", "_"))] = reverse(entry.url_name)
    for _prefix, _viewset, basename in api_routes():
        if basename not in NEEDS_A_PARAMETER:
            pages[f"api_{basename.replace('-', '_')}"] = reverse(f"{basename}-list")
    if only:
        pages = {name: path for name, path in pages.items() if name in only.split(",")}
    return pages
