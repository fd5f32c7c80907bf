from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput
from orgs.models import Organization
from service.models import DossierStat, Letter, Question, ServicePoint, Survey
from service.services import IMPORT_FIELDS


def _editable(user):
    return Organization.objects.scoped(user, "change").active_on()


class DossierStatForm(forms.ModelForm):
    class Meta:
        model = DossierStat
        fields = ["organization", "month", "procedure_field", "received_online", "received_direct", "carried_over",
                  "settled_early", "settled_on_time", "settled_late", "pending_within", "pending_overdue"]
        widgets = {"month": DateInput()}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = _editable(user)


class LetterForm(forms.ModelForm):
    due_at = forms.DateTimeField(label=_("Promised return (date and time)"), input_formats=["%d/%m/%Y %H:%M"],
                                 widget=forms.DateTimeInput(format="%d/%m/%Y %H:%M",
                                                            attrs={"placeholder": "dd/mm/yyyy hh:mm"}))

    class Meta:
        model = Letter
        fields = ["organization", "date", "dossier_code", "applicant", "applicant_id", "procedure", "received_on",
                  "due_at", "reason", "new_due_date", "body", "signer_title", "signer_name"]
        widgets = {"date": DateInput(), "received_on": DateInput(), "new_due_date": DateInput(),
                   "reason": forms.Textarea(attrs={"rows": 3}), "body": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, user, kind, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = _editable(user)
        # The apology slip's text is the form's own; a thank-you letter names no delay.
        for name in ("reason", "new_due_date") if kind == "thanks" else ("body",):
            del self.fields[name]


class SurveyForm(forms.ModelForm):
    class Meta:
        model = Survey
        fields = ["province", "year", "title", "introduction"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = _editable(user).filter(kind="province")


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = ["factor", "order", "text"]


class ServicePointForm(forms.ModelForm):
    class Meta:
        model = ServicePoint
        fields = ["organization", "name", "active"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = _editable(user)


class StatImportForm(forms.Form):
    organization = forms.ModelChoiceField(queryset=Organization.objects.none(), label=_("Organization"))
    file = forms.FileField(label=_("Report sheet (.xlsx)"), required=False,
                           help_text=_("Laid out as the report on receiving and settling dossiers."))
    month = forms.DateField(label=_("Month of the figures"), required=False, widget=DateInput(),
                            help_text=_("When the sheet has no month column."))
    keep_valid = forms.BooleanField(label=_("Save the valid rows and leave the bad ones"), required=False)
    upload = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, user, columns=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = _editable(user)
        choices = [("", "—")] + [(str(i), f"{i + 1}. {label}") for i, label in enumerate(columns)]
        for name in IMPORT_FIELDS:
            label = DossierStat._meta.get_field(name).verbose_name
            self.fields[f"col_{name}"] = forms.TypedChoiceField(choices=choices, required=False, coerce=int,
                                                                empty_value=None, label=label)

    def mapping(self) -> dict:
        return {name: self.cleaned_data.get(f"col_{name}") for name in IMPORT_FIELDS}
