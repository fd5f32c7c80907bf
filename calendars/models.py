"""A user's secret calendar address: the token in the feed's URL. Revoking deletes it (the old
address answers 404); a new one replaces it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.history import HistoricalRecords

TOKEN_LENGTH = 43  # secrets.token_urlsafe(32): 256 random bits


class CalendarFeed(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE,
                                related_name="calendar_feed")
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_read_at = models.DateTimeField(_("last read at"), null=True, blank=True)

    # When a link was made or revoked, and by whom; never the secret itself.
    history = HistoricalRecords(excluded_fields=["token", "last_read_at"])

    class Meta:
        verbose_name = _("calendar link")
        verbose_name_plural = _("calendar links")

    def __str__(self) -> str:
        return str(self.user)
