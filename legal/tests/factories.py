"""A valid entry of the register of cited documents: a confirmed document of Tây Ninh's register."""

import datetime as dt

import factory

from legal.models import LegalDocument, LegalDocumentKind
from orgs.models import Organization


class LegalDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LegalDocument

    number = factory.Sequence(lambda n: f"{n + 1}/2031/QĐ-UBND")  # a year no demo document uses
    kind = LegalDocumentKind.DECISION
    issuer = "UBND tỉnh Tây Ninh"
    date = dt.date(2025, 1, 15)
    title = factory.Sequence(lambda n: f"Quyết định thử {n}")
    province = factory.LazyFunction(lambda: Organization.objects.get(code="TN"))
    confirmed = True
