"""Service quality on the house kit: dossier statistics (list, form, import), letters (.docx), the survey's
questionnaire, service points with their QR codes, results, and the public survey form."""

from __future__ import annotations

import base64

from django import forms
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from django_bootstrap5.widgets import RadioSelectButtonGroup

from core import public
from core.access import holds_anywhere
from core.history import ObjectHistoryView
from core.periods import Period, PeriodKind
from core.views import (
    ConfirmView,
    Link,
    PageAction,
    ScopedDetailView,
    ScopedDownloadView,
    ScopedListView,
    ScopedMixin,
    ServiceFormView,
)
from core.xlsx import xlsx_response
from documents.docx import DOCX_CONTENT_TYPE
from orgs.filters import top_paths
from orgs.models import Organization
from service import letters, measures, qr, selectors, services
from service.filters import (
    DossierStatFilter,
    LetterFilter,
    ServicePointFilter,
    SurveyFilter,
    SurveyResponseFilter,
)
from service.forms import (
    DossierStatForm,
    LetterForm,
    QuestionForm,
    ServicePointForm,
    StatImportForm,
    SurveyForm,
)
from service.models import DossierStat, Factor, Letter, LetterKind, Question, ServicePoint, Survey, SurveyResponse
from service.tables import DossierStatTable, LetterTable, ServicePointTable, SurveyTable

# Dossier statistics -------------------------------------------------------------------------------------


class StatList(ScopedListView):
    model, filterset_class, table_class = DossierStat, DossierStatFilter, DossierStatTable
    related = ("organization",)
    title = gettext_lazy("Dossier statistics")
    export_url_name, export_filename = "service:stat_export", "thong-ke-ho-so-tthc.xlsx"
    links = (Link(gettext_lazy("Import from .xlsx"), "service:stat_import", css="btn-outline-primary",
                  icon="upload"),
             Link(gettext_lazy("Record a month"), "service:stat_create"))


class StatDetail(ScopedDetailView):
    model, related = DossierStat, ("organization",)
    detail_fields = ("organization", "month", "procedure_field", "received_online", "received_direct",
                     "carried_over", "settled_early", "settled_on_time", "settled_late", "pending_within",
                     "pending_overdue")
    update_url_name, history_url_name = "service:stat_update", "service:stat_history"


class StatEdit(ServiceFormView):
    model, form_class = DossierStat, DossierStatForm
    success_message = gettext_lazy("Dossier statistics saved.")

    def get_title(self):
        return _("Edit dossier statistics") if self.object else _("Record dossier statistics")

    def save(self, form):
        return services.save_stat(form.instance, by=self.request.user)


class StatDelete(ConfirmView):
    model = DossierStat
    title = gettext_lazy("Delete dossier statistics")
    question = gettext_lazy("Delete these figures? The history keeps the record.")
    confirm_label = gettext_lazy("Delete")
    success_message = gettext_lazy("Dossier statistics deleted.")
    service = services.delete_stat
    success_url_name = "service:stat_list"


class StatHistory(ObjectHistoryView):
    model = DossierStat


UPLOAD_SALT = "service.stat-import"


