"""API of periodic reports: /api/reports/, /api/reporting-periods/ (read, scoped) and
/api/completeness/?period= (the counts of one period the user may see)."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from core.access import scoped
from core.api import ModelSerializer, ScopedReadOnlyViewSet
from documents.docx import DOCX_CONTENT_TYPE
from progress import reporting
from progress.report_docx import filename_of, render_report_docx
from progress.reporting_models import Report, ReportingPeriod


class ReportingPeriodSerializer(ModelSerializer):
    label = serializers.CharField(source="period.label", read_only=True)
    effective_due = serializers.DateField(read_only=True)

    class Meta:
        model = ReportingPeriod
        fields = ["id", "province", "year", "kind", "n", "level", "label", "data_start", "data_end", "cut_off",
                  "due_date", "effective_due", "closed"]


class ReportSerializer(ModelSerializer):
    # An agency's report to the province: its number and date in the agency's document register.
    number_symbol = serializers.SerializerMethodField()
    registered_on = serializers.SerializerMethodField()

    class Meta:
        model = Report
        fields = ["id", "period", "organization", "receiver", "status", "number_symbol", "registered_on", "results",
                  "limits", "proposals", "first_submitted_on", "submitted_at", "accepted_at"]

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_number_symbol(self, report):
        entry = report.registration
        return entry.number_symbol if entry is not None else None

    @extend_schema_field(serializers.DateField(allow_null=True))
    def get_registered_on(self, report):
        entry = report.registration
        return entry.date if entry is not None else None


class ReportingPeriodViewSet(ScopedReadOnlyViewSet):
    model, serializer_class = ReportingPeriod, ReportingPeriodSerializer
    ordering = ("-year", "kind", "n", "level")
    filterset_fields = ["year", "kind", "level"]


class ReportViewSet(ScopedReadOnlyViewSet):
    model, serializer_class = Report, ReportSerializer
    related = ("period",)
    prefetch = ("registrations",)
    ordering = ("-period__year", "period__kind", "organization__path")
    filterset_fields = ["period", "organization", "status"]

    @extend_schema(responses={(200, DOCX_CONTENT_TYPE): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"])
    def docx(self, request, pk=None, format=None):  # noqa: A002 (DRF passes the format suffix)
        report = self.get_object()
        response = HttpResponse(render_report_docx(report), content_type=DOCX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{filename_of(report)}"'
        return response


class _OrgSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class CompletenessRowSerializer(serializers.Serializer):
    organization = _OrgSerializer()
    expected = serializers.IntegerField(source="expected_count")
    submitted = serializers.IntegerField(source="actual")
    on_time = serializers.IntegerField()
    completeness = serializers.FloatField(allow_null=True)
    timeliness = serializers.FloatField(allow_null=True)
    missing = _OrgSerializer(many=True)


class CompletenessSerializer(serializers.Serializer):
    period = serializers.IntegerField()
    due = serializers.DateField()
    rows = CompletenessRowSerializer(many=True)
    total = CompletenessRowSerializer()


class PeriodQuery(serializers.Serializer):
    period = serializers.IntegerField(min_value=1, max_value=2**31 - 1)


class CompletenessViewSet(viewsets.GenericViewSet):
    serializer_class = CompletenessSerializer
    pagination_class = None
    filter_backends = ()

    def get_queryset(self):
        return scoped(ReportingPeriod, self.request.user, "view")

    @extend_schema(parameters=[OpenApiParameter("period", int, required=True)])
    def list(self, request, *args, **kwargs):
        query = PeriodQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        period = get_object_or_404(self.get_queryset().select_related("province"), pk=query.validated_data["period"])
        rows, total = reporting.completeness(period, request.user)
        return Response(CompletenessSerializer(
            {"period": period.pk, "due": period.effective_due, "rows": rows, "total": total}).data)
