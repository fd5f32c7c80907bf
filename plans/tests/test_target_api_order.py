"""/api/targets/ lists targets grouped by plan (by the plan's key), each plan's in their own order."""

from plans.models import Plan
from plans.tests.factories import TargetFactory


def test_targets_come_grouped_by_plan_in_their_order(client_for):
    plans = list(Plan.objects.filter(organization__code__in=["TN", "TN.SXD"]).order_by("-pk")[:2])
    for plan in plans:
        for order in (3, 1, 2):
            TargetFactory(plan=plan, order=order)

    rows = []
    page = "/api/targets/?page_size=100"
    client = client_for("coordinator")
    while page:
        answer = client.get(page).json()
        rows += [(row["plan"], row["order"], row["id"]) for row in answer["results"]]
        page = answer["next"]

    assert rows == sorted(rows)
    assert {plan.pk for plan in plans} <= {plan for plan, _, _ in rows}
