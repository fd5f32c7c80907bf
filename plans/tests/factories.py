"""Valid plans and plan parts, each made whole by itself: a plan gets its agency, an assignment a plan and
a lead unit of the plan's agency."""

import factory

from orgs.tests.factories import AgencyFactory, OrganizationFactory
from plans.models import Activity, Assignment, ContentArea, Plan, PlanStatus, Target, TargetKind


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    organization = factory.SubFactory(AgencyFactory)
    year = 2026
    symbol = factory.LazyAttribute(lambda plan: f"KH-{plan.organization.symbol}")
    place = "Tây Ninh"
    title = factory.Sequence(lambda n: f"Kế hoạch thử {n}")
    status = PlanStatus.DRAFT


class ContentAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContentArea

    plan = factory.SubFactory(PlanFactory)
    title = factory.Sequence(lambda n: f"Nội dung {n}")


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    content_area = factory.SubFactory(ContentAreaFactory)
    text = factory.Sequence(lambda n: f"Hoạt động {n}")


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    plan = factory.SubFactory(PlanFactory)
    text = "100% cán bộ được học tập"
    kind = TargetKind.STAFF_SHARE
    target_value = 100


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assignment

    plan = factory.SubFactory(PlanFactory)
    lead_unit = factory.SubFactory(OrganizationFactory, parent=factory.SelfAttribute("..plan.organization"))
    task = factory.Sequence(lambda n: f"Nhiệm vụ {n}")
