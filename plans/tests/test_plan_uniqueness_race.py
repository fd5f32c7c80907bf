"""Two creations of one organization's plan for one year at the same moment, or two cascades to
one unit, both pass the check in Python; the database stops the second, and its user reads the
same message as for a later duplicate (not a 500). The race is reproduced by skipping the check."""

import pytest
from django.core.exceptions import ValidationError

from plans import services
from plans.models import Plan


@pytest.fixture
def racing(monkeypatch):
    """The check ran before the other creation was committed: it finds nothing."""
    monkeypatch.setattr(services, "check_one_plan_a_year", lambda organization, year, **kwargs: None)


def message(organization, year):
    return f"{organization.name} đã có kế hoạch năm {year}."


def test_a_concurrent_duplicate_plan_gets_the_duplicate_message(orgs, users, racing):
    org = orgs["TN.SXD"]
    year = 2031
    services.create_plan(organization=org, year=year, by=users["focal"], title="Kế hoạch", place="Tây Ninh")
    with pytest.raises(ValidationError) as caught:
        services.create_plan(organization=org, year=year, by=users["focal"], title="Kế hoạch", place="Tây Ninh")
    assert caught.value.messages == [message(org, year)]
    assert Plan.objects.filter(organization=org, year=year).count() == 1


def test_a_concurrent_duplicate_cascade_gets_the_duplicate_message(province_2025, orgs, users, racing):
    agency = orgs["TN.SXD"]
    services.cascade_plan(province_2025, to_org=agency, by=users["focal"])
    with pytest.raises(ValidationError) as caught:
        services.cascade_plan(province_2025, to_org=agency, by=users["focal"])
    assert caught.value.messages == [message(agency, province_2025.year)]
    assert Plan.objects.filter(organization=agency, year=province_2025.year).count() == 1
