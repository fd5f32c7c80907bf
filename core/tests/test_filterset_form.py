"""A filterset's form (core.filters.FilterSet) takes its filters' own fields: in their order, checked as
django-filter checks them, never shared between two filtersets (two requests)."""

import django_filters
import pytest

from core.filters import FilterSet, YearFilter
from orgs.models import Organization

pytestmark = pytest.mark.django_db


class ExampleFilter(FilterSet):
    name = django_filters.CharFilter(lookup_expr="icontains", label="Tên")
    year = YearFilter(label="Năm", method="by_year")

    class Meta:
        model = Organization
        fields = ["name", "year", "kind"]

    def by_year(self, queryset, name, value):
        return queryset


def test_the_form_holds_each_filters_own_field_in_the_filters_order():
    filterset = ExampleFilter({"name": "Sở"}, queryset=Organization.objects.all())

    assert list(filterset.form.fields) == ["name", "year", "kind"]
    assert all(filterset.form.fields[name] is filterset.filters[name].field for name in filterset.filters)


def test_two_filtersets_never_share_a_field():
    first = ExampleFilter({}, queryset=Organization.objects.all())
    second = ExampleFilter({}, queryset=Organization.objects.all())

    assert first.form.fields["name"] is not second.form.fields["name"]
    assert first.form.fields["name"] is not ExampleFilter.base_filters["name"].field


def test_values_are_checked_as_before():
    assert ExampleFilter({"year": "2026", "name": "Sở"}, queryset=Organization.objects.all()).is_valid()
    invalid = ExampleFilter({"year": "1e20"}, queryset=Organization.objects.all())
    assert not invalid.is_valid() and "year" in invalid.errors
    unbound = ExampleFilter(queryset=Organization.objects.all())
    assert not unbound.is_bound and not unbound.form.is_bound
