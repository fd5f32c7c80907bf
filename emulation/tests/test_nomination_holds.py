"""A nomination is held while its person or its unit has an open inspection finding or discipline: it is not
reviewed, approved or commended until the violation is closed."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from emulation import services
from emulation.holds import hold_sources, holds_of
from emulation.models import ExemplarStatus
from emulation.tests.factories import ExemplarFactory
from inspections.models import Handling
from inspections.tests.factories import FindingFactory, InspectionFactory
from orgs.models import StaffMember


@pytest.fixture
def person(orgs):
    return StaffMember.objects.filter(organization=orgs["TN.SXD.QLXD"]).order_by("pk").first()


def test_an_open_discipline_of_the_person_holds_the_approval_until_closed(users, person):
    exemplar = ExemplarFactory(kind="person", person=person, name=person.full_name, status=ExemplarStatus.REVIEWED)
    finding = FindingFactory(person=person, inspection=InspectionFactory(), handling=Handling.REPRIMAND)
    with pytest.raises(ValidationError, match="Kỷ luật|discipline|kỷ luật"):
        services.advance(exemplar, "approve", by=users["leader"])
    finding.closed_on = dt.date(2025, 9, 1)
    finding.save()
    assert services.advance(exemplar, "approve", by=users["leader"]).status == ExemplarStatus.APPROVED


def test_an_open_finding_on_the_unit_holds_its_model_but_not_another_units(users, orgs):
    FindingFactory(inspection=InspectionFactory(subject=orgs["TN.SXD.QLXD"]))
    held = ExemplarFactory(status=ExemplarStatus.NOMINATED)
    free = ExemplarFactory(organization=orgs["TN.SXD.HTKT"], status=ExemplarStatus.NOMINATED)
    with pytest.raises(ValidationError):
        services.advance(held, "review", by=users["focal"])
    assert services.advance(free, "review", by=users["focal"]).status == ExemplarStatus.REVIEWED


def test_a_finding_that_is_no_violation_holds_nothing(orgs):
    FindingFactory(is_violation=False, inspection=InspectionFactory(subject=orgs["TN.SXD.QLXD"]))
    assert holds_of(ExemplarFactory()) == []


def test_a_complaint_source_registered_by_another_app_holds_the_commendation(users):
    exemplar = ExemplarFactory(status=ExemplarStatus.APPROVED)
    hold_sources.register("test.complaint", lambda ex: ["khiếu nại đang giải quyết"])
    try:
        with pytest.raises(ValidationError, match="khiếu nại"):
            services.save_commendation(services.Commendation(
                exemplar=exemplar, award="certificate", decision_number="1/QĐ", decision_date=dt.date(2025, 6, 1)),
                by=users["focal"])
    finally:
        hold_sources._entries.pop("test.complaint")
    exemplar.refresh_from_db()
    assert exemplar.status == ExemplarStatus.APPROVED
