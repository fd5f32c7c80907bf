"""Inspections and public indices on the house kit."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from core.access import scoped
from core.history import ObjectHistoryView
from core.views import (
    ActionRequiredMixin,
    ConfirmView,
    Link,
    ScopedDetailView,
    ScopedListView,
    ServiceFormView,
)
from inspections import services
from inspections.filters import IndexScoreFilter, InspectionFilter
from inspections.forms import (
    FindingForm,
    IndexScoreForm,
    InspectionForm,
    RemedyDoneForm,
    RemedyForm,
    ScoreImportForm,
)
from inspections.models import Finding, IndexScore, Inspection, Remedy
from inspections.tables import IndexScoreTable, InspectionTable


class InspectionList(ScopedListView):
    model, filterset_class, table_class = Inspection, InspectionFilter, InspectionTable
    related = ("organization", "subject")
    title = gettext_lazy("Internal inspections")
    export_url_name, export_filename = "inspections:inspection_export", "kiem-tra-noi-bo.xlsx"
    links = (Link(gettext_lazy("Record an inspection"), "inspections:inspection_create"),)


class InspectionDetail(ScopedDetailView):
    template_name = "inspections/inspection_detail.html"
    model, related = Inspection, ("organization", "subject", "created_by")
    update_url_name, history_url_name = "inspections:inspection_update", "inspections:inspection_history"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            findings=self.object.findings.select_related("person"),
            remedies=scoped(Remedy, self.request.user, "view").filter(inspection=self.object)
            .select_related("owner", "finding"),
            changeable=scoped(Remedy, self.request.user, "change").filter(inspection=self.object)
            .values_list("pk", flat=True),
            can_change=self.can("change", self.object), done_form=RemedyDoneForm(), **kwargs)


class InspectionEdit(ServiceFormView):
    model, form_class = Inspection, InspectionForm
    success_message = gettext_lazy("Inspection saved.")

    def get_title(self):
        return _("Edit inspection") if self.object else _("Record an inspection")

    def save(self, form):
        return services.save_inspection(form.instance, by=self.request.user)


class InspectionDelete(ConfirmView):
    model = Inspection
    title = gettext_lazy("Delete inspection")
    question = gettext_lazy("Delete this inspection with its findings and remedies? The history keeps the record.")
    confirm_label = gettext_lazy("Delete")
    success_message = gettext_lazy("Inspection deleted.")
    service = services.delete_inspection
    success_url_name = "inspections:inspection_list"


class InspectionHistory(ObjectHistoryView):
    model = Inspection


class _OfInspection(ServiceFormView):
    """A part of an inspection (a finding, a remedy), edited by those who change the inspection."""

    def load(self, **kwargs):
        if "pk" in kwargs:
            # A part is edited by those who change its inspection (a unit only reports its remedy done).
            editable = scoped(Inspection, self.request.user, "change")
            self.object = get_object_or_404(self.model.objects.filter(inspection__in=editable)
                                            .select_related("inspection"), pk=kwargs["pk"])
            self.inspection = self.object.inspection
        else:
            self.inspection = get_object_or_404(scoped(Inspection, self.request.user, "change"),
                                                pk=kwargs["inspection"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "inspection": self.inspection}

    def get_cancel_url(self):
        return self.inspection.get_absolute_url()

    def get_success_url(self, obj=None):
        return self.inspection.get_absolute_url()


class FindingEdit(_OfInspection):
    model, form_class = Finding, FindingForm
    success_message = gettext_lazy("Finding saved.")

    def get_title(self):
        return _("Finding of %(inspection)s") % {"inspection": self.inspection}

    def save(self, form):
        form.instance.inspection = self.inspection
        return services.save_finding(form.instance, by=self.request.user)


class RemedyEdit(_OfInspection):
    model, form_class = Remedy, RemedyForm
    success_message = gettext_lazy("Remedy saved.")

    def get_title(self):
        return _("Remedy of %(inspection)s") % {"inspection": self.inspection}

    def save(self, form):
        form.instance.inspection = self.inspection
        return services.save_remedy(form.instance, by=self.request.user)


class RemedyDone(ServiceFormView):
    """The responsible unit reports a remedy done."""

    model, form_class = Remedy, RemedyDoneForm
    success_message = gettext_lazy("Remedy reported done.")

    def get_title(self):
        return _("Report the remedy done")

    def save(self, form):
        return services.complete_remedy(self.object, by=self.request.user, result=form.cleaned_data["result"])


class ScoreList(ScopedListView):
    model, filterset_class, table_class = IndexScore, IndexScoreFilter, IndexScoreTable
    related = ("organization",)
    title = gettext_lazy("Public indices")
    export_url_name, export_filename = "inspections:score_export", "chi-so-danh-gia.xlsx"
    links = (Link(gettext_lazy("Record a score"), "inspections:score_create"),
             Link(gettext_lazy("Import .xlsx"), "inspections:score_import", css="btn-outline-primary", icon="upload"))


class ScoreDetail(ScopedDetailView):
    model, related = IndexScore, ("organization",)
    detail_fields = ("organization", "index", "year", "score", "rank", "ranked_among", "source")
    update_url_name, history_url_name = "inspections:score_update", "inspections:score_history"


class ScoreEdit(ServiceFormView):
    model, form_class = IndexScore, IndexScoreForm
    success_message = gettext_lazy("Index score saved.")

    def save(self, form):
        return services.save_score(form.instance, by=self.request.user)


class ScoreDelete(ConfirmView):
    model = IndexScore
    title = gettext_lazy("Delete index score")
    question = gettext_lazy("Delete this index score? The history keeps the record.")
    confirm_label = gettext_lazy("Delete")
    service = services.delete_score
    success_url_name = "inspections:score_list"


class ScoreHistory(ObjectHistoryView):
    model = IndexScore


class ScoreImport(ActionRequiredMixin, FormView):
    """Scores from a sheet, with a row-by-row report; nothing is saved if a row is wrong."""

    template_name = "inspections/score_import.html"
    form_class = ScoreImportForm
    required_action = "change"

    def form_valid(self, form):
        report = services.import_scores(form.cleaned_data["file"], by=self.request.user)
        if report.saved:
            messages.success(self.request, _("%(count)s index scores saved.") % {"count": report.saved})
            return HttpResponseRedirect(self.request.path)
        return self.render_to_response(self.get_context_data(form=form, report=report), status=400)
