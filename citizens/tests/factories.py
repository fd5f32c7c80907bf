"""Petitions and receptions, and a reception and petition officer (the new role) of a unit."""

import datetime as dt

import factory

from citizens.models import Channel, Petition, PetitionKind, Reception
from orgs.models import Membership, Role
from orgs.tests.factories import UserFactory


class PetitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Petition

    code = factory.Sequence(lambda n: f"PATEST{n:04d}")
    kind = PetitionKind.COMPLAINT
    channel = Channel.IN_PERSON
    received_on = dt.date(2025, 3, 3)
    subject = factory.Sequence(lambda n: f"Khiếu nại số {n}")
    petitioner_name = "Trần Thị Bí Mật"
    petitioner_address = "12 Đường Lý Thường Kiệt, Tây Ninh"
    petitioner_phone = "0912345678"
    petitioner_id_number = "072301009999"


class ReceptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reception

    date = dt.date(2025, 3, 5)
    host = "Giám đốc Sở"
    head_session = True
    citizen_name = "Lê Văn Công Dân"
    citizen_address = "5 Hẻm 3, Hòa Thành"
    citizen_id_number = "072301001111"
    matter = "Đất đai"
    kind = PetitionKind.RECOMMENDATION


def handler_of(organization, username="handler"):
    """A user holding the reception and petition officer's role in `organization`."""
    user = UserFactory(username=username)
    Membership.objects.create(user=user, organization=organization, role=Role.PETITION_HANDLER)
    return user
