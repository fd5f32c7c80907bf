"""Valid emulation records, by default in Phòng QLHĐXD of Sở Xây dựng (the demo's sample unit)."""

import datetime as dt

import factory

from emulation.models import Award, Commendation, Exemplar, ExemplarKind, Movement
from orgs.models import Organization


def _org(code: str):
    return factory.LazyFunction(lambda: Organization.objects.get(code=code))


class MovementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Movement

    organization = _org("TN")
    year = 2025
    name = factory.Sequence(lambda n: f"Dân vận khéo {n}")


class ExemplarFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Exemplar

    organization = _org("TN.SXD.QLXD")
    year = 2025
    kind = ExemplarKind.MODEL
    name = factory.Sequence(lambda n: f"Mô hình dân vận khéo {n}")
    description = "Hướng dẫn người dân tận tình tại bộ phận một cửa."


class CommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commendation

    organization = _org("TN.SXD.QLXD")
    recipient = factory.Sequence(lambda n: f"Tập thể {n}")
    award = Award.CERTIFICATE
    decision_number = factory.Sequence(lambda n: f"{n + 1}/QĐ-SXD")
    decision_date = dt.date(2025, 6, 1)
