from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput
from plans.models import AssignmentStatus, Plan
from training.models import StudySession


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


class ProgressForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput())
    text = forms.CharField(label=_("What was done"), widget=forms.Textarea(attrs={"rows": 3}))
    percent = forms.IntegerField(label=_("Percent done"), min_value=0, max_value=100)
    status = forms.ChoiceField(label=_("Status"), choices=AssignmentStatus.choices)
    sessions = forms.ModelMultipleChoiceField(queryset=StudySession.objects.none(), required=False,
                                              label=_("Study sessions that served it"))
    plans = forms.ModelMultipleChoiceField(queryset=Plan.objects.none(), required=False,
                                           label=_("Plans that served it"))
    evidence = MultipleFileField(label=_("Evidence files"), required=False,
                                 widget=MultipleFileInput(attrs={"multiple": True}),
                                 help_text=_("PDF, Word, Excel, JPG or PNG."))

    def __init__(self, *args, user, assignment, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("date", timezone.localdate())
        self.initial.setdefault("status", assignment.status)
        self.fields["sessions"].queryset = StudySession.objects.scoped(user, "view").filter(
            date__year=assignment.plan.year).order_by("-date")
        self.fields["plans"].queryset = Plan.objects.scoped(user, "view").filter(year=assignment.plan.year)
