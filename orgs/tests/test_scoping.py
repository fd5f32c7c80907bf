"""Who sees and changes what: the one scoping function, checked role by role."""

from orgs.models import Organization, StaffMember
from orgs.scoping import Action, can, organization_paths
from orgs.tests.factories import OrganizationFactory, UserFactory


def codes(queryset):
    return set(queryset.values_list("code", flat=True))


def test_focal_sees_whole_agency_and_nothing_else(users, orgs):
    visible = codes(Organization.objects.visible_to(users["focal"]))
    assert "TN.SXD" in visible and "TN.SXD.QLXD" in visible and "TN.SXD.TTND" in visible
    assert not any(code.startswith(("TN.SVHTTDL", "TN.SNV", "HCM")) for code in visible)
    assert "TN" not in visible


def test_coordinator_reads_the_whole_province_but_not_another(users):
    visible = codes(Organization.objects.visible_to(users["coordinator"]))
    assert {"TN", "TN.SXD", "TN.SVHTTDL.TV", "TN.SGTVT"} <= visible
    assert not any(code.startswith("HCM") for code in visible)


def test_coordinator_changes_only_its_own_agency(users, orgs):
    coordinator = users["coordinator"]
    assert can(coordinator, Action.CHANGE, orgs["TN.SNV.VP"])
    assert not can(coordinator, Action.CHANGE, orgs["TN.SXD.VP"])
    assert can(coordinator, Action.STRUCTURE, orgs["TN.SXD"])


def test_unit_editor_is_confined_to_its_unit(users, orgs):
    unit = users["unit"]
    assert codes(Organization.objects.visible_to(unit)) == {"TN.SXD.QLXD"}
    staff_units = set(StaffMember.objects.visible_to(unit).values_list("organization__code", flat=True))
    assert staff_units == {"TN.SXD.QLXD"}
    assert can(unit, Action.CHANGE, orgs["TN.SXD.QLXD"])
    assert not can(unit, Action.CHANGE, orgs["TN.SXD.VP"])


def test_leader_and_inspector_read_the_agency_but_change_nothing(users, orgs):
    for username in ("leader", "inspector"):
        user = users[username]
        assert "TN.SXD.QLXD" in codes(Organization.objects.visible_to(user))
        assert not StaffMember.objects.editable_by(user).exists()
        assert organization_paths(user, Action.STRUCTURE) == []


def test_viewer_reads_own_unit_only(users):
    visible = codes(Organization.objects.visible_to(users["viewer"]))
    assert visible == {"TN.SXD.TTR"}
    assert not StaffMember.objects.editable_by(users["viewer"]).exists()


def test_user_without_membership_sees_nothing(db):
    user = UserFactory()
    assert not Organization.objects.visible_to(user).exists()
    assert not StaffMember.objects.visible_to(user).exists()


def test_superuser_sees_everything(users):
    assert Organization.objects.visible_to(users["admin"]).count() == Organization.objects.count()


def test_moving_an_organization_moves_its_subtree(users, orgs):
    from orgs import services

    division = orgs["TN.SXD.QLXD"]
    child = OrganizationFactory(parent=division)
    services.update_organization(division, by=users["admin"], parent=orgs["TN.SVHTTDL"])
    child.refresh_from_db()
    assert child.path.startswith(orgs["TN.SVHTTDL"].path)
    assert Organization.objects.visible_to(users["other-focal"]).filter(pk=child.pk).exists()
    assert not Organization.objects.visible_to(users["focal"]).filter(pk=child.pk).exists()
