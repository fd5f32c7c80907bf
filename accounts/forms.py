from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.services import managed_roles
from orgs.models import Organization, Role, StaffMember
from orgs.scoping import Action


class RoleField(forms.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(choices=Role.choices, label=_("Role"), **kwargs)


class GrantForm(forms.Form):
    """A role at an organization; the service checks that the manager may give it there."""

    organization = forms.ModelChoiceField(queryset=Organization.objects.none(), label=_("Organization"))
    role = RoleField()

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.scoped(user, Action.MANAGE_ACCOUNTS).active_on()
        # Only the roles this manager may give somewhere (the service checks the place).
        roles = managed_roles(user)
        self.fields["role"].choices = [(value, label) for value, label in Role.choices if value in roles]


class LinkStaffForm(forms.Form):
    staff_member = forms.ModelChoiceField(queryset=StaffMember.objects.none(), label=_("Staff member"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff_member"].queryset = (
            StaffMember.objects.scoped(user, Action.MANAGE_ACCOUNTS).filter(user__isnull=True)
            .select_related("organization").order_by("organization__path", "sort_key")
        )
        self.fields["staff_member"].label_from_instance = lambda person: f"{person.full_name} — {person.organization}"


class InviteForm(GrantForm):
    email = forms.EmailField(label=_("E-mail"))
    last_name = forms.CharField(label=_("Family and middle names"), max_length=150)
    first_name = forms.CharField(label=_("Given name"), max_length=150)
    staff_member = forms.ModelChoiceField(
        queryset=StaffMember.objects.none(), required=False, label=_("Staff member"),
        help_text=_("The person in the roster this account belongs to, if any."),
    )

    field_order = ["email", "last_name", "first_name", "organization", "role", "staff_member"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["staff_member"].queryset = (
            StaffMember.objects.scoped(user, Action.MANAGE_ACCOUNTS).filter(user__isnull=True)
            .select_related("organization").order_by("organization__path", "sort_key")
        )
