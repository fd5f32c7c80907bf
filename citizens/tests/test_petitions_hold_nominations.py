"""A complaint or denunciation pending against a person holds their nomination; once decided, it no longer
does, and a feedback or a petition against someone else holds nothing."""

import pytest
from django.core.exceptions import ValidationError

from citizens.models import PetitionKind, PetitionState
from citizens.tests.factories import PetitionFactory
from emulation import services
from emulation.holds import holds_of
from emulation.models import ExemplarStatus
from emulation.tests.factories import ExemplarFactory
from orgs.models import StaffMember


@pytest.fixture
def nominated(users, orgs):
    person = StaffMember.objects.get(user=users["unit"])
    return ExemplarFactory(kind="person", person=person, name=person.full_name, status=ExemplarStatus.REVIEWED)


def test_a_pending_denunciation_against_the_person_holds_the_approval_until_decided(nominated, users, orgs):
    petition = PetitionFactory(organization=orgs["TN.SXD.TTR"], kind=PetitionKind.DENUNCIATION,
                               state=PetitionState.SETTLING, denounced_user=users["unit"])
    assert holds_of(nominated) == [f"tố cáo đang giải quyết {petition.code}"]
    with pytest.raises(ValidationError):
        services.advance(nominated, "approve", by=users["leader"])
    petition.state = PetitionState.DECIDED
    petition.save()
    assert services.advance(nominated, "approve", by=users["leader"]).status == ExemplarStatus.APPROVED


def test_feedback_or_a_petition_against_someone_else_holds_nothing(nominated, users, orgs):
    PetitionFactory(organization=orgs["TN.SXD.TTR"], kind=PetitionKind.FEEDBACK, denounced_user=users["unit"])
    PetitionFactory(organization=orgs["TN.SXD.TTR"], kind=PetitionKind.COMPLAINT, denounced_user=users["focal"])
    assert holds_of(nominated) == []
