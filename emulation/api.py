from rest_framework import serializers

from core.api import ScopedViewSet
from emulation import services
from emulation.filters import CommendationFilter, ExemplarFilter
from emulation.models import Commendation, Exemplar


class ExemplarSerializer(serializers.ModelSerializer):
    class Meta:
        model = Exemplar
        fields = ["id", "organization", "movement", "year", "kind", "name", "person", "field", "description",
                  "results", "status", "recognised_on"]
        read_only_fields = ["status", "recognised_on"]


class CommendationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Commendation
        fields = ["id", "organization", "exemplar", "recipient", "award", "kind", "level", "award_type",
                  "decision_number", "decision_date", "golden_book_number", "notes"]
        read_only_fields = ["kind", "level", "exemplar"]


class ExemplarViewSet(ScopedViewSet):
    model, serializer_class, filterset_class = Exemplar, ExemplarSerializer, ExemplarFilter
    related, ordering = ("organization",), ("-year", "-id")
    save_service, delete_service = services.save_exemplar, services.delete_exemplar


class CommendationViewSet(ScopedViewSet):
    model, serializer_class, filterset_class = Commendation, CommendationSerializer, CommendationFilter
    related, ordering = ("organization",), ("-decision_date", "-id")
    save_service, delete_service = services.save_commendation, services.delete_commendation
