from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from core.access import scoped
from core.api import ModelSerializer, ScopedViewSet
from emulation import services
from emulation.filters import CommendationFilter, ExemplarFilter
from emulation.models import Commendation, Exemplar


class ExemplarSerializer(ModelSerializer):
    class Meta:
        model = Exemplar
        fields = ["id", "organization", "movement", "year", "kind", "name", "person", "field", "description",
                  "results", "status", "recognised_on"]
        read_only_fields = ["status", "recognised_on"]


class CommendationSerializer(ModelSerializer):
    class Meta:
        model = Commendation
        fields = ["id", "organization", "exemplar", "recipient", "award", "kind", "level", "award_type",
                  "decision_number", "decision_date", "golden_book_number", "notes"]
        read_only_fields = ["kind", "level", "exemplar"]


class StepSerializer(serializers.Serializer):
    step = serializers.ChoiceField(choices=list(services.STEPS))
    note = serializers.CharField(required=False, allow_blank=True, default="")


class ExemplarViewSet(ScopedViewSet):
    model, serializer_class, filterset_class = Exemplar, ExemplarSerializer, ExemplarFilter
    related, ordering = ("organization",), ("-year", "-id")
    save_service, delete_service = services.save_exemplar, services.delete_exemplar

    def get_queryset(self):
        if self.action == "step":
            # A step is taken on a nomination one sees; the workflow decides who may take which.
            return scoped(Exemplar, self.request.user, "view").select_related("organization")
        return super().get_queryset()

    @extend_schema(request=StepSerializer, responses=ExemplarSerializer)
    @action(detail=True, methods=["post"])
    def step(self, request, pk=None, **_kwargs):
        """Take a step of the nomination workflow: submit, review, return, approve or reject (with a note)."""
        exemplar = self.get_object()
        data = StepSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        exemplar = services.advance(exemplar, data.validated_data["step"], by=request.user,
                                    note=data.validated_data["note"])
        return Response(ExemplarSerializer(exemplar).data)


class CommendationViewSet(ScopedViewSet):
    model, serializer_class, filterset_class = Commendation, CommendationSerializer, CommendationFilter
    related, ordering = ("organization",), ("-decision_date", "-id")
    save_service, delete_service = services.save_commendation, services.delete_commendation
