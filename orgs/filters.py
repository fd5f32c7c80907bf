"""Filters shared by the pages and the API (django-filter)."""

import django_filters
from django.db.models import Q
from django.forms.models import ModelChoiceField, ModelChoiceIterator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.filters import IdFilter, YesNoFilter
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
    def __init__(self, field):
        super().__init__(field)
        if field.offered is not None:
            self.queryset = field.offered


class OfferingChoiceField(ModelChoiceField):
    """Accepts any organization of its queryset; its select lists only `offered` (when set)."""

    iterator = _OfferedIterator
    offered = None


def _readable(request):
    return Organization.objects.scoped(getattr(request, "user", None), "view")


class SubtreeFilter(django_filters.ModelChoiceFilter):
    """An organization the user reads, keeping the rows that lie in its subtree (any of `paths`,
    organization fields of the model). Its select offers the top of the user's tree and the chosen
    organization, not every organization the user reads: a register's page does not grow with the
    province (a coordinator reads 1,200). Any readable organization is still accepted."""

    field_class = OfferingChoiceField

    def __init__(self, *args, paths: tuple[str, ...] = ("organization",), **kwargs):
        kwargs.setdefault("queryset", _readable)
        kwargs.setdefault("label", _("Organization"))
        super().__init__(*args, **kwargs)
        self.paths = paths

    def filter(self, qs, value):
        if not value:
            return qs
        query = Q()
        for name in self.paths:
            query |= Q(**{f"{name}__path__startswith": value.path})
        return qs.filter(query)

    @property
    def field(self):
        field = super().field
        if field.offered is None:
            user = getattr(self.get_request(), "user", None)
            offered = field.queryset.filter(tree_top(user))
            name = next((key for key, item in getattr(self.parent, "filters", {}).items() if item is self), None)
            chosen = (getattr(self.parent, "data", None) or {}).get(name)
            if chosen and str(chosen).isdigit():
                offered = offered | field.queryset.filter(pk=chosen)
            field.offered = offered.only("pk", "name", "path").order_by("path")
        return field


class OrganizationFilter(django_filters.FilterSet):
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


class StaffMemberFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    organization = django_filters.ModelChoiceFilter(
        queryset=Organization.objects.none(), method="in_subtree", label=_("Organization")
    )
    org_type = django_filters.ChoiceFilter(
        field_name="organization__org_type", choices=OrganizationType.choices, label=_("Type of organization")
    )
    category = django_filters.ChoiceFilter(choices=StaffCategory.choices, label=_("Category"))
    active = YesNoFilter(method="filter_active", label=_("Active today"))

    class Meta:
        model = StaffMember
        fields = ["q", "organization", "org_type", "category", "active"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is None and self.request is not None:
            user = self.request.user
        self.user = user
        # Only organizations the user may see are accepted.
        self.filters["organization"].queryset = Organization.objects.visible_to(user)

    @property
    def form(self):
        """The page offers the top of the user's tree (and the chosen one), not every organization:
        the page does not grow with the province. Any visible organization is still accepted."""
        form = super().form
        if not getattr(form, "_offers_top", False):
            field = form.fields["organization"]
            offered = Organization.objects.visible_to(self.user).filter(tree_top(self.user))
            chosen = (self.data or {}).get("organization")
            if chosen and str(chosen).isdigit():
                offered = offered | Organization.objects.visible_to(self.user).filter(pk=chosen)
            # A callable: read only when the form is rendered (the API never reads it).
            field.widget.choices = lambda: [("", field.empty_label)] + [
                (org.pk, org.name) for org in offered.only("pk", "name", "path").order_by("path")
            ]
            form._offers_top = True
        return form

    def search(self, queryset, name, value):
        return queryset.filter(Q(full_name__icontains=value) | Q(position__icontains=value))

    def in_subtree(self, queryset, name, value):
        return queryset.filter(organization__path__startswith=value.path)

    def filter_active(self, queryset, name, value):
        active = queryset.active_on(timezone.localdate())
        return active if value else queryset.exclude(pk__in=active.values("pk"))
