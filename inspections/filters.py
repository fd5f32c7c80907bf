import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from core.filters import FilterSet, YearFilter
from inspections.models import IndexScore, Inspection, InspectionKind, InspectionStatus, PublicIndex, Remedy
from orgs.filters import SubtreeFilter
from orgs.models import Organization


class InspectionFilter(FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    organization = SubtreeFilter(paths=("organization", "subject"))
    year = YearFilter(field_name="period_end__year", label=_("Year"))
    kind = django_filters.ChoiceFilter(choices=InspectionKind.choices, label=_("Kind"))
    status = django_filters.ChoiceFilter(choices=InspectionStatus.choices, label=_("Status"))
    remedies = django_filters.ChoiceFilter(choices=[("open", _("With open remedies"))], method="with_remedies",
                                           label=_("Remedies"))

    class Meta:
        model = Inspection
        fields = ["q", "organization", "year", "kind", "status", "remedies"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(decision_number__icontains=value))

    def with_remedies(self, queryset, name, value):
        return queryset.filter(Exists(Remedy.objects.open().filter(inspection=OuterRef("pk"))))


class IndexScoreFilter(FilterSet):
    organization = django_filters.ModelChoiceFilter(queryset=Organization.objects.none(), label=_("Organization"))
    index = django_filters.ChoiceFilter(choices=PublicIndex.choices, label=_("Index"))
    year = YearFilter(field_name="year", label=_("Year"))

    class Meta:
        model = IndexScore
        fields = ["organization", "index", "year"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.request.user if self.request else None
        self.filters["organization"].queryset = Organization.objects.scoped(user, "view").filter(
            kind__in=["province", "agency"])
