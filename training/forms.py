from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput
from legal.models import LegalDocument
from orgs.models import Organization, StaffMember
from training.models import StudySession


class StudySessionForm(forms.ModelForm):
    attendee_units = forms.ModelMultipleChoiceField(
        queryset=Organization.objects.none(), required=False, label=_("Everyone in these units"),
        help_text=_("Adds every staff member of the chosen units (and the units below them) on the session's date."),
        widget=forms.SelectMultiple(attrs={"size": 5}),
    )

    class Meta:
        model = StudySession
        fields = ["organization", "date", "title", "place", "documents", "attendees", "notes"]
        widgets = {"date": DateInput(), "notes": forms.Textarea(attrs={"rows": 3}),
                   "documents": forms.SelectMultiple(attrs={"size": 6}),
                   "attendees": forms.SelectMultiple(attrs={"size": 10})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        editable = Organization.objects.scoped(user, "change")
        self.fields["organization"].queryset = editable.active_on()
        self.fields["attendee_units"].queryset = editable.active_on()
        self.fields["documents"].queryset = LegalDocument.objects.scoped(user, "view").order_by("-date", "number")
        self.fields["attendees"].queryset = (
            StaffMember.objects.scoped(user, "change").select_related("organization")
            .order_by("organization__path", "sort_key")
        )
        self.fields["attendees"].required = False
        self.fields["attendees"].label_from_instance = lambda person: f"{person.full_name} — {person.organization}"


class AttendanceImportForm(forms.Form):
    file = forms.FileField(label=_("Attendance sheet (.xlsx)"),
                           help_text=_("Columns: “Họ và tên”, and “Đơn vị” where two people bear the same name."))
