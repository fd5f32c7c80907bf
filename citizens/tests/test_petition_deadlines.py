"""Every step's deadline comes from the rules table, counted in calendar or working days, moved off days off."""

import datetime as dt

import pytest

from citizens import deadlines
from citizens.models import Complexity, DeadlineRule, Petition, PetitionKind, PetitionState, Step
from citizens.tests.factories import PetitionFactory

pytestmark = pytest.mark.django_db

D = dt.date
ACCEPTED_ON = D(2025, 3, 10)


def petition(kind=PetitionKind.COMPLAINT, **fields):
    fields.setdefault("received_on", D(2025, 3, 3))
    return Petition(kind=kind, **fields)


def accepted(kind=PetitionKind.COMPLAINT, on=ACCEPTED_ON, **fields):
    return petition(kind, state=PetitionState.SETTLING, accepted_on=on, **fields)


# Accept or refuse: a complaint 10 calendar days; a denunciation 7 working days (10 when verified at several
# places); a recommendation and a feedback 10 working days.
@pytest.mark.parametrize(("kind", "complexity", "received", "due"), [
    (PetitionKind.COMPLAINT, Complexity.NORMAL, D(2025, 3, 3), D(2025, 3, 13)),
    (PetitionKind.DENUNCIATION, Complexity.NORMAL, D(2025, 3, 3), D(2025, 3, 12)),
    (PetitionKind.DENUNCIATION, Complexity.COMPLEX, D(2025, 3, 3), D(2025, 3, 17)),
    (PetitionKind.RECOMMENDATION, Complexity.NORMAL, D(2025, 3, 3), D(2025, 3, 17)),
    (PetitionKind.FEEDBACK, Complexity.NORMAL, D(2025, 3, 3), D(2025, 3, 17)),
])
def test_the_acceptance_deadline_of_every_kind(kind, complexity, received, due):
    item = petition(kind, received_on=received, complexity=complexity)
    found = deadlines.current_due(item)
    assert found.step == Step.ACCEPT and found.due == due


# Settle, from acceptance (10/03/2025, a Monday): a first complaint 30 days, complex 45, remote 45, remote and
# complex 60; a second-time complaint 45/60/60/70; a denunciation 30; a recommendation or feedback 15.
@pytest.mark.parametrize(("kind", "second", "remote", "complexity", "due"), [
    (PetitionKind.COMPLAINT, False, False, Complexity.NORMAL, D(2025, 4, 9)),
    (PetitionKind.COMPLAINT, False, False, Complexity.COMPLEX, D(2025, 4, 24)),
    (PetitionKind.COMPLAINT, False, True, Complexity.NORMAL, D(2025, 4, 24)),
    (PetitionKind.COMPLAINT, False, True, Complexity.COMPLEX, D(2025, 5, 9)),
    (PetitionKind.COMPLAINT, True, False, Complexity.NORMAL, D(2025, 4, 24)),
    (PetitionKind.COMPLAINT, True, False, Complexity.COMPLEX, D(2025, 5, 9)),
    (PetitionKind.COMPLAINT, True, True, Complexity.NORMAL, D(2025, 5, 9)),
    (PetitionKind.COMPLAINT, True, True, Complexity.COMPLEX, D(2025, 5, 19)),
    (PetitionKind.DENUNCIATION, False, False, Complexity.NORMAL, D(2025, 4, 9)),
    (PetitionKind.RECOMMENDATION, False, False, Complexity.NORMAL, D(2025, 3, 25)),
    (PetitionKind.FEEDBACK, False, False, Complexity.NORMAL, D(2025, 3, 25)),
])
def test_the_settlement_deadline_of_every_kind_and_variant(kind, second, remote, complexity, due):
    item = accepted(kind, remote_area=remote, complexity=complexity)
    if second:
        item.first_petition = Petition(pk=1)
        item.first_petition_id = 1
    found = deadlines.current_due(item)
    assert found.step == (Step.SETTLE_SECOND if second else Step.SETTLE)
    assert found.due == due


def test_a_complex_remote_second_complaint_of_70_days_lands_on_a_day_off_and_moves():
    # 10/03/2025 + 70 days = 19/05/2025, a Monday: no move (the case above); from 08/03 it is 17/05, a Saturday.
    item = accepted(on=D(2025, 3, 8), remote_area=True, complexity=Complexity.COMPLEX)
    item.first_petition_id = 1
    assert deadlines.current_due(item).due == D(2025, 5, 19)


