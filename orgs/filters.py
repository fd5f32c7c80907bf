"""Filters shared by the pages and the API (django-filter)."""

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.filters import IdFilter
from orgs.models import Organization, OrganizationKind, StaffCategory, StaffMember


class OrganizationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    kind = django_filters.ChoiceFilter(choices=OrganizationKind.choices, label=_("Kind"))
    parent = IdFilter(field_name="parent_id", label=_("Parent organization"))
    active = django_filters.BooleanFilter(method="filter_active", label=_("Active today"))

    class Meta:
        model = Organization
        fields = ["q", "kind", "parent", "active"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(short_name__icontains=value) | Q(code__icontains=value))

    def filter_active(self, queryset, name, value):
        active = queryset.active_on(timezone.localdate())
        return active if value else queryset.exclude(pk__in=active.values("pk"))


class StaffMemberFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    organization = django_filters.ModelChoiceFilter(
        queryset=Organization.objects.none(), method="in_subtree", label=_("Organization")
    )
    category = django_filters.ChoiceFilter(choices=StaffCategory.choices, label=_("Category"))
    active = django_filters.BooleanFilter(method="filter_active", label=_("Active today"))

    class Meta:
        model = StaffMember
        fields = ["q", "organization", "category", "active"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is None and self.request is not None:
            user = self.request.user
        # Only organizations the user may see are offered (and accepted).
        self.filters["organization"].queryset = Organization.objects.visible_to(user)

    def search(self, queryset, name, value):
        return queryset.filter(Q(full_name__icontains=value) | Q(position__icontains=value))

    def in_subtree(self, queryset, name, value):
        return queryset.filter(organization__path__startswith=value.path)

    def filter_active(self, queryset, name, value):
        active = queryset.active_on(timezone.localdate())
        return active if value else queryset.exclude(pk__in=active.values("pk"))
