import pytest

from plans import services
from plans.models import Plan


@pytest.fixture
def province_2025(db):
    return Plan.objects.get(organization__code="TN", year=2025)


@pytest.fixture
def sxd_draft_2025(province_2025, users, orgs):
    """Sở Xây dựng's 2025 plan, freshly cascaded from the province's."""
    return services.cascade_plan(province_2025, to_org=orgs["TN.SXD"], by=users["focal"])


@pytest.fixture
def issue(users):
    """Take a draft through submit, approve (the leader) and issue (the focal office, its registry office)."""

    def run(plan, **issue_kwargs):
        services.submit_plan(plan, by=users["focal"])
        services.approve_plan(plan, by=users["leader"])
        return services.issue_plan(plan, by=users["focal"], **issue_kwargs)

    return run
