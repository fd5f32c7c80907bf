"""One number sequence per register and calendar year, across document types; no number twice; real, past dates."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from plans.models import Plan, PlanStatus
from registry.models import RegisteredDocument
from registry.services import next_free_number, register_document, register_for, registering_organization


@pytest.fixture
def records(orgs):
    """Plans standing in for any issued record (the register links records generically)."""

    def make(year=2022, org="TN.SXD"):
        start = 2050 + Plan.objects.filter(organization=orgs[org], year__gte=2050).count()
        return Plan.objects.create(organization=orgs[org], year=start, symbol="KH", place="Tây Ninh",
                                   title=f"Văn bản {start}", status=PlanStatus.APPROVED)

    return make


def enter(orgs, users, record, *, org="TN.SXD", type_code="KH", **kwargs):
    return register_document(organization=orgs[org], record=record, type_code=type_code,
                             symbol=f"{type_code}-SXD", title=record.title, by=users["focal"], **kwargs)


# The years below hold no demo documents, so each register starts empty.


def test_numbers_follow_one_sequence_across_document_types(orgs, users, records):
    day = dt.date(2022, 5, 1)
    first = enter(orgs, users, records(), date=day)
    second = enter(orgs, users, records(), type_code="QĐ", date=day)
    third = enter(orgs, users, records(), type_code="BC", date=day)
    assert [first.number, second.number, third.number] == [1, 2, 3]


def test_the_sequence_restarts_each_calendar_year(orgs, users, records):
    enter(orgs, users, records(), date=dt.date(2021, 12, 30))
    enter(orgs, users, records(), date=dt.date(2021, 12, 31))
    january = enter(orgs, users, records(), date=dt.date(2022, 1, 2))
    assert january.number == 1 and january.year == 2022
    assert next_free_number(register_for(orgs["TN.SXD"]), 2021) == 3


def test_a_number_already_used_that_year_is_refused_and_the_next_free_one_suggested(orgs, users, records):
    enter(orgs, users, records(), number=12, date=dt.date(2022, 3, 1))
    with pytest.raises(ValidationError) as refused:
        enter(orgs, users, records(), number=12, date=dt.date(2022, 6, 1))
    assert "13" in str(refused.value)
    assert enter(orgs, users, records(), number=12, date=dt.date(2023, 1, 5)).number == 12


def test_the_database_refuses_a_number_twice(orgs, users, records):
    entry = enter(orgs, users, records(), date=dt.date(2022, 3, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        RegisteredDocument.objects.create(register=entry.register, year=2022, number=entry.number, type_code="CV",
                                          symbol="SXD-VP", date=dt.date(2022, 3, 2), title="Công văn",
                                          issuer=orgs["TN.SXD"])


def test_a_date_in_the_future_or_not_a_date_is_refused(orgs, users, records):
    before = RegisteredDocument.objects.count()
    with pytest.raises(ValidationError):
        enter(orgs, users, records(), date=timezone.localdate() + dt.timedelta(days=1))
    with pytest.raises(ValidationError):
        enter(orgs, users, records(), date="31/02/2022")
    assert RegisteredDocument.objects.count() == before


def test_a_unit_issues_under_its_agencys_register(orgs, users, records):
    assert registering_organization(orgs["TN.SXD.QLXD"]) == orgs["TN.SXD"]
    agency = enter(orgs, users, records(), date=dt.date(2022, 3, 1))
    unit = enter(orgs, users, records(), org="TN.SXD.QLXD", date=dt.date(2022, 3, 2))
    assert unit.register == agency.register and unit.number == agency.number + 1
    assert unit.issuer == orgs["TN.SXD.QLXD"]


def test_each_agency_keeps_its_own_register(orgs, users, records):
    ours = enter(orgs, users, records(), date=dt.date(2022, 3, 1))
    theirs = register_document(organization=orgs["TN.SVHTTDL"], record=records(org="TN.SVHTTDL"), type_code="KH",
                               symbol="KH-SVHTTDL", title="KH", by=users["other-focal"], date=dt.date(2022, 3, 1))
    assert ours.register != theirs.register and ours.number == theirs.number == 1


def test_only_the_registry_office_numbers_documents(orgs, users, records):
    with pytest.raises(PermissionDenied):
        register_document(organization=orgs["TN.SXD"], record=records(), type_code="KH", symbol="KH-SXD",
                          title="KH", by=users["leader"], date=dt.date(2022, 3, 1))
    with pytest.raises(PermissionDenied):
        register_document(organization=orgs["TN.SVHTTDL"], record=records(), type_code="KH", symbol="KH",
                          title="KH", by=users["focal"], date=dt.date(2022, 3, 1))


def test_the_demo_plans_already_issued_stand_in_their_registers(orgs):
    assert next_free_number(register_for(orgs["TN.SXD"]), 2024) == 42
    assert next_free_number(register_for(orgs["TN"]), 2025) == 697
