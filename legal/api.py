import django_filters
from rest_framework import serializers, viewsets

from legal.models import LegalDocument


class LegalDocumentSerializer(serializers.ModelSerializer):
    class Meta:
        model = LegalDocument
        fields = ["id", "number", "kind", "issuer", "date", "title"]


class LegalDocumentFilter(django_filters.FilterSet):
    number = django_filters.CharFilter(lookup_expr="icontains")

    class Meta:
        model = LegalDocument
        fields = ["kind", "number"]


class LegalDocumentViewSet(viewsets.ReadOnlyModelViewSet):
    """The register of cited documents: public texts, readable by every user."""

    serializer_class = LegalDocumentSerializer
    filterset_class = LegalDocumentFilter
    queryset = LegalDocument.objects.order_by("-date", "number")
