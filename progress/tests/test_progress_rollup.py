"""A plan chooses how its progress rolls up: the plain average of its assignments, or one weighted by each
assignment's weight; a content area's progress rolls up from its own assignments the same way."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from plans import services as plan_services
from plans.models import Assignment, ProgressRollup
from plans.tests.factories import AssignmentFactory, ContentAreaFactory, PlanFactory
from progress import services
from progress.models import ProgressUpdate


@pytest.fixture
def plan(db):
    """Three assignments: 100% of weight 3 and 0% of weight 1 in area A; 50% of weight 1 in area B."""
    plan = PlanFactory()
    area_a, area_b = ContentAreaFactory(plan=plan, order=1), ContentAreaFactory(plan=plan, order=2)
    for percent, weight, area in ((100, 3, area_a), (0, 1, area_a), (50, 1, area_b)):
        assignment = AssignmentFactory(plan=plan, content_area=area, weight=weight)
        ProgressUpdate.objects.create(assignment=assignment, date=dt.date(2026, 3, 1), text="x", percent=percent,
                                      status="done" if percent == 100 else "in_progress")
    plan.areas = (area_a, area_b)
    return plan


def test_a_plain_average_counts_each_assignment_once(plan):
    overall, areas = services.plan_progress(plan)
    assert overall == pytest.approx(50)
    assert areas == {plan.areas[0].pk: pytest.approx(50), plan.areas[1].pk: pytest.approx(50)}


def test_a_weighted_average_counts_each_assignment_by_its_weight(plan):
    plan.progress_rollup = ProgressRollup.WEIGHTED
    overall, areas = services.plan_progress(plan)
    assert overall == pytest.approx((300 + 0 + 50) / 5)
    assert areas[plan.areas[0].pk] == pytest.approx(75) and areas[plan.areas[1].pk] == pytest.approx(50)


def test_a_plan_without_assignments_has_no_progress(db):
    assert services.plan_progress(PlanFactory()) == (None, {})


def test_a_zero_weight_is_refused_by_the_service_and_the_database(users, orgs):
    plan = plan_services.create_plan(organization=orgs["TN.SXD"], year=2031, by=users["focal"], place="Tây Ninh",
                                     title="Kế hoạch thử trọng số")
    with pytest.raises(ValidationError) as refused:
        plan_services.add_assignment(plan, lead_unit=orgs["TN.SXD.QLXD"], task="Nhiệm vụ", weight=0,
                                     by=users["focal"])
    assert "weight" in refused.value.message_dict
    assignment = plan_services.add_assignment(plan, lead_unit=orgs["TN.SXD.QLXD"], task="Nhiệm vụ", weight=2,
                                              by=users["focal"])
    with pytest.raises(IntegrityError), transaction.atomic():
        Assignment.objects.filter(pk=assignment.pk).update(weight=0)


def test_the_plan_page_shows_its_progress_and_the_api_its_roll_up_and_weights(client_for, users, orgs):
    plan = plan_services.create_plan(organization=orgs["TN.SXD"], year=2032, by=users["focal"], place="Tây Ninh",
                                     title="Kế hoạch thử trọng số", progress_rollup="weighted")
    plan_services.add_assignment(plan, lead_unit=orgs["TN.SXD.QLXD"], task="Nhiệm vụ nặng", weight=4,
                                 by=users["focal"])
    page = client_for("focal").get(plan.get_absolute_url()).content.decode()
    assert 'id="plan-progress"' in page and 'id="plan-progress-value">0.0%' in page.replace("0,0", "0.0")
    api = client_for("focal").get(reverse("plan-detail", args=[plan.pk])).json()
    assert api["progress_rollup"] == "weighted"
    assignment = client_for("focal").get(reverse("assignment-list"), {"plan": plan.pk}).json()
    rows = assignment["results"] if isinstance(assignment, dict) else assignment
    assert [row["weight"] for row in rows] == [4]


def test_the_plan_form_offers_the_roll_up_and_the_assignment_form_the_weight(client_for, users, orgs):
    plan = plan_services.create_plan(organization=orgs["TN.SXD"], year=2033, by=users["focal"], place="Tây Ninh",
                                     title="Kế hoạch thử")
    form = client_for("focal").get(reverse("plans:plan_update", args=[plan.pk])).content.decode()
    assert 'name="progress_rollup"' in form
    page = client_for("focal").get(reverse("plans:assignment_create", args=[plan.pk])).content.decode()
    assert 'name="weight"' in page
