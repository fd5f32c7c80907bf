"""Two saves based on the same version at the same moment, each on its own connection: exactly
one wins, the other is refused (the check and the save are one transaction on a locked row).

Only PostgreSQL has the row locks and the concurrent connections this needs (CI runs the suite
on it too); on SQLite the test is skipped.
"""

import threading

import pytest
from django.db import connection, connections

from core.locking import StaleVersionError, locked_save, version_of
from orgs import services
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
