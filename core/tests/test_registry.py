"""Apps declare their pages, menu entries, API routes and inbox sources; the project loops over them."""

from django.apps import apps
from django.urls import reverse

from core.access import holds_anywhere
from core.registry import MENU_GROUPS, api_routes, inbox_for, menu_for, url_modules
from plans.models import PlanStatus


def test_every_app_with_pages_declares_its_url_module_and_the_site_includes_it():
    declared = set(url_modules())
    assert {"orgs.urls", "plans.urls", "legal.urls", "ingest.urls", "attachments.urls"} <= declared
    # Each declared module answers under the site's root URLconf.
    assert reverse("plans:plan_list") and reverse("attachments:download", args=[1])


def test_api_routes_come_from_the_app_configs():
    prefixes = {prefix for prefix, _viewset, _basename in api_routes()}
    assert {"organizations", "staff", "plans", "targets", "assignments", "legal-documents"} <= prefixes
    assert reverse("staff-list") == "/api/staff/"


def test_the_menu_groups_entries_and_hides_what_the_user_cannot_use(users):
    focal = menu_for(users["focal"], holds_anywhere)
    assert str(focal[0][0]) == str(MENU_GROUPS["organization"])
    names = {entry.url_name for _group, entries in focal for entry in entries}
    assert {"orgs:staff_list", "plans:plan_list", "ingest:import_list", "legal:document_list"} <= names
    leader = {entry.url_name for _group, entries in menu_for(users["leader"], holds_anywhere) for entry in entries}
    # The import page needs the change right, which a leader holds nowhere.
    assert "plans:plan_list" in leader and "ingest:import_list" not in leader


def test_the_inbox_tells_a_leader_what_waits_for_approval(users, draft_plan):
    from plans import services

    services.submit_plan(draft_plan, by=users["focal"])
    items = {str(item.label): item for item in inbox_for(users["leader"])}
    item = items["Kế hoạch chờ phê duyệt"]
    assert item.count == 1 and item.url.endswith(f"?status={PlanStatus.SUBMITTED}")
    assert "Kế hoạch chờ phê duyệt" not in {str(i.label) for i in inbox_for(users["other-focal"])}


def test_no_scoped_queryset_overrides_the_entry_point():
    from orgs.scoping import ScopedQuerySet

    for model in apps.get_models():
        queryset = type(model._default_manager.get_queryset())
        if issubclass(queryset, ScopedQuerySet):
            for name in ("scoped", "visible_to", "editable_by"):
                assert getattr(queryset, name) is getattr(ScopedQuerySet, name), f"{model.__name__}.{name}"
