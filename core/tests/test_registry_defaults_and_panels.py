"""A register's own measure replaces the monthly counts whichever app is ready first; the registers add
panels to the dashboards and demo data to `load_demo` without touching those apps."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils.html import format_html

from core.registry import Registry, dashboard_panels, demo_loaders


def test_a_replacement_wins_over_a_default_registered_before_or_after_it():
    def default():
        return "default"

    def own():
        return "own"

    first = Registry("first")
    first.register_default("rate", default)
    first.replace("rate", own)
    second = Registry("second")
    second.replace("rate", own)
    second.register_default("rate", default)
    assert first.get("rate") is own and second.get("rate") is own


def test_registering_twice_without_replace_is_refused():
    registry = Registry("twice")
    registry.register("rate", print)
    with pytest.raises(ValueError):
        registry.register("rate", len)


@pytest.fixture
def panel():
    def render(user, agencies, year):
        # A panel returns safe HTML (render_to_string, format_html): a plain string is escaped.
        return format_html('<section id="test-panel">{} · {}</section>', len(agencies), year)

    dashboard_panels.register("test-panel", render)
    yield render
    dashboard_panels._entries.pop("test-panel")


def test_a_registered_panel_has_a_slot_on_the_leaders_page_filled_with_its_agency(client, users, orgs, panel):
    client.force_login(users["leader"])
    html = client.get(reverse("dashboard:agency")).content.decode()
    slot = f'hx-get="{reverse("dashboard:panel", args=["test-panel"])}?organization={orgs["TN.SXD"].pk}&amp;year='
    assert 'id="panel-test-panel"' in html and slot in html
    filled = client.get(reverse("dashboard:panel", args=["test-panel"]), {"organization": orgs["TN.SXD"].pk,
                                                                        "year": 2025})
    assert filled.content.decode() == '<section id="test-panel">1 · 2025</section>'


def test_a_panel_is_only_for_the_agencies_the_user_sees(client, users, orgs, panel):
    url = reverse("dashboard:panel", args=["test-panel"])
    client.force_login(users["leader"])
    assert client.get(url, {"organization": orgs["TN.SVHTTDL"].pk}).status_code == 404
    assert client.get(reverse("dashboard:panel", args=["no-such-panel"])).status_code == 404
    client.force_login(users["unit"])
    assert client.get(url).status_code == 403
    client.force_login(users["coordinator"])
    assert client.get(url, {"year": 2025}).content.decode().startswith('<section id="test-panel">')


@pytest.mark.django_db
def test_load_demo_runs_the_registered_loaders(capsys):
    calls = []
    demo_loaders.register("test-loader", lambda: calls.append(1) or "3 records")
    try:
        call_command("load_demo")
    finally:
        demo_loaders._entries.pop("test-loader")
    assert calls == [1] and "test-loader: 3 records" in capsys.readouterr().out
