"""Make, replace and revoke a user's secret calendar address, and write their feed.

The address carries a random token of 256 bits (`secrets.token_urlsafe(32)`): it cannot be guessed
or enumerated, so the feed needs no login (calendar programs cannot log in). It shows only the
deadlines of the user it belongs to: titles, dates and links to the items (which themselves need a
login), never a citizen's personal data. Revoking deletes it: the old address answers 404.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vDuration

from calendars.models import CalendarFeed
from core.history import acting_as
from core.registry import Deadline, deadlines_for

# How far ahead the feed looks (overdue deadlines are always in it, until done).
FEED_DAYS = 400
# Calendar programs read the feed again about this often.
REFRESH = dt.timedelta(hours=6)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def make_link(user, *, by=None) -> CalendarFeed:
    """A new secret address for `user`; the one they had stops working at once."""
    with transaction.atomic(), acting_as(by or user):
        feed = CalendarFeed.objects.select_for_update().filter(user=user).first()
        if feed is None:
            feed = CalendarFeed(user=user)
        feed.token = new_token()
        feed.last_read_at = None
        feed.save()
    return feed


def revoke_link(user, *, by=None) -> bool:
    """Delete the user's address (recorded); False when they had none."""
    with transaction.atomic(), acting_as(by or user):
        feed = CalendarFeed.objects.filter(user=user).first()
        if feed is None:
            return False
        feed.delete()
    return True


def feed_url(feed: CalendarFeed) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("calendars:feed", args=[feed.token])


def absolute(url: str) -> str:
    return url if urlsplit(url).scheme else settings.SITE_URL.rstrip("/") + url


def uid(item: Deadline) -> str:
    """The same deadline keeps its UID from one reading to the next (its source's key, or what names it)."""
    key = item.key or hashlib.sha256(f"{item.kind}|{item.url}|{item.title}".encode()).hexdigest()[:32]
    host = urlsplit(settings.SITE_URL).hostname or "danvan"
    return f"{key}@{host}"


def calendar_for(user, *, today: dt.date | None = None, now: dt.datetime | None = None) -> bytes:
    """The user's open deadlines as all-day events, in Vietnamese."""
    today = today or timezone.localdate()
    now = now or timezone.now()
    with translation.override(settings.LANGUAGE_CODE):
        items = [item for item in deadlines_for(user, until=today + dt.timedelta(days=FEED_DAYS)) if not item.done]
        cal = Calendar()
        cal.add("prodid", "-//DanVan//Lich han//VI")
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("method", "PUBLISH")
        cal.add("x-wr-calname", _("DanVan: my deadlines"))
        cal.add("x-wr-timezone", settings.TIME_ZONE)
        cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", vDuration(REFRESH))
        seen: set[str] = set()
        for item in items:
            event_uid = uid(item)
            if event_uid in seen:  # two sources naming the same thing: shown once
                continue
            seen.add(event_uid)
            event = Event()
            event.add("uid", event_uid)
            event.add("dtstamp", now)
            event.add("dtstart", item.due)
            event.add("dtend", item.due + dt.timedelta(days=1))
            event.add("summary", f"{capfirst(str(item.kind))}: {item.title}" if item.kind else str(item.title))
            link = absolute(item.url)
            lines = [_("Due %(day)s.") % {"day": f"{item.due:%d/%m/%Y}"}]
            if item.due < today:
                lines.append(_("Overdue."))
            lines.append(link)
            event.add("description", "\n".join(lines))
            event.add("url", link)
            if item.kind:
                event.add("categories", [str(item.kind)])
            event.add("transp", "TRANSPARENT")
            cal.add_component(event)
    return cal.to_ical()


def read_feed(token: str) -> CalendarFeed | None:
    feed = CalendarFeed.objects.select_related("user").filter(token=token, user__is_active=True).first()
    if feed is not None:
        # Not a change worth a history record: when a calendar program last read it.
        CalendarFeed.objects.filter(pk=feed.pk).update(last_read_at=timezone.now())
    return feed
