"""Pages of periodic reports on the house kit: reports (list, detail with the steps the user may
take, narrative, evidence, history), reporting periods (list, create, defaults, close, reopen,
exemptions) and completeness with its .xlsx export."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView

from core.access import scoped
from core.history import ObjectHistoryView
from core.views import (
    ActionRequiredMixin,
    ConfirmView,
    PageAction,
    ScopedDetailView,
    ScopedDownloadView,
    ScopedListView,
    ScopedMixin,
    ServiceFormView,
    add_service_errors,
    error_messages,
)
from core.xlsx import xlsx_response
from documents.docx import DOCX_CONTENT_TYPE
from orgs.models import Organization, OrganizationKind
from progress import assembly, reporting
from progress.report_docx import filename_of, render_report_docx
from progress.reporting_filters import ReportFilter
from progress.reporting_forms import DefaultsForm, ExemptionForm, NarrativeForm, PeriodForm, ReasonForm, StepForm
from progress.reporting_models import Report, ReportingPeriod, ReportLevel
from progress.reporting_tables import PeriodTable, ReportTable

STEP_LABELS = {
    "submit": gettext_lazy("Submit"),
    "return": gettext_lazy("Return with comments"),
    "accept": gettext_lazy("Accept"),
    "unlock": gettext_lazy("Unlock"),
}


def manages_periods(user) -> bool:
    """The coordinator: who may change a province's own node."""
    return scoped(Organization, user, "change").filter(kind=OrganizationKind.PROVINCE).exists()


# ---------------------------------------------------------------- reports

class ReportList(ScopedListView):
    model, filterset_class, table_class = Report, ReportFilter, ReportTable
    related = ("organization", "receiver", "period")
    title = gettext_lazy("Periodic reports")
    export_url_name, export_filename = "progress:report_export", "bao-cao-dinh-ky.xlsx"

    def get_queryset(self):
        # The most recent period first (its annual round above its six-month one), as the completeness
        # page shows by default; a column clicked sorts otherwise.
        return super().get_queryset().order_by("-period__year", "-period__due_date", "period__level",
                                               "organization__path")

    def page_actions(self):
        actions = super().page_actions()
        actions.append(PageAction(_("Completeness"), reverse("progress:completeness"), icon="bar-chart"))
        return actions


class ReportDetail(ScopedDetailView):
    template_name = "progress/reports/report_detail.html"
    model, related = Report, ("organization__parent", "receiver", "period__province", "created_by")
    prefetch = ("registrations",)
    history_url_name = "progress:report_history"

    def page_actions(self):
        actions = super().page_actions()
        actions.append(PageAction(_("Download .docx"), reverse("progress:report_docx", args=[self.object.pk]),
                                  icon="file-earmark-word"))
        if self.can("change", self.object):
            actions.append(PageAction(_("Edit"), reverse("progress:report_edit", args=[self.object.pk]),
                                      css="btn-primary", icon="pencil"))
        return actions

    def get_context_data(self, **kwargs):
        steps = reporting.allowed_steps(self.object, self.request.user)
        prefill = reporting.prefill(self.object)
        return super().get_context_data(
            prefill=prefill, assembly=assembly.assemble(self.object, prefill),
            may_copy=self.can("change", self.object),
            history_steps=self.object.steps.select_related("by"),
            steps=[(name, STEP_LABELS[name], reporting.TRANSITIONS[name].comment_required) for name in steps],
            step_form=StepForm(), **kwargs)


class ReportEdit(ServiceFormView):
    model, form_class = Report, NarrativeForm
    template_name = "progress/reports/report_edit.html"
    related = ("organization", "period")
    success_message = gettext_lazy("Report saved.")

    def get_title(self):
        return _("Edit report: %(report)s") % {"report": self.object}

    def get_context_data(self, **kwargs):
        # The units' accepted texts beside the form, to copy from (an agency's report).
        gathered = assembly.assemble(self.object) if self.object.period.level == ReportLevel.AGENCY else None
        return super().get_context_data(assembly=gathered, **kwargs)

    def save(self, form):
        data = form.cleaned_data
        return reporting.edit_narrative(self.object, results=data["results"], limits=data["limits"],
                                        proposals=data["proposals"], by=self.request.user)


