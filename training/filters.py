import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.filters import FilterSet
from orgs.filters import SubtreeFilter
from training.models import StudySession


class StudySessionFilter(FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    organization = SubtreeFilter()
    year = django_filters.NumberFilter(field_name="date__year", label=_("Year"), min_value=2000, max_value=2100)

    class Meta:
        model = StudySession
        fields = ["q", "organization", "year"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(documents__number__icontains=value)).distinct()