class StatImport(ScopedMixin, FormView):
    """The report's sheet: a first send shows the columns found, the mapping guessed and a row report
    (nothing saved); the second, with the mapping confirmed, saves — all rows, or the valid ones if asked."""

    template_name = "service/stat_import.html"
    model, action = DossierStat, "change"
    form_class = StatImportForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not holds_anywhere(request.user, "change"):
            raise PermissionDenied
        self.content, self.sheet = None, None
        return super().dispatch(request, *args, **kwargs)

    def _load_upload(self):
        data = self.request.POST
        upload = self.request.FILES.get("file")
        if upload is not None:
            self.content = upload.read()
        elif data.get("upload"):
            try:
                path = signing.loads(data["upload"], salt=UPLOAD_SALT, max_age=3600)
            except signing.BadSignature:
                return
            self.content = self.request.session.get(path)
            self.content = base64.b64decode(self.content) if self.content else None
        if self.content:
            try:
                self.sheet = services.read_sheet(self.content)
            except services.SheetError:
                self.sheet = None

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        if self.request.method == "POST":
            self._load_upload()
            kwargs["columns"] = self.sheet.headers if self.sheet else ()
        return kwargs

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def form_valid(self, form):
        if not self.content:
            form.add_error("file", _("Choose the sheet to import."))
            return self.render_to_response(self.get_context_data(form=form), status=400)
        key = "service-import"
        self.request.session[key] = base64.b64encode(self.content).decode()
        mapping = form.mapping()
        first = self.request.FILES.get("file") is not None
        if first and self.sheet is not None:
            mapping = services.guess_mapping(self.sheet.headers)
        organization = form.cleaned_data["organization"]
        report = services.import_stats(organization, self.content, mapping, by=self.request.user,
                                       month=form.cleaned_data["month"],
                                       keep_valid=form.cleaned_data["keep_valid"],
                                       save=not first and "confirm" in self.request.POST)
        if report.saved:
            self.request.session.pop(key, None)
            messages.success(self.request, _("%(count)s rows saved.") % {"count": report.saved})
            return redirect("service:stat_list")
        data = self.request.POST.copy()
        data["upload"] = signing.dumps(key, salt=UPLOAD_SALT)
        for name, col in mapping.items():
            data[f"col_{name}"] = "" if col is None else str(col)
        shown = StatImportForm(data, user=self.request.user, columns=self.sheet.headers if self.sheet else ())
        shown.is_valid()
        preview = self.sheet.rows[:10] if self.sheet else []
        bad = bool(report.bad_rows or report.file_errors)
        return self.render_to_response(self.get_context_data(
            form=shown, report=report, preview=preview, headers=self.sheet.headers if self.sheet else []),
            status=400 if bad else 200)


# Letters ------------------------------------------------------------------------------------------------


class LetterList(ScopedListView):
    template_name = "service/letter_list.html"
    model, filterset_class, table_class = Letter, LetterFilter, LetterTable
    related = ("organization",)
    columns = ("date", "kind", "dossier_code", "applicant", "organization__name", "new_due_date")

    def get_context_data(self, **kwargs):
        year = self.filterset.form.cleaned_data.get("year") if self.filterset.is_valid() else None
        year = int(year or timezone.localdate().year)
        figure = measures.apology_letters_rate(_tops(self.request.user), Period(year, PeriodKind.YEAR, 1))
        share = round(100 * figure.numerator / figure.denominator, 1) if figure.denominator else None
        return super().get_context_data(apology_year=year, apology_figure=figure, apology_share=share, **kwargs)
    title = gettext_lazy("Apology and thank-you letters")
    export_url_name, export_filename = "service:letter_export", "thu-xin-loi-cam-on.xlsx"
    links = (Link(gettext_lazy("Apology letter"), "service:apology_create", icon="envelope-exclamation"),
             Link(gettext_lazy("Thank-you letter"), "service:thanks_create", css="btn-outline-primary",
                  icon="envelope-heart"))


class LetterDetail(ScopedDetailView):
    model, related = Letter, ("organization", "created_by")
    detail_fields = ("kind", "organization", "date", "dossier_code", "applicant", "applicant_id", "procedure",
                     "received_on", "due_at", "reason", "new_due_date", "signer_title", "signer_name")
    history_url_name = "service:letter_history"

    def detail_rows(self):
        return [(_("Number"), services.number_symbol(self.object)), *super().detail_rows()]

    def page_actions(self):
        return [PageAction(_("Download .docx"), reverse("service:letter_docx", args=[self.object.pk]),
                           css="btn-primary", icon="file-earmark-word"), *super().page_actions()]


class LetterCreate(ServiceFormView):
    model, form_class = Letter, LetterForm
    kind = LetterKind.APOLOGY
    success_message = gettext_lazy("Letter recorded.")

    def get_title(self):
        return LetterKind(self.kind).label

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "kind": self.kind}

    def save(self, form):
        form.instance.kind = self.kind
        return services.save_letter(form.instance, by=self.request.user)


class LetterDocx(ScopedDownloadView):
    model, related = Letter, ("organization",)
    content_type = DOCX_CONTENT_TYPE

    def render_file(self, obj):
        return letters.render_letter(obj), letters.filename(obj)


class LetterHistory(ObjectHistoryView):
    model = Letter


