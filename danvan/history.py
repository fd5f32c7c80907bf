"""Who changed what, when: the history page every audited object shares (django-simple-history)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.mixins import LoginRequiredMixin
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    date: object
    user: object
    kind: str
    reason: str
    changes: list[FieldChange]
    # For the parts of an object (a plan's targets…): which part, as it read then.
    subject: str = ""


KIND_LABELS = {"+": _("created"), "~": _("changed"), "-": _("deleted")}


def _display(record, field_name: str) -> str:
    field = record._meta.get_field(field_name)
    if getattr(field, "choices", None):
        return str(getattr(record, f"get_{field_name}_display")())
    value = getattr(record, field.attname, None)
    if field.is_relation and value is not None:
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related else f"#{value}"
    return "" if value is None else str(value)


def _display_m2m(field, rows) -> str:
    """simple-history gives many-to-many values as through rows: name the related objects."""
    key = field.related_model._meta.model_name
    ids = [row.get(key) for row in rows or []]
    related = field.related_model._default_manager.filter(pk__in=ids)
    return ", ".join(sorted(str(item) for item in related))


def _entries(model, records, *, subject: bool = False) -> list[HistoryEntry]:
    """Entries for historical records (oldest first, any number of objects): each diffed against
    the previous record of the same object."""
    entries = []
    previous_of: dict = {}
    for record in records:
        previous = previous_of.get(record.id)
        changes = []
        if previous is not None:
            delta = record.diff_against(previous)
            for change in delta.changes:
                field = model._meta.get_field(change.field)
                if field.many_to_many:
                    old, new = _display_m2m(field, change.old), _display_m2m(field, change.new)
                else:
                    old, new = _display(previous, change.field), _display(record, change.field)
                changes.append(FieldChange(str(field.verbose_name), old, new))
        entries.append(
            HistoryEntry(
                date=record.history_date,
                user=record.history_user,
                kind=KIND_LABELS[record.history_type],
                reason=record.history_change_reason or "",
                changes=changes,
                subject=f"{model._meta.verbose_name}: {record.instance}" if subject else "",
            )
        )
        previous_of[record.id] = record
    return entries


def history_entries(obj) -> list[HistoryEntry]:
    """The object's records, newest first, each with the fields it changed (before → after)."""
    records = obj.history.select_related("history_user").order_by("history_date", "history_id")
    return list(reversed(_entries(type(obj), records)))


def part_history_entries(parts: list[tuple[type, dict]]) -> list[HistoryEntry]:
    """The changes of an object's parts, newest first: `parts` pairs a model with the filter
    that selects its historical records (e.g. (Target, {"plan_id": 7}))."""
    entries = []
    for model, lookup in parts:
        records = model.history.filter(**lookup).select_related("history_user").order_by("history_date", "history_id")
        entries.extend(_entries(model, records, subject=True))
    return sorted(entries, key=lambda entry: entry.date, reverse=True)


class ObjectHistoryView(LoginRequiredMixin, DetailView):
    """Subclasses give a scoped `get_queryset`; anything outside it answers 404."""

    template_name = "history.html"

    def get_parts(self) -> list[tuple[type, dict]]:
        """Override to show the history of the object's parts below its own."""
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["entries"] = history_entries(self.object)
        context["part_entries"] = part_history_entries(self.get_parts())
        return context
