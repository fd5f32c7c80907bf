"""Who changed what, when (django-simple-history), once for every app.

- Models declare `history = HistoricalRecords(...)` from here: simple-history's, with who acted and
  why taken from `acting_as` when it is set (services run outside requests too: API, commands).
- `ChangeReason`: why a record was written, stored as the code, shown with its Vietnamese label.
- `ObjectHistoryView`: the history page of any audited object and of its parts, found through
  their cascading foreign keys, read in a number of queries that does not grow with the changes.
  It shows the fields with a translatable verbose_name, values as people read them.
"""

from __future__ import annotations

import contextvars
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import FieldError, ObjectDoesNotExist, ValidationError
from django.db import models
from django.http import Http404
from django.utils import formats, timezone
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.generic import DetailView
from simple_history import models as simple_history_models
from simple_history.manager import HistoryManager
from simple_history.utils import get_m2m_reverse_field_name

__all__ = [
    "ChangeReason",
    "FieldChange",
    "HistoricalRecords",
    "HistoryEntry",
    "ObjectHistory",
    "ObjectHistoryView",
    "Part",
    "acting_as",
    "object_history",
    "parts_of",
    "person_name",
    "reason_label",
]


class ChangeReason(models.TextChoices):
    IMPORTED = "imported", pgettext_lazy("change reason", "Imported from a file")
    SUBMITTED = "submitted", pgettext_lazy("change reason", "Submitted for approval")
    RETURNED = "returned", pgettext_lazy("change reason", "Returned to its drafters")
    APPROVED = "approved", pgettext_lazy("change reason", "Approved")
    ISSUED = "issued", pgettext_lazy("change reason", "Issued")
    REVISED = "revised", pgettext_lazy("change reason", "Revision of an issued plan")
    REPLACED = "replaced", pgettext_lazy("change reason", "Replaced by its revision")
    REPLACED_BY_IMPORT = "import_replaced", pgettext_lazy("change reason", "Replaced by an imported document")
    CASCADED = "cascaded", pgettext_lazy("change reason", "Made from the superior plan")
    MERGED = "merged", pgettext_lazy("change reason", "Merged")
    CONFIRMED = "confirmed", pgettext_lazy("change reason", "Confirmed into the province's register")
    RENAMED = "renamed", pgettext_lazy("change reason", "Renamed")
    STATUS_CHANGED = "status_changed", pgettext_lazy("change reason", "Status updated")
    WITHDRAWN = "withdrawn", pgettext_lazy("change reason", "Withdrawn by its drafters")
    DELETED = "deleted", pgettext_lazy("change reason", "Deleted")


def reason_label(stored: str | None) -> str:
    """A stored reason as people read it: a code's label, or the note a person wrote."""
    if not stored:
        return ""
    try:
        return str(ChangeReason(stored).label)
    except ValueError:
        return stored


# Who acted and why, for every historical record written in the current context.
_UNSET = object()
_actor: contextvars.ContextVar = contextvars.ContextVar("history_actor", default=_UNSET)
_reason: contextvars.ContextVar[str | None] = contextvars.ContextVar("history_reason", default=None)


@contextmanager
def acting_as(user, *, reason: ChangeReason | str | None = None) -> Iterator[None]:
    """Records written inside name `user` (None: the system) as who acted, over the request's user;
    and `reason` (a ChangeReason, or a note a person wrote) as why, unless the saved object gives its
    own (`obj._change_reason`). Without a reason, an enclosing `acting_as`'s still holds."""
    actor = _actor.set(user)
    why = _reason.set(reason or _reason.get())
    try:
        yield
    finally:
        _reason.reset(why)
        _actor.reset(actor)


def _acting_user(request=None, **kwargs):
    """simple-history's `get_user` hook: `acting_as`'s user, else the request's (its middleware)."""
    user = _actor.get()
    if user is not _UNSET:
        return user
    return getattr(request, "user", None)


class _HistoryManager(HistoryManager):
    def bulk_history_create(self, objs, *args, default_change_reason=None, **kwargs):
        # bulk_create_with_history asks `get_user` for the user, but nobody for the reason.
        return super().bulk_history_create(
            objs, *args, default_change_reason=default_change_reason or _reason.get(), **kwargs
        )