def _tops(user) -> list[Organization]:
    """The highest organizations the user sees (the others lie below them), found from the user's
    scope, not by reading every organization they see (a coordinator sees 1,200). A path names its
    organization (its last id), so only a superuser's roots are read."""
    paths = top_paths(user)
    if paths is None:
        return list(Organization.objects.filter(parent__isnull=True).only("pk", "path").order_by("path"))
    return [Organization(pk=int(path.strip("/").rsplit("/", 1)[-1]), path=path) for path in sorted(paths)]


# Surveys ------------------------------------------------------------------------------------------------


class SurveyList(ScopedListView):
    model, filterset_class, table_class = Survey, SurveyFilter, SurveyTable
    related = ("province",)
    title = gettext_lazy("Satisfaction surveys")
    links = (Link(gettext_lazy("New questionnaire"), "service:survey_create"),
             Link(gettext_lazy("Results"), "service:results", requires=None, css="btn-outline-primary",
                  icon="bar-chart"))


class SurveyDetail(ScopedDetailView):
    template_name = "service/survey_detail.html"
    model, related = Survey, ("province",)
    detail_fields = ("province", "year", "title", "introduction")
    update_url_name, history_url_name = "service:survey_update", "service:survey_history"

    def get_context_data(self, **kwargs):
        questions = list(self.object.questions.all())
        groups = [(label, [q for q in questions if q.factor == value]) for value, label in Factor.choices]
        return super().get_context_data(groups=groups, can_change=self.can("change", self.object), **kwargs)


class SurveyEdit(ServiceFormView):
    model, form_class = Survey, SurveyForm
    success_message = gettext_lazy("Questionnaire saved.")

    def save(self, form):
        return services.save_survey(form.instance, by=self.request.user)


class SurveyHistory(ObjectHistoryView):
    model = Survey


class QuestionEdit(ServiceFormView):
    """A question of a questionnaire: added under its survey (`survey`), or changed (`pk`)."""

    model, form_class = Question, QuestionForm
    success_message = gettext_lazy("Question saved.")

    def load(self, **kwargs):
        if "survey" in kwargs:
            self.survey = get_object_or_404(services_scope(Survey, self.request.user, "change"), pk=kwargs["survey"])
        else:
            super().load(**kwargs)
            self.survey = self.object.survey

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.object is None:
            kwargs["instance"] = Question(survey=self.survey)
        return kwargs

    def save(self, form):
        return services.save_question(form.instance, by=self.request.user)

    def get_success_url(self, obj=None):
        return self.survey.get_absolute_url()


def services_scope(model, user, action):
    from core.access import scoped

    return scoped(model, user, action)


class QuestionDelete(ConfirmView):
    model = Question
    title = gettext_lazy("Delete question")
    question = gettext_lazy("Delete this question?")
    confirm_label = gettext_lazy("Delete")
    success_message = gettext_lazy("Question deleted.")
    service = services.delete_question

    def get_success_url(self, obj, result):
        return obj.survey.get_absolute_url()

    def get_cancel_url(self):
        return self.object.survey.get_absolute_url()


class PointList(ScopedListView):
    model, filterset_class, table_class = ServicePoint, ServicePointFilter, ServicePointTable
    related = ("organization",)
    title = gettext_lazy("Service points")
    export_url_name, export_filename = "service:point_export", "diem-phuc-vu.xlsx"
    links = (Link(gettext_lazy("New service point"), "service:point_create"),)


class PointDetail(ScopedDetailView):
    template_name = "service/point_detail.html"
    model, related = ServicePoint, ("organization",)
    detail_fields = ("organization", "name", "active")
    update_url_name, history_url_name = "service:point_update", "service:point_history"

    def detail_rows(self):
        return [(label, (_("Yes") if value else _("No")) if isinstance(value, bool) else value)
                for label, value in super().detail_rows()]

    def get_context_data(self, **kwargs):
        url = self.request.build_absolute_uri(self.object.get_survey_path())
        return super().get_context_data(survey_url=url, qr_svg=qr.svg(url), **kwargs)


class PointEdit(ServiceFormView):
    model, form_class = ServicePoint, ServicePointForm
    success_message = gettext_lazy("Service point saved.")

    def save(self, form):
        return services.save_point(form.instance, by=self.request.user)


