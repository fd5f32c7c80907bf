from rest_framework import serializers

from core.api import ScopedReadOnlyViewSet
from legal.filters import LegalDocumentFilter
from legal.models import LegalDocument


class LegalDocumentSerializer(serializers.ModelSerializer):
    class Meta:
        model = LegalDocument
        fields = ["id", "number", "kind", "issuer", "date", "title"]


class LegalDocumentViewSet(ScopedReadOnlyViewSet):
    """The register of cited documents: public texts, readable by every user."""

    model = LegalDocument
    serializer_class = LegalDocumentSerializer
    filterset_class = LegalDocumentFilter
    ordering = ("-date", "number")