class HistoricalRecords(simple_history_models.HistoricalRecords):
    """simple-history's records; who acted and why come from `acting_as` when it is set."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("get_user", _acting_user)
        kwargs.setdefault("history_manager", _HistoryManager)
        super().__init__(*args, **kwargs)

    def get_change_reason_for_object(self, instance, history_type, using):
        return super().get_change_reason_for_object(instance, history_type, using) or _reason.get()


def person_name(user) -> str:
    """Vietnamese order: family and middle names (`last_name`) before the given name; else the username."""
    return " ".join(f"{user.last_name} {user.first_name}".split()) or user.get_username()


# The page.

KIND_LABELS = {"+": _("created"), "~": _("changed"), "-": _("deleted")}


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    date: dt.datetime
    user: object  # the User, None for the system
    kind: str
    reason: str
    changes: list[FieldChange]
    # For an object's parts: which part, as it read then.
    subject: str = ""

    @property
    def when(self) -> str:
        return formats.date_format(timezone.localtime(self.date), "d/m/Y H:i")

    @property
    def who(self) -> str:
        return person_name(self.user) if self.user else ""


@dataclass(frozen=True)
class Part:
    """Records of `model` belong to an object through `link`, a cascading key to `owner`."""

    model: type[models.Model]
    link: models.ForeignKey
    owner: type[models.Model]


def _is_historical(model) -> bool:
    return hasattr(model._meta, "simple_history_manager_attribute")


def _history_of(model) -> models.Manager:
    return getattr(model, model._meta.simple_history_manager_attribute)


def parts_of(model: type[models.Model]) -> list[Part]:
    """The historical models deleted with `model`'s objects, owners before their parts
    (Plan → ContentArea → Activity). A model reached through two keys is read through the first."""
    parts: list[Part] = []
    seen, owners = {model}, [model]
    while owners:
        owner = owners.pop(0)
        for relation in owner._meta.get_fields(include_hidden=True):
            part = relation.related_model
            if (
                relation.auto_created and not relation.concrete and (relation.many_to_one or relation.one_to_many)
                and relation.on_delete is models.CASCADE and part not in seen and _is_historical(part)
            ):
                parts.append(Part(part, relation.field, owner))
                seen.add(part)
                owners.append(part)
    return parts


def _keys(model) -> list[models.Field]:
    """The foreign keys a record of `model` keeps."""
    return [f for f in _history_of(model).model.tracked_fields if f.is_relation]


def _named(model_field) -> bool:
    """Fields named for people (a translatable verbose_name) are shown; the others are bookkeeping
    (timestamps, links to the owner) that the page would otherwise show in English."""
    return isinstance(model_field.verbose_name, Promise) and model_field.editable


def _audited_fields(model) -> list[models.Field]:
    tracked = {tracked.attname for tracked in _history_of(model).model.tracked_fields}
    return [f for f in model._meta.concrete_fields if f.attname in tracked and _named(f) and not f.primary_key]


def _m2m_ids(m2m_field, records: models.QuerySet) -> dict[int, frozenset]:
    """The related ids each record kept for a many-to-many field, for all the records at once."""
    rows = HistoricalRecords.m2m_models[m2m_field].objects.filter(history__in=records)
    through = m2m_field.remote_field.through
    attname = through._meta.get_field(get_m2m_reverse_field_name(m2m_field)).attname
    ids: dict[int, set] = defaultdict(set)
    for history_id, pk in rows.values_list("history_id", attname):
        ids[history_id].add(pk)
    return {history_id: frozenset(pks) for history_id, pks in ids.items()}


def _comparable(model_field, value):
    """One spelling per value: None and "" alike, "1.00" and 1, "2025-07-01" and the date."""
    if value is None or value == "":
        return None
    try:
        return model_field.to_python(value)
    except ValidationError:
        return value


@dataclass
class _Diff:
    """A record and what it changed from the previous record of the same object (raw values)."""

    record: object
    changes: list[tuple[models.Field, object, object]] = field(default_factory=list)


def _diffs(model, **lookup) -> list[_Diff]:
    """`model`'s historical records matching `lookup`, oldest first, each with what it changed."""
    history = _history_of(model).filter(**lookup)
    records = list(history.select_related("history_user").order_by("history_date", "history_id"))
    fields = _audited_fields(model)
    m2m_fields = [f for f in history.model._history_m2m_fields if _named(f)] if records else []
    m2m = {m2m_field: _m2m_ids(m2m_field, history) for m2m_field in m2m_fields}
    pk = model._meta.pk.attname
    previous_of: dict = {}
    diffs = []
    for record in records:
        diff = _Diff(record)
        previous = previous_of.get(getattr(record, pk))
        if previous is not None:
            for model_field in fields:
                old = _comparable(model_field, getattr(previous, model_field.attname))
                new = _comparable(model_field, getattr(record, model_field.attname))
                if old != new:
                    diff.changes.append((model_field, old, new))
            for m2m_field, ids in m2m.items():
                old, new = ids.get(previous.history_id, frozenset()), ids.get(record.history_id, frozenset())
                if old != new:
                    diff.changes.append((m2m_field, old, new))
        previous_of[getattr(record, pk)] = record
        diffs.append(diff)
    return diffs