class ReportStepView(ScopedMixin, View):
    """POST: take a step (submit, return, accept, unlock) on a report the user can see."""

    model = Report
    http_method_names = ["post"]

    def post(self, request, pk):
        report = get_object_or_404(self.get_queryset().select_related("period"), pk=pk)
        form = StepForm(request.POST)
        form.is_valid()
        action = form.cleaned_data.get("action", "")
        try:
            reporting.take_step(report, action, by=request.user, comment=form.cleaned_data.get("comment", ""))
        except ValidationError as exc:
            error_messages(request, exc)
        else:
            messages.success(request, _("Done: %(step)s.") % {"step": STEP_LABELS[action].lower()})
        return HttpResponseRedirect(report.get_absolute_url())


class ReportHistory(ObjectHistoryView):
    model = Report


class ReportCopyUnits(ScopedMixin, View):
    """POST: copy the accepted units' texts (all, or the one unit named) into an agency's narrative."""

    model = Report
    http_method_names = ["post"]

    def post(self, request, pk):
        report = get_object_or_404(self.get_queryset().select_related("period", "organization"), pk=pk)
        unit = None
        if request.POST.get("unit"):
            if not request.POST["unit"].isdigit():
                raise Http404
            unit = get_object_or_404(scoped(Organization, request.user, "view"), pk=request.POST["unit"])
        try:
            added = assembly.copy_into_narrative(report, by=request.user, unit=unit)
        except ValidationError as exc:
            error_messages(request, exc)
        except PermissionDenied:
            messages.error(request, _("You may not change this report."))
        else:
            if added:
                messages.success(request, _("The units' texts were added to the narrative; edit them as needed."))
            else:
                messages.info(request, _("The narrative already holds these texts."))
        return HttpResponseRedirect(report.get_absolute_url())


class ReportDocxView(ScopedDownloadView):
    model = Report
    related = ("organization__parent", "receiver", "period__province")
    prefetch = ("registrations",)
    content_type = DOCX_CONTENT_TYPE

    def render_file(self, report):
        return render_report_docx(report), filename_of(report)


class StartReport(ScopedMixin, View):
    """POST: the organization's report for a period, made as a draft the first time."""

    model = ReportingPeriod
    http_method_names = ["post"]

    def post(self, request, pk, organization):
        period = get_object_or_404(self.get_queryset(), pk=pk)
        org = get_object_or_404(scoped(Organization, request.user, "change"), pk=organization)
        try:
            report = reporting.start_report(period, org, by=request.user)
        except ValidationError as exc:
            error_messages(request, exc)
            return HttpResponseRedirect(period.get_absolute_url())
        return HttpResponseRedirect(report.get_absolute_url())


# ---------------------------------------------------------------- periods

class PeriodList(ScopedListView):
    model, table_class = ReportingPeriod, PeriodTable
    related = ("province",)
    title = gettext_lazy("Reporting periods")

    def page_actions(self):
        actions = super().page_actions()
        if manages_periods(self.request.user):
            actions += [
                PageAction(_("The year's default periods"), reverse("progress:period_defaults"), icon="calendar-plus"),
                PageAction(_("New reporting period"), reverse("progress:period_create"), css="btn-primary",
                           icon="plus-lg"),
            ]
        return actions


class PeriodDetail(ScopedDetailView):
    template_name = "progress/reports/period_detail.html"
    model, related = ReportingPeriod, ("province",)
    history_url_name = "progress:period_history"
    detail_fields = ("province", "level", "data_start", "data_end", "cut_off", "due_date")

    def detail_rows(self):
        rows = super().detail_rows()
        rows.append((_("Due date (working day)"), self.object.effective_due))
        return rows

    def page_actions(self):
        actions = super().page_actions()
        period = self.object
        if self.can("change", period):
            if period.closed:
                actions.append(PageAction(_("Reopen"), reverse("progress:period_reopen", args=[period.pk])))
            else:
                actions += [
                    PageAction(_("Exempt an organization"), reverse("progress:period_exempt", args=[period.pk])),
                    PageAction(_("Close the period"), reverse("progress:period_close", args=[period.pk]),
                               css="btn-outline-danger"),
                ]
        return actions

    def get_context_data(self, **kwargs):
        user = self.request.user
        rows, total = reporting.completeness(self.object, user)
        reports = {r.organization_id: r for r in Report.objects.filter(period=self.object,
                                                                       organization__in=[o.pk for o in total.expected])}
        changeable = set(scoped(Organization, user, "change").filter(pk__in=[o.pk for o in total.expected])
                         .values_list("pk", flat=True))
        expected = [(org, reports.get(org.pk), org.pk in changeable and not self.object.closed)
                    for org in total.expected]
        return super().get_context_data(
            total=total, expected=expected,
            exemptions=self.object.exemptions.select_related("organization", "created_by"), **kwargs)


