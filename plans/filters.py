import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.filters import IdFilter, YearFilter
from orgs.filters import tree_top
from orgs.models import Organization
from plans.models import Assignment, AssignmentStatus, Plan, PlanKind, PlanStatus, Target


class PlanFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    year = YearFilter(label=_("Year"), method="covering")
    organization = django_filters.ModelChoiceFilter(queryset=Organization.objects.none(), label=_("Organization"))
    status = django_filters.ChoiceFilter(choices=PlanStatus.choices, label=_("Status"))
    kind = django_filters.ChoiceFilter(choices=PlanKind.choices, label=_("Kind of plan"))

    class Meta:
        model = Plan
        fields = ["q", "year", "organization", "status", "kind"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.request.user if self.request else None
        # Offer only organizations whose plans the user can read.
        self.filters["organization"].queryset = Organization.objects.filter(
            pk__in=Plan.objects.visible_to(user).values("organization_id")
        )
        self.user = user

    @property
    def form(self):
        """The page offers the top of the user's tree (and the chosen one), not every organization
        with a plan: the page does not grow with the province. Any of them is still accepted."""
        form = super().form
        if not getattr(form, "_offers_top", False):
            field = form.fields["organization"]
            offered = field.queryset.filter(tree_top(self.user))
            chosen = (self.data or {}).get("organization")
            if chosen and str(chosen).isdigit():
                offered = offered | field.queryset.filter(pk=chosen)
            # A callable: read only when the form is rendered (the API never reads it).
            field.widget.choices = lambda: [("", field.empty_label)] + [
                (org.pk, org.name) for org in offered.only("pk", "name", "path").order_by("path")
            ]
            form._offers_top = True
        return form

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(symbol__icontains=value))

    def covering(self, queryset, name, value):
        # A multi-year plan (2026–2030) is a plan of each of its years.
        return queryset.filter(year__lte=value).filter(Q(year=value) | Q(year_to__gte=value))


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
