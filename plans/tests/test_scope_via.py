"""A plan's parts read through their plan (`Scope.via`) are exactly the rows their declared paths reach."""

import dataclasses
import datetime as dt

import pytest

from orgs.scoping import Action, scope_q
from plans.models import Activity, Assignment, ContentArea, Plan, PlanComment, Target
from plans.tests.factories import AssignmentFactory
from progress.models import ProgressUpdate

MODELS = [ContentArea, Activity, Target, Assignment, PlanComment, ProgressUpdate]


@pytest.fixture
def parts(sxd_draft_2025, users):
    """A draft (read by its agency only) beside the issued plans, with a progress update on an assignment."""
    for assignment in (Assignment.objects.filter(plan__organization__code="TN.SXD", plan__status="issued").first(),
                       AssignmentFactory(plan=sxd_draft_2025)):
        ProgressUpdate.objects.create(assignment=assignment, date=dt.date(2025, 3, 1), text="Đã làm", percent=40,
                                      status=assignment.status)
    return sxd_draft_2025


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
@pytest.mark.parametrize("action", [Action.VIEW, Action.CHANGE])
def test_rows_read_through_the_plan_are_those_the_paths_reach(model, action, parts, users):
    assert model.objects.all().scope.via  # the rule under test is declared
    by_paths = dataclasses.replace(model.objects.all().scope, via="")
    told_apart = False
    for user in users.values():
        via = set(model.objects.scoped(user, action).values_list("pk", flat=True))
        paths = set(model.objects.filter(scope_q(user, action, by_paths, model)).values_list("pk", flat=True))
        assert via == paths, (user.username, model.__name__, action)
        told_apart |= 0 < len(via) < model.objects.count()
    # Some user reads some rows but not all: the comparison is not between two empty or two full sets.
    assert told_apart or model is PlanComment or action is Action.CHANGE


def test_a_draft_plans_parts_stay_with_its_agency(parts, users):
    assert Assignment.objects.filter(plan=parts).exists()
    assert not Assignment.objects.scoped(users["other-focal"]).filter(plan=parts).exists()
    assert not ContentArea.objects.scoped(users["unit"]).filter(plan=parts).exists()
    assert ContentArea.objects.scoped(users["focal"]).filter(plan=parts).exists()
    assert Plan.objects.scoped(users["focal"]).filter(pk=parts.pk).exists()
