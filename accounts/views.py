"""Accounts managed by the agencies (invite, roles, leavers, password links) and one's own account."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from accounts import services
from accounts.filters import MembershipFilter
from accounts.forms import GrantForm, InviteForm, LinkStaffForm
from accounts.services import managed_roles
from accounts.tables import MembershipTable
from core.history import object_history, person_name
from core.views import ActionRequiredMixin, ConfirmView, Link, ScopedListView, ServiceFormView, error_messages
from orgs.models import Membership
from orgs.scoping import Action

User = get_user_model()
MANAGE = Action.MANAGE_ACCOUNTS.value


def managed_memberships(user):
    """The roles this manager sees: in their reach, of the kinds they may give."""
    return Membership.objects.scoped(user, MANAGE).filter(role__in=managed_roles(user))


class MembershipListView(ActionRequiredMixin, ScopedListView):
    required_action = MANAGE
    model = Membership
    action = MANAGE
    related = ("user", "organization")
    filterset_class = MembershipFilter
    table_class = MembershipTable
    title = gettext_lazy("Accounts and roles")
    export_url_name = "accounts:membership_export"
    export_filename = "tai-khoan.xlsx"
    links = (Link(gettext_lazy("Invite a person"), "accounts:invite", requires=MANAGE, icon="envelope-plus"),)

    def get_queryset(self):
        return super().get_queryset().filter(role__in=managed_roles(self.request.user)).order_by(
            "organization__path", "user__last_name", "user__first_name")


class InviteView(ServiceFormView):
    model = Membership
    form_class = InviteForm
    create_action = MANAGE
    title = gettext_lazy("Invite a person")
    submit_label = gettext_lazy("Send the invitation")
    success_message = gettext_lazy("Invitation sent: the person sets a password through the link in the e-mail.")

    def save(self, form):
        data = form.cleaned_data
        return services.invite_user(
            email=data["email"], last_name=data["last_name"], first_name=data["first_name"],
            organization=data["organization"], role=data["role"], staff_member=data["staff_member"],
            by=self.request.user, site_url=self.request.build_absolute_uri("/"),
        )

    def get_success_url(self, obj=None):
        return reverse("accounts:account_detail", args=[obj.pk])


class AccountMixin(ActionRequiredMixin):
    """An account the manager sees: one that holds a role they manage."""

    required_action = MANAGE

    def get_account(self, pk):
        users = User.objects.filter(memberships__in=managed_memberships(self.request.user)).distinct()
        return get_object_or_404(users, pk=pk)


class AccountDetailView(AccountMixin, TemplateView):
    template_name = "accounts/account_detail.html"

    def get_context_data(self, **kwargs):
        account = self.get_account(kwargs["pk"])
        manager = self.request.user
        history = object_history(account)
        return super().get_context_data(
            account=account, name=person_name(account),
            roles=managed_memberships(manager).filter(user=account).select_related("organization"),
            staff_member=getattr(account, "staff_member", None),
            can_close=services.manages(manager, account),
            grant_form=GrantForm(user=manager),
            link_form=LinkStaffForm(user=manager) if not hasattr(account, "staff_member") else None,
            entries=history.entries, part_entries=history.part_entries,
            **kwargs,
        )


class AccountActionView(AccountMixin, View):
    """A POST about one managed account: its form (if any) then its service; the outcome is a
    message on the account's page."""

    form_class = None
    invalid_message = ""

    def post(self, request, pk):
        self.account = self.get_account(pk)
        form = self.form_class(request.POST, user=request.user) if self.form_class else None
        if form is not None and not form.is_valid():
            messages.error(request, self.invalid_message)
        else:
            try:
                messages.success(request, self.perform(form.cleaned_data if form else request.POST))
            except ValidationError as exc:
                error_messages(request, exc)
        return redirect("accounts:account_detail", pk=self.account.pk)

    def perform(self, data) -> str:
        """Call the service; return the success message."""
        raise NotImplementedError


class GrantRoleView(AccountActionView):
    form_class = GrantForm
    invalid_message = gettext_lazy("Choose an organization and a role.")

    def perform(self, data):
        services.grant_role(self.account, organization=data["organization"], role=data["role"], by=self.request.user)
        return _("Role given.")


class LinkStaffView(AccountActionView):
    form_class = LinkStaffForm
    invalid_message = gettext_lazy("Choose a staff member of the roster.")

    def perform(self, data):
        services.link_staff_member(data["staff_member"], self.account, by=self.request.user)
        return _("The account is linked to %(name)s.") % {"name": data["staff_member"].full_name}


class SetActiveView(AccountActionView):
    def perform(self, data):
        active = data.get("active") == "1"
        services.set_active(self.account, active=active, by=self.request.user)
        return _("Account opened again.") if active else _("Account closed.")


class ResetPasswordView(AccountActionView):
    def perform(self, data):
        services.reset_password(self.account, by=self.request.user, site_url=self.request.build_absolute_uri("/"))
        return _("A link to set a new password was sent to %(email)s.") % {"email": self.account.email}


class RevokeRoleView(ConfirmView):
    model = Membership
    action = MANAGE
    related = ("user", "organization")
    title = gettext_lazy("Take a role away")
    question = gettext_lazy("Take this role away? The person keeps their other roles.")
    confirm_label = gettext_lazy("Take the role away")
    success_message = gettext_lazy("Role taken away.")
    service = services.revoke_role

    def get_queryset(self):
        return managed_memberships(self.request.user).select_related(*self.related)


    def get_cancel_url(self):
        return reverse("accounts:account_detail", args=[self.object.user_id])

    def get_success_url(self, membership, result):
        return self.get_cancel_url()


class MeView(LoginRequiredMixin, TemplateView):
    template_name = "accounts/me.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            roles=self.request.user.memberships.select_related("organization"), **kwargs)


class SetPasswordView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/set_password.html"
    success_url = reverse_lazy("accounts:set_password_done")


class SetPasswordDoneView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/set_password_done.html"


class ChangePasswordView(auth_views.PasswordChangeView):
    template_name = "core/form.html"
    success_url = reverse_lazy("accounts:me")
    extra_context = {"title": gettext_lazy("Change my password"), "submit_label": gettext_lazy("Save")}

    def form_valid(self, form):
        messages.success(self.request, _("Your password was changed."))
        return super().form_valid(form)
