"""Organizations carry a type within their kind; the services refuse a type the kind does not admit."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from orgs import services
from orgs.models import Organization, OrganizationType


def test_a_unit_cannot_be_a_commune(orgs, users):
    with pytest.raises(ValidationError) as error:
        services.create_organization(by=users["admin"], parent=orgs["TN.SXD"], code="TN.SXD.X", name="Phòng X",
                                     kind="unit", org_type=OrganizationType.COMMUNE)
    assert "org_type" in error.value.error_dict


def test_a_new_organization_without_a_type_takes_the_one_its_name_suggests(orgs, users):
    center = services.create_organization(by=users["admin"], parent=orgs["TN.SXD"], code="TN.SXD.TT",
                                          name="Trung tâm Kiểm định", kind="unit")
    commune = services.create_organization(by=users["admin"], parent=orgs["TN"], code="TN.X1",
                                           name="Ủy ban nhân dân xã Tân Biên", kind="agency")
    assert center.org_type == OrganizationType.SERVICE_UNIT and center.has_own_seal
    assert commune.org_type == OrganizationType.COMMUNE and commune.has_own_seal


def test_divisions_and_mass_organizations_use_their_agency_seal(orgs):
    assert orgs["TN.SXD.QLXD"].org_type == OrganizationType.DIVISION
    assert not orgs["TN.SXD.QLXD"].has_own_seal
    assert orgs["TN.SXD.CD"].org_type == OrganizationType.MASS_ORGANIZATION
    sealed = set(Organization.objects.with_own_seal().values_list("code", flat=True))
    assert "TN.SXD" in sealed and "TN.SXD.TTKD" in sealed and "TN.SXD.QLXD" not in sealed


def test_changing_the_kind_to_one_that_refuses_the_type_is_refused(orgs, users):
    with pytest.raises(ValidationError):
        services.update_organization(orgs["TN.SXD.QLXD"], by=users["admin"], kind="agency", parent=orgs["TN"],
                                     org_type=OrganizationType.DIVISION)


def test_the_lists_and_the_api_filter_by_type(client_for, orgs):
    client = client_for("coordinator")
    page = client.get(reverse("orgs:organization_list"), {"org_type": "service_unit"}).content.decode()
    assert "Trung tâm Quy hoạch và Kiểm định xây dựng" in page and "Phòng Quản lý hoạt động xây dựng" not in page
    staff = client.get(reverse("orgs:staff_list"), {"org_type": "service_unit"}).context["table"]
    assert staff.paginator.count and all(
        row.record.organization.org_type == "service_unit" for row in staff.paginated_rows)
    api = client.get(reverse("organization-list"), {"org_type": "department"}).json()
    results = api["results"] if isinstance(api, dict) else api
    assert results and {row["org_type"] for row in results} == {"department"}
