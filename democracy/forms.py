from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput
from democracy.models import AgendaItem, BoardActivity, Disclosure, FollowUpAction, InspectionBoard, Meeting
from orgs.models import Organization, StaffMember

TEXT = forms.Textarea(attrs={"rows": 3})


def _staff_field(field, user) -> None:
    field.queryset = (StaffMember.objects.scoped(user, "change").select_related("organization")
                      .order_by("organization__path", "sort_key"))
    field.label_from_instance = lambda person: f"{person.full_name} — {person.organization.display_name}"


class DisclosureForm(forms.ModelForm):
    class Meta:
        model = Disclosure
        fields = ["organization", "subject", "title", "decision", "decision_date", "method", "place",
                  "posted_from", "posted_to", "notes"]
        widgets = {"decision_date": DateInput(), "posted_from": DateInput(), "posted_to": DateInput(),
                   "notes": TEXT}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.scoped(user, "change").active_on()


class MeetingForm(forms.ModelForm):
    agenda = forms.MultipleChoiceField(choices=AgendaItem.choices, required=False, label=_("Agenda"),
                                       widget=forms.CheckboxSelectMultiple)
    attendee_units = forms.ModelMultipleChoiceField(
        queryset=Organization.objects.none(), required=False, label=_("Everyone in these units attended"),
        help_text=_("Adds every staff member of the chosen units (and the units below them) on the meeting's date."),
        widget=forms.SelectMultiple(attrs={"size": 5}))

    class Meta:
        model = Meeting
        fields = ["organization", "kind", "work_year", "date", "title", "place", "chair", "attendees", "agenda",
                  "participants", "questions", "answers", "resolution", "votes_for", "votes_against",
                  "review_date", "review_notes", "notes"]
        widgets = {"date": DateInput(), "review_date": DateInput(),
                   "attendees": forms.SelectMultiple(attrs={"size": 12}),
                   **{name: TEXT for name in ("participants", "questions", "answers", "resolution",
                                              "review_notes", "notes")}}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        editable = Organization.objects.scoped(user, "change").active_on()
        self.fields["organization"].queryset = editable
        self.fields["attendee_units"].queryset = editable
        _staff_field(self.fields["attendees"], user)
        self.fields["attendees"].required = False
        self.fields["attendees"].help_text = _("Pick from the roster: the quorum is two thirds of the staff.")


class FollowUpActionForm(forms.ModelForm):
    class Meta:
        model = FollowUpAction
        fields = ["description", "owner_unit", "owner", "due_date", "done_on", "result"]
        widgets = {"due_date": DateInput(), "done_on": DateInput(), "result": TEXT}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_unit"].queryset = Organization.objects.scoped(user, "view").active_on()
        self.fields["owner"].queryset = (StaffMember.objects.scoped(user, "view").select_related("organization")
                                         .order_by("organization__path", "sort_key"))
        self.fields["owner"].label_from_instance = \
            lambda person: f"{person.full_name} — {person.organization.display_name}"


class InspectionBoardForm(forms.ModelForm):
    class Meta:
        model = InspectionBoard
        fields = ["organization", "elected_at", "elected_on", "members", "head", "notes"]
        widgets = {"elected_on": DateInput(), "members": forms.SelectMultiple(attrs={"size": 12}), "notes": TEXT}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.scoped(user, "change").active_on()
        self.fields["elected_at"].queryset = Meeting.objects.scoped(user, "change").order_by("-date")
        _staff_field(self.fields["members"], user)
        _staff_field(self.fields["head"], user)


class BoardActivityForm(forms.ModelForm):
    class Meta:
        model = BoardActivity
        fields = ["kind", "period", "date", "subject", "findings", "recommendation", "addressed_to",
                  "response_due", "response", "responded_on"]
        widgets = {"date": DateInput(), "response_due": DateInput(), "responded_on": DateInput(),
                   "findings": TEXT, "recommendation": TEXT, "response": TEXT}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["addressed_to"].queryset = Organization.objects.scoped(user, "view").active_on()
