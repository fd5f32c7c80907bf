import re
from html import unescape

import pytest

from plans import services
from plans.models import Plan


@pytest.fixture
def draft_plan(db, users, orgs):
    """Sở Xây dựng's 2025 draft, cascaded by its focal office from the province's plan."""
    province = Plan.objects.get(organization__code="TN", year=2025)
    return services.cascade_plan(province, to_org=orgs["TN.SXD"], by=users["focal"])


@pytest.fixture
def history_page(client_for):
    """The text of a plan's history page as `username` reads it."""

    def read(plan, username="focal") -> str:
        response = client_for(username).get(f"/plans/{plan.pk}/history/")
        assert response.status_code == 200
        return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())

    return read
