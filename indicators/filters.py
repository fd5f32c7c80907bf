import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import YearFilter
from indicators.models import MONTHLY_CHOICES, MonthlyCount
from orgs.models import Organization


class MonthlyCountFilter(django_filters.FilterSet):
    organization = django_filters.ModelChoiceFilter(queryset=Organization.objects.none(), method="in_subtree",
                                                    label=_("Organization"))
    measure = django_filters.ChoiceFilter(choices=MONTHLY_CHOICES, label=_("Measure"))
    year = YearFilter(field_name="month__year", label=_("Year"))

    class Meta:
        model = MonthlyCount
        fields = ["organization", "measure", "year"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.request.user if self.request else None
        self.filters["organization"].queryset = Organization.objects.scoped(user, "view")

    def in_subtree(self, queryset, name, value):
        return queryset.filter(organization__path__startswith=value.path)
