"""Two saves based on the same version at the same moment, each on its own connection: exactly
one wins, the other is refused (the check and the save are one transaction on a locked row).

Only PostgreSQL has the row locks and the concurrent connections this needs (CI runs the suite
on it too); on SQLite the test is skipped.
"""

import json
import threading

import pytest
from django.db import connection, connections
from django.test import Client
from rest_framework.authtoken.models import Token

from core.locking import StaleVersionError, locked_save, version_of
from orgs import services
from orgs.api import StaffMemberViewSet
from orgs.models import StaffMember

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.live_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's row locks"),
]


def test_two_concurrent_saves_of_one_version_one_wins_one_is_refused(demo_data, users):
    staff = StaffMember.objects.filter(organization__code="TN.SXD.QLXD").order_by("pk").first()
    version = version_of(staff)
    both_read = threading.Barrier(2)
    outcomes = {}

    def edit(name, position):
        try:
            mine = StaffMember.objects.get(pk=staff.pk)
            both_read.wait(timeout=10)

            def save():
                mine.position = position
                services.save_staff_member(mine, by=users["focal"])
                # Hold the lock a moment, so that the other save is surely waiting on it.
                threading.Event().wait(0.3)

            locked_save(mine, version, save)
            outcomes[name] = "saved"
        except StaleVersionError:
            outcomes[name] = "refused"
        finally:
            connections.close_all()

    threads = [threading.Thread(target=edit, args=(f"t{i}", f"Chức vụ {i}")) for i in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes.values()) == ["refused", "saved"]
    winner = next(name for name, outcome in outcomes.items() if outcome == "saved")
    staff.refresh_from_db()
    assert staff.position == f"Chức vụ {winner[1]}"
    assert staff.history.filter(position__startswith="Chức vụ").count() == 1


def test_two_concurrent_api_patches_with_one_etag_one_is_200_the_other_412(demo_data, users, monkeypatch):
    staff = StaffMember.objects.filter(organization__code="TN.SXD.QLXD").order_by("pk").first()
    url = f"/api/staff/{staff.pk}/"
    token = Token.objects.get_or_create(user=users["focal"])[0].key
    etag = Client(HTTP_AUTHORIZATION=f"Token {token}").get(url).headers["ETag"]
    saving = StaffMemberViewSet.save_service

    def slow_save(instance, **kwargs):
        # The winner holds the row a moment: the other request surely waits on its lock.
        saving(instance, **kwargs)
        threading.Event().wait(0.3)

    monkeypatch.setattr(StaffMemberViewSet, "save_service", slow_save)
    both_ready = threading.Barrier(2)
    statuses = {}

    def patch(position):
        try:
            client = Client(HTTP_AUTHORIZATION=f"Token {token}")
            both_ready.wait(timeout=10)
            response = client.patch(url, json.dumps({"position": position}), content_type="application/json",
                                    HTTP_IF_MATCH=etag)
            statuses[position] = response.status_code
        finally:
            connections.close_all()

    threads = [threading.Thread(target=patch, args=(f"Chức vụ {i}",)) for i in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(statuses.values()) == [200, 412]
    winner = next(position for position, status in statuses.items() if status == 200)
    staff.refresh_from_db()
    assert staff.position == winner
