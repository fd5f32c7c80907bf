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

from core.views import ActionRequiredMixin, ConfirmView, Link, ScopedListView, error_messages
from ingest import services
from ingest.forms import (
    AreaUnitFormSet,
    AssignmentFormSet,
    ContentAreaFormSet,
    ImportOrganizationForm,
    ReviewForm,
    TargetFormSet,
    UploadForm,
)
from ingest.models import ImportOutcome, ImportStatus, PlanImport
from ingest.tables import PlanImportTable
from orgs.models import Organization
from orgs.scoping import Action, can
from plans.models import PlanKind


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


def _existing_plan(plan_import: PlanImport, form) -> services.ExistingPlan | None:
    """The organization's annual plan for the year under review, if it has one already (the import cannot be
    a second): from what the user typed, else from what the document says."""
    source = form.data if form.is_bound else form.initial
    return services.existing_plan(plan_import.organization, source.get("year"), source.get("kind"))


def _replace_id(request) -> int | None:
    try:
        return int(request.POST.get("replace", ""))
    except ValueError:
        return None


OUTCOME_MESSAGES = {
    ImportOutcome.NEW: gettext_lazy("Draft plan created from the document."),
    ImportOutcome.REVISION: gettext_lazy("The document is now a draft revision of the issued plan."),
    ImportOutcome.REPLACEMENT: gettext_lazy("The draft's text was replaced by the document; "
                                            "its former text is kept in its history."),
}


class ImportDetailView(LoginRequiredMixin, View):
    """While reading: progress. When read: the text beside the structure, to correct and confirm."""

    template_name = "ingest/import_detail.html"

    def get_import(self, request, pk) -> PlanImport:
        return get_object_or_404(PlanImport.objects.visible_to(request.user).select_related("organization"), pk=pk)

    def render(self, request, plan_import, forms=None, status=200, area_forms=None):
        may_change = can(request.user, Action.CHANGE, plan_import.organization)
        context = {"object": plan_import,
                   "can_delete": plan_import.status not in (ImportStatus.CREATED, ImportStatus.RUNNING)
                   and may_change}
        if plan_import.status == ImportStatus.DONE:
            form, targets, assignments, scores = forms or _review_forms(plan_import)
            context["existing"] = _existing_plan(plan_import, form)
            context["chosen_outcome"] = request.POST.get("outcome", "")
            if may_change:
                context["organization_form"] = ImportOrganizationForm(
                    user=request.user, initial={"organization": plan_import.organization})
            context.update(form=form, target_formset=targets, assignment_formset=assignments,
                           assignment_rows=list(zip(assignments.forms, scores, strict=True)))
            area_formset, unit_formset, unit_scores = area_forms or _area_forms(plan_import)
            context.update(area_formset=area_formset, unit_formset=unit_formset,
                           area_rows=_area_rows(area_formset, unit_formset, unit_scores))
        return render(request, self.template_name, context, status=status)

    def confirm_replacement(self, request, plan_import, existing):
        """Replacing a draft's text is asked once more, with what the draft holds now; the reviewed form
        travels along unchanged."""
        data = [(name, values) for name, values in request.POST.lists()
                if name not in ("csrfmiddlewaretoken", "replace", "back")]
        return render(request, "ingest/replace_confirm.html", {
            "object": plan_import, "existing": existing, "data": data,
            "counts": {"areas": existing.plan.content_areas.count(), "targets": existing.plan.targets.count(),
                       "assignments": existing.plan.assignments.count()},
        })

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
        if "back" in request.POST:
            return self.render(request, plan_import, forms, area_forms=area_forms)
        outcome = request.POST.get("outcome") or ImportOutcome.NEW
        areas_valid = area_formset.is_valid() & unit_formset.is_valid()
        if form.is_valid() and targets.is_valid() and assignments.is_valid() and areas_valid:
            existing = _existing_plan(plan_import, form)
            if outcome == ImportOutcome.REPLACEMENT and existing and _replace_id(request) is None:
                return self.confirm_replacement(request, plan_import, existing)
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
                    outcome=outcome, replace=_replace_id(request),
                    areas=_reviewed_areas(area_formset, unit_formset, form.cleaned_data["year"],
                                          year_changed="year" in form.changed_data),
                )
            except ValidationError as exc:
                for message in exc.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, OUTCOME_MESSAGES.get(outcome, OUTCOME_MESSAGES[ImportOutcome.NEW]))
                return redirect(plan)
        return self.render(request, plan_import, forms, status=400, area_forms=area_forms)


class ImportExistingPlanView(LoginRequiredMixin, View):
    """The notice of the organization's plan for the year and kind typed on the review (htmx)."""

    def get(self, request, pk):
        plan_import = get_object_or_404(
            PlanImport.objects.visible_to(request.user).filter(status=ImportStatus.DONE), pk=pk)
        context = {"object": plan_import, "oob": True,
                   "existing": services.existing_plan(plan_import.organization, request.GET.get("year"),
                                                      request.GET.get("kind") or PlanKind.ANNUAL)}
        if can(request.user, Action.CHANGE, plan_import.organization):
            context["organization_form"] = ImportOrganizationForm(
                user=request.user, initial={"organization": plan_import.organization})
        return render(request, "ingest/_existing_plan_slot.html", context)


class ImportMoveView(LoginRequiredMixin, View):
    """Review the document as another organization's plan (its units are matched again)."""

    def post(self, request, pk):
        plan_import = get_object_or_404(PlanImport.objects.visible_to(request.user), pk=pk)
        if not can(request.user, Action.CHANGE, plan_import.organization):
            raise PermissionDenied
        form = ImportOrganizationForm(request.POST, user=request.user)
        if not form.is_valid():
            messages.error(request, _("Choose an organization whose plans you may change."))
            return redirect(plan_import)
        try:
            services.move_import(plan_import, organization=form.cleaned_data["organization"], by=request.user)
        except ValidationError as exc:
            error_messages(request, exc)
        else:
            messages.success(request, _("The document is now reviewed as the plan of %(org)s.")
                             % {"org": form.cleaned_data["organization"].name})
        return redirect(plan_import)


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
