from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput
from inspections.models import Finding, IndexScore, Inspection, Remedy
from orgs.models import Organization, OrganizationKind, StaffMember


class InspectionForm(forms.ModelForm):
    class Meta:
        model = Inspection
        fields = ["organization", "subject", "kind", "title", "decision_number", "scope", "team", "period_start",
                  "period_end", "status", "conclusion", "concluded_on"]
        widgets = {"period_start": DateInput(), "period_end": DateInput(), "concluded_on": DateInput(),
                   "scope": forms.Textarea(attrs={"rows": 3}), "team": forms.Textarea(attrs={"rows": 3}),
                   "conclusion": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.scoped(user, "change").active_on()
        self.fields["subject"].queryset = Organization.objects.scoped(user, "change").active_on()


class FindingForm(forms.ModelForm):
    class Meta:
        model = Finding
        fields = ["text", "is_violation", "person", "handling", "handling_note", "closed_on"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3}), "handling_note": forms.Textarea(attrs={"rows": 2}),
                   "closed_on": DateInput()}

    def __init__(self, *args, inspection, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = (StaffMember.objects.filter(
            organization__path__startswith=inspection.subject.path).select_related("organization")
            .order_by("organization__path", "sort_key"))


class RemedyForm(forms.ModelForm):
    class Meta:
        model = Remedy
        fields = ["finding", "action", "owner", "due_date"]
        widgets = {"action": forms.Textarea(attrs={"rows": 2}), "due_date": DateInput()}

    def __init__(self, *args, inspection, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["finding"].queryset = inspection.findings.all()
        self.fields["owner"].queryset = Organization.objects.filter(
            path__startswith=inspection.organization.path).active_on()


class RemedyDoneForm(forms.Form):
    result = forms.CharField(label=_("What was done"), widget=forms.Textarea(attrs={"rows": 2}))


class IndexScoreForm(forms.ModelForm):
    class Meta:
        model = IndexScore
        fields = ["organization", "index", "year", "score", "rank", "ranked_among", "source"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.scoped(user, "change").filter(
            kind__in=[OrganizationKind.PROVINCE, OrganizationKind.AGENCY])


class ScoreImportForm(forms.Form):
    file = forms.FileField(label=_("Index scores (.xlsx)"), help_text=_(
        "Columns: “Đơn vị” (code or name), “Chỉ số”, “Năm”, “Điểm”, and optionally “Xếp hạng”, “Trên tổng số”."))
