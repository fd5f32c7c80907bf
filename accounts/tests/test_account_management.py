"""Agencies manage their own accounts: invitations, roles within their reach, leavers, password links."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from accounts import services
from orgs.models import Membership

User = get_user_model()
SITE = "http://testserver/"


def invite(users, orgs, **changes):
    data = {"email": "moi@sxd.tayninh.gov.vn", "last_name": "Lê Thị", "first_name": "Mới",
            "organization": orgs["TN.SXD.QLXD"], "role": "unit_editor", "by": users["focal"], "site_url": SITE}
    data.update(changes)
    return services.invite_user(**data)


def test_an_invitation_creates_the_account_with_its_role_and_mails_a_one_time_link(users, orgs,
                                                                                  django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        user = invite(users, orgs)
    assert not user.has_usable_password() and user.is_active
    assert list(user.memberships.values_list("organization__code", "role")) == [("TN.SXD.QLXD", "unit_editor")]
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["moi@sxd.tayninh.gov.vn"]
    link = re.search(r"http://testserver/accounts/set-password/\S+", mail.outbox[0].body).group(0)
    assert "Lê Thị Mới" in mail.outbox[0].body
    assert user.history.first().history_user == users["focal"]
    assert Membership.history.filter(user_id=user.pk).first().history_user == users["focal"]
    assert link


def test_the_link_sets_the_password_once_and_the_person_then_logs_in(client, users, orgs,
                                                                    django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invite(users, orgs)
    link = re.search(r"http://testserver(/accounts/set-password/\S+)", mail.outbox[0].body).group(1)
    form_url = client.get(link).url  # Django moves the token into the session
    password = "mot-mat-khau-dai-2025"
    assert client.post(form_url, {"new_password1": password, "new_password2": password}).status_code == 302
    logged_in = client.post(reverse("login"), {"username": "moi@sxd.tayninh.gov.vn", "password": password})
    assert logged_in.status_code == 302 and logged_in["Location"] == "/"
    client.logout()
    assert "không còn hiệu lực" in client.get(link, follow=True).content.decode()


@pytest.mark.parametrize("code, role", [("TN.SVHTTDL.VP", "unit_editor"), ("TN.SXD", "coordinator"),
                                        ("HCM.SVHTT", "leader")])
def test_a_focal_office_gives_no_role_outside_its_agency_nor_a_coordinator_role(users, orgs, code, role):
    with pytest.raises(PermissionDenied):
        invite(users, orgs, organization=orgs[code], role=role)
    assert not User.objects.filter(username="moi@sxd.tayninh.gov.vn").exists()
    assert role not in services.grantable_roles(users["focal"], orgs[code])


def test_the_coordinator_gives_focal_and_leader_roles_in_every_agency_and_nothing_else(users, orgs):
    coordinator = users["coordinator"]
    assert services.grantable_roles(coordinator, orgs["TN.SVHTTDL"]) == ["focal", "leader"]
    assert services.grantable_roles(coordinator, orgs["HCM.SVHTT"]) == []
    with pytest.raises(PermissionDenied):
        services.grant_role(users["viewer"], organization=orgs["TN.SXD.TTR"], role="unit_editor", by=coordinator)


def test_a_leaver_is_closed_by_the_focal_office_and_not_by_another_agency(users, orgs):
    unit = users["unit"]
    with pytest.raises(PermissionDenied):
        services.set_active(unit, active=False, by=users["other-focal"])
    services.set_active(unit, active=False, by=users["focal"])
    unit.refresh_from_db()
    assert not unit.is_active and unit.history.first().history_user == users["focal"]


def test_an_account_with_a_role_elsewhere_cannot_be_closed_by_one_agency(users, orgs):
    services.grant_role(users["unit"], organization=orgs["TN.SVHTTDL.VP"], role="viewer", by=users["other-focal"])
    with pytest.raises(PermissionDenied):
        services.set_active(users["unit"], active=False, by=users["focal"])


def test_the_focal_page_lists_its_agencys_accounts_with_last_login(client_for, users):
    page = client_for("focal").get(reverse("accounts:membership_list")).content.decode()
    assert "unit" in page and "leader" in page and "other-focal" not in page
    detail = client_for("focal").get(reverse("accounts:account_detail", args=[users["unit"].pk])).content.decode()
    assert "Lần đăng nhập gần nhất" in detail


def test_a_user_changes_their_own_password_and_sees_their_roles(client_for):
    client = client_for("viewer")
    assert "Thanh tra Sở Xây dựng" in client.get(reverse("accounts:me")).content.decode()
    new = "mat-khau-moi-rat-dai"
    response = client.post(reverse("accounts:change_password"),
                           {"old_password": "danvan-demo", "new_password1": new, "new_password2": new})
    assert response.status_code == 302


def test_the_focal_office_links_an_account_to_a_staff_member_of_its_agency(client_for, users, orgs):
    from orgs.models import StaffMember

    account = users["viewer"]
    StaffMember.objects.filter(user=account).update(user=None)
    person = StaffMember.objects.filter(organization=orgs["TN.SXD.TTR"], user__isnull=True).first()
    response = client_for("focal").post(reverse("accounts:link_staff", args=[account.pk]),
                                        {"staff_member": person.pk})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.user == account
    stranger = StaffMember.objects.filter(organization__code__startswith="TN.SVHTTDL", user__isnull=True).first()
    client_for("focal").post(reverse("accounts:link_staff", args=[account.pk]), {"staff_member": stranger.pk})
    stranger.refresh_from_db()
    assert stranger.user is None
