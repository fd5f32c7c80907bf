from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from citizens.models import Petition, Reception
from citizens.privacy import HANDLE
from citizens.services import TRANSITIONS
from core.forms import DateInput
from orgs.models import Organization


class PetitionForm(forms.ModelForm):
    class Meta:
        model = Petition
        fields = ["organization", "kind", "channel", "received_on", "subject", "content", "remote_area",
                  "complexity", "first_petition", "denounced", "denounced_user", "petitioner_name",
                  "petitioner_address", "petitioner_phone", "petitioner_id_number"]
        widgets = {"received_on": DateInput(), "content": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.scoped(user, HANDLE).active_on()
        self.fields["first_petition"].queryset = Petition.objects.scoped(user, HANDLE).filter(
            kind="complaint", first_petition__isnull=True)
        self.fields["first_petition"].required = False
        # The denounced person's account, if they have one here: they never see the petitioner.
        self.fields["denounced_user"].queryset = get_user_model().objects.filter(
            memberships__organization__in=Organization.objects.scoped(user, "view")).distinct().order_by("username")


class StepForm(forms.Form):
    transition = forms.ChoiceField(label=_("Step"), choices=[(k, t.label) for k, t in TRANSITIONS.items()])
    date = forms.DateField(label=_("Date"), widget=DateInput(), required=False)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}), required=False,
                             max_length=2000)


class ReceptionForm(forms.ModelForm):
    class Meta:
        model = Reception
        fields = ["organization", "date", "session_kind", "head_session", "host", "citizen_name", "citizen_address",
                  "citizen_id_number", "matter", "kind", "people", "already_settled_by", "competent", "guided_to",
                  "accepted_by", "outcome", "follow_up", "notes", "refused", "refusal_reason", "documents_received"]
        widgets = {"date": DateInput(), "matter": forms.Textarea(attrs={"rows": 3}),
                   "outcome": forms.Textarea(attrs={"rows": 2}), "follow_up": forms.Textarea(attrs={"rows": 2}),
                   "notes": forms.Textarea(attrs={"rows": 2}), "refusal_reason": forms.Textarea(attrs={"rows": 2}),
                   "documents_received": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.scoped(user, HANDLE).active_on()


class OpenPetitionForm(forms.Form):
    subject = forms.CharField(label=pgettext_lazy("petition", "Subject"), max_length=300)
