from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from core.history import acting_as
from orgs.scoping import can

from .models import Note


def save_note(note: Note, *, by) -> Note:
    if not can(by, "change", note.organization):
        raise PermissionDenied("Không được ghi sổ của đơn vị này.")
    if note.subject.strip().lower() == "cấm":
        raise ValidationError({"subject": "Nội dung này không được ghi."})
    with transaction.atomic(), acting_as(by):
        note.full_clean()
        note.save()
    return note


def delete_note(note: Note, *, by) -> None:
    if not can(by, "change", note.organization):
        raise PermissionDenied("Không được xóa ghi chép này.")
    with transaction.atomic(), acting_as(by):
        note.delete()
