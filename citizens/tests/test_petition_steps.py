"""The legal steps of a petition: a table of transitions, each by a handler, with its reason where the law asks."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from citizens import services
from citizens.models import Complexity, Petition, PetitionKind, PetitionState
from citizens.tests.factories import PetitionFactory, handler_of

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def handler(orgs):
    return handler_of(orgs["TN.SXD.QLXD"])


def new_petition(orgs, handler, **fields):
    fields.setdefault("kind", PetitionKind.COMPLAINT)
    fields.setdefault("received_on", D(2025, 3, 3))
    petition = Petition(organization=orgs["TN.SXD.QLXD"], subject="Khiếu nại quyết định", **fields)
    return services.record_petition(petition, by=handler)


def test_a_petition_goes_from_received_to_closed_and_each_step_is_recorded(orgs, handler):
    petition, secret = new_petition(orgs, handler)
    assert petition.state == PetitionState.RECEIVED and services.check_secret(petition, secret)
    services.advance(petition, "accept", by=handler, date=D(2025, 3, 10))
    services.advance(petition, "start", by=handler, date=D(2025, 3, 11))
    services.advance(petition, "decide", by=handler, date=D(2025, 4, 1), reason="Quyết định giải quyết số 12")
    services.advance(petition, "close", by=handler, date=D(2025, 4, 2))
    petition.refresh_from_db()
    assert petition.state == PetitionState.CLOSED and petition.accepted_on == D(2025, 3, 10)
    assert petition.decided_on == D(2025, 4, 1) and petition.outcome == "Quyết định giải quyết số 12"
    assert list(petition.events.values_list("transition", flat=True)) == [
        "receive", "accept", "start", "decide", "close"]


@pytest.mark.parametrize("transition", ["start", "decide", "close"])
def test_a_received_petition_cannot_skip_acceptance(orgs, handler, transition):
    petition, _secret = new_petition(orgs, handler)
    with pytest.raises(ValidationError):
        services.advance(petition, transition, by=handler, reason="x")
    petition.refresh_from_db()
    assert petition.state == PetitionState.RECEIVED


@pytest.mark.parametrize("transition", ["refuse", "transfer", "extend", "decide"])
def test_refusing_transferring_extending_and_deciding_need_a_reason(orgs, handler, transition):
    petition, _secret = new_petition(orgs, handler)
    if transition in ("extend", "decide"):
        services.advance(petition, "accept", by=handler, date=D(2025, 3, 10))
        services.advance(petition, "start", by=handler, date=D(2025, 3, 10))
    with pytest.raises(ValidationError) as error:
        services.advance(petition, transition, by=handler, reason=" ")
    assert "reason" in error.value.message_dict


def test_a_refused_petition_keeps_its_reason_and_can_only_be_closed(orgs, handler):
    petition, _secret = new_petition(orgs, handler)
    services.advance(petition, "refuse", by=handler, reason="Không thuộc thẩm quyền", date=D(2025, 3, 5))
    petition.refresh_from_db()
    assert petition.state == PetitionState.REFUSED
    assert petition.events.last().reason == "Không thuộc thẩm quyền"
    with pytest.raises(ValidationError):
        services.advance(petition, "accept", by=handler)
    services.advance(petition, "close", by=handler)


def test_transferring_names_the_competent_body(orgs, handler):
    petition, _secret = new_petition(orgs, handler, kind=PetitionKind.DENUNCIATION)
    services.advance(petition, "transfer", by=handler, reason="Thanh tra tỉnh")
    petition.refresh_from_db()
    assert petition.state == PetitionState.TRANSFERRED and petition.transferred_to == "Thanh tra tỉnh"


def test_extending_a_complaint_makes_it_complex_and_lengthens_its_deadline(orgs, handler):
    from citizens import deadlines

    petition, _secret = new_petition(orgs, handler)
    services.advance(petition, "accept", by=handler, date=D(2025, 3, 10))
    before = deadlines.current_due(petition).due
    services.advance(petition, "extend", by=handler, reason="Vụ việc phức tạp, cần xác minh")
    petition.refresh_from_db()
    assert petition.complexity == Complexity.COMPLEX and deadlines.current_due(petition).due > before
    with pytest.raises(ValidationError):
        services.advance(petition, "extend", by=handler, reason="Lần nữa")


def test_extending_a_denunciation_adds_one_extension_then_refuses_another(orgs, handler):
    petition, _secret = new_petition(orgs, handler, kind=PetitionKind.DENUNCIATION)
    services.advance(petition, "accept", by=handler, date=D(2025, 3, 10))
    services.advance(petition, "extend", by=handler, reason="Phức tạp")
    petition.refresh_from_db()
    assert (petition.complexity, petition.extensions) == (Complexity.COMPLEX, 1)
    with pytest.raises(ValidationError):
        services.advance(petition, "extend", by=handler, reason="Lần hai")


def test_a_second_time_complaint_follows_a_decided_first_within_its_window(orgs, handler):
    first = PetitionFactory(organization=orgs["TN.SXD.QLXD"], state=PetitionState.DECIDED,
                            accepted_on=D(2025, 3, 10), decided_on=D(2025, 4, 1))
    second, _secret = new_petition(orgs, handler, first_petition=first, received_on=D(2025, 4, 20))
    assert second.second_time
    with pytest.raises(ValidationError):
        new_petition(orgs, handler, first_petition=first, received_on=D(2025, 5, 20))


def test_only_handlers_of_the_unit_take_steps(orgs, handler, users):
    petition, _secret = new_petition(orgs, handler)
    for username in ("focal", "unit", "inspector", "coordinator", "other-focal"):
        with pytest.raises(PermissionDenied):
            services.advance(petition, "accept", by=users[username])
    services.advance(petition, "accept", by=users["leader"])


def test_a_step_cannot_be_dated_before_the_previous_one(orgs, handler):
    petition, _secret = new_petition(orgs, handler)
    with pytest.raises(ValidationError):
        services.advance(petition, "accept", by=handler, date=D(2025, 3, 1))
