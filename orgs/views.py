"""Pages of the organization tree and the staff roster. Thin: scoping and rules live elsewhere."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.generic import DetailView, FormView, TemplateView, UpdateView, View
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from core.history import ObjectHistoryView
from documents.xlsx import xlsx_response
from orgs import services
from orgs.filters import OrganizationFilter, StaffMemberFilter
from orgs.forms import MergeForm, OrganizationForm, StaffImportForm, StaffMemberForm
from orgs.mixins import ActionRequiredMixin, add_service_errors
from orgs.models import Organization, StaffMember
from orgs.scoping import Action, can, has_any
from orgs.staff_import import COLUMNS, import_staff
from orgs.tables import StaffMemberTable


class HomeView(LoginRequiredMixin, TemplateView):
    template_name = "orgs/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        today = timezone.localdate()
        memberships = list(
            user.memberships.select_related("organization", "organization__parent").annotate(
                staff_count=Count(
                    "organization__staff",
                    filter=Q(organization__staff__active_to__isnull=True)
                    | Q(organization__staff__active_to__gte=today),
                )
            )
        )
        context["memberships"] = memberships
        visible = Organization.objects.visible_to(user).active_on(today)
        context["visible_org_count"] = visible.count()
        context["visible_staff_count"] = StaffMember.objects.visible_to(user).active_on(today).count()
        return context


class OrganizationListView(LoginRequiredMixin, FilterView):
    """The tree of every organization the user may see, indented by depth."""

    template_name = "orgs/organization_list.html"
    filterset_class = OrganizationFilter

    def get_queryset(self):
        return (
            Organization.objects.visible_to(self.request.user)
            .select_related("successor")
            .annotate(staff_count=Count("staff"))
            .order_by("path")
        )

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        if kwargs["data"] is None or "active" not in kwargs["data"]:
            data = kwargs["data"].copy() if kwargs["data"] is not None else {}
            data["active"] = "true"
            kwargs["data"] = data
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_structure"] = has_any(self.request.user, Action.STRUCTURE)
        return context


class OrganizationExportView(LoginRequiredMixin, View):
    def get(self, request):
        filterset = OrganizationFilter(
            request.GET or None,
            queryset=Organization.objects.visible_to(request.user).select_related("parent").order_by("path"),
        )
        rows = (
            (o.code, o.symbol, o.name, o.short_name, o.get_kind_display(), o.parent.name if o.parent else "",
             o.valid_from, o.valid_to)
            for o in filterset.qs
        )
        headers = [_("Code"), _("Symbol"), pgettext("organization", "Full name"), _("Short name"), _("Kind"),
                   _("Parent organization"), _("Valid from"), _("Valid to")]
        return xlsx_response("to-chuc.xlsx", _("Organizations"), headers, rows)


class OrganizationDetailView(LoginRequiredMixin, DetailView):
    template_name = "orgs/organization_detail.html"

    def get_queryset(self):
        return Organization.objects.visible_to(self.request.user).select_related("parent", "successor")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        org = self.object
        user = self.request.user
        context["children"] = (
            Organization.objects.visible_to(user).filter(parent=org).annotate(staff_count=Count("staff"))
        )
        context["changes"] = org.changes.select_related("result", "recorded_by")
        context["absorbed"] = org.absorbed_changes.select_related("organization")
        context["staff"] = (
            StaffMember.objects.visible_to(user).filter(organization=org).active_on().order_by("full_name")
        )
        context["can_structure"] = can(user, Action.STRUCTURE, org)
        context["can_change"] = can(user, Action.CHANGE, org)
        return context


class OrganizationCreateView(ActionRequiredMixin, FormView):
    required_action = Action.STRUCTURE
    template_name = "orgs/organization_form.html"
    form_class = OrganizationForm


    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        return kwargs

    def get_initial(self):
        parent = self.request.GET.get("parent")
        return {"parent": parent} if parent and parent.isdigit() else {}

    def form_valid(self, form):
        data = {k: v for k, v in form.cleaned_data.items() if k not in ("effective_date", "decision", "parent")}
        try:
            organization = services.create_organization(
                by=self.request.user, parent=form.cleaned_data["parent"], **data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Organization created."))
        return redirect(organization)


class OrganizationUpdateView(LoginRequiredMixin, UpdateView):
    template_name = "orgs/organization_form.html"
    form_class = OrganizationForm

    def get_queryset(self):
        return Organization.objects.structurable_by(self.request.user)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        return kwargs

    def form_valid(self, form):
        fields = {k: v for k, v in form.cleaned_data.items() if k not in ("effective_date", "decision")}
        organization = Organization.objects.get(pk=self.object.pk)
        try:
            services.update_organization(
                organization,
                by=self.request.user,
                effective_date=form.cleaned_data["effective_date"],
                decision=form.cleaned_data["decision"],
                **fields,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Organization saved."))
        return redirect(organization)


class OrganizationMergeView(LoginRequiredMixin, FormView):
    template_name = "orgs/organization_merge.html"
    form_class = MergeForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.organization = get_object_or_404(Organization.objects.structurable_by(request.user), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(user=self.request.user, organization=self.organization)
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(organization=self.organization, **kwargs)

    def form_valid(self, form):
        try:
            services.merge_organizations(
                [self.organization],
                into=form.cleaned_data["into"],
                date=form.cleaned_data["date"],
                decision=form.cleaned_data["decision"],
                by=self.request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Merge recorded."))
        return redirect(self.organization)


class OrganizationHistoryView(ObjectHistoryView):
    model = Organization


class StaffMemberListView(LoginRequiredMixin, SingleTableMixin, FilterView):
    template_name = "orgs/staff_list.html"
    table_class = StaffMemberTable
    filterset_class = StaffMemberFilter
    paginate_by = 50

    def get_queryset(self):
        return StaffMember.objects.visible_to(self.request.user).select_related("organization")

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        kwargs["user"] = self.request.user
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_change"] = has_any(self.request.user, Action.CHANGE)
        return context


class StaffMemberExportView(LoginRequiredMixin, View):
    def get(self, request):
        filterset = StaffMemberFilter(
            request.GET or None,
            queryset=StaffMember.objects.visible_to(request.user).select_related("organization"),
            user=request.user,
        )
        rows = (
            (s.full_name, s.position, s.get_category_display(), s.organization.name, s.email,
             s.active_from, s.active_to)
            for s in filterset.qs
        )
        headers = [COLUMNS[key] for key in ("full_name", "position", "category", "unit", "email",
                                           "active_from", "active_to")]
        return xlsx_response("danh-sach-can-bo.xlsx", _("Staff"), headers, rows)


class StaffMemberDetailView(LoginRequiredMixin, DetailView):
    template_name = "orgs/staff_detail.html"

    def get_queryset(self):
        return StaffMember.objects.visible_to(self.request.user).select_related("organization", "user")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_change"] = can(self.request.user, Action.CHANGE, self.object.organization)
        return context


class StaffMemberFormMixin(LoginRequiredMixin):
    template_name = "orgs/staff_form.html"
    form_class = StaffMemberForm
    model = StaffMember

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        return kwargs

    def form_valid(self, form):
        try:
            staff = services.save_staff_member(form.instance, by=self.request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Staff member saved."))
        return HttpResponseRedirect(staff.get_absolute_url())


class StaffMemberCreateView(ActionRequiredMixin, StaffMemberFormMixin, FormView):
    required_action = Action.CHANGE

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = StaffMember()
        organization = self.request.GET.get("organization")
        if organization and organization.isdigit():
            kwargs["initial"] = {"organization": organization}
        return kwargs


class StaffMemberUpdateView(StaffMemberFormMixin, UpdateView):
    def get_queryset(self):
        return StaffMember.objects.editable_by(self.request.user)


class StaffMemberDeleteView(LoginRequiredMixin, View):
    def post(self, request, pk):
        staff = get_object_or_404(StaffMember.objects.editable_by(request.user), pk=pk)
        organization = staff.organization
        services.delete_staff_member(staff, by=request.user)
        messages.success(request, _("Staff member deleted."))
        return redirect(organization)


class StaffMemberHistoryView(ObjectHistoryView):
    model = StaffMember


class StaffImportView(ActionRequiredMixin, FormView):
    required_action = Action.CHANGE
    template_name = "orgs/staff_import.html"
    form_class = StaffImportForm


    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(columns=COLUMNS.values(), **kwargs)

    def form_valid(self, form):
        report = import_staff(
            form.cleaned_data["file"],
            root=form.cleaned_data["organization"],
            by=self.request.user,
            save_valid_rows=form.cleaned_data["save_valid_rows"],
        )
        if report.saved:
            messages.success(self.request, _("%(count)s staff members imported.") % {"count": report.saved})
        elif not report.file_errors:
            messages.error(self.request, _("Nothing was imported: correct the rows below and try again."))
        return self.render_to_response(self.get_context_data(form=form, report=report))

