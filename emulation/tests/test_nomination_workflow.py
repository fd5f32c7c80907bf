"""The nomination workflow is a table of steps: a unit nominates, the focal office reviews, the leader approves,
the focal office records the commendation; every other move is refused."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from emulation import services
from emulation.models import AwardLevel, Commendation, ExemplarStatus
from emulation.tests.factories import ExemplarFactory

S = ExemplarStatus
LEGAL = {(source, name) for name, step in services.STEPS.items() for source in step.sources}


def _commend(exemplar, by):
    return services.save_commendation(
        Commendation(exemplar=exemplar, award="certificate", decision_number="45/QĐ-SXD",
                     decision_date=dt.date(2025, 6, 1)), by=by)


def test_a_nomination_goes_from_the_unit_through_the_focal_office_and_the_leader_to_its_commendation(users):
    exemplar = ExemplarFactory()
    services.advance(exemplar, "submit", by=users["unit"])
    services.advance(exemplar, "review", by=users["focal"])
    exemplar = services.advance(exemplar, "approve", by=users["leader"])
    assert exemplar.status == S.APPROVED and exemplar.recognised_on is not None
    commendation = _commend(exemplar, users["focal"])
    exemplar.refresh_from_db()
    assert exemplar.status == S.COMMENDED
    assert (commendation.kind, commendation.level, commendation.recipient) == ("form", AwardLevel.GRASSROOTS,
                                                                               exemplar.name)
    assert exemplar.history.first().history_user == users["focal"]


@pytest.mark.parametrize("status", [s for s in S if s != S.COMMENDED])
@pytest.mark.parametrize("step", list(services.STEPS))
def test_a_step_from_a_state_the_table_does_not_list_is_refused(users, status, step):
    if (status, step) in LEGAL:
        return
    exemplar = ExemplarFactory(status=status)
    with pytest.raises(ValidationError):
        services.advance(exemplar, step, by=users["admin"], note="vì sao")
    exemplar.refresh_from_db()
    assert exemplar.status == status


@pytest.mark.parametrize("step, status, refused", [
    ("submit", S.DRAFT, ("other-focal", "leader", "viewer", "inspector")),
    ("review", S.NOMINATED, ("unit", "leader", "coordinator", "other-focal")),
    ("approve", S.REVIEWED, ("unit", "focal", "coordinator", "other-focal")),
    ("reject", S.REVIEWED, ("unit", "focal", "other-focal")),
])
def test_each_step_is_taken_only_by_its_role(users, step, status, refused):
    exemplar = ExemplarFactory(status=status)
    for username in refused:
        with pytest.raises(PermissionDenied):
            services.advance(exemplar, step, by=users[username], note="vì sao")
    exemplar.refresh_from_db()
    assert exemplar.status == status


def test_returning_or_rejecting_needs_a_reason(users):
    exemplar = ExemplarFactory(status=S.NOMINATED)
    with pytest.raises(ValidationError):
        services.advance(exemplar, "return", by=users["focal"], note="  ")
    services.advance(exemplar, "return", by=users["focal"], note="Bổ sung số liệu kết quả")
    exemplar.refresh_from_db()
    assert exemplar.status == S.RETURNED and exemplar.last_note == "Bổ sung số liệu kết quả"


def test_only_an_approved_nomination_is_commended(users):
    exemplar = ExemplarFactory(status=S.REVIEWED)
    with pytest.raises(ValidationError):
        _commend(exemplar, users["focal"])
    assert not Commendation.objects.filter(exemplar=exemplar).exists()


def test_a_unit_editor_cannot_record_the_commendation_of_its_own_nomination(users):
    exemplar = ExemplarFactory(status=S.APPROVED)
    with pytest.raises(PermissionDenied):
        _commend(exemplar, users["unit"])


def test_a_nomination_is_changed_only_while_a_draft_or_returned(users):
    exemplar = ExemplarFactory(status=S.NOMINATED)
    exemplar.results = "Đã sửa"
    with pytest.raises(PermissionDenied):
        services.save_exemplar(exemplar, by=users["unit"])


def test_an_exemplary_person_is_named_and_of_the_agency(users, orgs):
    from orgs.models import StaffMember

    exemplar = ExemplarFactory.build(kind="person", person=None)
    with pytest.raises(ValidationError):
        services.save_exemplar(exemplar, by=users["unit"])
    stranger = StaffMember.objects.filter(organization=orgs["TN.SVHTTDL.VP"]).first()
    exemplar.person = stranger
    with pytest.raises(ValidationError):
        services.save_exemplar(exemplar, by=users["unit"])


def test_each_step_is_recorded_in_the_history_with_its_reason(users):
    exemplar = ExemplarFactory()
    services.advance(exemplar, "submit", by=users["unit"])
    services.advance(exemplar, "return", by=users["focal"], note="Bổ sung minh chứng")
    reasons = list(exemplar.history.order_by("history_id").values_list("history_change_reason", "history_user"))
    assert reasons[-2:] == [("submitted", users["unit"].pk), ("Bổ sung minh chứng", users["focal"].pk)]
