from rest_framework import serializers

from core.api import ModelSerializer, ScopedReadOnlyViewSet
from legal.filters import LegalDocumentFilter
from legal.levels import Level
from legal.models import LegalDocument


class LegalDocumentSerializer(ModelSerializer):
    level = serializers.SerializerMethodField(help_text="national: the shared catalogue; provincial: a province's.")
    province_name = serializers.SerializerMethodField()

    class Meta:
        model = LegalDocument
        fields = ["id", "number", "kind", "issuer", "date", "title", "level", "province", "province_name",
                  "added_by", "confirmed"]

    def get_level(self, obj) -> str:
        return str(Level.NATIONAL if obj.province_id is None else Level.PROVINCIAL)

    def get_province_name(self, obj) -> str:
        return obj.province.name if obj.province_id else ""


class LegalDocumentViewSet(ScopedReadOnlyViewSet):
    """The register of cited documents: the national catalogue, the user's province's confirmed documents
    and those the user's organizations added that wait for confirmation."""

    model = LegalDocument
    related = ("province",)
    serializer_class = LegalDocumentSerializer
    filterset_class = LegalDocumentFilter
    ordering = ("-date", "number")
