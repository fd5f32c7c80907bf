"""The API: criteria sets with their items, assessments with their scores (scoped as the pages), the
ranking of a year, and an assessment's dossier as .docx."""

from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_serializer
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from core.api import ModelSerializer, ScopedReadOnlyViewSet
from scoring import documents, services
from scoring.filters import AssessmentFilter, CriteriaSetFilter
from scoring.models import Assessment, CriteriaSet, Criterion, Score

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class CriterionSerializer(ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Criterion
        fields = ["code", "parent", "kind", "title", "max_points", "guidance", "evidence", "measure", "proposal"]


class CriteriaSetSerializer(ModelSerializer):
    items = CriterionSerializer(many=True, read_only=True)

    class Meta:
        model = CriteriaSet
        fields = ["id", "province", "year", "version", "name", "max_total", "bonus_may_exceed_max", "grades",
                  "red_lines", "submission_due", "frozen_at", "ranking_published_at", "items"]


class CriteriaSetViewSet(ScopedReadOnlyViewSet):
    model, serializer_class, filterset_class = CriteriaSet, CriteriaSetSerializer, CriteriaSetFilter
    prefetch, ordering = ("items__parent",), ("-year", "-version")


class ScoreSerializer(ModelSerializer):
    criterion = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Score
        fields = ["criterion", "proposed_points", "proposed_basis", "self_points", "explanation", "review_points",
                  "review_reason", "returned", "agency_answer"]


class AssessmentSerializer(ModelSerializer):
    scores = ScoreSerializer(many=True, read_only=True)

    class Meta:
        model = Assessment
        fields = ["id", "criteria_set", "agency", "year", "state", "not_eligible", "not_eligible_reason",
                  "red_lines", "submitted_at", "finalized_at", "total", "grade", "scores"]


class AssessmentViewSet(ScopedReadOnlyViewSet):
    model, serializer_class, filterset_class = Assessment, AssessmentSerializer, AssessmentFilter
    related, prefetch, ordering = ("agency",), ("scores__criterion",), ("-year", "agency__path")

    @extend_schema(responses={(200, DOCX): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"])
    def docx(self, request, pk=None, **_kwargs):
        assessment = self.get_object()
        response = HttpResponse(documents.render_dossier_docx(assessment), content_type=DOCX)
        response["Content-Disposition"] = content_disposition_header(
            True, f"ho-so-cham-diem-{assessment.year}-{assessment.agency.code}.docx")
        return response


class RankRowSerializer(serializers.Serializer):
    rank = serializers.IntegerField(allow_null=True)
    agency = serializers.IntegerField(source="agency.pk")
    agency_name = serializers.CharField(source="agency.name")
    total = serializers.DecimalField(max_digits=7, decimal_places=2, allow_null=True)
    grade = serializers.CharField()
    not_eligible = serializers.BooleanField()
    previous = serializers.DictField()


# One page object, not a list of them, although it answers the list route.
@extend_schema_serializer(many=False)
class RankingPageSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    next = serializers.CharField(allow_null=True)
    previous = serializers.CharField(allow_null=True)
    results = RankRowSerializer(many=True)


class RankingViewSet(viewsets.ViewSet):
    """The ranking of `year` (this year by default): the coordinator's before publication, every province
    member's after."""

    permission_classes = [IsAuthenticated]
    serializer_class = RankRowSerializer

    @extend_schema(parameters=[OpenApiParameter("year", int, required=False),
                               OpenApiParameter("org_type", str, required=False)],
                   responses=RankingPageSerializer)
    def list(self, request, **_kwargs):
        try:
            year = int(request.query_params.get("year") or timezone.localdate().year)
        except ValueError:
            raise serializers.ValidationError({"year": _("Give the year as a number (year=2025).")}) from None
        rows = services.ranking(request.user, year, org_type=request.query_params.get("org_type", ""))
        results = RankRowSerializer(
            [{**row.__dict__, "previous": {str(y): {"total": str(t) if t is not None else None, "grade": g}
                                           for y, (t, g) in row.previous.items()}} for row in rows],
            many=True).data
        # The shape of the other lists (one page: a province ranks a few hundred agencies at most).
        return Response({"count": len(results), "next": None, "previous": None, "results": results})
