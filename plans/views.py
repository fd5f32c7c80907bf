"""Pages of plans, their parts, the cascade overview and a unit's assignments, on the house kit."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from core.history import ObjectHistoryView
from core.views import (
    ConfirmView,
    Link,
    ScopedDetailView,
    ScopedDownloadView,
    ScopedListView,
    ScopedMixin,
    ServiceFormView,
    error_messages,
)
from documents.docx import DOCX_CONTENT_TYPE
from orgs.models import Organization, OrganizationKind
from orgs.scoping import memberships
from plans import selectors, services
from plans.documents import render_plan_docx
from plans.filters import PlanFilter
from plans.forms import AssignmentForm, CascadeForm, ContentAreaForm, CoverageForm, IssueForm, PlanForm, TargetForm
from plans.models import Assignment, ContentArea, Plan, PlanStatus, ProgressRollup, Target
from plans.tables import AssignmentTable, CoverageTable, PlanTable


class PlanListView(ScopedListView):
    model = Plan
    related = ("organization", "parent")
    filterset_class = PlanFilter
    table_class = PlanTable
    title = gettext_lazy("Plans")
    export_url_name = "plans:plan_export"
    export_filename = "ke-hoach.xlsx"
    links = (
        Link(gettext_lazy("Plan coverage"), "plans:coverage", requires=None, css="btn-outline-secondary",
             icon="grid-3x3"),
        Link(gettext_lazy("Import a plan document"), "ingest:import_create", css="btn-outline-primary",
             icon="upload"),
        Link(gettext_lazy("New plan"), "plans:plan_create"),
    )

    def get_queryset(self):
        queryset = super().get_queryset().order_by("-year", "organization__path", "-id")
        if self.export:
            return queryset
        # Only what a row shows: not the superior plan (an export column), the plans' long texts and
        # timestamps (parsed for every row otherwise), nor the organizations' other columns.
        return queryset.select_related(None).select_related("organization").only(
            "organization__name", "year", "year_to", "number", "symbol", "title", "status", "date")


class PlanFormView(ServiceFormView):
    """Create a draft plan or change a draft's header; the service decides what is allowed."""

    model = Plan
    form_class = PlanForm

    def get_title(self):
        return _("Edit plan") if self.object else _("New plan")

    def get_initial(self):
        return {} if self.object else {"year": timezone.localdate().year, "archive": "VT"}

    @property
    def success_message(self):
        return _("Plan saved.") if self.object else _("Draft plan created.")

    def save(self, form):
        plan = form.save(commit=False)
        if not plan.pk:
            plan.created_by = self.request.user
        return services.save_plan(plan, cited=form.cited_numbers(), by=self.request.user)


class PlanDetailView(ScopedDetailView):
    template_name = "plans/plan_detail.html"
    model = Plan
    related = ("organization", "parent__organization", "revision_of", "approved_by")

    def get_context_data(self, **kwargs):
        plan = self.object
        user = self.request.user
        can_change = self.can("change", plan.organization)
        editable = plan.is_editable and can_change
        context = super().get_context_data(**kwargs)
        context.update(
            areas=list(plan.content_areas.prefetch_related("activities")),
            weighted=plan.progress_rollup == ProgressRollup.WEIGHTED,
            targets=plan.targets.select_related("parent_target", "content_area"),
            assignments=plan.assignments.select_related("lead_unit", "content_area").prefetch_related(
                "support_units"),
            documents=plan.basis_documents.all(),
            editable=editable,
            transitions=services.allowed_transitions(plan, user),
            comments=plan.comments.select_related("author"),
            can_delete=editable,
            can_revise=plan.status == PlanStatus.ISSUED and can_change and not hasattr(plan, "revised_by"),
            cascade_form=CascadeForm(user=user, parent=plan) if plan.status == PlanStatus.ISSUED else None,
            area_form=ContentAreaForm() if editable else None,
            target_form=TargetForm(plan=plan) if editable else None,
            assignment_form=AssignmentForm(plan=plan) if editable else None,
        )
        return context


class PlanActionView(ScopedMixin, View):
    """A POST that moves a plan (lifecycle, revision, cascade); the service's refusal comes back as a message."""

    model = Plan

    def post(self, request, pk):
        plan = get_object_or_404(self.get_queryset(), pk=pk)
        try:
            result, message = self.perform(plan)
        except ValidationError as exc:
            error_messages(request, exc)
            return redirect(plan)
        messages.success(request, message)
        return redirect(result)

    def perform(self, plan):
        raise NotImplementedError


