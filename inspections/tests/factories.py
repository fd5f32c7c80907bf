"""Valid inspections: Sở Xây dựng inspecting its Phòng QLHĐXD (the demo's sample unit) by default."""

import datetime as dt

import factory

from inspections.models import Finding, IndexScore, Inspection, InspectionKind, Remedy
from orgs.models import Organization


def _org(code: str):
    return factory.LazyFunction(lambda: Organization.objects.get(code=code))


class InspectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inspection

    organization = _org("TN.SXD")
    subject = _org("TN.SXD.QLXD")
    kind = InspectionKind.STAFF_DISCIPLINE
    title = factory.Sequence(lambda n: f"Kiểm tra công vụ {n}")
    scope = "Chấp hành kỷ luật, kỷ cương hành chính."
    team = "Trần Văn Hùng, Trưởng đoàn"
    period_start = dt.date(2025, 1, 1)
    period_end = dt.date(2025, 6, 30)


class FindingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Finding

    inspection = factory.SubFactory(InspectionFactory)
    text = "Đi làm muộn nhiều lần."
    is_violation = True


class RemedyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Remedy

    inspection = factory.SubFactory(InspectionFactory)
    action = "Chấn chỉnh giờ giấc làm việc."
    owner = _org("TN.SXD.QLXD")
    due_date = dt.date(2025, 8, 1)


class IndexScoreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndexScore

    organization = _org("TN")
    index = "par"
    year = 2025
    score = 85
