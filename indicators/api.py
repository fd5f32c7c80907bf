"""/api/measures/?plan=&organization=&period=: each target's current value, numerator, denominator and
status; /api/monthly-counts/: the counts entered by hand. Both scoped like the pages."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from core.access import scoped
from core.api import ModelSerializer, ScopedViewSet
from core.periods import Period, PeriodKind
from indicators import services
from indicators.filters import MonthlyCountFilter
from indicators.models import MonthlyCount
from indicators.views import reach_within
from plans.models import Plan


class MeasureSerializer(serializers.Serializer):
    target = serializers.IntegerField(source="target.pk")
    text = serializers.CharField(source="target.text")
    measure = serializers.CharField(source="target.measure")
    organization = serializers.IntegerField(source="organization.pk")
    period = serializers.CharField(source="period.key")
    value = serializers.DecimalField(max_digits=14, decimal_places=1, allow_null=True)
    numerator = serializers.IntegerField(allow_null=True)
    denominator = serializers.IntegerField(allow_null=True)
    target_value = serializers.DecimalField(source="target.target_value", max_digits=12, decimal_places=2,
                                            allow_null=True)
    comparator = serializers.CharField(source="target.comparator")
    status = serializers.CharField()
    status_label = serializers.CharField()
    computed_at = serializers.DateTimeField(allow_null=True, help_text="When the figure was computed by the "
                                            "worker (materialized); null: computed for this answer.")


class MeasureQuery(serializers.Serializer):
    plan = serializers.IntegerField(min_value=1, max_value=2**63 - 1)
    organization = serializers.IntegerField(min_value=1, max_value=2**63 - 1, required=False)
    period = serializers.CharField(required=False, max_length=10)


class MeasureViewSet(viewsets.ViewSet):
    """The value of each target of a plan, for an organization (by default the plan's) and a period
    (a key such as 2026, 2026-H1, 2026-Q3; by default the plan's year): the worker's materialized figure
    when it is fresh (computed_at says when), computed for the answer otherwise."""

    permission_classes = [IsAuthenticated]

    @extend_schema(parameters=[
        OpenApiParameter("plan", OpenApiTypes.INT, required=True),
        OpenApiParameter("organization", OpenApiTypes.INT),
        OpenApiParameter("period", OpenApiTypes.STR),
    ], responses=MeasureSerializer(many=True))
    def list(self, request, *args, **kwargs):
        query = MeasureQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        plan = get_object_or_404(scoped(Plan, request.user, "view"), pk=query.validated_data["plan"])
        reach = reach_within(request.user, plan.organization)
        wanted = query.validated_data.get("organization")
        organization = (reach.filter(pk=wanted).first() if wanted
                        else reach.filter(pk=plan.organization_id).first() or reach.first())
        if organization is None:
            raise NotFound
        try:
            period = services.parse_period(query.validated_data.get("period"), Period(plan.year, PeriodKind.YEAR))
        except ValidationError as exc:
            raise serializers.ValidationError(exc.message_dict) from None
        targets = plan.targets.select_related("plan").prefetch_related("documents", "plan__basis_documents")
        readings = services.readings(list(targets), organization, period)
        return Response(MeasureSerializer(readings, many=True).data)


class MonthlyCountSerializer(ModelSerializer):
    class Meta:
        model = MonthlyCount
        fields = ["id", "organization", "month", "measure", "numerator", "denominator", "note"]


def _save(count, *, by):
    return services.save_monthly_count(count, by=by)


class MonthlyCountViewSet(ScopedViewSet):
    model, serializer_class, filterset_class = MonthlyCount, MonthlyCountSerializer, MonthlyCountFilter
    related, ordering = ("organization",), ("-month", "organization__path", "measure")
    save_service, delete_service = _save, services.delete_monthly_count
