"""Valid organizations, staff, accounts and memberships, each made whole by itself (a unit gets its agency
and province)."""

import factory
from django.contrib.auth import get_user_model

from orgs.models import Membership, Organization, OrganizationKind, Role, StaffCategory, StaffMember


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("danvan-demo")


class OrganizationFactory(factory.django.DjangoModelFactory):
    """A unit, under an agency of a province (the tree's shape)."""

    class Meta:
        model = Organization

    code = factory.Sequence(lambda n: f"ORG{n}")
    symbol = factory.Sequence(lambda n: f"O{n}")
    name = factory.Sequence(lambda n: f"Đơn vị {n}")
    kind = OrganizationKind.UNIT
    parent = factory.SubFactory("orgs.tests.factories.AgencyFactory")


class ProvinceFactory(OrganizationFactory):
    name = factory.Sequence(lambda n: f"Ủy ban nhân dân tỉnh {n}")
    kind = OrganizationKind.PROVINCE
    parent = None


class AgencyFactory(OrganizationFactory):
    name = factory.Sequence(lambda n: f"Sở {n}")
    kind = OrganizationKind.AGENCY
    parent = factory.SubFactory(ProvinceFactory)


class StaffMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaffMember

    organization = factory.SubFactory(OrganizationFactory)
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn {n}")
    position = "Chuyên viên"
    category = StaffCategory.CIVIL_SERVANT


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = Role.VIEWER
