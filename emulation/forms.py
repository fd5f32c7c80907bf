from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput
from emulation.models import Commendation, Exemplar, ExemplarKind, Movement
from orgs.models import Organization, StaffMember


class MovementForm(forms.ModelForm):
    class Meta:
        model = Movement
        fields = ["organization", "year", "name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.scoped(user, "change").active_on()


class ExemplarForm(forms.ModelForm):
    class Meta:
        model = Exemplar
        fields = ["organization", "movement", "year", "kind", "name", "person", "field", "description", "results"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4}), "results": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"person": _("For an exemplary person: who."),
                      "results": _("What the model or the person achieved, in figures where possible.")}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.scoped(user, "change").active_on()
        self.fields["movement"].queryset = Movement.objects.scoped(user, "view").select_related("organization")
        self.fields["person"].queryset = (StaffMember.objects.scoped(user, "view").active_on()
                                          .select_related("organization").order_by("organization__path", "sort_key"))
        self.fields["person"].label_from_instance = lambda person: f"{person.full_name} — {person.organization}"
        self.fields["kind"].initial = ExemplarKind.MODEL
        if self.instance.pk is None:
            self.fields["year"].initial = timezone.localdate().year
            units = list(self.fields["organization"].queryset[:2])
            if len(units) == 1:  # a unit's editor nominates for their unit
                self.fields["organization"].initial = units[0]


class StepForm(forms.Form):
    step = forms.CharField()
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}), label=_("Comment"))


class CommendationForm(forms.ModelForm):
    class Meta:
        model = Commendation
        fields = ["organization", "recipient", "award", "award_type", "decision_number", "decision_date",
                  "golden_book_number", "notes"]
        widgets = {"decision_date": DateInput(), "notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if "organization" in self.fields:
            self.fields["organization"].queryset = Organization.objects.scoped(user, "change").active_on()


class ExemplarCommendationForm(CommendationForm):
    """The commendation of a nominated exemplar: its unit and recipient come from the nomination."""

    class Meta(CommendationForm.Meta):
        fields = ["award", "award_type", "decision_number", "decision_date", "golden_book_number", "notes"]
