"""The measures read the petitions and receptions, and fall back to the monthly counts where an organization has
none; overdue and due-soon petitions reach the inbox and the deadline registry."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from citizens.models import PetitionState
from citizens.tests.factories import PetitionFactory, ReceptionFactory, handler_of
from core import registry
from core.periods import Period, PeriodKind
from indicators.models import MonthlyCount
from plans.models import Measure

pytestmark = pytest.mark.django_db
YEAR = Period(2025, PeriodKind.YEAR)


def decided(org, accepted, decided_on):
    return PetitionFactory(organization=org, state=PetitionState.DECIDED, accepted_on=accepted, decided_on=decided_on)


def test_petitions_on_time_rate_counts_decisions_by_their_deadline(orgs):
    decided(orgs["TN.SXD.QLXD"], dt.date(2025, 3, 10), dt.date(2025, 4, 9))
    decided(orgs["TN.SXD.QLXD"], dt.date(2025, 3, 10), dt.date(2025, 4, 20))
    figure = registry.measures.get(Measure.PETITIONS_ON_TIME_RATE)([orgs["TN.SXD"]], YEAR)
    assert (figure.numerator, figure.denominator) == (1, 2)


def test_an_organization_without_petitions_falls_back_to_its_monthly_counts(orgs):
    decided(orgs["TN.SXD.QLXD"], dt.date(2025, 3, 10), dt.date(2025, 4, 9))
    other = orgs["TN.SVHTTDL"]
    MonthlyCount.objects.create(organization=other, month=dt.date(2025, 2, 1),
                                measure=Measure.PETITIONS_ON_TIME_RATE, numerator=8, denominator=10)
    figure = registry.measures.get(Measure.PETITIONS_ON_TIME_RATE)([orgs["TN.SXD"], other], YEAR)
    assert (figure.numerator, figure.denominator) == (9, 11)


def test_reception_days_rate_counts_the_months_the_head_received(orgs):
    for month in (1, 2, 4):
        ReceptionFactory(organization=orgs["TN.SXD"], date=dt.date(2025, month, 10))
    figure = registry.measures.get(Measure.RECEPTION_DAYS_RATE)([orgs["TN.SXD"]], Period(2025, PeriodKind.HALF, 1))
    assert (figure.numerator, figure.denominator) == (3, 6)


def test_overdue_and_due_soon_petitions_reach_the_handlers_inbox_and_deadlines(client, orgs):
    today = timezone.localdate()
    handler = handler_of(orgs["TN.SXD.QLXD"])
    overdue = PetitionFactory(organization=orgs["TN.SXD.QLXD"], received_on=today - dt.timedelta(days=40))
    soon = PetitionFactory(organization=orgs["TN.SXD.QLXD"], received_on=today - dt.timedelta(days=8))
    items = {item.label: item.count for item in registry.inbox_for(handler)}
    assert items["Đơn thư quá hạn xử lý"] == 1
    assert sum(count for label, count in items.items() if label.startswith("Đơn thư đến hạn")) == 1
    deadlines = registry.deadlines_for(handler, until=today + dt.timedelta(days=30))
    keys = {f"citizens.petition-{overdue.pk}-accept", f"citizens.petition-{soon.pk}-accept"}
    assert {d.key for d in deadlines} >= keys
    client.force_login(handler)
    page = client.get(reverse("citizens:petition_list"), {"due": "overdue"}).content.decode()
    assert overdue.code in page and soon.code not in page


def test_the_backlog_counts_petitions_no_step_had_ended_by_the_periods_end(orgs):
    from citizens.models import PetitionEvent

    unit = orgs["TN.SXD.QLXD"]
    PetitionFactory(organization=unit, received_on=dt.date(2025, 5, 2), state=PetitionState.ACCEPTED)  # open
    later = PetitionFactory(organization=unit, received_on=dt.date(2025, 5, 3), state=PetitionState.DECIDED,
                            decided_on=dt.date(2025, 7, 20))  # decided after the first half: open at its end
    PetitionEvent.objects.create(petition=later, transition="decide", state=PetitionState.DECIDED,
                                 date=dt.date(2025, 7, 20))
    refused = PetitionFactory(organization=unit, received_on=dt.date(2025, 5, 4), state=PetitionState.REFUSED)
    PetitionEvent.objects.create(petition=refused, transition="refuse", state=PetitionState.REFUSED,
                                 date=dt.date(2025, 5, 6))
    PetitionFactory(organization=unit, received_on=dt.date(2025, 7, 1))  # received after the first half
    backlog = registry.measures.get(Measure.PETITIONS_BACKLOG)
    first_half = backlog([orgs["TN.SXD"]], Period(2025, PeriodKind.HALF, 1))
    assert (first_half.numerator, first_half.denominator) == (2, None)
    assert backlog([orgs["TN.SXD"]], YEAR).numerator == 2  # the open one and the one received in July
    assert backlog([orgs["TN.SVHTTDL"]], YEAR).numerator == 0
