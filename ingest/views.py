"""Pages of plan imports: upload, watch the reading, review and create the draft plan."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, View

from core.views import ActionRequiredMixin, ConfirmView, Link, ScopedListView
from ingest import services
from ingest.forms import (
    AreaUnitFormSet,
    AssignmentFormSet,
    ContentAreaFormSet,
    ReviewForm,
    TargetFormSet,
    UploadForm,
)
from ingest.models import ImportStatus, PlanImport
from ingest.tables import PlanImportTable
from orgs.models import Organization
from orgs.scoping import Action, can
from plans.models import Plan


class ImportListView(ScopedListView):
    model = PlanImport
    related = ("organization", "plan", "created_by")
    table_class = PlanImportTable
    title = gettext_lazy("Plan imports")
    links = (Link(gettext_lazy("Import a plan document"), "ingest:import_create"),)

    def get_queryset(self):
        return super().get_queryset().order_by("-created_at", "-id")


class ImportCreateView(ActionRequiredMixin, FormView):
    template_name = "ingest/import_form.html"
    form_class = UploadForm
    required_action = Action.CHANGE

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        try:
            plan_import = services.start_import(
                form.cleaned_data["file"], organization=form.cleaned_data["organization"], by=self.request.user
            )
        except ValidationError as exc:
            form.add_error("file", exc)
            return self.form_invalid(form)
        return redirect(plan_import)


def _review_forms(plan_import: PlanImport, data=None):
    units = Organization.objects.filter(path__startswith=plan_import.organization.path).exclude(
        pk=plan_import.organization_id
    ).active_on()
    fields, targets, assignments = services.review_initial(plan_import)
    form = ReviewForm(data, initial=fields)
    target_formset = TargetFormSet(data, initial=targets, prefix="targets")
    assignment_formset = AssignmentFormSet(data, initial=assignments, prefix="assignments",
                                           form_kwargs={"units": units})
    scores = [row["score"] for row in assignments]
    return form, target_formset, assignment_formset, scores


def _area_forms(plan_import: PlanImport, data=None):
    """The content areas, and the units each names, to correct."""
    units = Organization.objects.filter(path__startswith=plan_import.organization.path).exclude(
        pk=plan_import.organization_id
    ).active_on()
    areas, area_units = services.review_areas(plan_import)
    area_formset = ContentAreaFormSet(data, initial=areas, prefix="areas")
    unit_formset = AreaUnitFormSet(data, initial=area_units, prefix="area_units", form_kwargs={"units": units})
    return area_formset, unit_formset, [row["score"] for row in area_units]


def _area_rows(area_formset, unit_formset, scores):
    """Each area's form beside the forms of its units (with how well each was matched), for the page."""
    by_area = {}
    for form, score in zip(unit_formset.forms, scores, strict=False):
        by_area.setdefault(str(form["area"].value()), []).append((form, score))
    return [(form, by_area.get(str(index), [])) for index, form in enumerate(area_formset.forms)]


def _reviewed_areas(area_formset, unit_formset, year: int, *, year_changed: bool = False) -> list[dict]:
    """The areas the user kept, as the service takes them: units named or matched, schedule from the timing."""
    units = {}
    for form in unit_formset.forms:
        row = form.cleaned_data
        if row.get("include") and not form.is_blank:
            organization = row.get("organization")
            units.setdefault(row["area"], []).append(
                {"role": row["role"], "name": row["name"] or organization.name, "organization": organization}
            )
    areas = []
    for index, form in enumerate(area_formset.forms):
        row = form.cleaned_data
        if not row.get("include"):
            continue
        due_date, recurrence = form.schedule(year, year_changed=year_changed)
        areas.append({"title": row["title"], "activities": row["activities"], "timing": row["timing"],
                      "due_date": due_date, "recurrence": recurrence, "units": units.get(index, [])})
    return areas


def _existing_plan(plan_import: PlanImport, form):
    """The organization's plan for the year under review, if it has one already (the import cannot be a second)."""
    year = form.data.get("year") if form.is_bound else form.initial.get("year")
    try:
        year = int(year)
    except (TypeError, ValueError):
        return None
    return Plan.objects.filter(organization=plan_import.organization, year=year, revision_of__isnull=True).first()


