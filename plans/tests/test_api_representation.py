"""The plan and assignment APIs write their rows out by hand (plans.api: a page of plans is also their
content): what they write is exactly what DRF's ModelSerializer gives for the same fields."""

import json

from rest_framework import serializers
from rest_framework.renderers import JSONRenderer

from legal.models import LegalDocument
from plans.api import AssignmentSerializer, ContentAreaSerializer, PlanSerializer
from plans.models import Assignment, Plan
from plans.tests.factories import ActivityFactory, AssignmentFactory, ContentAreaFactory, PlanFactory


class DrfContentAreaSerializer(ContentAreaSerializer):
    to_representation = serializers.ModelSerializer.to_representation


class DrfPlanSerializer(PlanSerializer):
    content_areas = DrfContentAreaSerializer(many=True, read_only=True)
    to_representation = serializers.ModelSerializer.to_representation

    class Meta(PlanSerializer.Meta):
        list_serializer_class = serializers.ListSerializer


class DrfAssignmentSerializer(AssignmentSerializer):
    to_representation = serializers.ModelSerializer.to_representation


def rendered(serializer_class, rows):
    return json.loads(JSONRenderer().render(serializer_class(rows, many=True).data))


def test_the_plan_api_writes_what_drf_would_for_full_and_sparse_plans(province_2025):
    sparse = PlanFactory(number=None, date=None, year_to=None)
    area = ContentAreaFactory(plan=sparse, source=None, description="")
    ActivityFactory(content_area=area, text="Hoạt động «một» & <hai>")
    ContentAreaFactory(plan=sparse)  # an area without activities
    province_2025.basis_documents.add(*LegalDocument.objects.all()[:2])
    plans = list(Plan.objects.filter(pk__in=[province_2025.pk, sparse.pk]).order_by("pk"))
    assert province_2025.content_areas.exists() and province_2025.basis_documents.exists()

    ours, drf = rendered(PlanSerializer, plans), rendered(DrfPlanSerializer, plans)

    assert ours == drf
    assert [list(row) for row in ours] == [list(row) for row in drf]  # the same keys in the same order
    assert [list(area) for area in ours[1]["content_areas"]] == [list(area) for area in drf[1]["content_areas"]]
    one = json.loads(JSONRenderer().render(PlanSerializer(province_2025).data))  # a plan's own page
    assert one == drf[0] and list(one) == list(drf[0])


def test_the_assignment_api_writes_what_drf_would(orgs):
    plain = AssignmentFactory(due_date=None)
    scheduled = AssignmentFactory(recurrence="quarterly", timing="Hằng quý", other_units="UBND các xã")
    scheduled.support_units.add(orgs["TN.SXD"], orgs["TN"])
    rows = list(Assignment.objects.filter(pk__in=[plain.pk, scheduled.pk]).order_by("pk"))
    rows += list(Assignment.objects.exclude(pk__in=[plain.pk, scheduled.pk]).order_by("pk")[:20])

    ours, drf = rendered(AssignmentSerializer, rows), rendered(DrfAssignmentSerializer, rows)

    assert ours == drf
    assert [list(row) for row in ours] == [list(row) for row in drf]
