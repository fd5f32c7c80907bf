import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.filters import FilterSet, YearFilter
from emulation.models import Award, AwardLevel, Commendation, Exemplar, ExemplarKind, ExemplarStatus, Field, Movement
from orgs.filters import SubtreeFilter


class _InSubtree(FilterSet):
    organization = SubtreeFilter()


class MovementFilter(_InSubtree):
    year = YearFilter(field_name="year", label=_("Year"))

    class Meta:
        model = Movement
        fields = ["organization", "year"]


class ExemplarFilter(_InSubtree):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    year = YearFilter(field_name="year", label=_("Year"))
    kind = django_filters.ChoiceFilter(choices=ExemplarKind.choices, label=_("Kind"))
    status = django_filters.ChoiceFilter(choices=ExemplarStatus.choices, label=_("Status"))
    field = django_filters.ChoiceFilter(choices=Field.choices, label=_("Field"))

    class Meta:
        model = Exemplar
        fields = ["q", "organization", "year", "kind", "status", "field"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(description__icontains=value)
                               | Q(person__full_name__icontains=value))


class CommendationFilter(_InSubtree):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    year = YearFilter(field_name="decision_date__year", label=_("Year"))
    award = django_filters.ChoiceFilter(choices=Award.choices, label=_("Award"))
    level = django_filters.ChoiceFilter(choices=AwardLevel.choices, label=_("Award level"))

    class Meta:
        model = Commendation
        fields = ["q", "organization", "year", "award", "level"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(recipient__icontains=value) | Q(decision_number__icontains=value))