class ImportDetailView(LoginRequiredMixin, View):
    """While reading: progress. When read: the text beside the structure, to correct and confirm."""

    template_name = "ingest/import_detail.html"

    def get_import(self, request, pk) -> PlanImport:
        return get_object_or_404(PlanImport.objects.visible_to(request.user).select_related("organization"), pk=pk)

    def render(self, request, plan_import, forms=None, status=200, area_forms=None):
        context = {"object": plan_import,
                   "can_delete": plan_import.status not in (ImportStatus.CREATED, ImportStatus.RUNNING)
                   and can(request.user, Action.CHANGE, plan_import.organization)}
        if plan_import.status == ImportStatus.DONE:
            form, targets, assignments, scores = forms or _review_forms(plan_import)
            context["existing_plan"] = _existing_plan(plan_import, form)
            context.update(form=form, target_formset=targets, assignment_formset=assignments,
                           assignment_rows=list(zip(assignments.forms, scores, strict=True)))
            area_formset, unit_formset, unit_scores = area_forms or _area_forms(plan_import)
            context.update(area_formset=area_formset, unit_formset=unit_formset,
                           area_rows=_area_rows(area_formset, unit_formset, unit_scores))
        return render(request, self.template_name, context, status=status)

    def get(self, request, pk):
        return self.render(request, self.get_import(request, pk))

    def post(self, request, pk):
        plan_import = self.get_import(request, pk)
        if not can(request.user, Action.CHANGE, plan_import.organization):
            raise PermissionDenied
        if plan_import.status != ImportStatus.DONE:
            messages.error(request, _("This import has already been used or is not ready."))
            return redirect(plan_import)
        forms = _review_forms(plan_import, request.POST)
        form, targets, assignments, _scores = forms
        area_forms = _area_forms(plan_import, request.POST)
        area_formset, unit_formset, _unit_scores = area_forms
        areas_valid = area_formset.is_valid() & unit_formset.is_valid()
        if form.is_valid() and targets.is_valid() and assignments.is_valid() and areas_valid:
            fields = {k: v for k, v in form.cleaned_data.items() if k not in ("references", "recipients")}
            fields["recipients"] = form.cleaned_data["recipients"]
            target_rows = [{k: v for k, v in row.items() if k != "include"} for row in targets.cleaned_data
                           if row.get("include")]
            assignment_rows = [
                {"lead_unit": row["lead_unit"], "task": row["task"], "due_date": row["due_date"]}
                for row in assignments.cleaned_data if row.get("include")
            ]
            try:
                plan = services.create_plan_from_import(
                    plan_import, fields=fields, references=form.cleaned_data["references"],
                    targets=target_rows, assignments=assignment_rows, by=request.user,
                    areas=_reviewed_areas(area_formset, unit_formset, form.cleaned_data["year"],
                                          year_changed="year" in form.changed_data),
                )
            except ValidationError as exc:
                for message in exc.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, _("Draft plan created from the document."))
                return redirect(plan)
        return self.render(request, plan_import, forms, status=400, area_forms=area_forms)


class ImportProgressView(LoginRequiredMixin, View):
    """The progress bar, polled by htmx; once reading ends the page reloads to the review."""

    def get(self, request, pk):
        plan_import = get_object_or_404(PlanImport.objects.visible_to(request.user), pk=pk)
        response = render(request, "ingest/progress.html", {"object": plan_import})
        if not plan_import.in_progress and request.htmx:
            response = HttpResponse(status=204)
            response["HX-Refresh"] = "true"
        return response


class ImportDeleteView(ConfirmView):
    model = PlanImport
    action = "change"
    title = gettext_lazy("Delete plan import")
    question = gettext_lazy("Delete this import and its uploaded file?")
    warning = gettext_lazy("The deletion is recorded in the history.")
    confirm_label = gettext_lazy("Delete")
    success_message = gettext_lazy("Import deleted.")
    service = services.delete_import
    success_url_name = "ingest:import_list"
