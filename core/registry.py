"""What each app declares in its AppConfig, and the registries the project loops over.

An app's AppConfig may set `urls` (its URL module, included at the site root), `menu` (a list
of `MenuEntry`) and `api_routes` (``(prefix, "app.api.ViewSet", basename)``), and may register
inbox and deadline sources, measures, report sections and merge handlers from its `ready()`. The base template,
the URL files and the API router read them here, so adding an app touches no central file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.apps import apps
from django.utils.module_loading import import_string
from django.utils.translation import pgettext_lazy

# Menu groups in the order the navigation bar shows them.
MENU_GROUPS: dict[str, str] = {
    "organization": pgettext_lazy("menu", "Organization"),
    "plans": pgettext_lazy("menu", "Plans"),
    "registers": pgettext_lazy("menu", "Registers"),
    "reports": pgettext_lazy("menu", "Reports"),
    "reference": pgettext_lazy("menu", "Reference"),
}


@dataclass(frozen=True)
class MenuEntry:
    group: str
    label: str
    url_name: str
    order: int = 100
    icon: str = ""
    # Shown only to users who hold this action somewhere (e.g. "change" for an import page).
    requires: str | None = None


@dataclass(frozen=True)
class InboxItem:
    """A line of a user's inbox: what waits for them now, how many, where to act."""

    label: str
    count: int
    url: str
    level: str = "primary"  # Bootstrap colour: "danger" for what is late


@dataclass(frozen=True)
class Deadline:
    """Something due for a user by a date (the inbox, the digest and the calendar feed read these)."""

    title: str
    due: dt.date
    url: str
    kind: str = ""
    done: bool = False
    # What names the deadline among its source's, the same from one day to the next (the calendar
    # feed's UID): e.g. "plans.assignment-12". Empty: the feed names it by its kind, URL and title.
    key: str = ""


@dataclass(frozen=True)
class ReportSection:
    """A register's figures for a periodic report (`report_sections`): a title and (label, value) lines,
    shown on the report's page and written into its .docx as a table."""

    title: str
    rows: list[tuple[str, str]]
    order: int = 100


class Registry:
    """Named entries filled by the apps at start-up (`ready()`); read in registration order."""

    def __init__(self, name: str):
        self.name = name
        self._entries: dict[str, object] = {}

    def register(self, key: str, entry: object | None = None):
        """Register `entry` under `key`; without an entry, works as a decorator."""
        if entry is None:
            return lambda func: self.register(key, func) or func
        if key in self._entries and self._entries[key] is not entry:
            raise ValueError(f"{self.name}: {key!r} is registered twice")
        self._entries[key] = entry
        return entry

    def register_default(self, key: str, entry: object) -> object:
        """Register `entry` unless an app already registered its own under `key` (a register's own
        measure wins over the monthly counts, whichever app is ready first)."""
        return self._entries.setdefault(key, entry)

    def replace(self, key: str, entry: object) -> object:
        """Register `entry` under `key` in place of a default (see `register_default`)."""
        self._entries[key] = entry
        return entry

    def get(self, key: str):
        return self._entries.get(key)

    def items(self) -> list[tuple[str, object]]:
        return list(self._entries.items())

    def __iter__(self) -> Iterator:
        return iter(list(self._entries.values()))

    def __contains__(self, key: str) -> bool:
        return key in self._entries

    def __len__(self) -> int:
        return len(self._entries)


# source(user) -> Iterable[InboxItem]
inbox = Registry("inbox")
# source(user, *, until: date) -> Iterable[Deadline]
deadlines = Registry("deadlines")
# measure(organizations, period) -> (numerator, denominator, records queryset)
measures = Registry("measures")
# section(report) -> ReportSection | None: the register's figures for the report's organization (and
# everything below it) over the period's data span up to its cut-off
report_sections = Registry("report sections")
# handler(source, *, into, date, by) -> None: what an app hands from an organization merged into
# another (orgs.services.merge_organizations calls each, in its transaction, for each source, with
# the merge's reason set for history). orgs knows nothing of the apps that register here.
merge_handlers = Registry("merge handlers")


# panel(user, agencies: list[Organization], year: int) -> str | None: safe HTML the leader's page (one agency)
# and the coordinator's page (the agencies they see) show below their own figures, in registration order.
# The pages hold a slot per panel and fetch it once shown (dashboard.views.PanelView), with the agencies
# already scoped to the user.
dashboard_panels = Registry("dashboard panels")
# loader() -> str: an app's demo data, loaded by `danvan load_demo` after the plans and reports
# (idempotent); the string says what it loaded.
demo_loaders = Registry("demo loaders")


def inbox_for(user) -> list[InboxItem]:
    return [item for source in inbox for item in source(user) if item.count]


def deadlines_for(user, *, until: dt.date) -> list[Deadline]:
    items = [item for source in deadlines for item in source(user, until=until)]
    return sorted(items, key=lambda item: (item.due, item.title))


def _configs_with(attribute: str) -> Iterable:
    return (config for config in apps.get_app_configs() if getattr(config, attribute, None))


def url_modules() -> list[str]:
    return [config.urls for config in _configs_with("urls")]


def api_routes() -> list[tuple[str, type, str]]:
    return [
        (prefix, import_string(viewset) if isinstance(viewset, str) else viewset, basename)
        for config in _configs_with("api_routes")
        for prefix, viewset, basename in config.api_routes
    ]


def menu_entries() -> list[MenuEntry]:
    return [entry for config in _configs_with("menu") for entry in config.menu]


def menu_for(user, holds: Callable[[object, str], bool]) -> list[tuple[str, list[MenuEntry]]]:
    """The menu's groups with the entries `user` may use, in group order."""
    groups: dict[str, list[MenuEntry]] = {key: [] for key in MENU_GROUPS}
    for entry in sorted(menu_entries(), key=lambda e: e.order):
        if entry.requires is None or holds(user, entry.requires):
            groups.setdefault(entry.group, []).append(entry)
    return [(MENU_GROUPS.get(key, key), entries) for key, entries in groups.items() if entries]
