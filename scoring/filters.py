import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import FilterSet
from orgs.models import OrganizationType
from scoring.models import Assessment, AssessmentState, CriteriaSet


class CriteriaSetFilter(FilterSet):
    year = django_filters.NumberFilter(label=_("Year"), min_value=2000, max_value=2100)

    class Meta:
        model = CriteriaSet
        fields = ["year"]


class AssessmentFilter(FilterSet):
    year = django_filters.NumberFilter(label=_("Year"), min_value=2000, max_value=2100)
    state = django_filters.ChoiceFilter(label=_("State"), choices=AssessmentState.choices)
    org_type = django_filters.ChoiceFilter(field_name="agency__org_type", label=_("Type of agency"),
                                           choices=OrganizationType.choices)

    class Meta:
        model = Assessment
        fields = ["year", "state", "org_type"]
