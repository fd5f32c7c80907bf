from django import forms
from django.utils.translation import gettext_lazy as _

from orgs.forms import DateInput
from orgs.models import Organization
from plans.models import Assignment, ContentArea, Plan, Target


class PlanForm(forms.ModelForm):
    basis_numbers = forms.CharField(
        label=_("Cited documents"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One number per line, e.g. 16/CT-TTg or 10/2022/QH15."),
    )

    class Meta:
        model = Plan
        fields = [
            "organization", "year", "symbol", "place", "title", "introduction", "purposes", "closing",
            "recipients", "archive", "signer_authority", "signer_principal", "signer_title", "signer_name",
        ]
        widgets = {
            "introduction": forms.Textarea(attrs={"rows": 3}),
            "purposes": forms.Textarea(attrs={"rows": 5}),
            "closing": forms.Textarea(attrs={"rows": 2}),
            "recipients": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.editable_by(user).filter(
            kind__in=["province", "agency", "unit"]
        )
        # Left empty, the symbol follows the organization's (KH-SXD).
        self.fields["symbol"].required = False
        if self.instance.pk:
            self.fields["organization"].disabled = True
            self.fields["year"].disabled = True
            self.initial["basis_numbers"] = "\n".join(d.number for d in self.instance.basis_documents.all())

    def cited_numbers(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["basis_numbers"].splitlines() if line.strip()]


class ContentAreaForm(forms.ModelForm):
    activities_text = forms.CharField(
        label=_("Activities"), required=False, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One activity per line."),
    )

    class Meta:
        model = ContentArea
        fields = ["order", "title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["activities_text"] = "\n".join(a.text for a in self.instance.activities.all())

    def activity_lines(self) -> list[str]:
        return [line.strip().lstrip("-").strip() for line in self.cleaned_data["activities_text"].splitlines()
                if line.strip()]


class TargetForm(forms.ModelForm):
    class Meta:
        model = Target
        fields = ["order", "text", "kind", "comparator", "baseline", "target_value", "unit_of_measure", "grade",
                  "measure", "content_area"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.plan = plan
        self.fields["content_area"].queryset = plan.content_areas.all()


class AssignmentForm(forms.ModelForm):
    class Meta:
        model = Assignment
        fields = ["order", "lead_unit", "support_units", "task", "content_area", "due_date", "recurrence", "status"]
        widgets = {"task": forms.Textarea(attrs={"rows": 3}), "due_date": DateInput(),
                   "support_units": forms.SelectMultiple(attrs={"size": 6})}

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.plan = plan
        units = Organization.objects.filter(path__startswith=plan.organization.path).exclude(
            pk=plan.organization_id).active_on()
        self.fields["lead_unit"].queryset = units
        self.fields["support_units"].queryset = units
        self.fields["content_area"].queryset = plan.content_areas.all()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("due_date") and cleaned.get("recurrence"):
            self.add_error("recurrence", _("Give either a due date or a recurring schedule, not both."))
        return cleaned


class IssueForm(forms.Form):
    number = forms.IntegerField(label=_("Number"), min_value=1,
                                help_text=_("The number the registry office gives; the next free one is suggested."))
    date = forms.DateField(label=_("Date of issue"), widget=DateInput())


class CascadeForm(forms.Form):
    organization = forms.ModelChoiceField(queryset=Organization.objects.none(), label=_("For organization"))

    def __init__(self, *args, user, parent, **kwargs):
        super().__init__(*args, **kwargs)
        kind = "agency" if parent.organization.kind == "province" else "unit"
        self.fields["organization"].queryset = (
            Organization.objects.editable_by(user).filter(
                path__startswith=parent.organization.path, kind=kind
            ).active_on().exclude(plans__year=parent.year)
        )
