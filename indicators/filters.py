import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import FilterSet, YearFilter
from indicators.models import MONTHLY_CHOICES, MonthlyCount
from orgs.filters import SubtreeFilter


class MonthlyCountFilter(FilterSet):
    organization = SubtreeFilter()
    measure = django_filters.ChoiceFilter(choices=MONTHLY_CHOICES, label=_("Measure"))
    year = YearFilter(field_name="month__year", label=_("Year"))

    class Meta:
        model = MonthlyCount
        fields = ["organization", "measure", "year"]
