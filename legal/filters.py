import django_filters
from django.utils.translation import gettext_lazy as _

from legal.models import LegalDocument, LegalDocumentKind


class LegalDocumentFilter(django_filters.FilterSet):
    number = django_filters.CharFilter(lookup_expr="icontains", label=_("Number"))
    kind = django_filters.ChoiceFilter(choices=LegalDocumentKind.choices, label=_("Kind"))

    class Meta:
        model = LegalDocument
        fields = ["kind", "number"]
