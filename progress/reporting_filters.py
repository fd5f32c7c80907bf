import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import FilterSet
from progress.reporting_models import REPORT_KINDS, Report, ReportLevel, ReportStatus


class ReportFilter(FilterSet):
    q = django_filters.CharFilter(field_name="organization__name", lookup_expr="icontains", label=_("Organization"))
    year = django_filters.NumberFilter(field_name="period__year", label=_("Year"), min_value=2000, max_value=2100)
    kind = django_filters.ChoiceFilter(field_name="period__kind", choices=REPORT_KINDS, label=_("Kind"))
    level = django_filters.ChoiceFilter(field_name="period__level", choices=ReportLevel.choices, label=_("Level"))
    status = django_filters.ChoiceFilter(choices=ReportStatus.choices, label=_("Status"))

    class Meta:
        model = Report
        fields = ["q", "year", "kind", "level", "status"]
