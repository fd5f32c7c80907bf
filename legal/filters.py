import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import FilterSet
from legal.models import LegalDocument, LegalDocumentKind


class LegalDocumentFilter(FilterSet):
    number = django_filters.CharFilter(lookup_expr="icontains", label=_("Number"))
    kind = django_filters.ChoiceFilter(choices=LegalDocumentKind.choices, label=_("Kind"))
    register = django_filters.ChoiceFilter(
        choices=[("national", _("National")), ("provincial", _("Province"))], method="filter_register",
        label=_("Catalogue"),
    )
    status = django_filters.ChoiceFilter(
        choices=[("confirmed", _("Confirmed")), ("waiting", _("Waiting for confirmation"))], method="filter_status",
        label=_("Status"),
    )

    class Meta:
        model = LegalDocument
        fields = ["kind", "number"]

    def filter_register(self, queryset, name, value):
        return queryset.filter(province__isnull=(value == "national"))

    def filter_status(self, queryset, name, value):
        return queryset.filter(confirmed=(value == "confirmed"))
