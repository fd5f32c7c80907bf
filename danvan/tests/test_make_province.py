"""`make_province` builds a valid, reproducible province, adds nothing when re-run, and adds provinces."""

from __future__ import annotations

import io

from django.core.management import call_command

from danvan.province import accounts_of, make_provinces
from orgs.models import Organization, OrganizationType, StaffMember
from orgs.scoping import organization_paths
from plans.models import Assignment, Plan, PlanStatus

TINY = dict(agencies=3, units=20, staff=200, seed=7)


def counts() -> tuple[int, ...]:
    return (Organization.objects.count(), StaffMember.objects.count(), Plan.objects.count(),
            Assignment.objects.count(), Organization.history.count(), StaffMember.history.count())


def test_a_tiny_province_is_valid_and_its_tree_is_whole(db):
    built = make_provinces(**TINY, code="TINY")[0]
    province = Organization.objects.get(code="TINY")
    tree = Organization.objects.filter(path__startswith=province.path)
    assert built.organizations == tree.count() == 1 + 3 + 20
    assert StaffMember.objects.filter(organization__path__startswith=province.path).count() == 200
    for org in tree.select_related("parent"):
        org.full_clean()
        assert org.path == f"{org.parent.path if org.parent else '/'}{org.pk}/"
        assert org.history.exists() and org.changes.exists()
    types = set(tree.values_list("org_type", flat=True))
    assert {OrganizationType.DEPARTMENT, OrganizationType.COMMUNE, OrganizationType.DIVISION} <= types
    for staff in StaffMember.objects.all()[:200]:
        staff.full_clean()
    assert StaffMember.objects.filter(active_to__isnull=False).exists()  # leavers
    agencies = tree.filter(kind="agency")
    assert Plan.objects.filter(organization__in=agencies, parent__organization=province).count() == 3
    assert Plan.objects.get(organization=province).status == PlanStatus.ISSUED
    assert Assignment.objects.filter(plan__organization__in=agencies).exists()


def test_re_running_with_the_same_seed_and_code_adds_nothing(db):
    make_provinces(**TINY, code="TINY")
    before = counts()
    call_command("make_province", agencies=3, units=20, staff=200, seed=7, code="TINY", stdout=io.StringIO())
    assert counts() == before


def test_the_same_seed_builds_the_same_names(db):
    make_provinces(**TINY, code="TINY")
    first = list(StaffMember.objects.filter(organization__code__startswith="TINY.").order_by("id")
                 .values_list("full_name", "active_from"))
    make_provinces(**TINY, code="TWIN")
    second = list(StaffMember.objects.filter(organization__code__startswith="TWIN.").order_by("id")
                  .values_list("full_name", "active_from"))
    assert first == second


def test_further_provinces_are_added_beside_and_their_users_see_only_their_own(db):
    built = make_provinces(**TINY, code="MULTI", provinces=2)
    assert [b.code for b in built] == ["MULTI", "MULTI2"]
    from django.contrib.auth import get_user_model

    coordinator = get_user_model().objects.get(username=accounts_of("MULTI2")["coordinator"])
    [path] = organization_paths(coordinator, "view")
    assert path == Organization.objects.get(code="MULTI2").path
