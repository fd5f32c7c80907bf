"""A deleted staff member's history page stays readable to those who could read the member,
and to no one else."""

import pytest
from django.urls import reverse

from orgs import services
from orgs.models import StaffMember


@pytest.fixture
def deleted(orgs, users):
    staff = StaffMember.objects.filter(organization=orgs["TN.SXD.QLXD"]).first()
    pk, name = staff.pk, staff.full_name
    services.delete_staff_member(staff, by=users["focal"])
    return pk, name


def test_the_history_of_a_deleted_staff_member_stays_readable(client_for, deleted):
    pk, name = deleted
    response = client_for("focal").get(reverse("orgs:staff_history", args=[pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert name in page and "xóa" in page
    assert "Bản ghi này đã bị xóa" in page
    assert reverse("orgs:staff_detail", args=[pk]) not in page


def test_a_user_who_could_not_read_the_member_gets_404(client_for, deleted):
    pk, _ = deleted
    assert client_for("other-focal").get(reverse("orgs:staff_history", args=[pk])).status_code == 404


def test_a_member_that_never_existed_gets_404(client_for):
    assert client_for("focal").get(reverse("orgs:staff_history", args=[987654321])).status_code == 404
