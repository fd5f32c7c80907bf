"""REST endpoints for plans, targets and assignments: same scoping and renderers as the pages."""

from django.db.models import Prefetch
from django.http import HttpResponse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.decorators import action

from core.api import ModelSerializer, ScopedReadOnlyViewSet
from core.paging import ApiPagination
from documents.docx import DOCX_CONTENT_TYPE
from legal.models import LegalDocument
from orgs.models import Organization
from plans.documents import render_plan_docx
from plans.filters import AssignmentFilter, PlanFilter, TargetFilter
from plans.models import Assignment, ContentArea, Plan, Target
from plans.selectors import content_of


class ContentAreaSerializer(ModelSerializer):
    # What the API schema says of an area; PlanSerializer.represent writes them (content_of).
    activities = serializers.SlugRelatedField(many=True, read_only=True, slug_field="text")

    class Meta:
        model = ContentArea
        fields = ["id", "order", "title", "description", "activities", "source"]


class PlanListSerializer(serializers.ListSerializer):
    """A page of plans with their content read for the whole page at once (plans.selectors.content_of)."""

    def to_representation(self, plans):
        plans = list(plans)
        content = content_of([plan.id for plan in plans])
        return [self.child.represent(plan, content.get(plan.id, [])) for plan in plans]


class PlanSerializer(ModelSerializer):
    number_symbol = serializers.CharField(read_only=True)
    content_areas = ContentAreaSerializer(many=True, read_only=True)
    basis_documents = serializers.SlugRelatedField(many=True, read_only=True, slug_field="number")

    class Meta:
        model = Plan
        fields = [
            "id", "organization", "kind", "year", "year_to", "number", "symbol", "number_symbol", "place", "date",
            "title", "parent",
            "basis_documents", "purposes", "content_areas", "recipients", "signer_authority", "signer_principal",
            "signer_title", "signer_name", "status", "revision_of", "progress_rollup",
        ]

        list_serializer_class = PlanListSerializer

    def to_representation(self, plan):
        return self.represent(plan, content_of([plan.id]).get(plan.id, []))

    def represent(self, plan: Plan, content_areas: list[dict]) -> dict:
        """What DRF's fields give, written out: a page of plans carries their content areas and activities,
        and DRF's way (the nested serializers' fields built again for every request, a call per field and
        value, a model instance per area and activity) cost the list more than its queries.
        plans/tests/test_api_representation.py holds it equal to ModelSerializer's."""
        return {
            "id": plan.id, "organization": plan.organization_id, "kind": plan.kind, "year": plan.year,
            "year_to": plan.year_to, "number": plan.number, "symbol": plan.symbol,
            "number_symbol": plan.number_symbol, "place": plan.place,
            "date": plan.date.isoformat() if plan.date else None, "title": plan.title, "parent": plan.parent_id,
            "basis_documents": [document.number for document in plan.basis_documents.all()],
            "purposes": plan.purposes,
            "content_areas": content_areas,
            "recipients": plan.recipients, "signer_authority": plan.signer_authority,
            "signer_principal": plan.signer_principal, "signer_title": plan.signer_title,
            "signer_name": plan.signer_name, "status": plan.status, "revision_of": plan.revision_of_id,
            "progress_rollup": plan.progress_rollup,
        }


class TargetSerializer(ModelSerializer):
    class Meta:
        model = Target
        fields = ["id", "plan", "content_area", "order", "text", "kind", "comparator", "baseline", "target_value",
                  "unit_of_measure", "grade", "measure", "documents", "parent_target"]


class AssignmentSerializer(ModelSerializer):
    overdue = serializers.SerializerMethodField()
    next_due_date = serializers.SerializerMethodField()

    class Meta:
        model = Assignment
        fields = ["id", "plan", "content_area", "lead_unit", "support_units", "other_units", "task", "due_date",
                  "timing", "recurrence", "status", "weight", "overdue", "next_due_date"]

    def get_overdue(self, obj) -> bool:
        return obj.is_overdue()

    @extend_schema_field(serializers.DateField(allow_null=True))
    def get_next_due_date(self, obj):
        return obj.next_due_date()

    def to_representation(self, assignment):
        # What DRF's fields give, written out (as PlanSerializer's; test_api_representation.py).
        today = timezone.localdate()
        due = assignment.next_due_date(today)
        return {
            "id": assignment.id, "plan": assignment.plan_id, "content_area": assignment.content_area_id,
            "lead_unit": assignment.lead_unit_id, "support_units": [unit.pk for unit in assignment.support_units.all()],
            "other_units": assignment.other_units, "task": assignment.task,
            "due_date": assignment.due_date.isoformat() if assignment.due_date else None,
            "timing": assignment.timing, "recurrence": assignment.recurrence, "status": assignment.status,
            "weight": assignment.weight, "overdue": assignment.is_overdue(today),
            "next_due_date": due.isoformat() if due else None,
        }


class PlanPagination(ApiPagination):
    # A plan carries its content areas and their activities (about 15 rows of text, 30 in a
    # province's plan): 5 plans a page weigh what 25 rows of the other lists do.
    page_size = 5


class PlanViewSet(ScopedReadOnlyViewSet):
    model = Plan
    serializer_class = PlanSerializer
    filterset_class = PlanFilter
    pagination_class = PlanPagination
    # The serializer shows the organization and the parent plan by id: no join loads them. Of the documents
    # only their number; the content areas and activities come in one query for the page (content_of).
    prefetch = (Prefetch("basis_documents", queryset=LegalDocument.objects.only("id", "number")),)
    ordering = ("-year", "organization__path", "-id")

    @extend_schema(responses={(200, DOCX_CONTENT_TYPE): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"])
    def docx(self, request, pk=None, format=None):  # noqa: A002 (DRF passes the format suffix)
        plan = self.get_object()
        response = HttpResponse(render_plan_docx(plan), content_type=DOCX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="KH-{plan.pk}-{plan.year}.docx"'
        return response


class TargetViewSet(ScopedReadOnlyViewSet):
    model = Target
    serializer_class = TargetSerializer
    filterset_class = TargetFilter
    # The documents are listed by id.
    prefetch = (Prefetch("documents", queryset=LegalDocument.objects.only("id")),)
    # Grouped by plan, in the plan's order: by the plan's key, not the plan's own ordering (year, organization),
    # which joined plans and organizations to sort all the targets one reads before the page was cut.
    ordering = ("plan_id", "order", "id")


class AssignmentViewSet(ScopedReadOnlyViewSet):
    model = Assignment
    serializer_class = AssignmentSerializer
    filterset_class = AssignmentFilter
    related = ("plan",)
    # The support units are listed by id.
    prefetch = (Prefetch("support_units", queryset=Organization.objects.only("id")),)
    ordering = ("due_date", "id")

    def get_queryset(self):
        # Of its plan a row reads only the year (the next due date of a schedule): 25 plans of 30
        # columns each cost a page more than its own rows.
        own = [field.name for field in Assignment._meta.concrete_fields]
        return super().get_queryset().only(*own, "plan__year")