class PeriodCreate(ServiceFormView):
    model, form_class = ReportingPeriod, PeriodForm
    title = gettext_lazy("New reporting period")
    success_message = gettext_lazy("Reporting period saved.")

    def load(self, **kwargs):
        if not manages_periods(self.request.user):
            raise PermissionDenied

    def save(self, form):
        return reporting.save_period(form.instance, by=self.request.user)


class PeriodDefaults(ActionRequiredMixin, FormView):
    template_name = "core/form.html"
    form_class = DefaultsForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not manages_periods(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("The year's default periods"), submit_label=_("Create"), cancel_url=reverse("progress:period_list"),
            **kwargs)

    def form_valid(self, form):
        provinces = scoped(Organization, self.request.user, "change").filter(kind=OrganizationKind.PROVINCE)
        for province in provinces:
            reporting.ensure_default_periods(province, form.cleaned_data["year"], by=self.request.user)
        messages.success(self.request, _("The year's reporting periods are ready."))
        return HttpResponseRedirect(reverse("progress:period_list"))

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class PeriodClose(ConfirmView):
    model = ReportingPeriod
    title = gettext_lazy("Close the period")
    question = gettext_lazy("Close this period? Its reports become read-only until it is reopened.")
    confirm_label = gettext_lazy("Close")
    success_message = gettext_lazy("Period closed.")
    service = reporting.close_period


class _PeriodFormView(ScopedMixin, FormView):
    model, action = ReportingPeriod, "change"
    template_name = "core/form.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.period = get_object_or_404(self.get_queryset(), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=f"{self.title}: {self.period}", submit_label=self.submit_label,
                                        cancel_url=self.period.get_absolute_url(), **kwargs)

    def form_valid(self, form):
        try:
            self.perform(form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.render_to_response(self.get_context_data(form=form), status=400)
        messages.success(self.request, self.success_message)
        return HttpResponseRedirect(self.period.get_absolute_url())

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class PeriodReopen(_PeriodFormView):
    form_class = ReasonForm
    title, submit_label = gettext_lazy("Reopen"), gettext_lazy("Reopen")
    success_message = gettext_lazy("Period reopened.")

    def perform(self, data):
        reporting.reopen_period(self.period, reason=data["reason"], by=self.request.user)


class PeriodExempt(_PeriodFormView):
    form_class = ExemptionForm
    title, submit_label = gettext_lazy("Exempt an organization"), gettext_lazy("Exempt")
    success_message = gettext_lazy("Exemption recorded.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "organizations": reporting.expected_organizations(self.period)}

    def perform(self, data):
        reporting.exempt(self.period, data["organization"], reason=data["reason"], by=self.request.user)


class PeriodHistory(ObjectHistoryView):
    model = ReportingPeriod


# ---------------------------------------------------------------- completeness

class CompletenessView(ScopedMixin, TemplateView):
    """Completeness and timeliness of one period (by default the most recent that concerns the user:
    reporting.default_period), per agency and for the province."""

    template_name = "progress/reports/completeness.html"
    model = ReportingPeriod
    export = False

    def period(self):
        periods = self.get_queryset().select_related("province")
        key = self.request.GET.get("period")
        if key:
            if not key.isdigit():
                raise Http404
            return get_object_or_404(periods, pk=key), periods
        return reporting.default_period(periods, self.request.user), periods

    def get(self, request, *args, **kwargs):
        period, periods = self.period()
        rows, total = reporting.completeness(period, request.user) if period else ([], None)
        if self.export:
            name = f"tinh-day-du-{period.pk}.xlsx" if period else "tinh-day-du.xlsx"
            title = str(period) if period else _("Report completeness and timeliness")
            return xlsx_response(name, title, *completeness_sheet(rows, total))
        return self.render_to_response(self.get_context_data(
            title=_("Report completeness and timeliness"), period=period, periods=periods, rows=rows, total=total))


def completeness_sheet(rows, total):
    headers = [_("Organization"), _("Expected"), _("Reports sent"), _("On time"), _("Completeness rate"),
               _("Timeliness rate"), _("Missing")]
    lines = [[row.organization.display_name, row.expected_count, row.actual, row.on_time, row.completeness,
              row.timeliness, "; ".join(org.display_name for org in row.missing)] for row in rows]
    if total is not None and len(rows) > 1:
        lines.append([_("Whole province"), total.expected_count, total.actual, total.on_time, total.completeness,
                      total.timeliness, ""])
    return headers, lines
