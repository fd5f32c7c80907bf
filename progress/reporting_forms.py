"""Forms of periodic reports: the narrative, a step's comment, a reporting period, an exemption."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput
from orgs.models import Organization, OrganizationKind
from progress.reporting_models import Report, ReportingPeriod


class NarrativeForm(forms.ModelForm):
    class Meta:
        model = Report
        fields = ["results", "limits", "proposals"]
        widgets = {name: forms.Textarea(attrs={"rows": 6}) for name in fields}
        labels = {"results": _("Results"), "limits": _("Limits and their causes"), "proposals": _("Proposals")}


class StepForm(forms.Form):
    action = forms.CharField(required=False, widget=forms.HiddenInput)
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class PeriodForm(forms.ModelForm):
    class Meta:
        model = ReportingPeriod
        fields = ["province", "year", "kind", "n", "level", "due_date", "data_start", "data_end", "cut_off"]
        widgets = {name: DateInput() for name in ("due_date", "data_start", "data_end", "cut_off")}
        help_texts = {"data_start": _("Empty: as Nghị định 09/2019/NĐ-CP sets it."),
                      "data_end": _("Empty: as Nghị định 09/2019/NĐ-CP sets it.")}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        provinces = Organization.objects.scoped(user, "change").filter(kind=OrganizationKind.PROVINCE)
        self.fields["province"].queryset = provinces
        self.fields["province"].initial = provinces.first()
        self.fields["n"].label = _("Which half (1 or 2; 1 for a year)")
        for name in ("data_start", "data_end", "cut_off"):
            self.fields[name].required = False


class DefaultsForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class ExemptionForm(forms.Form):
    organization = forms.ModelChoiceField(label=_("Organization"), queryset=Organization.objects.none())
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.filter(pk__in=[o.pk for o in organizations])
