from core.api import ModelSerializer, ScopedViewSet
from inspections import services
from inspections.filters import IndexScoreFilter, InspectionFilter
from inspections.models import Finding, IndexScore, Inspection, Remedy


class FindingSerializer(ModelSerializer):
    class Meta:
        model = Finding
        fields = ["id", "text", "is_violation", "person", "handling", "handling_note", "closed_on"]


class RemedySerializer(ModelSerializer):
    class Meta:
        model = Remedy
        fields = ["id", "finding", "action", "owner", "due_date", "done_on", "result"]


class InspectionSerializer(ModelSerializer):
    findings = FindingSerializer(many=True, read_only=True)
    remedies = RemedySerializer(many=True, read_only=True)

    class Meta:
        model = Inspection
        fields = ["id", "organization", "subject", "kind", "title", "decision_number", "scope", "team",
                  "period_start", "period_end", "status", "conclusion", "concluded_on", "findings", "remedies"]


class IndexScoreSerializer(ModelSerializer):
    class Meta:
        model = IndexScore
        fields = ["id", "organization", "index", "year", "score", "rank", "ranked_among", "source"]
        # The one-a-year rule is the service's (a 400 with its message), not the serializer's.
        validators = []


class InspectionViewSet(ScopedViewSet):
    model, serializer_class, filterset_class = Inspection, InspectionSerializer, InspectionFilter
    related, prefetch, ordering = ("organization", "subject"), ("findings", "remedies"), ("-period_end", "-id")
    save_service, delete_service = services.save_inspection, services.delete_inspection


class IndexScoreViewSet(ScopedViewSet):
    model, serializer_class, filterset_class = IndexScore, IndexScoreSerializer, IndexScoreFilter
    related, ordering = ("organization",), ("-year", "index", "organization__path")
    save_service, delete_service = services.save_score, services.delete_score
