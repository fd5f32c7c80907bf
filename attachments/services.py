"""The rules of attachments: who may attach, what is accepted, one stored copy per content."""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import PurePosixPath

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import models, transaction
from django.template.defaultfilters import date as format_date
from django.utils import timezone
from django.utils.translation import gettext as _

from attachments.filetypes import HEAD_SIZE, detect
from attachments.models import Attachment
from attachments.sizes import format_size
from core.history import acting_as


def scoped_records(model: type[models.Model], user, action: str) -> models.QuerySet:
    """The records of `model` that `user` may perform `action` on.

    Only scoped models (whose manager offers `.scoped(user, action)`) take attachments.
    """
    manager = model._default_manager
    if not hasattr(manager, "scoped"):
        raise TypeError(f"{model.__name__} is not scoped: it cannot take attachments.")
    return manager.scoped(user, action)


def may_change(obj: models.Model, user) -> bool:
    """Whether `user` may attach files to `obj` or remove them: the right to change the record."""
    return scoped_records(type(obj), user, "change").filter(pk=obj.pk).exists()


def attachments_of(obj: models.Model) -> models.QuerySet[Attachment]:
    return Attachment.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    ).select_related("uploaded_by")


def attach(obj: models.Model, uploaded_file: File, *, by, description: str = "") -> Attachment:
    """Attach `uploaded_file` to `obj` on behalf of `by`; ValidationError says why a file is refused.

    `by` needs the right to change `obj` (PermissionDenied otherwise).
    """
    if not may_change(obj, by):
        raise PermissionDenied(_("You may not add files to this record."))
    # Read and checked before the transaction: hashing a large file must not hold the database.
    sha256, size, head = _read(uploaded_file)
    kind = detect(head, uploaded_file)
    content_type = ContentType.objects.get_for_model(obj)
    with transaction.atomic(), acting_as(by):
        existing = Attachment.objects.filter(content_type=content_type, object_id=obj.pk, sha256=sha256).first()
        if existing is not None:
            uploaded = format_date(timezone.localtime(existing.uploaded_at), "d/m/Y H:i")
            raise ValidationError(
                _("This file is already attached as “%(name)s” (%(date)s).")
                % {"name": existing.original_name, "date": uploaded},
                code="duplicate",
            )
        attachment = Attachment(
            content_type=content_type,
            object_id=obj.pk,
            original_name=_clean_name(uploaded_file.name, kind.extension),
            mime_type=kind.mime_type,
            extension=kind.extension,
            size=size,
            sha256=sha256,
            description=description.strip(),
            uploaded_by=by,
        )
        storage = attachment.file.storage
        stored = Attachment.objects.filter(sha256=sha256).values_list("file", flat=True).first()
        if stored and storage.exists(stored):
            # The same content is attached elsewhere: share its stored file.
            attachment.file.name = stored
            attachment.save()
        else:
            # The name comes from Attachment.file's upload_to (the hash), not from the upload.
            attachment.file.save("", uploaded_file, save=False)
            try:
                attachment.save()
            except BaseException:
                storage.delete(attachment.file.name)
                raise
    return attachment


def remove(attachment: Attachment, *, by) -> None:
    """Remove `attachment`; its stored file goes once no other attachment uses it (after commit)."""
    record = attachment.content_type.model_class()
    if record is None or not scoped_records(record, by, "change").filter(pk=attachment.object_id).exists():
        raise PermissionDenied(_("You may not remove files from this record."))
    name = attachment.file.name
    storage = attachment.file.storage
    with transaction.atomic(), acting_as(by):
        attachment.delete()
        transaction.on_commit(lambda: _delete_if_unused(storage, name))


def _delete_if_unused(storage, name: str) -> None:
    # Checked again at commit: another upload may have reused the file meanwhile.
    if not Attachment.objects.filter(file=name).exists():
        storage.delete(name)


def _read(uploaded_file: File) -> tuple[str, int, bytes]:
    """SHA-256, size and first bytes, read in chunks; refuses empty and oversized files early."""
    limit = settings.MAX_ATTACHMENT_SIZE
    too_large = ValidationError(
        _("The file exceeds the %(limit)s limit.") % {"limit": format_size(limit)}, code="too_large"
    )
    declared = getattr(uploaded_file, "size", None)
    if declared is not None and declared > limit:
        raise too_large
    digest = hashlib.sha256()
    size = 0
    head = b""
    for chunk in uploaded_file.chunks():
        size += len(chunk)
        if size > limit:
            raise too_large
        digest.update(chunk)
        if len(head) < HEAD_SIZE:
            head += chunk[: HEAD_SIZE - len(head)]
    if size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    return digest.hexdigest(), size, head


def _clean_name(name: str | None, extension: str) -> str:
    """The name as the user's computer gave it, without folders or control characters."""
    base = PurePosixPath((name or "").replace("\\", "/")).name
    base = "".join(ch for ch in unicodedata.normalize("NFC", base) if ch.isprintable()).strip()
    if not base:
        return f"tep-dinh-kem.{extension}"
    if len(base) <= 255:
        return base
    suffix = PurePosixPath(base).suffix[:16]
    return base[: 255 - len(suffix)] + suffix
