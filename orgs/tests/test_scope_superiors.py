"""Plans of the organizations above one's own are read once issued; a superior lying inside a subtree
the user reads already (the province, for its coordinator) is not asked for a second time by id."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from orgs.scoping import EXACT, organization_paths, superior_ids
from plans.models import PUBLISHED, Plan


def readable_in_python(user) -> set[int]:
    paths = organization_paths(user, "view")
    superiors = set(superior_ids(user))

    def by_path(path):
        return any(path == p[len(EXACT):] if p.startswith(EXACT) else path.startswith(p) for p in paths)

    return {plan.pk for plan in Plan.objects.select_related("organization")
            if by_path(plan.organization.path) or (plan.organization_id in superiors and plan.status in PUBLISHED)}


def test_each_user_reads_the_plans_of_their_subtrees_and_the_issued_plans_above(users):
    for user in users.values():
        if user.is_superuser:
            continue
        assert set(Plan.objects.visible_to(user).values_list("pk", flat=True)) == readable_in_python(user), user


def test_the_coordinator_is_not_asked_about_the_province_twice(users):
    coordinator = users["coordinator"]
    assert superior_ids(coordinator)  # the province lies above the coordinator's office
    with CaptureQueriesContext(connection) as captured:
        list(Plan.objects.visible_to(coordinator))
    assert '"plans_plan"."organization_id" IN' not in captured[0]["sql"]
