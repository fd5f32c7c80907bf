"""An object's version: its latest historical record's id, or for a model without history a
digest of its stored values; either changes with every save that changes it."""

import pytest
from django.contrib.auth.models import Group

from core.locking import version_of
from orgs import services
from orgs.models import StaffMember

pytestmark = pytest.mark.django_db


def test_an_audited_object_s_version_is_its_latest_history_id_and_moves_on_save(users):
    staff = StaffMember.objects.order_by("pk").first()
    before = version_of(staff)
    assert before == str(staff.history.order_by("-history_id").first().history_id)
    staff.position = "Chuyên viên chính"
    services.save_staff_member(staff, by=users["admin"])
    assert int(version_of(staff)) > int(before)


def test_a_model_without_history_gets_a_digest_of_its_stored_values():
    group = Group.objects.create(name="Tổ soạn thảo")
    before = version_of(group)
    assert version_of(Group.objects.get(pk=group.pk)) == before
    Group.objects.filter(pk=group.pk).update(name="Tổ thẩm định")
    assert version_of(group) != before
