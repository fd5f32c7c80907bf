import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.filters import FilterSet
from orgs.filters import SubtreeFilter
from service.models import DossierStat, Letter, LetterKind, ServicePoint, Survey, SurveyResponse


class _OrganizationFilter(FilterSet):
    organization = SubtreeFilter()


class DossierStatFilter(_OrganizationFilter):
    year = django_filters.NumberFilter(field_name="month__year", label=_("Year"), min_value=2000, max_value=2100)
    procedure_field = django_filters.CharFilter(lookup_expr="icontains", label=_("Procedure field"))

    class Meta:
        model = DossierStat
        fields = ["organization", "year", "procedure_field"]


class LetterFilter(_OrganizationFilter):
    q = django_filters.CharFilter(method="search", label=_("Search"))
    kind = django_filters.ChoiceFilter(choices=LetterKind.choices, label=_("Kind"))
    year = django_filters.NumberFilter(field_name="year", label=_("Year"), min_value=2000, max_value=2100)

    class Meta:
        model = Letter
        fields = ["q", "organization", "kind", "year"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(dossier_code__icontains=value) | Q(applicant__icontains=value))


class SurveyFilter(FilterSet):
    year = django_filters.NumberFilter(field_name="year", label=_("Year"), min_value=2000, max_value=2100)

    class Meta:
        model = Survey
        fields = ["year"]


class ServicePointFilter(_OrganizationFilter):
    class Meta:
        model = ServicePoint
        fields = ["organization"]


class SurveyResponseFilter(_OrganizationFilter):
    service_point = django_filters.ModelChoiceFilter(queryset=ServicePoint.objects.none(), label=_("Service point"))
    year = django_filters.NumberFilter(field_name="submitted_on__year", label=_("Year"), min_value=2000,
                                       max_value=2100)
    start = django_filters.DateFilter(field_name="submitted_on", lookup_expr="gte", label=_("From"))
    end = django_filters.DateFilter(field_name="submitted_on", lookup_expr="lte", label=_("To"))

    class Meta:
        model = SurveyResponse
        fields = ["organization", "service_point", "year", "start", "end"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.request.user if self.request else None
        self.filters["service_point"].queryset = ServicePoint.objects.scoped(user, "view")
