"""The daily digest: each user's deadlines from the registry (every app's deadline sources) that are
overdue, due today or due within 7 days, by e-mail, once a day; nothing for a user with nothing due.
Sent by the scheduler (progress.tasks) or by hand (`danvan send_digests`), never from a request."""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.registry import Deadline, deadlines_for
from progress.reporting_models import DigestSent

logger = logging.getLogger(__name__)

DIGEST_DAYS = 7


def digest_text(user, items: list[Deadline], today: dt.date) -> str:
    sections = [
        (_("Overdue"), [item for item in items if item.due < today]),
        (_("Due today"), [item for item in items if item.due == today]),
        (_("Due within %(days)s days") % {"days": DIGEST_DAYS}, [item for item in items if item.due > today]),
    ]
    lines = [_("What is due for you in DanVan, as of %(day)s:") % {"day": f"{today:%d/%m/%Y}"}, ""]
    base = settings.SITE_URL.rstrip("/")  # e-mailed links are absolute
    for title, section in sections:
        if not section:
            continue
        lines.append(f"{title} ({len(section)}):")
        for item in section:
            kind = f"[{item.kind}] " if item.kind else ""
            lines.append(f"- {item.due:%d/%m/%Y} {kind}{item.title} — {base}{item.url}")
        lines.append("")
    return "\n".join(lines)


def send_digests(today: dt.date | None = None) -> int:
    """Send today's digest to every active user with an e-mail and something due; a user already sent
    today's digest gets nothing again. Returns how many were sent."""
    today = today or timezone.localdate()
    until = today + dt.timedelta(days=DIGEST_DAYS)
    sent = 0
    users = get_user_model().objects.filter(is_active=True).exclude(email="").order_by("pk")
    done = set(DigestSent.objects.filter(day=today).values_list("user_id", flat=True))
    for user in users:
        if user.pk in done:
            continue
        items = [item for item in deadlines_for(user, until=until) if not item.done]
        if not items:
            continue
        try:
            with transaction.atomic():
                # The row is the claim: a second run (or a second worker) cannot send the same day's digest.
                DigestSent.objects.create(user=user, day=today, items=len(items))
                send_mail(_("DanVan: %(count)s things due") % {"count": len(items)}, digest_text(user, items, today),
                          settings.DEFAULT_FROM_EMAIL, [user.email])
        except IntegrityError:
            continue
        sent += 1
    return sent
