from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput
from orgs.models import Organization, StaffMember
from orgs.scoping import has_any


class OrganizationForm(forms.ModelForm):
    effective_date = forms.DateField(
        label=_("Effective date of a new name"), required=False, widget=DateInput()
    )
    decision = forms.CharField(label=_("Decision"), required=False, max_length=255)

    class Meta:
        model = Organization
        fields = [
            "code", "symbol", "name", "short_name", "kind", "org_type", "parent",
            "is_focal_office", "valid_from", "valid_to",
        ]
        widgets = {"valid_from": DateInput(), "valid_to": DateInput()}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = Organization.objects.scoped(user, "structure")
        self.fields["parent"].required = not user.is_superuser


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(queryset=Organization.objects.none(), label=_("Merge into"))
    date = forms.DateField(label=_("Effective date"), widget=DateInput())
    decision = forms.CharField(label=_("Decision"), required=False, max_length=255)

    def __init__(self, *args, user, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = (
            Organization.objects.scoped(user, "structure")
            .active_on(timezone.localdate())
            .filter(kind=organization.kind)
            .exclude(pk=organization.pk)
        )


class StaffMemberForm(forms.ModelForm):
    class Meta:
        model = StaffMember
        fields = ["full_name", "date_of_birth", "gender", "position", "category", "organization", "email",
                  "active_from", "active_to"]
        widgets = {"active_from": DateInput(), "active_to": DateInput(), "date_of_birth": DateInput()}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.editable_by(user)


class StaffImportForm(forms.Form):
    organization = forms.ModelChoiceField(
        queryset=Organization.objects.none(),
        label=_("Import into"),
        help_text=_("Rows without a unit go here; units in the file must lie under it."),
    )
    file = forms.FileField(label=_("Spreadsheet (.xlsx)"))
    save_valid_rows = forms.BooleanField(
        label=_("Import the valid rows even if some rows are bad"), required=False
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.editable_by(user)
        self.can_import = has_any(user, "change")