def _related_objects(wanted: dict[type, set]) -> dict[type, dict]:
    """The objects named by foreign keys, one query per model; deleted ones as they last read."""
    found: dict[type, dict] = {}
    for model, ids in wanted.items():
        found[model] = model._default_manager.in_bulk(ids)
        missing = ids - found[model].keys()
        if missing and _is_historical(model):
            pk = model._meta.pk.attname
            for record in _history_of(model).filter(**{f"{pk}__in": missing}).order_by("history_date", "history_id"):
                found[model][getattr(record, pk)] = record.history_object
    return found


def _name(obj) -> str:
    if isinstance(obj, get_user_model()):
        return person_name(obj)
    try:
        return str(obj)
    except ObjectDoesNotExist:
        return f"#{obj.pk}"


class _Shown:
    """Values as people read them, foreign keys by name."""

    def __init__(self, related: dict[type, dict]):
        self.related = related

    def related_name(self, model, pk) -> str:
        obj = self.related.get(model, {}).get(pk)
        return _name(obj) if obj is not None else _("#%(id)s (deleted)") % {"id": pk}

    def value(self, model_field, value) -> str:
        if value is None:
            return ""
        if model_field.many_to_many:
            return ", ".join(sorted(self.related_name(model_field.related_model, pk) for pk in value))
        if model_field.is_relation:
            return self.related_name(model_field.related_model, value)
        if model_field.flatchoices:
            return str(dict(model_field.flatchoices).get(value, value))
        if isinstance(value, bool):
            return str(_("Yes") if value else _("No"))
        if isinstance(value, dt.datetime):
            return formats.date_format(timezone.localtime(value), "d/m/Y H:i")
        if isinstance(value, dt.date):
            return formats.date_format(value, "d/m/Y")
        if isinstance(value, Decimal):
            return formats.number_format(value.normalize())
        return str(value)

    def subject(self, model, record) -> str:
        """The part as it read then, its foreign keys taken from what is already loaded."""
        instance = record.history_object
        for key in _keys(model):
            obj = self.related.get(key.related_model, {}).get(getattr(instance, key.attname))
            if obj is not None:
                key.set_cached_value(instance, obj)
        return f"{capfirst(model._meta.verbose_name)}: {_name(instance)}"


def _wanted(diffs: dict[type, list[_Diff]], *, subjects: Iterable[type]) -> dict[type, set]:
    """Ids of the objects to name, by model: the keys that changed, and the keys of the parts
    (their names may need them)."""
    wanted: dict[type, set] = defaultdict(set)
    subjects = set(subjects)
    for model, model_diffs in diffs.items():
        keys = _keys(model) if model in subjects else []
        for diff in model_diffs:
            for model_field, old, new in diff.changes:
                if model_field.many_to_many:
                    wanted[model_field.related_model].update(old | new)
                elif model_field.is_relation:
                    wanted[model_field.related_model].update(value for value in (old, new) if value is not None)
            for key in keys:
                if getattr(diff.record, key.attname) is not None:
                    wanted[key.related_model].add(getattr(diff.record, key.attname))
    return wanted


