"""Rows of the permission walk for calendar feeds: the page where each signed-in user makes or revokes
their own link (it shows only their own), and the feed itself, public: the secret token in its
address is the key (here, the `unit` account's link: everyone who has it reads the same feed)."""

from types import SimpleNamespace

from django.contrib.auth import get_user_model

from danvan.tests.permission_table import Rule, everyone, page


def _unit_feed_token(orgs):
    from calendars.services import make_link

    return SimpleNamespace(pk=make_link(get_user_model().objects.get(username="unit")).token)


SAMPLES = {"calendar_token": _unit_feed_token}
RULES = {
    # An empty POST names nothing to do: a message, back to the page.
    "calendars:calendar": Rule(get=page(), post=page(ok=302)),
    "calendars:feed": Rule(get=everyone(200), post=everyone(405), kwargs={"token": "calendar_token"}),
}
