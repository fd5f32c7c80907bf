"""The rules of accounts: who may invite whom, give which role where, and close an account.

A manager holds the `manage_accounts` action (orgs.scoping.ROLE_RULES) over some organizations;
there they may give only the roles GRANTABLE_ROLES lists for their own role, and only where
that role's reach stays within their own: a focal office never makes a coordinator.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from core.history import acting_as
from orgs.models import Membership, Organization, Role, StaffMember
from orgs.scoping import ROLE_RULES, Action, Reach, anchor_path, forget_scope, memberships, organization_paths

User = get_user_model()

# The roles each managing role may give (within its reach).
GRANTABLE_ROLES: dict[str, set[str]] = {
    Role.COORDINATOR: {Role.FOCAL, Role.LEADER},
    Role.FOCAL: {Role.FOCAL, Role.LEADER, Role.UNIT_EDITOR, Role.INSPECTOR, Role.VIEWER, Role.PETITION_HANDLER},
}


def managed_roles(user) -> set[str]:
    """The roles `user` may give somewhere (where exactly: grantable_roles)."""
    if user.is_superuser:
        return set(Role.values)
    return {role for m in memberships(user) for role in GRANTABLE_ROLES.get(m.role, set())}


def _within(path: str, prefixes: list[str] | None) -> bool:
    return prefixes is None or any(path.lstrip("=").startswith(prefix.lstrip("=")) for prefix in prefixes)


def grantable_roles(manager, organization: Organization) -> list[str]:
    """The roles `manager` may give at `organization`: listed for one of their managing roles there,
    and reaching no further than they manage."""
    paths = organization_paths(manager, Action.MANAGE_ACCOUNTS)
    if paths is not None and not _within(organization.path, paths):
        return []
    if manager.is_superuser:
        return list(Role.values)
    roles: set[str] = set()
    for membership in memberships(manager):
        managed = [anchor_path(membership.organization, reach)
                   for reach in _reaches(membership.role, Action.MANAGE_ACCOUNTS)]
        if managed and _within(organization.path, managed):
            roles |= GRANTABLE_ROLES.get(membership.role, set())
    return [role for role in Role.values if role in roles and _reach_within(role, organization, paths)]


def _reaches(role: str, action: Action) -> tuple[Reach, ...]:
    reach = ROLE_RULES.get(role, {}).get(action, ())
    return (reach,) if isinstance(reach, Reach) else tuple(reach)


def _reach_within(role: str, organization: Organization, paths: list[str]) -> bool:
    """Whether everything `role` held at `organization` would reach lies within `paths`."""
    return all(
        _within(anchor_path(organization, reach), paths)
        for action in Action
        for reach in _reaches(role, action)
    )


def check_grant(manager, organization: Organization, role: str) -> None:
    if role not in grantable_roles(manager, organization):
        raise PermissionDenied(
            _("You may not give the role “%(role)s” at %(org)s.") % {"role": Role(role).label, "org": organization}
        )


def manages(manager, user) -> bool:
    """Whether every role `user` holds lies where `manager` manages accounts (then they may close it)."""
    if user == manager or user.is_superuser:
        return False  # one's own account and the platform's administrators are not managed here
    if manager.is_superuser:
        return True
    held = list(user.memberships.select_related("organization"))
    return bool(held) and all(m.role in grantable_roles(manager, m.organization) for m in held)


def grant_role(user, *, organization: Organization, role: str, by) -> Membership:
    check_grant(by, organization, role)
    try:
        with transaction.atomic(), acting_as(by):
            membership = Membership.objects.create(user=user, organization=organization, role=role)
    except IntegrityError as exc:
        raise ValidationError(_("This person already holds that role there.")) from exc
    forget_scope(user)
    return membership


def revoke_role(membership: Membership, *, by) -> None:
    check_grant(by, membership.organization, membership.role)
    with transaction.atomic(), acting_as(by):
        membership.delete()
    forget_scope(membership.user)


def invite_user(*, email: str, last_name: str, first_name: str, organization: Organization, role: str,
                staff_member: StaffMember | None = None, by, site_url: str) -> User:
    """Create the account, give the role and send the one-time link that sets the password."""
    check_grant(by, organization, role)
    email = User.objects.normalize_email(email).lower()
    if User.objects.filter(username__iexact=email).exists() or User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": _("An account with this e-mail address already exists.")})
    with transaction.atomic(), acting_as(by):
        user = User(username=email, email=email, last_name=last_name.strip(), first_name=first_name.strip())
        user.set_unusable_password()
        user.full_clean(exclude=["password"])
        user.save()
        grant_role(user, organization=organization, role=role, by=by)
        if staff_member is not None:
            link_staff_member(staff_member, user, by=by)
        transaction.on_commit(lambda: send_password_link(user, site_url=site_url, invitation=True))
    return user


def link_staff_member(staff_member: StaffMember, user, *, by) -> StaffMember:
    if not StaffMember.objects.scoped(by, Action.MANAGE_ACCOUNTS).filter(pk=staff_member.pk).exists():
        raise PermissionDenied(_("You may not link this staff member."))
    if StaffMember.objects.filter(user=user).exclude(pk=staff_member.pk).exists():
        raise ValidationError(_("This account is already linked to another staff member."))
    with acting_as(by):
        staff_member.user = user
        staff_member.save(update_fields=["user", "updated_at"])
    return staff_member


def set_active(user, *, active: bool, by) -> None:
    """Close the account of a leaver (or open it again); their history stays."""
    if not manages(by, user):
        raise PermissionDenied(_("You may not change this account."))
    with transaction.atomic(), acting_as(by):
        user.is_active = active
        user.save(update_fields=["is_active"])


def send_password_link(user, *, site_url: str, invitation: bool = False) -> None:
    """E-mail the one-time link that sets a new password (it stops working once used)."""
    link = site_url.rstrip("/") + reverse("accounts:set_password", kwargs={
        "uidb64": urlsafe_base64_encode(force_bytes(user.pk)), "token": default_token_generator.make_token(user)})
    subject = _("DanVan: set your password") if invitation else _("DanVan: reset your password")
    body = _("Hello %(name)s,\n\nOpen this link to set the password of your DanVan account (%(username)s):\n"
             "%(link)s\n\nThe link works once and expires in a few days.") % {
        "name": f"{user.last_name} {user.first_name}".strip() or user.username, "username": user.username,
        "link": link}
    send_mail(subject, body, None, [user.email])


def reset_password(user, *, by, site_url: str) -> None:
    if not manages(by, user):
        raise PermissionDenied(_("You may not change this account."))
    if not user.email:
        raise ValidationError(_("This account has no e-mail address."))
    send_password_link(user, site_url=site_url)
