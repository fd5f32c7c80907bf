"""Filters whose values are checked into their range before they reach the database.

A query string is anybody's to write: `?parent=1e20` or `?lead_unit=99999999999999999999` must
answer "invalid" (a form error on pages, 400 on the API), not an overflow in the database driver.
Every id filter is an `IdFilter`; every year filter a `YearFilter`.
"""

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
