import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from orgs.models import Organization
from training.models import StudySession


class StudySessionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    organization = django_filters.ModelChoiceFilter(queryset=Organization.objects.none(), method="in_subtree",
                                                    label=_("Organization"))
    year = django_filters.NumberFilter(field_name="date__year", label=_("Year"), min_value=2000, max_value=2100)

    class Meta:
        model = StudySession
        fields = ["q", "organization", "year"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.request.user if self.request else None
        self.filters["organization"].queryset = Organization.objects.scoped(user, "view")

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(documents__number__icontains=value)).distinct()

    def in_subtree(self, queryset, name, value):
        return queryset.filter(organization__path__startswith=value.path)
