from django import forms
from django.utils.translation import gettext_lazy as _

from indicators.models import MonthlyCount
from orgs.models import Organization


class MonthField(forms.DateField):
    """A month typed as mm/yyyy (or any date of it)."""

    input_formats = ["%m/%Y", "%d/%m/%Y"]

    def to_python(self, value):
        day = super().to_python(value)
        return day.replace(day=1) if day else day


class MonthlyCountForm(forms.ModelForm):
    month = MonthField(label=_("Month"), help_text=_("mm/yyyy, e.g. 03/2026"),
                       widget=forms.DateInput(format="%m/%Y", attrs={"placeholder": "mm/yyyy"}))

    class Meta:
        model = MonthlyCount
        fields = ["organization", "month", "measure", "numerator", "denominator", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.scoped(user, "change").active_on()


class MonthlyCountImportForm(forms.Form):
    file = forms.FileField(label=_("Monthly counts (.xlsx)"),
                           help_text=_("Columns: “Mã đơn vị”, “Tháng” (mm/yyyy), “Chỉ số”, “Tử số”, “Mẫu số”."))