class PlanTransitionView(PlanActionView):
    """Submit, withdraw, return or approve, with the comment written beside the buttons."""

    ACTIONS = {
        "submit": (services.submit_plan, gettext_lazy("Plan submitted for approval.")),
        "withdraw": (services.withdraw_plan, gettext_lazy("Plan withdrawn; it is a draft again.")),
        "return": (services.return_plan, gettext_lazy("Plan returned to its drafters.")),
        "approve": (services.approve_plan, gettext_lazy("Plan approved.")),
    }

    def perform(self, plan):
        step = self.request.POST.get("step", "")
        if step not in self.ACTIONS:
            raise ValidationError(_("Unknown action."))
        action, message = self.ACTIONS[step]
        comment = self.request.POST.get("comment", "")
        if step == "return":
            action(plan, by=self.request.user, reason=comment)
        else:
            action(plan, by=self.request.user, comment=comment)
        return plan, message


class PlanIssueView(ServiceFormView):
    """Issuing cannot be undone: the page asks for the registry's number and date, then confirms."""

    model = Plan
    form_class = IssueForm
    action = "register"
    template_name = "plans/plan_issue.html"
    submit_label = gettext_lazy("Issue the plan")
    success_message = gettext_lazy("Plan issued.")

    def get_title(self):
        return _("Issue plan")

    def get_initial(self):
        return {"number": services.suggested_number(self.object), "date": timezone.localdate()}

    def save(self, form):
        return services.issue_plan(self.object, by=self.request.user, number=form.cleaned_data["number"],
                                   date=form.cleaned_data["date"])


class PlanDeleteView(ConfirmView):
    model = Plan
    action = "change"
    title = gettext_lazy("Delete draft plan")
    question = gettext_lazy("Delete this draft plan with its content areas, targets and assignments?")
    warning = gettext_lazy("The deletion is recorded in the history; the plan itself cannot be restored here.")
    confirm_label = gettext_lazy("Delete")
    success_message = gettext_lazy("Draft plan deleted.")
    service = services.delete_plan
    success_url_name = "plans:plan_list"


class PlanReviseView(PlanActionView):
    def perform(self, plan):
        revision = services.revise_plan(plan, by=self.request.user)
        return revision, _("A draft revision was created; it replaces the plan once issued.")


class PlanCascadeView(PlanActionView):
    def perform(self, plan):
        form = CascadeForm(self.request.POST, user=self.request.user, parent=plan)
        if not form.is_valid():
            raise ValidationError(_("Choose an organization that has no plan for this year yet."))
        child = services.cascade_plan(plan, to_org=form.cleaned_data["organization"], by=self.request.user)
        return child, _("Draft plan created from the superior plan.")


class PlanDocxView(ScopedDownloadView):
    model = Plan
    related = ("organization__parent",)
    content_type = DOCX_CONTENT_TYPE

    def render_file(self, plan):
        return render_plan_docx(plan), f"KH-{plan.organization.symbol or plan.pk}-{plan.year}.docx"


class PlanHistoryView(ObjectHistoryView):
    model = Plan
    template_name = "plans/plan_history.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(comments=self.object.comments.select_related("author"), **kwargs)


