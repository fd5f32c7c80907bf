"""A plan's year is between 2000 and 2100: the model, the form and the API refuse 32767, 0 or 1."""

import pytest
from django.core.exceptions import ValidationError

from plans import services
from plans.models import Plan


@pytest.mark.parametrize("year", [32767, 0, 1, 1999, 2101])
def test_the_service_refuses_a_year_out_of_range(orgs, users, year):
    with pytest.raises(ValidationError) as caught:
        services.create_plan(
            organization=orgs["TN.SXD"], year=year, by=users["focal"], title="Kế hoạch", place="Tây Ninh"
        )
    assert "year" in caught.value.message_dict
    assert not Plan.objects.filter(year=year).exists()


@pytest.mark.parametrize("year", ["32767", "0", "1"])
def test_the_plan_form_refuses_a_year_out_of_range(client_for, orgs, year):
    response = client_for("focal").post(
        "/plans/new/",
        {
            "organization": orgs["TN.SXD"].pk,
            "year": year,
            "symbol": "KH-SXD",
            "place": "Tây Ninh",
            "title": "Kế hoạch",
            "archive": "VT",
        },
    )
    assert response.status_code in (200, 400)
    assert "2000" in response.content.decode() or "2100" in response.content.decode()
    assert not Plan.objects.filter(year=int(year)).exists()


def test_the_edge_years_are_accepted(orgs, users):
    plan = services.create_plan(
        organization=orgs["TN.SXD"], year=2100, by=users["focal"], title="Kế hoạch", place="Tây Ninh"
    )
    assert plan.year == 2100
