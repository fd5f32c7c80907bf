"""Filters shared by the pages and the API (django-filter)."""

import django_filters
from django.db.models import Q
from django.forms.models import ModelChoiceField, ModelChoiceIterator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.filters import FilterSet, IdFilter, YesNoFilter
from core.memo import remembered_rows
from orgs.models import Organization, OrganizationKind, OrganizationType, StaffCategory, StaffMember
from orgs.scoping import EXACT, organization_paths


def tree_top(user) -> Q:
    """The user's top organizations (where their view scope starts) and their direct children."""
    tops = top_paths(user)
    if tops is None:
        return Q(parent__isnull=True) | Q(parent__parent__isnull=True)
    # A path ends with its organization's id: the children are found by parent id, without a join.
    return Q(path__in=tops) | Q(parent_id__in=[int(path.rstrip("/").rsplit("/", 1)[-1]) for path in tops])


def top_paths(user) -> list[str] | None:
    """Paths of the user's top organizations; None for all roots (superusers)."""
    paths = organization_paths(user, "view")
    return None if paths is None else [path.lstrip(EXACT) for path in paths]


class _OfferedIterator(ModelChoiceIterator):
    """The offered organizations as (id, name) pairs read with values_list: a coordinator's select
    lists about 120 agencies, and building a model instance for each option cost a page 1 ms. The
    pairs are remembered a minute (core.memo: per scope, read again after any organization changes)."""

    def __iter__(self):
        if self.field.offered is None:
            yield from super().__iter__()
            return
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        yield from remembered_rows(self.field.offered.values_list("pk", "name"))

    def __len__(self):
        if self.field.offered is None:
            return super().__len__()
        return self.field.offered.count() + (self.field.empty_label is not None)


class OfferingChoiceField(ModelChoiceField):
    """Accepts any organization of its queryset; its select lists only `offered` (when set)."""

    iterator = _OfferedIterator
    offered = None


def _readable(request):
    return Organization.objects.scoped(getattr(request, "user", None), "view")


class OfferingFilter(django_filters.ModelChoiceFilter):
    """An organization of `queryset` (by default one the user reads). Its select offers the top of
    the user's tree and the chosen organization, not every organization the user reads: a page
    does not grow with the province (a coordinator reads 1,200). Any of `queryset` is still accepted."""

    field_class = OfferingChoiceField

    def __init__(self, *args, offer=None, **kwargs):
        kwargs.setdefault("queryset", _readable)
        kwargs.setdefault("label", _("Organization"))
        super().__init__(*args, **kwargs)
        # offer(request): the organizations the select draws its top from, when cheaper to read
        # than `queryset` (which checks a choice); by default `queryset`.
        self.offer = offer

    def get_queryset(self, request):
        # With nothing chosen the field checks no choice: the select's own organizations serve, and the
        # wider queryset (for plans, also the superiors' organizations) is not built.
        if self.offer is not None and self._chosen() is None:
            return self.offer(request)
        return super().get_queryset(request)

    def _chosen(self) -> str | None:
        name = next((key for key, item in getattr(self.parent, "filters", {}).items() if item is self), None)
        chosen = (getattr(self.parent, "data", None) or {}).get(name)
        return str(chosen) if chosen and str(chosen).isdigit() else None

    @property
    def field(self):
        field = super().field
        if field.offered is None:
            request = self.get_request()
            user = getattr(request, "user", None)
            base = self.offer(request) if self.offer else field.queryset
            offered = base.filter(tree_top(user))
            chosen = self._chosen()
            if chosen is not None:
                offered = offered | field.queryset.filter(pk=chosen)
            field.offered = offered.order_by("path")
        return field


class SubtreeFilter(OfferingFilter):
    """An organization the user reads (see OfferingFilter), keeping the rows that lie in its subtree
    (any of `paths`, organization fields of the model)."""

    def __init__(self, *args, paths: tuple[str, ...] = ("organization",), **kwargs):
        super().__init__(*args, **kwargs)
        self.paths = paths

    def filter(self, qs, value):
        if not value:
            return qs
        query = Q()
        for name in self.paths:
            query |= Q(**{f"{name}__path__startswith": value.path})
        return qs.filter(query)


class OrganizationFilter(FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    kind = django_filters.ChoiceFilter(choices=OrganizationKind.choices, label=_("Kind"))
    org_type = django_filters.ChoiceFilter(choices=OrganizationType.choices, label=_("Type"))
    parent = IdFilter(field_name="parent_id", label=_("Parent organization"))
    active = YesNoFilter(method="filter_active", label=_("Active today"))

    class Meta:
        model = Organization
        fields = ["q", "kind", "org_type", "parent", "active"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(short_name__icontains=value) | Q(code__icontains=value))

    def filter_active(self, queryset, name, value):
        active = queryset.active_on(timezone.localdate())
        return active if value else queryset.exclude(pk__in=active.values("pk"))


class StaffMemberFilter(FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    organization = SubtreeFilter()
    org_type = django_filters.ChoiceFilter(
        field_name="organization__org_type", choices=OrganizationType.choices, label=_("Type of organization")
    )
    category = django_filters.ChoiceFilter(choices=StaffCategory.choices, label=_("Category"))
    active = YesNoFilter(method="filter_active", label=_("Active today"))

    class Meta:
        model = StaffMember
        fields = ["q", "organization", "org_type", "category", "active"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(full_name__icontains=value) | Q(position__icontains=value))

    def filter_active(self, queryset, name, value):
        active = queryset.active_on(timezone.localdate())
        return active if value else queryset.exclude(pk__in=active.values("pk"))
