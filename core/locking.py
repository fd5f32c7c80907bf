"""Optimistic locking: an edit carries the version of the object it was based on.

The version is the id of the object's latest historical record (django-simple-history). Every
model that people edit is audited, and every save through a service writes a record, so the
version changes with every save of every model without a `version` column and a migration per
app; and the records that follow the version one was based on say who changed what and when,
which is exactly what the refusal shows. A model without history falls back to a digest of its
stored values (no "who", but still no lost update).

`locked_save(obj, version, save)` checks and saves in one transaction, the row locked
(`select_for_update`): of two saves based on the same version, the second waits for the first
to commit, then sees the new version and is refused.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.db import models, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from core.history import _diffs, _history_of, _is_historical, _related_objects, _Shown, _wanted, person_name

__all__ = ["VERSION_FIELD", "StaleVersionError", "locked_save", "version_of"]

# The hidden field of every edit form that carries the version.
VERSION_FIELD = "_version"


def version_of(obj: models.Model) -> str:
    """The version an edit of `obj` is based on, as stored now."""
    model = type(obj)
    if _is_historical(model):
        latest = (
            _history_of(model).filter(**{model._meta.pk.attname: obj.pk})
            .order_by("-history_id").values_list("history_id", flat=True).first()
        )
        return str(latest or 0)
    values = model._default_manager.filter(pk=obj.pk).values_list(
        *[f.attname for f in model._meta.concrete_fields]).first()
    return hashlib.sha256(repr(values).encode()).hexdigest()[:16]


class StaleVersionError(Exception):
    """The object changed since the version the edit was based on."""

    def __init__(self, obj: models.Model, based_on: str | None, current: str):
        self.obj, self.based_on, self.current = obj, based_on, current
        self.changes = changes_since(obj, based_on)
        super().__init__(self.message)

    @property
    def message(self) -> str:
        intro = _("Someone else changed this record after you opened it; your changes were not saved.")
        if not self.changes:
            return " ".join([intro, _("Check the record as it is now, then save again.")])
        lines = [intro]
        for who, when, fields in self.changes:
            changed = "; ".join(f"{label}: «{old}» → «{new}»" for label, old, new in fields)
            lines.append(_("%(who)s at %(when)s changed %(fields)s.") % {
                "who": who or _("the system"), "when": when, "fields": changed or _("nothing shown here"),
            })
        lines.append(_("Your input is kept below: check it against these changes and save again to keep yours."))
        return " ".join(lines)


def changes_since(obj: models.Model, based_on: str | None) -> list[tuple[str, str, list[tuple[str, str, str]]]]:
    """(who, when, [(field, before, after)]) for each save after the version `based_on`, oldest first."""
    model = type(obj)
    if not _is_historical(model) or not (based_on or "").isdigit():
        return []
    diffs = [d for d in _diffs(model, **{model._meta.pk.attname: obj.pk}) if d.record.history_id > int(based_on)]
    shown = _Shown(_related_objects(_wanted({model: diffs}, subjects=[])))
    result = []
    for diff in diffs:
        record = diff.record
        when = formats.date_format(timezone.localtime(record.history_date), "d/m/Y H:i")
        who = person_name(record.history_user) if record.history_user else ""
        fields = [(str(f.verbose_name), shown.value(f, old) or "—", shown.value(f, new) or "—")
                  for f, old, new in diff.changes]
        result.append((who, when, fields))
    return result


def locked_save(obj: models.Model, based_on: str | None, save: Callable[[], object]):
    """Run `save()` only if `obj` is still at version `based_on`; the check and the save in one
    transaction with the row locked. Raises `StaleVersionError` (nothing saved) otherwise."""
    with transaction.atomic():
        list(type(obj)._default_manager.select_for_update().filter(pk=obj.pk).values_list("pk", flat=True))
        current = version_of(obj)
        if based_on != current:
            raise StaleVersionError(obj, based_on, current)
        return save()
