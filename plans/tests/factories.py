import factory

from plans.models import Assignment, ContentArea, Plan, PlanStatus, Target


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    year = 2026
    symbol = "KH-TEST"
    place = "Tây Ninh"
    title = factory.Sequence(lambda n: f"Kế hoạch thử {n}")
    status = PlanStatus.DRAFT


class ContentAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContentArea

    plan = factory.SubFactory(PlanFactory)
    title = factory.Sequence(lambda n: f"Nội dung {n}")


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    plan = factory.SubFactory(PlanFactory)
    text = "100% cán bộ được học tập"
    kind = "staff_share"
    target_value = 100


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assignment

    plan = factory.SubFactory(PlanFactory)
    task = factory.Sequence(lambda n: f"Nhiệm vụ {n}")
