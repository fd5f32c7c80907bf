"""Pages of plans, their parts, the cascade overview and a unit's assignments."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.generic import DetailView, FormView, TemplateView, View
from django_filters.views import FilterView
from simple_history.utils import bulk_create_with_history

from core.history import ObjectHistoryView
from documents.docx import DOCX_CONTENT_TYPE
from documents.xlsx import xlsx_response
from orgs.mixins import ActionRequiredMixin, add_service_errors
from orgs.models import Organization, OrganizationKind
from orgs.scoping import Action, can, has_any
from plans import services
from plans.documents import render_plan_docx
from plans.filters import PlanFilter
from plans.forms import AssignmentForm, CascadeForm, ContentAreaForm, IssueForm, PlanForm, TargetForm
from plans.models import Activity, Assignment, ContentArea, Plan, PlanStatus, Target
from plans.selectors import assignments_for_units, plan_list


class PlanListView(LoginRequiredMixin, FilterView):
    template_name = "plans/plan_list.html"
    filterset_class = PlanFilter
    paginate_by = 50

    def get_queryset(self):
        return plan_list(self.request.user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(can_create=has_any(self.request.user, Action.CHANGE), **kwargs)


class PlanExportView(LoginRequiredMixin, View):
    def get(self, request):
        filterset = PlanFilter(request.GET or None, queryset=plan_list(request.user), request=request)
        headers = [_("Number"), _("Organization"), _("Year"), _("Title"), _("Status"), _("Date of issue"),
                   _("Superior plan")]
        rows = (
            (p.number_symbol if p.number else "", p.organization.name, p.year, p.title, p.get_status_display(),
             p.date, p.parent.number_symbol if p.parent else "")
            for p in filterset.qs
        )
        return xlsx_response("ke-hoach.xlsx", _("Plans"), headers, rows)


class PlanFormMixin:
    """Create or change a plan's header through the service; its errors go back on the form."""

    template_name = "plans/plan_form.html"
    form_class = PlanForm
    success_message = ""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        plan = form.save(commit=False)
        if not plan.pk:
            plan.created_by = self.request.user
        plan.symbol = plan.symbol or f"KH-{plan.organization.symbol}"
        try:
            plan = services.save_plan(plan, cited=form.cited_numbers(), by=self.request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return redirect(plan)


class PlanCreateView(ActionRequiredMixin, PlanFormMixin, FormView):
    required_action = Action.CHANGE
    success_message = _lazy("Draft plan created.")

    def get_initial(self):
        return {"year": timezone.localdate().year, "archive": "VT"}


class PlanDetailView(LoginRequiredMixin, DetailView):
    template_name = "plans/plan_detail.html"

    def get_queryset(self):
        return Plan.objects.visible_to(self.request.user).select_related(
            "organization", "parent__organization", "revision_of", "approved_by"
        )

    def get_context_data(self, **kwargs):
        plan = self.object
        user = self.request.user
        editable = plan.is_editable and can(user, Action.CHANGE, plan.organization)
        context = super().get_context_data(**kwargs)
        context.update(
            areas=plan.content_areas.prefetch_related("activities"),
            targets=plan.targets.select_related("parent_target", "content_area"),
            assignments=plan.assignments.select_related("lead_unit", "content_area").prefetch_related(
                "support_units"),
            documents=plan.basis_documents.all(),
            editable=editable,
            transitions=services.allowed_transitions(plan, user),
            issue_form=IssueForm(),
            can_revise=plan.status == PlanStatus.ISSUED and can(user, Action.CHANGE, plan.organization)
            and not hasattr(plan, "revised_by"),
            cascade_form=CascadeForm(user=user, parent=plan) if plan.status == PlanStatus.ISSUED else None,
            area_form=ContentAreaForm() if editable else None,
            target_form=TargetForm(plan=plan) if editable else None,
            assignment_form=AssignmentForm(plan=plan) if editable else None,
        )
        return context


class EditablePlanMixin(LoginRequiredMixin):
    """Loads the plan from the user's editable set (others get 404) for draft-only edits."""

    def get_plan(self, pk) -> Plan:
        return get_object_or_404(Plan.objects.editable_by(self.request.user).select_related("organization"), pk=pk)


class PlanUpdateView(EditablePlanMixin, PlanFormMixin, FormView):
    success_message = _lazy("Plan saved.")

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.plan = self.get_plan(kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.plan}

    def get_context_data(self, **kwargs):
        return super().get_context_data(object=self.plan, **kwargs)


class PlanTransitionView(LoginRequiredMixin, View):
    ACTIONS = {
        PlanStatus.SUBMITTED: (services.submit_plan, _("Plan submitted for approval.")),
        PlanStatus.DRAFT: (services.return_plan, _("Plan returned to its drafters.")),
        PlanStatus.APPROVED: (services.approve_plan, _("Plan approved.")),
    }

    def post(self, request, pk):
        plan = get_object_or_404(Plan.objects.visible_to(request.user), pk=pk)
        target = request.POST.get("to", "")
        try:
            if target == PlanStatus.ISSUED:
                form = IssueForm(request.POST)
                if not form.is_valid():
                    raise ValidationError(
                        [str(error) for errors in form.errors.values() for error in errors]
                    )
                services.issue_plan(plan, by=request.user, number=form.cleaned_data["number"],
                                    date=form.cleaned_data["date"])
                messages.success(request, _("Plan issued."))
            elif target in self.ACTIONS:
                action, message = self.ACTIONS[target]
                action(plan, by=request.user)
                messages.success(request, message)
            else:
                raise ValidationError(_("Unknown action."))
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        return redirect(plan)


class PlanReviseView(LoginRequiredMixin, View):
    def post(self, request, pk):
        plan = get_object_or_404(Plan.objects.visible_to(request.user), pk=pk)
        try:
            revision = services.revise_plan(plan, by=request.user)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
            return redirect(plan)
        messages.success(request, _("A draft revision was created; it replaces the plan once issued."))
        return redirect(revision)


class PlanCascadeView(LoginRequiredMixin, View):
    def post(self, request, pk):
        parent = get_object_or_404(Plan.objects.visible_to(request.user), pk=pk)
        form = CascadeForm(request.POST, user=request.user, parent=parent)
        if not form.is_valid():
            messages.error(request, _("Choose an organization that has no plan for this year yet."))
            return redirect(parent)
        try:
            plan = services.cascade_plan(parent, to_org=form.cleaned_data["organization"], by=request.user)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
            return redirect(parent)
        messages.success(request, _("Draft plan created from the superior plan."))
        return redirect(plan)


class PlanDocxView(LoginRequiredMixin, View):
    def get(self, request, pk):
        plan = get_object_or_404(Plan.objects.visible_to(request.user).select_related("organization__parent"), pk=pk)
        response = HttpResponse(render_plan_docx(plan), content_type=DOCX_CONTENT_TYPE)
        name = f"KH-{plan.organization.symbol or plan.pk}-{plan.year}.docx"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


class PlanHistoryView(ObjectHistoryView):
    model = Plan


class PlanPartView(EditablePlanMixin, View):
    """Add, change or delete one part (content area, target, assignment) of a draft plan."""

    model = None
    form_class = None
    template_name = "plans/part_form.html"

    def form_kwargs(self, plan):
        return {"plan": plan}

    def load(self, request, pk=None, part_pk=None):
        if part_pk is not None:
            part = get_object_or_404(self.model.objects.select_related("plan"), pk=part_pk)
            plan = self.get_plan(part.plan_id)
        else:
            plan, part = self.get_plan(pk), None
        return plan, part

    def get(self, request, pk=None, part_pk=None):
        plan, part = self.load(request, pk, part_pk)
        form = self.form_class(instance=part, **self.form_kwargs(plan))
        return render(request, self.template_name, {"plan": plan, "form": form, "part": part})

    def post(self, request, pk=None, part_pk=None):
        plan, part = self.load(request, pk, part_pk)
        if request.POST.get("delete") and part is not None:
            try:
                services.delete_plan_part(part, plan=plan, by=request.user)
                messages.success(request, _("Deleted."))
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            return redirect(plan)
        form = self.form_class(request.POST, instance=part, **self.form_kwargs(plan))
        if form.is_valid():
            try:
                self.save(form, plan)
                messages.success(request, _("Saved."))
                return redirect(plan)
            except ValidationError as exc:
                add_service_errors(form, exc)
        return render(request, self.template_name, {"plan": plan, "form": form, "part": part}, status=400)

    def save(self, form, plan):
        if not form.instance.plan_id:
            form.instance.plan = plan
        services.save_plan_part(form.instance, plan=plan, by=self.request.user)


class ContentAreaView(PlanPartView):
    model = ContentArea
    form_class = ContentAreaForm

    def form_kwargs(self, plan):
        return {}

    def save(self, form, plan):
        with transaction.atomic():
            form.instance.plan = plan
            super().save(form, plan)
            form.instance.activities.all().delete()
            bulk_create_with_history(
                [Activity(content_area=form.instance, order=i, text=text)
                 for i, text in enumerate(form.activity_lines(), 1)],
                Activity,
                default_user=self.request.user,
            )


class TargetView(PlanPartView):
    model = Target
    form_class = TargetForm


class AssignmentView(PlanPartView):
    model = Assignment
    form_class = AssignmentForm

    def save(self, form, plan):
        with transaction.atomic():
            services.validate_assignment_units(plan, form.cleaned_data["lead_unit"],
                                               form.cleaned_data["support_units"])
            super().save(form, plan)
            form.instance.support_units.set(form.cleaned_data["support_units"])


class AssignmentStatusView(LoginRequiredMixin, View):
    def post(self, request, pk):
        assignment = get_object_or_404(Assignment.objects.visible_to(request.user).select_related("plan"), pk=pk)
        try:
            services.set_assignment_status(assignment, request.POST.get("status", ""), by=request.user)
            messages.success(request, _("Status updated."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect(request.POST.get("next") or "plans:my_assignments")


class CoverageView(LoginRequiredMixin, TemplateView):
    """For the coordinator: every agency's plan; for an agency: every unit's plan."""

    template_name = "plans/coverage.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        year = int(self.request.GET.get("year") or timezone.localdate().year)
        parents = Organization.objects.visible_to(user).filter(
            kind__in=[OrganizationKind.PROVINCE, OrganizationKind.AGENCY]
        ).order_by("path")
        chosen = self.request.GET.get("organization")
        parent = parents.filter(pk=chosen).first() if chosen and chosen.isdigit() else parents.first()
        if chosen and parent is None:
            raise Http404
        rows = services.plan_coverage(parent, year) if parent else []
        return super().get_context_data(year=year, parent=parent, parents=parents, rows=rows, **kwargs)


class MyAssignmentsView(LoginRequiredMixin, TemplateView):
    """Everything the user's units are charged with, across plans, by due date."""

    template_name = "plans/my_assignments.html"

    def get_context_data(self, **kwargs):
        units = [m.organization for m in self.request.user.memberships.select_related("organization")]
        return super().get_context_data(
            assignments=assignments_for_units(self.request.user, units), units=units, **kwargs
        )


class AssignmentExportView(LoginRequiredMixin, View):
    def get(self, request):
        units = [m.organization for m in request.user.memberships.select_related("organization")]
        items = assignments_for_units(request.user, units)
        headers = [_("Plan"), _("Task"), _("Lead unit"), _("Supporting units"), _("Due date"), _("Status")]
        rows = (
            (a.plan.number_symbol, a.task, a.lead_unit.name, ", ".join(u.name for u in a.support_units.all()),
             a.next_due_date(), a.display_status)
            for a in items
        )
        return xlsx_response("nhiem-vu.xlsx", _("Assignments"), headers, rows)