def test_a_deadline_landing_on_a_sunday_moves_to_monday():
    # Accepted Friday 14/03/2025: 30 days later is Sunday 13/04/2025.
    assert D(2025, 4, 13).weekday() == 6
    assert deadlines.current_due(accepted(on=D(2025, 3, 14))).due == D(2025, 4, 14)


def test_working_days_skip_tet():
    # A denunciation received Thursday 23/01/2025: Tết closes 25/01–02/02 (Lunar New Year 29/01/2025).
    # Seven working days: 24/01, then 03, 04, 05, 06, 07, 10/02.
    assert deadlines.current_due(petition(PetitionKind.DENUNCIATION, received_on=D(2025, 1, 23))).due == D(2025, 2, 10)


def test_calendar_days_across_tet_land_on_the_first_working_day_after():
    # A complaint received 19/01/2025: ten calendar days later is 29/01, the first day of Tết: moved to 03/02.
    assert deadlines.current_due(petition(received_on=D(2025, 1, 19))).due == D(2025, 2, 3)


def test_a_denunciation_extension_adds_thirty_days_to_the_deadline_once_for_a_complex_case():
    item = accepted(PetitionKind.DENUNCIATION, complexity=Complexity.COMPLEX)
    assert deadlines.current_due(item).due == D(2025, 4, 9)
    item.extensions = 1
    assert deadlines.current_due(item).due == D(2025, 5, 9)
    assert not deadlines.extension_allowed(item)


def test_an_especially_complex_denunciation_may_be_extended_twice():
    item = accepted(PetitionKind.DENUNCIATION, complexity=Complexity.VERY_COMPLEX, extensions=1)
    assert deadlines.extension_allowed(item)
    item.extensions = 2
    # 09/04 + 30 = 09/05; + 30 = 08/06/2025, a Sunday: moved to Monday 09/06.
    assert deadlines.current_due(item).due == D(2025, 6, 9)
    assert not deadlines.extension_allowed(item)


def test_a_rule_changes_on_its_effective_date():
    DeadlineRule.objects.create(law="Luật sửa đổi (thử)", kind=PetitionKind.COMPLAINT, step=Step.SETTLE,
                                area="normal", complexity=Complexity.NORMAL, effective_from=D(2026, 7, 1), days=20)
    before = accepted(on=D(2026, 6, 30))
    on_the_day = accepted(on=D(2026, 7, 1))
    assert deadlines.current_due(before).due == D(2026, 7, 30)
    assert deadlines.current_due(on_the_day).due == D(2026, 7, 21)
    assert deadlines.current_due(on_the_day).rule.law == "Luật sửa đổi (thử)"


def test_the_second_complaint_window_runs_from_the_first_decision():
    first = petition(state=PetitionState.DECIDED, accepted_on=D(2025, 3, 10), decided_on=D(2025, 4, 1))
    # 01/05/2025 is Labour Day and 02/05 its bridging day off, then a weekend: Monday 05/05.
    assert deadlines.second_complaint_due(first) == D(2025, 5, 5)
    first.remote_area = True
    assert deadlines.second_complaint_due(first) == D(2025, 5, 16)


# Transfer to the competent body: a denunciation within 5 working days, the others within 10 (TT 05/2021).
@pytest.mark.parametrize(("kind", "due"), [
    (PetitionKind.DENUNCIATION, D(2025, 3, 10)),
    (PetitionKind.COMPLAINT, D(2025, 3, 17)),
    (PetitionKind.RECOMMENDATION, D(2025, 3, 17)),
    (PetitionKind.FEEDBACK, D(2025, 3, 17)),
])
def test_the_transfer_deadline_of_every_kind(kind, due):
    assert deadlines.transfer_due(petition(kind, received_on=D(2025, 3, 3))) == due


def test_decided_on_time_compares_the_decision_with_the_settlement_deadline(orgs):
    item = PetitionFactory(organization=orgs["TN.SXD.QLXD"], state=PetitionState.DECIDED,
                           accepted_on=D(2025, 3, 10), decided_on=D(2025, 4, 9))
    assert deadlines.settled_on_time(item) is True
    item.decided_on = D(2025, 4, 10)
    assert deadlines.settled_on_time(item) is False