class PlanPartView(ServiceFormView):
    """Add, change or delete one part (content area, target, assignment) of a draft plan.

    Adding: the URL names the plan (`pk`); changing: the part (`part_pk`), found through its
    own change scope, which is its plan's.
    """

    template_name = "plans/part_form.html"
    submit_label = gettext_lazy("Save")

    def load(self, **kwargs):
        if "part_pk" in kwargs:
            self.object = get_object_or_404(self.scope("change").select_related("plan"), pk=kwargs["part_pk"])
            self.plan = self.object.plan
        else:
            self.plan = get_object_or_404(Plan.objects.scoped(self.request.user, "change"), pk=kwargs["pk"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "plan": self.plan}

    def get_context_data(self, **kwargs):
        return super().get_context_data(plan=self.plan, **kwargs)

    def get_title(self):
        return capfirst(self.model._meta.verbose_name)

    def get_cancel_url(self):
        return self.plan.get_absolute_url()

    def get_success_url(self, obj=None):
        return self.plan.get_absolute_url()

    def post(self, request, *args, **kwargs):
        if request.POST.get("delete") and self.object is not None:
            try:
                services.delete_plan_part(self.object, plan=self.plan, by=request.user)
                messages.success(request, _("Deleted."))
            except ValidationError as exc:
                error_messages(request, exc)
            return redirect(self.plan)
        return super().post(request, *args, **kwargs)

    def save(self, form):
        return services.save_plan_part(form.instance, plan=self.plan, by=self.request.user)


class ContentAreaView(PlanPartView):
    model = ContentArea
    form_class = ContentAreaForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        del kwargs["plan"]
        return kwargs

    def save(self, form):
        form.instance.plan = self.plan
        return services.save_content_area(
            form.instance, plan=self.plan, activities=form.activity_lines(), by=self.request.user
        )


class TargetView(PlanPartView):
    model = Target
    form_class = TargetForm

    def save(self, form):
        return services.save_target(form.instance, plan=self.plan, documents=form.cleaned_data["documents"],
                                    by=self.request.user)


class AssignmentView(PlanPartView):
    model = Assignment
    form_class = AssignmentForm

    def save(self, form):
        return services.save_assignment(
            form.instance, plan=self.plan, support_units=form.cleaned_data["support_units"], by=self.request.user
        )


class AssignmentStatusView(ScopedMixin, View):
    model = Assignment

    def post(self, request, pk):
        assignment = get_object_or_404(self.get_queryset().select_related("plan"), pk=pk)
        try:
            services.set_assignment_status(assignment, request.POST.get("status", ""), by=request.user)
            messages.success(request, _("Status updated."))
        except ValidationError as exc:
            error_messages(request, exc)
        target = request.POST.get("next", "")
        # Only a path on this site: never an open redirect.
        if not (target.startswith("/") and url_has_allowed_host_and_scheme(target, allowed_hosts=None)):
            target = "plans:my_assignments"
        return redirect(target)


class CoverageView(ScopedListView):
    """For the coordinator: every agency's plan; for an agency: every unit's plan; with the totals."""

    template_name = "plans/coverage.html"
    model = Organization
    table_class = CoverageTable
    filterset_class = None
    title = gettext_lazy("Plan coverage")
    export_url_name = "plans:coverage_export"
    export_filename = "tinh-hinh-ban-hanh-ke-hoach.xlsx"
    # The totals count every agency; the table shows them a page at a time (the export has them all).

    def filtered(self):
        # What the select offers and the page reads of the chosen one (every agency of a province).
        parents = self.get_queryset().filter(
            kind__in=[OrganizationKind.PROVINCE, OrganizationKind.AGENCY]).order_by("path").only(
            "id", "name", "path", "kind")
        data = self.request.GET.copy() if self.request.GET else None
        chosen = data.get("organization", "") if data else ""
        malformed = bool(chosen) and not (chosen.isdigit() and len(chosen) < 19)
        if malformed:
            data.pop("organization")
        elif chosen and not parents.filter(pk=chosen).exists():
            raise Http404  # another agency's coverage does not exist for this user
        self.form = CoverageForm(data, parents=parents)
        self.parent, self.year = self.form.choice()
        if malformed:
            self.form.add_error("organization", _("Choose an organization from the list."))
            self.parent = None
        self.filterset = None
        return services.plan_coverage(self.parent, self.year, self.form.chosen_type()) if self.parent else []

    def get_table_data(self):
        return self.object_list

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            form=self.form, parent=self.parent, year=self.year, rows=self.object_list,
            errors=[f"{self.form.fields[name].label}: {error}" for name, errors in self.form.errors.items()
                    for error in errors],
            summary=services.coverage_summary(self.object_list), late=sum(row.late for row in self.object_list),
            **kwargs)


class MyAssignmentsView(ScopedListView):
    """Everything the user's units are charged with, across plans, soonest due first."""

    template_name = "plans/my_assignments.html"
    model = Assignment
    table_class = AssignmentTable
    filterset_class = None
    title = gettext_lazy("My assignments")
    export_url_name = "plans:assignment_export"
    export_filename = "nhiem-vu.xlsx"

    def units(self):
        # The memberships the scope has read already for this request.
        return [m.organization for m in memberships(self.request.user)]

    def get_table_data(self):
        # Each row knows whether the user may record its progress (can_update, from the change scope).
        return selectors.assignments_for_units(self.request.user, self.units())

    def get_context_data(self, **kwargs):
        return super().get_context_data(units=self.units(), **kwargs)
