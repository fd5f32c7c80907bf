from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput
from core.history import person_name
from orgs.models import Organization, OrganizationKind, Role
from scoring.models import Assessment, CriteriaSet, Criterion, ItemKind, Score


class SetImportForm(forms.Form):
    province = forms.ModelChoiceField(queryset=Organization.objects.none(), label=_("Province"))
    file = forms.FileField(label=_("Criteria set (.yaml or .xlsx)"),
                           help_text=_("In the shape of the example set; a set already in use gets a new version."))
    submission_due = forms.DateField(label=_("Self-assessments due"), required=False, widget=DateInput())

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = Organization.objects.scoped(user, "change").filter(kind="province")


class OpenAssessmentForm(forms.Form):
    criteria_set = forms.ModelChoiceField(queryset=CriteriaSet.objects.none(), label=_("Criteria set"))
    agency = forms.ModelChoiceField(queryset=Organization.objects.none(), label=_("Agency"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["criteria_set"].queryset = CriteriaSet.objects.scoped(user, "view").filter(
            ranking_published_at__isnull=True)
        self.fields["agency"].queryset = Organization.objects.scoped(user, "view").filter(kind="agency").active_on()


class SelfScoreForm(forms.ModelForm):
    points = forms.DecimalField(label=_("Self-score"), max_digits=7, decimal_places=2, min_value=0)
    evidence_title = forms.CharField(label=_("Evidence"), required=False, max_length=300,
                                     help_text=_("What the document is, e.g. “Biên bản hội nghị ngày 12/3/2025”."))
    evidence_url = forms.CharField(label=_("Evidence address"), required=False, max_length=500)

    class Meta:
        model = Score
        fields = ["explanation"]
        widgets = {"explanation": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["points"].initial = self.instance.self_points if self.instance.self_points is not None \
            else self.instance.proposed_points


class ReviewScoreForm(forms.ModelForm):
    points = forms.DecimalField(label=_("Reviewed score"), max_digits=7, decimal_places=2, min_value=0)

    class Meta:
        model = Score
        fields = ["review_reason"]
        labels = {"review_reason": _("Reason (where it differs from the self-score)")}
        widgets = {"review_reason": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        score = self.instance
        self.fields["points"].initial = score.review_points if score.review_points is not None else score.self_points


class ReturnForm(forms.Form):
    criteria = forms.MultipleChoiceField(label=_("Criteria to explain"), choices=())
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, assessment: Assessment, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["criteria"].choices = [
            (s.criterion.code, f"{s.criterion.code}. {s.criterion.title[:80]}")
            for s in assessment.scores.select_related("criterion") if not s.agency_answer]


class AnswerForm(forms.Form):
    def __init__(self, *args, assessment: Assessment, **kwargs):
        super().__init__(*args, **kwargs)
        for score in assessment.scores.filter(returned=True).select_related("criterion"):
            self.fields[score.criterion.code] = forms.CharField(
                label=f"{score.criterion.code}. {score.criterion.title[:100]}",
                widget=forms.Textarea(attrs={"rows": 3}))


class NotEligibleForm(forms.Form):
    reason = forms.CharField(label=_("Reason not eligible"), widget=forms.Textarea(attrs={"rows": 3}))


class ReopenForm(forms.Form):
    until = forms.DateField(label=_("Reopened until"), widget=DateInput())


class RedLinesForm(forms.Form):
    codes = forms.MultipleChoiceField(label=_("Red lines crossed"), choices=(), required=False,
                                      widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, assessment: Assessment, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["codes"].choices = [(line["code"], f"{line['code']}. {line.get('title', '')}")
                                        for line in assessment.criteria_set.red_lines]
        self.fields["codes"].initial = assessment.red_lines


class ReviewerForm(forms.Form):
    """A member of the review team: someone holding the coordinator's role in the set's province, for one
    agency and/or one top-level criterion (empty: all)."""

    user = forms.ModelChoiceField(queryset=get_user_model().objects.none(), label=_("Reviewer"))
    agency = forms.ModelChoiceField(queryset=Organization.objects.none(), label=_("Agency"), required=False,
                                    empty_label=_("Every agency"))
    criterion = forms.ModelChoiceField(queryset=Criterion.objects.none(), label=_("Criterion group"),
                                       required=False, empty_label=_("Every criterion"))

    def __init__(self, *args, criteria_set: CriteriaSet, **kwargs):
        super().__init__(*args, **kwargs)
        province = criteria_set.province
        self.fields["user"].queryset = get_user_model().objects.filter(
            memberships__role=Role.COORDINATOR, memberships__organization__path__startswith=province.path,
            is_active=True).distinct().order_by("last_name", "first_name")
        self.fields["user"].label_from_instance = person_name
        self.fields["agency"].queryset = Organization.objects.filter(
            path__startswith=province.path, kind=OrganizationKind.AGENCY).active_on().order_by("path")
        self.fields["criterion"].queryset = criteria_set.items.filter(parent__isnull=True,
                                                                     kind=ItemKind.CRITERION)
