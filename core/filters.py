"""Filters whose values are checked into their range before they reach the database.

A query string is anybody's to write: `?parent=1e20` or `?lead_unit=99999999999999999999` must
answer "invalid" (a form error on pages, 400 on the API), not an overflow in the database driver.
Every id filter is an `IdFilter`; every year filter a `YearFilter`. Every filterset is a `FilterSet`.
"""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from django_filters import BooleanFilter, NumberFilter

# The largest value of a BigAutoField (PostgreSQL bigint, SQLite INTEGER).
MAX_ID = 2**63 - 1
MIN_YEAR, MAX_YEAR = 2000, 2100


class IdField(forms.IntegerField):
    """A positive whole number that fits a database id."""

    default_error_messages = {"invalid": _("Enter a valid identifier (a positive whole number).")}

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(**kwargs)


class YearField(forms.IntegerField):
    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", MIN_YEAR)
        kwargs.setdefault("max_value", MAX_YEAR)
        super().__init__(**kwargs)


class IdFilter(NumberFilter):
    field_class = IdField


class YearFilter(NumberFilter):
    field_class = YearField


class YesNoField(forms.TypedChoiceField):
    """Yes, no or either — anything else is invalid (not silently "either")."""

    def __init__(self, **kwargs):
        kwargs.setdefault("choices", [("", _("Either")), ("true", _("Yes")), ("false", _("No"))])
        kwargs.setdefault("coerce", lambda value: value == "true")
        kwargs.setdefault("empty_value", None)
        kwargs.pop("null_label", None)
        super().__init__(**kwargs)


class YesNoFilter(BooleanFilter):
    field_class = YesNoField


class FilterSet(django_filters.FilterSet):
    """django-filter's FilterSet, whose form takes its filters' fields as they are.

    django-filter makes a new form class for every filterset (a class statement's work: metaclasses,
    media) and the form then deep-copies every field of it: on a list page, more than its filters' own
    work. The filters are already this filterset's own copies (django-filter copies them for each
    filterset), so their fields are too: the form takes them without a class or a copy of its own."""

    @property
    def form(self):
        if not hasattr(self, "_form"):
            form = self._meta.form(self.data if self.is_bound else None, prefix=self.form_prefix)
            form.fields.update((name, filter_.field) for name, filter_ in self.filters.items())
            self._form = form
        return self._form
