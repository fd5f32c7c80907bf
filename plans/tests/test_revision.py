"""Changing an issued plan makes a revision that replaces it once issued."""

import pytest
from django.core.exceptions import ValidationError

from plans import services
from plans.models import PlanStatus
from plans.tests.factories import AssignmentFactory


def test_revision_copies_the_plan_and_points_to_it(issue, sxd_draft_2025, users, orgs):
    original = issue(sxd_draft_2025)
    AssignmentFactory(plan=original, lead_unit=orgs["TN.SXD.VP"], task="Báo cáo năm")
    revision = services.revise_plan(original, by=users["focal"])
    assert revision.revision_of == original and revision.status == PlanStatus.DRAFT and revision.number is None
    assert revision.content_areas.count() == original.content_areas.count()
    assert revision.targets.count() == original.targets.count()
    assert list(revision.assignments.values_list("task", flat=True)) == ["Báo cáo năm"]
    original.refresh_from_db()
    assert original.status == PlanStatus.ISSUED


def test_issuing_the_revision_replaces_the_original(issue, sxd_draft_2025, users):
    original = issue(sxd_draft_2025)
    revision = issue(services.revise_plan(original, by=users["focal"]))
    original.refresh_from_db()
    assert original.status == PlanStatus.REPLACED
    assert revision.number == original.number + 1


def test_only_issued_plans_are_revised_and_only_once(issue, sxd_draft_2025, users):
    with pytest.raises(ValidationError):
        services.revise_plan(sxd_draft_2025, by=users["focal"])
    original = issue(sxd_draft_2025)
    services.revise_plan(original, by=users["focal"])
    with pytest.raises(ValidationError):
        services.revise_plan(original, by=users["focal"])
