"""A file attached to any scoped record (a plan, a progress update, a report…)."""

from __future__ import annotations

from pathlib import PurePosixPath

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.history import HistoricalRecords
from core.reversing import reverse_pk

# A detected type may be written two ways in a file name.
_SAME_EXTENSION = {"jpeg": "jpg"}


def stored_name(instance: Attachment, filename: str) -> str:
    """attachments/<yyyy>/<mm>/<sha256>.<ext>: the path says nothing of the original name."""
    today = timezone.localdate()
    return f"attachments/{today:%Y}/{today:%m}/{instance.sha256}.{instance.extension}"


class Attachment(models.Model):
    content_type = models.ForeignKey(ContentType, verbose_name=_("record type"), on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField(_("record id"))
    record = GenericForeignKey("content_type", "object_id")
    # Files with the same content share one stored file (see services.attach).
    file = models.FileField(_("file"), upload_to=stored_name, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    mime_type = models.CharField(_("content type"), max_length=100)
    extension = models.CharField(_("extension"), max_length=10)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    description = models.CharField(_("description"), max_length=255, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), null=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "id"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="attachment_record_idx")]
        constraints = [
            # The same content is attached to a record once.
            models.UniqueConstraint(
                fields=["content_type", "object_id", "sha256"], name="attachment_once_per_record"
            ),
        ]

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse_pk("attachments:download", self.pk)

    @property
    def download_name(self) -> str:
        """The original name, with the extension of what the file really is when the name said otherwise."""
        path = PurePosixPath(self.original_name)
        suffix = path.suffix.lower().lstrip(".")
        if _SAME_EXTENSION.get(suffix, suffix) == self.extension:
            return self.original_name
        return f"{path.stem}.{self.extension}"
