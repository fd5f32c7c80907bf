import re

from django import forms
from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput
from ingest.models import UnitRole
from ingest.services import due_from_timing
from orgs.models import Organization
from plans.models import Comparator, Measure, PlanKind, Recurrence, SigningAuthority, TargetKind


class UploadForm(forms.Form):
    organization = forms.ModelChoiceField(
        queryset=Organization.objects.none(), label=_("The plan belongs to"),
        help_text=_("The organization whose draft plan will be created."),
    )
    file = forms.FileField(label=_("Plan document (.docx, .doc, .odt, .pdf or .txt)"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = importable_organizations(user)
        limit = settings.MAX_PLAN_IMPORT_SIZE // (1024 * 1024)
        self.fields["file"].help_text = _("At most %(limit)s MB.") % {"limit": limit}


def importable_organizations(user):
    """The organizations whose plans `user` may import."""
    return Organization.objects.editable_by(user).filter(kind__in=["province", "agency", "unit"]).active_on()


class ImportOrganizationForm(forms.Form):
    organization = forms.ModelChoiceField(queryset=Organization.objects.none(), label=_("Another organization"),
                                          widget=forms.Select(attrs={"class": "form-select form-select-sm"}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = importable_organizations(user)


# "năm 2025" in a title names the plan's year; "giai đoạn 2026 - 2030" its period.
TITLE_YEAR = re.compile(r"\bnăm\s+(\d{4})\b")
TITLE_PERIOD = re.compile(r"\bgiai\s+đoạn\s+(\d{4})\s*[-–—]\s*(\d{4})\b", re.IGNORECASE)


class ReviewForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    kind = forms.ChoiceField(label=capfirst(_("kind of plan")), choices=PlanKind.choices, required=False)
    year_to = forms.IntegerField(
        label=capfirst(_("to year")), min_value=2000, max_value=2100, required=False,
        help_text=_("Last year of a multi-year plan (e.g. 2030 for 2026–2030); empty for one year."),
    )
    symbol = forms.CharField(label=_("Symbol"), max_length=40)
    place = forms.CharField(label=_("Place"), max_length=80)
    title = forms.CharField(label=_("Title"), max_length=500)
    basis = forms.CharField(label=_("Implements (basis)"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
                            help_text=_("One number per line."))
    references = forms.CharField(
        label=_("Cited documents"), required=False, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One per line: number, then optionally its date as dd/mm/yyyy after a comma."),
    )
    purposes = forms.CharField(label=_("Purposes and requirements"), required=False,
                               widget=forms.Textarea(attrs={"rows": 5}), help_text=_("One item per line."))
    recipients = forms.CharField(label=_("Recipients"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    archive = forms.CharField(label=_("Archived at"), max_length=120, required=False, help_text=_("e.g. VT, VP"))
    signer_authority = forms.ChoiceField(label=_("Signing authority"), choices=SigningAuthority.choices,
                                         required=False)
    signer_principal = forms.CharField(label=_("On behalf of"), max_length=120, required=False)
    signer_title = forms.CharField(label=_("Signer title"), max_length=120, required=False)
    signer_name = forms.CharField(label=_("Signer name"), max_length=120, required=False)

    def clean_references(self):
        import datetime as dt

        rows = []
        for line in self.cleaned_data["references"].splitlines():
            if not line.strip():
                continue
            number, _sep, date = line.partition(",")
            parsed = None
            if date.strip():
                try:
                    parsed = dt.datetime.strptime(date.strip(), "%d/%m/%Y").date()
                except ValueError as exc:
                    raise forms.ValidationError(
                        _("“%(line)s”: the date must be dd/mm/yyyy.") % {"line": line.strip()}
                    ) from exc
            rows.append({"number": number.strip(), "date": parsed})
        return rows

    def clean_archive(self):
        return self.cleaned_data["archive"].strip() or "VT"

    def clean_basis(self):
        return [line.strip() for line in self.cleaned_data["basis"].splitlines() if line.strip()]

    def clean_kind(self):
        return self.cleaned_data["kind"] or PlanKind.ANNUAL

    def clean_purposes(self):
        return "\n".join(line.strip() for line in self.cleaned_data["purposes"].splitlines() if line.strip())

    def clean(self):
        cleaned = super().clean()
        year, year_to = cleaned.get("year"), cleaned.get("year_to")
        if year and year_to:
            if year_to < year:
                self.add_error("year_to", _("The last year cannot come before the first."))
            elif cleaned.get("kind") == PlanKind.ANNUAL and year_to != year:
                self.add_error("year_to", _("An annual plan covers one year."))
        title = cleaned.get("title") or ""
        if not year:
            return cleaned
        # The years the title names are what the document says: another year is a misreading to correct.
        if period := TITLE_PERIOD.search(title):
            first, last = int(period.group(1)), int(period.group(2))
            if cleaned.get("kind") == PlanKind.ANNUAL:
                self.add_error("kind", _("The title names the period %(first)s–%(last)s: a plan of several "
                                         "years is a thematic plan.") % {"first": first, "last": last})
            elif not first <= year <= last or (year_to and not year <= year_to <= last):
                self.add_error("year", _("The title names the period %(first)s–%(last)s; the years must lie "
                                         "within it.") % {"first": first, "last": last})
        elif named := TITLE_YEAR.search(title):
            if int(named.group(1)) != year:
                self.add_error("year", _("The title names the year %(named)s; the year cannot be %(year)s.")
                               % {"named": named.group(1), "year": year})
            elif year_to and year_to != year:
                self.add_error("year_to", _("The title names the year %(named)s only.") % {"named": year})
        return cleaned


class TargetRowForm(forms.Form):
    include = forms.BooleanField(label=_("Include"), required=False)
    text = forms.CharField(label=_("Target"), widget=forms.Textarea(attrs={"rows": 2}))
    kind = forms.ChoiceField(label=_("Kind"), choices=TargetKind.choices)
    comparator = forms.ChoiceField(label=_("Comparator"), choices=Comparator.choices)
    target_value = forms.DecimalField(label=_("Value"), required=False, max_digits=12, decimal_places=2)
    unit_of_measure = forms.CharField(label=_("Unit of measure"), required=False, max_length=30)
    grade = forms.CharField(label=_("Grade to reach"), required=False, max_length=60)
    measure = forms.ChoiceField(label=_("Measure"), choices=Measure.choices, required=False)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("include"):
            return cleaned
        if cleaned.get("kind") == TargetKind.GRADE and not cleaned.get("grade"):
            self.add_error("grade", _("Give the grade to reach."))
        if cleaned.get("kind") != TargetKind.GRADE and cleaned.get("target_value") is None:
            self.add_error("target_value", _("Give the figure to reach, or leave the target out."))
        return cleaned


class AssignmentRowForm(forms.Form):
    include = forms.BooleanField(label=_("Include"), required=False)
    unit_name = forms.CharField(label=_("Unit as written"), required=False, widget=forms.HiddenInput)
    lead_unit = forms.ModelChoiceField(queryset=Organization.objects.none(), label=_("Lead unit"), required=False)
    task = forms.CharField(label=_("Task"), widget=forms.Textarea(attrs={"rows": 2}))
    due_date = forms.DateField(label=_("Due date"), required=False, widget=DateInput())

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_unit"].queryset = units if units is not None else Organization.objects.none()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("include") and not cleaned.get("lead_unit"):
            self.add_error("lead_unit", _("Confirm which unit this is, or leave the assignment out."))
        return cleaned


class ContentAreaRowForm(forms.Form):
    include = forms.BooleanField(label=_("Include"), required=False)
    title = forms.CharField(label=capfirst(_("content area")), max_length=500, required=False,
                            widget=forms.Textarea(attrs={"rows": 2}))
    activities = forms.CharField(label=_("Activities"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
                                 help_text=_("One activity per line."))
    timing = forms.CharField(label=capfirst(_("timing as written")), max_length=300, required=False)
    due_date = forms.DateField(label=_("Due date"), required=False, widget=DateInput())
    recurrence = forms.ChoiceField(label=capfirst(_("recurrence")), choices=Recurrence.choices, required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("include") and not (cleaned.get("title") or "").strip():
            self.add_error("title", _("Give the content area a title, or leave it out."))
        return cleaned

    def clean_activities(self):
        return [line.strip() for line in self.cleaned_data["activities"].splitlines() if line.strip()]

    def schedule(self, year: int, *, year_changed: bool = False) -> tuple:
        """(due date, recurrence): as given, unless the timing or the plan's year was corrected and they
        were not, in which case the timing sets them again."""
        cleaned = self.cleaned_data
        corrected = year_changed or "timing" in self.changed_data
        if corrected and not {"due_date", "recurrence"} & set(self.changed_data):
            return due_from_timing(cleaned["timing"], year)
        return cleaned.get("due_date"), cleaned.get("recurrence") or ""


class AreaUnitRowForm(forms.Form):
    """A unit named by a content area: lead or support, and the organization it is (none: kept as written)."""

    area = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    include = forms.BooleanField(
        label=_("Include"), required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input", "aria-label": _("Include")}),
    )
    role = forms.ChoiceField(label=_("Role"), choices=UnitRole.choices,
                             widget=forms.Select(attrs={"class": "form-select form-select-sm"}))
    name = forms.CharField(label=_("Unit as written"), max_length=300, required=False,
                           widget=forms.TextInput(attrs={"class": "form-control form-control-sm",
                                                         "placeholder": _("Another unit, as written")}))
    organization = forms.ModelChoiceField(
        queryset=Organization.objects.none(), label=_("Organization"), required=False,
        empty_label=_("(kept as written)"),
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = units if units is not None else Organization.objects.none()

    @property
    def is_blank(self) -> bool:
        """A row that names no unit (the blank row left for a missed one) is ignored."""
        return not (self.cleaned_data.get("name") or "").strip() and not self.cleaned_data.get("organization")

    def clean_name(self):
        return self.cleaned_data["name"].strip()


TargetFormSet = forms.formset_factory(TargetRowForm, extra=0)
ContentAreaFormSet = forms.formset_factory(ContentAreaRowForm, extra=0)
AreaUnitFormSet = forms.formset_factory(AreaUnitRowForm, extra=0)
AssignmentFormSet = forms.formset_factory(AssignmentRowForm, extra=0)
