from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.filters import YearField
from core.forms import DateInput
from legal.models import LegalDocument
from orgs.filters import OfferingChoiceField
from orgs.models import Organization, OrganizationType
from plans.models import MAX_PLAN_NUMBER, Assignment, ContentArea, Plan, PlanKind, ProgressRollup, Target


class PlanForm(forms.ModelForm):
    basis_numbers = forms.CharField(
        label=_("Cited documents"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One number per line, e.g. 16/CT-TTg or 10/2022/QH15."),
    )

    class Meta:
        model = Plan
        fields = [
            "organization", "kind", "year", "year_to", "symbol", "place", "title", "introduction", "purposes",
            "closing", "recipients", "archive", "signer_authority", "signer_principal", "signer_title", "signer_name",
            "lower_plans_due", "progress_rollup",
        ]
        widgets = {
            "lower_plans_due": DateInput(),
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
        # Left empty, the symbol follows the organization's (KH-SXD) and the kind is the annual plan.
        for name in ("symbol", "kind", "progress_rollup"):
            self.fields[name].required = False
        if self.instance.pk:
            self.fields["organization"].disabled = True
            self.fields["year"].disabled = True
            self.initial["basis_numbers"] = "\n".join(d.number for d in self.instance.basis_documents.all())

    def clean_kind(self) -> str:
        return self.cleaned_data.get("kind") or PlanKind.ANNUAL

    def clean_progress_rollup(self) -> str:
        return self.cleaned_data.get("progress_rollup") or ProgressRollup.PLAIN

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
                  "measure", "documents", "content_area"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2}), "documents": forms.SelectMultiple(attrs={"size": 5})}

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.plan = plan
        self.fields["content_area"].queryset = plan.content_areas.all()
        # Another province's documents, or another agency's waiting ones, are not the plan's to cite.
        self.fields["documents"].queryset = LegalDocument.objects.citable_by(plan.organization).order_by(
            "-date", "number")


class AssignmentForm(forms.ModelForm):
    class Meta:
        model = Assignment
        fields = ["order", "lead_unit", "support_units", "other_units", "task", "content_area", "due_date", "timing",
                  "recurrence", "status", "weight"]
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
        self.fields["weight"].required = False

    def clean_weight(self):
        # Left empty, an assignment weighs 1 (as in a plain average); 0 is refused by the model.
        weight = self.cleaned_data.get("weight")
        return 1 if weight is None else weight


class IssueForm(forms.Form):
    number = forms.IntegerField(label=_("Number"), min_value=1, max_value=MAX_PLAN_NUMBER,
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


class CoverageForm(forms.Form):
    """Whose plans to look at (a province's agencies or an agency's units) and for which year."""

    organization = OfferingChoiceField(queryset=Organization.objects.none(), label=_("Organization"),
                                       required=False, empty_label=None)
    year = YearField(label=_("Year"), required=False)
    org_type = forms.ChoiceField(label=_("Type"), required=False,
                                 choices=[("", _("Every type")), *OrganizationType.choices])

    def __init__(self, *args, parents, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = parents
        # Its options as (id, name) pairs: a coordinator's select lists every agency of the province.
        self.fields["organization"].offered = parents

    def chosen_type(self) -> str:
        return self.cleaned_data.get("org_type", "") if self.is_bound and self.is_valid() else ""

    def choice(self) -> tuple[Organization | None, int]:
        """The chosen organization and year; the first one the user sees and this year by default."""
        today_year = timezone.localdate().year
        if not self.is_bound:
            return self.fields["organization"].queryset.first(), today_year
        if not self.is_valid():
            return None, today_year
        parent = self.cleaned_data["organization"] or self.fields["organization"].queryset.first()
        return parent, self.cleaned_data["year"] or today_year
