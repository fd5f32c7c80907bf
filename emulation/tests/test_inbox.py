"""Nominations wait in the inbox of whoever takes their next step: the focal office to review, the leader to
approve, the unit when returned."""

from core.registry import inbox_for
from emulation.models import ExemplarStatus
from emulation.tests.factories import ExemplarFactory


def _counts(user) -> dict[str, int]:
    return {item.url.split("?status=")[-1]: item.count for item in inbox_for(user) if "/emulation/" in item.url}


def test_each_step_waits_in_the_inbox_of_its_role_only(users, orgs):
    ExemplarFactory(status=ExemplarStatus.NOMINATED)
    ExemplarFactory(status=ExemplarStatus.NOMINATED, organization=orgs["TN.SXD.HTKT"])
    ExemplarFactory(status=ExemplarStatus.REVIEWED)
    ExemplarFactory(status=ExemplarStatus.RETURNED)
    ExemplarFactory(status=ExemplarStatus.NOMINATED, organization=orgs["TN.SVHTTDL.TV"])
    assert _counts(users["focal"]) == {"nominated": 2, "returned": 1}
    assert _counts(users["leader"]) == {"reviewed": 1}
    assert _counts(users["unit"]) == {"returned": 1}
    assert _counts(users["other-focal"]) == {"nominated": 1}
    assert _counts(users["coordinator"]) == {}
