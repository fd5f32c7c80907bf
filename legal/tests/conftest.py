"""Fixtures of the register's scoping tests: a coordinator of the other demo province, and a
document Sở Xây dựng's focal office added to the register, waiting for confirmation."""

import pytest
from django.contrib.auth import get_user_model

from legal.services import register_document
from orgs.models import Membership


@pytest.fixture
def hcm_coordinator(orgs):
    user = get_user_model().objects.create_user("hcm-coordinator", password="x")
    Membership.objects.create(user=user, organization=orgs["HCM.SVHTT"], role="coordinator")
    return user


@pytest.fixture
def waiting(orgs, users):
    """"88/KH-BDVTU" as Sở Xây dựng's focal office cited it in its plan: not yet in Tây Ninh's register."""
    return register_document("88/KH-BDVTU", organization=orgs["TN.SXD"], by=users["focal"],
                             issuer="Ban Dân vận Tỉnh ủy", title="Kế hoạch thử chờ xác nhận")