class PointQR(ScopedDownloadView):
    """The QR code to stick on the desk: PNG or PDF (`fmt`)."""

    model, related = ServicePoint, ("organization",)

    def get(self, request, *args, **kwargs):
        if kwargs["fmt"] not in ("png", "pdf"):
            raise Http404
        self.content_type = "application/pdf" if kwargs["fmt"] == "pdf" else "image/png"
        return super().get(request, *args, **kwargs)

    def render_file(self, obj):
        url = self.request.build_absolute_uri(obj.get_survey_path())
        if self.kwargs["fmt"] == "pdf":
            return qr.pdf(url), f"khao-sat-{obj.pk}.pdf"
        return qr.png(url), f"khao-sat-{obj.pk}.png"


class PointHistory(ObjectHistoryView):
    model = ServicePoint


class Results(ScopedMixin, TemplateView):
    """The satisfaction rate per organization, service point and factor for the chosen period, with the number
    of respondents beside every rate; the free text for the organization's leaders and the coordinator."""

    template_name = "service/results.html"
    model = SurveyResponse
    export = False

    def get(self, request, *args, **kwargs):
        self.filterset = SurveyResponseFilter(request.GET or None, queryset=self.get_queryset(), request=request)
        responses = self.filterset.qs if self.filterset.is_bound and self.filterset.is_valid() else (
            self.get_queryset() if not self.filterset.is_bound else self.get_queryset().none())
        result = selectors.results(responses)
        if self.export:
            headers, rows = selectors.export_rows(result)
            return xlsx_response("ket-qua-khao-sat.xlsx", _("Survey results"), headers, rows)
        comments = selectors.readable_comments(responses, request.user)
        return self.render_to_response(self.get_context_data(
            filter=self.filterset, result=result, comments=comments, title=_("Survey results"),
            export_url=reverse("service:results_export") + (f"?{request.GET.urlencode()}" if request.GET else "")))


# The public survey -----------------------------------------------------------------------------------------


class SurveyAnswerForm(public.PublicFormMixin, forms.Form):
    max_chars = 2000
    SCALE = [(str(n), str(n)) for n in range(1, 6)]

    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        fields = {}
        for question in self.questions:
            fields[f"q{question.pk}"] = forms.TypedChoiceField(
                label=f"{len(fields) + 1}. {question.text}", help_text=question.get_factor_display(),
                choices=self.SCALE, coerce=int, widget=RadioSelectButtonGroup,
                error_messages={"invalid_choice": _("Each answer is a score from 1 to 5.")})
        fields["comment"] = forms.CharField(label=_("Your comments and suggestions (optional)"), required=False,
                                            widget=forms.Textarea(attrs={"rows": 4}))
        # Questions first, then the comment, then the kit's own fields.
        self.fields = {**fields, **{k: v for k, v in self.fields.items() if k not in fields}}
        for name in fields:
            if isinstance(self.fields[name], forms.CharField):
                self.fields[name].max_length = self.max_chars
                self.fields[name].validators.append(public._MaxChars(self.max_chars))

    def answers(self) -> dict[int, int]:
        return {question.pk: self.cleaned_data[f"q{question.pk}"] for question in self.questions}


class PublicSurvey(public.PublicFormView):
    template_name = "service/public_survey.html"
    form_class = SurveyAnswerForm
    rate_group = "service-survey"
    # Citizens at a one-stop centre often share its guest network's address: more than a form a person fills.
    rate = "30/h"
    submit_label = gettext_lazy("Send my answers")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.point = ServicePoint.objects.select_related("organization").filter(
            token=kwargs["token"], active=True).first()
        self.survey = services.survey_for(self.point) if self.point else None

    def dispatch(self, request, *args, **kwargs):
        if self.point is None or self.survey is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        questions = sorted(self.survey.questions.all(), key=lambda q: (list(Factor.values).index(q.factor), q.order))
        return {**super().get_form_kwargs(), "questions": questions}

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=self.survey.title, point=self.point, survey=self.survey, **kwargs)

    def form_valid(self, form):
        try:
            services.submit_response(self.point, form.answers(), comment=form.cleaned_data.get("comment") or "")
        except services.ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        return HttpResponse(self.thanks_page(), status=200)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def thanks_page(self) -> str:
        from django.template.loader import render_to_string

        return render_to_string("service/public_thanks.html", {"point": self.point, "survey": self.survey},
                                request=self.request)

