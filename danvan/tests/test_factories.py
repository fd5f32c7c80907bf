"""Every app's factories make valid objects by themselves: nothing to pass, nothing to fix up."""

import pytest

from ingest.tests.factories import PlanImportFactory
from legal.tests.factories import LegalDocumentFactory
from orgs.tests.factories import (
    AgencyFactory,
    MembershipFactory,
    OrganizationFactory,
    ProvinceFactory,
    StaffMemberFactory,
    UserFactory,
)
from plans import services
from plans.tests.factories import (
    ActivityFactory,
    AssignmentFactory,
    ContentAreaFactory,
    PlanFactory,
    TargetFactory,
)

FACTORIES = [
    UserFactory, OrganizationFactory, ProvinceFactory, AgencyFactory, StaffMemberFactory, MembershipFactory,
    LegalDocumentFactory, PlanFactory, ContentAreaFactory, ActivityFactory, TargetFactory, AssignmentFactory,
    PlanImportFactory,
]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.mark.parametrize("factory_class", FACTORIES, ids=lambda f: f.__name__)
def test_each_factory_alone_makes_valid_objects(db, factory_class):
    for made in factory_class.create_batch(2):
        made.full_clean()


def test_a_made_unit_sits_under_an_agency_of_a_province(db):
    unit = OrganizationFactory()
    assert (unit.kind, unit.parent.kind, unit.parent.parent.kind) == ("unit", "agency", "province")
    assert unit.path.startswith(unit.parent.path)


def test_a_made_assignment_charges_a_unit_of_its_plans_agency(db):
    assignment = AssignmentFactory()
    services.validate_assignment_units(assignment.plan, assignment.lead_unit, [])


def test_a_made_account_keeps_the_demo_password(db):
    user = UserFactory()
    user.refresh_from_db()
    assert user.check_password("danvan-demo")
