import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.filters import FilterSet, IdFilter, YearFilter
from orgs.filters import OfferingFilter
from orgs.models import Organization
from plans.models import Assignment, AssignmentStatus, Plan, PlanKind, PlanStatus, Target


def _with_plans(request):
    """Organizations the user reads, and those whose plans the user reads (the superiors')."""
    user = getattr(request, "user", None)
    readable = Organization.objects.scoped(user, "view").values("pk")
    return Organization.objects.filter(
        Q(pk__in=readable) | Q(pk__in=Plan.objects.visible_to(user).values("organization_id")))


def _readable(request):
    # The select's top: the user's own tree, read without joining the plans.
    return Organization.objects.scoped(getattr(request, "user", None), "view")


class PlanFilter(FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    year = YearFilter(label=_("Year"), method="covering")
    organization = OfferingFilter(queryset=_with_plans, offer=_readable)
    status = django_filters.ChoiceFilter(choices=PlanStatus.choices, label=_("Status"))
    kind = django_filters.ChoiceFilter(choices=PlanKind.choices, label=_("Kind of plan"))

    class Meta:
        model = Plan
        fields = ["q", "year", "organization", "status", "kind"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(symbol__icontains=value))

    def covering(self, queryset, name, value):
        # A multi-year plan (2026–2030) is a plan of each of its years.
        return queryset.filter(year__lte=value).filter(Q(year=value) | Q(year_to__gte=value))


class TargetFilter(FilterSet):
    plan = IdFilter(field_name="plan_id", label=_("Plan"))
    kind = django_filters.CharFilter(label=_("Kind"))
    year = YearFilter(field_name="plan__year", label=_("Year"))

    class Meta:
        model = Target
        fields = ["plan", "kind", "year"]


class AssignmentFilter(FilterSet):
    plan = IdFilter(field_name="plan_id", label=_("Plan"))
    year = YearFilter(field_name="plan__year", label=_("Year"))
    status = django_filters.ChoiceFilter(choices=AssignmentStatus.choices, label=_("Status"))
    lead_unit = IdFilter(field_name="lead_unit_id", label=_("Lead unit"))

    class Meta:
        model = Assignment
        fields = ["plan", "year", "status", "lead_unit"]
