import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.filters import IdFilter, YearFilter
from orgs.models import Organization
from plans.models import Assignment, AssignmentStatus, Plan, PlanStatus, Target


class PlanFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    year = YearFilter(label=_("Year"))
    organization = django_filters.ModelChoiceFilter(queryset=Organization.objects.none(), label=_("Organization"))
    status = django_filters.ChoiceFilter(choices=PlanStatus.choices, label=_("Status"))

    class Meta:
        model = Plan
        fields = ["q", "year", "organization", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.request.user if self.request else None
        # Offer only organizations whose plans the user can read.
        self.filters["organization"].queryset = Organization.objects.filter(
            pk__in=Plan.objects.visible_to(user).values("organization_id")
        )

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(symbol__icontains=value))


class TargetFilter(django_filters.FilterSet):
    plan = IdFilter(field_name="plan_id", label=_("Plan"))
    kind = django_filters.CharFilter(label=_("Kind"))
    year = YearFilter(field_name="plan__year", label=_("Year"))

    class Meta:
        model = Target
        fields = ["plan", "kind", "year"]


class AssignmentFilter(django_filters.FilterSet):
    plan = IdFilter(field_name="plan_id", label=_("Plan"))
    year = YearFilter(field_name="plan__year", label=_("Year"))
    status = django_filters.ChoiceFilter(choices=AssignmentStatus.choices, label=_("Status"))
    lead_unit = IdFilter(field_name="lead_unit_id", label=_("Lead unit"))

    class Meta:
        model = Assignment
        fields = ["plan", "year", "status", "lead_unit"]