@dataclass
class ObjectHistory:
    entries: list[HistoryEntry]  # the object's own, newest first
    part_entries: list[HistoryEntry]  # its parts', newest first


def _newest_first(entries: list[HistoryEntry]) -> list[HistoryEntry]:
    # Entries come oldest first; reversed before the stable sort, equal times stay newest first too.
    return sorted(reversed(entries), key=lambda entry: entry.date, reverse=True)


def object_history(obj: models.Model, *, parts: bool = True) -> ObjectHistory:
    """The object's changes and (with `parts`) its parts', each changed field before → after.

    One query per audited model and per model named, however many changes there are.
    """
    model = type(obj)
    diffs = {model: _diffs(model, **{model._meta.pk.attname: obj.pk})}
    ids = {model: {obj.pk}}
    for part in parts_of(model) if parts else []:
        owner_ids = ids[part.owner]
        diffs[part.model] = _diffs(part.model, **{f"{part.link.attname}__in": owner_ids}) if owner_ids else []
        ids[part.model] = {getattr(diff.record, part.model._meta.pk.attname) for diff in diffs[part.model]}
    shown = _Shown(_related_objects(_wanted(diffs, subjects=[m for m in diffs if m is not model])))
    own, part_entries = [], []
    for each_model, model_diffs in diffs.items():
        is_part = each_model is not model
        for diff in model_diffs:
            record = diff.record
            # A save that changed nothing audited (or only excluded fields) is not a change.
            if record.history_type == "~" and not diff.changes and not record.history_change_reason:
                continue
            entry = HistoryEntry(
                date=record.history_date,
                user=record.history_user,
                kind=str(KIND_LABELS[record.history_type]),
                reason=reason_label(record.history_change_reason),
                changes=[
                    FieldChange(str(f.verbose_name), shown.value(f, old), shown.value(f, new))
                    for f, old, new in diff.changes
                ],
                subject=shown.subject(each_model, record) if is_part else "",
            )
            (part_entries if is_part else own).append(entry)
    return ObjectHistory(_newest_first(own), _newest_first(part_entries))


def deleted_object(model: type[models.Model], pk, user) -> models.Model | None:
    """A deleted object as its last historical record left it, if `user` could read it then.

    Its scope is asked of that record: the model's scoped queryset, built over the historical
    table, whose keys (the organization) still lead to the live rows. None for an object that
    still exists (out of the user's scope, then) or that the user could not read."""
    if not _is_historical(model) or pk is None:
        return None
    try:
        if model._default_manager.filter(pk=pk).exists():
            return None
    except (ValueError, TypeError, OverflowError):
        return None
    history = _history_of(model)
    last = history.filter(**{model._meta.pk.attname: pk}).order_by("-history_date", "-history_id").first()
    if last is None or last.history_type != "-":
        return None
    scoped_records = type(model._default_manager.get_queryset())(model=history.model)
    try:
        readable = scoped_records.scoped(user, "view").filter(history_id=last.history_id).exists()
    except (AttributeError, FieldError):  # a model without a scope, or one its records cannot follow
        return None
    return last.instance if readable else None


class ObjectHistoryView(LoginRequiredMixin, DetailView):
    """The history page of a `model` object in the user's view scope (404 outside it).

    A subclass names the model; `history_parts = False` leaves out the changes of its parts.
    """

    model: type[models.Model]
    history_parts = True
    template_name = "core/history.html"

    def get_queryset(self):
        return self.model._default_manager.scoped(self.request.user, "view")

    def get_object(self, queryset=None):
        try:
            return super().get_object(queryset)
        except Http404:
            deleted = deleted_object(self.model, self.kwargs.get(self.pk_url_kwarg), self.request.user)
            if deleted is None:
                raise
            return deleted

    def get_context_data(self, **kwargs):
        history = object_history(self.object, parts=self.history_parts)
        return super().get_context_data(entries=history.entries, part_entries=history.part_entries,
                                        deleted=self.object._state.adding, **kwargs)
