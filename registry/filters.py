import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import FilterSet
from registry.models import RegisteredDocument


class RegisteredDocumentFilter(FilterSet):
    year = django_filters.NumberFilter(label=_("Year"))
    q = django_filters.CharFilter(field_name="title", lookup_expr="icontains", label=_("Summary contains"))

    class Meta:
        model = RegisteredDocument
        fields = ["year", "q"]
