"""Pages of the organization tree and the staff roster, on the house kit (core.views)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import BooleanField, Count, IntegerField, Q
from django.db.models.expressions import RawSQL
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from core.history import ObjectHistoryView
from core.registry import inbox_for
from core.views import ActionRequiredMixin, ConfirmView, Link, ScopedDetailView, ScopedListView, ServiceFormView
from orgs import services
from orgs.filters import OrganizationFilter, StaffMemberFilter, top_paths, tree_top
from orgs.forms import MergeForm, OrganizationForm, StaffImportForm, StaffMemberForm
from orgs.models import Organization, StaffMember
from orgs.staff_import import COLUMNS, import_staff
from orgs.tables import OrganizationTable, StaffMemberTable


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
        context["inbox"] = inbox_for(user)
        return context


# Filters that turn the tree into a flat list of matches (the tree opens on demand otherwise).
SEARCH_FILTERS = ("q", "kind", "org_type", "parent")
# Columns no list page shows: deferred there, so that their values are not read and parsed for every row.
TIMESTAMPS = ("created_at", "updated_at")


_STAFF_COUNT = RawSQL(
    'SELECT COUNT(*) FROM "orgs_staffmember" staff WHERE staff."organization_id" = "orgs_organization"."id"',
    (), output_field=IntegerField())
_HAS_CHILDREN = RawSQL(
    'EXISTS(SELECT 1 FROM "orgs_organization" child WHERE child."parent_id" = "orgs_organization"."id")',
    (), output_field=BooleanField())


class OrganizationListView(ScopedListView):
    """The tree of the organizations the user may see, indented by depth.

    Unfiltered, the page shows the user's top organizations and their direct children; a
    node's children load on demand (OrganizationChildrenView), so the page does not grow with
    what lies in closed subtrees. A search lists every match, flat. The export has them all.
    """

    model = Organization
    filterset_class = OrganizationFilter
    table_class = OrganizationTable
    title = gettext_lazy("Organization tree")
    # A province's top holds about 120 agencies: shown a page at a time, as every list.
    default_filters = {"active": "true"}
    export_url_name = "orgs:organization_export"
    export_filename = "to-chuc.xlsx"
    links = (Link(gettext_lazy("Add organization"), "orgs:organization_create", requires="structure"),)

    def get_queryset(self):
        queryset = super().get_queryset().order_by("path")
        if self.export:
            return queryset.select_related("parent")
        # The rows show neither the parent (their place in the tree does) nor when they were recorded:
        # up to 200 rows a page, whose timestamps would be parsed for nothing.
        queryset = queryset.select_related("successor").defer(*TIMESTAMPS, *(f"successor__{f}" for f in TIMESTAMPS))
        # Subqueries, not joins: the count of the page's rows does not read the roster. Written in SQL
        # (as orgs.backends does): the same subqueries built from Subquery/Exists cost the page more to
        # compile than the database to run. "orgs_organization" is the listed row (the query's own table).
        return queryset.annotate(staff_count=_STAFF_COUNT, has_children=_HAS_CHILDREN)

    def is_tree(self) -> bool:
        return not self.export and not any(self.request.GET.get(name) for name in SEARCH_FILTERS)

    def filtered(self):
        queryset = super().filtered()
        if self.is_tree():
            queryset = queryset.filter(self.tree_rows())
        return queryset

    def tree_rows(self) -> Q:
        return tree_top(self.request.user)

    def top_paths(self) -> list[str] | None:
        return top_paths(self.request.user)

    def opens_on_demand(self) -> bool:
        return self.is_tree()

    def get_table_kwargs(self):
        kwargs = super().get_table_kwargs()
        if self.opens_on_demand():
            tops = self.top_paths() if self.is_tree() else []
            kwargs["children_query"] = self.children_query()
            # The top nodes show their children already: they get no button.
            kwargs["is_open"] = (lambda record: record.parent_id is None) if tops is None else (
                lambda record: record.path in tops)
        return kwargs

    def children_query(self) -> str:
        """The query string a node's children load with: the same filters as the page."""
        active = self.request.GET.get("active", self.default_filters["active"])
        return urlencode({"active": active})


class OrganizationChildrenView(OrganizationListView):
    """The rows of one organization's children, inserted below it when the tree opens it."""

    template_name = "orgs/tree_rows.html"
    paginate_by = 1000

    def get(self, request, *args, **kwargs):
        self.node = get_object_or_404(self.scope(), pk=kwargs["pk"])
        return super().get(request, *args, **kwargs)

    def is_tree(self) -> bool:
        return False

    def opens_on_demand(self) -> bool:
        return True

    def filtered(self):
        return super().filtered().filter(parent=self.node)


class OrganizationDetailView(ScopedDetailView):
    template_name = "orgs/organization_detail.html"
    model = Organization
    related = ("parent", "successor")

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
            StaffMember.objects.visible_to(user).filter(organization=org).active_on().order_by("sort_key", "id")
        )
        context["can_structure"] = self.can("structure", org)
        context["can_change"] = self.can("change", org)
        return context


class OrganizationFormView(ServiceFormView):
    model = Organization
    form_class = OrganizationForm
    action = create_action = "structure"

    @property
    def success_message(self):
        return _("Organization saved.") if self.object else _("Organization created.")

    def get_title(self):
        return _("Edit organization") if self.object else _("Add organization")

    def get_initial(self):
        parent = self.request.GET.get("parent")
        return {"parent": parent} if parent and parent.isdigit() else {}

    def save(self, form):
        data = dict(form.cleaned_data)
        effective_date, decision = data.pop("effective_date"), data.pop("decision")
        if self.object is None:
            return services.create_organization(by=self.request.user, **data)
        organization = Organization.objects.get(pk=self.object.pk)
        return services.update_organization(
            organization, by=self.request.user, effective_date=effective_date, decision=decision, **data
        )


class OrganizationMergeView(ServiceFormView):
    template_name = "orgs/organization_merge.html"
    model = Organization
    form_class = MergeForm
    action = "structure"
    success_message = gettext_lazy("Merge recorded.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "organization": self.object}

    def save(self, form):
        services.merge_organizations(
            [self.object], into=form.cleaned_data["into"], date=form.cleaned_data["date"],
            decision=form.cleaned_data["decision"], by=self.request.user,
        )
        return self.object


class OrganizationHistoryView(ObjectHistoryView):
    model = Organization


class StaffMemberListView(ScopedListView):
    model = StaffMember
    related = ("organization",)
    table_class = StaffMemberTable
    filterset_class = StaffMemberFilter
    title = gettext_lazy("Staff roster")
    export_url_name = "orgs:staff_export"
    export_filename = "danh-sach-can-bo.xlsx"
    links = (
        Link(gettext_lazy("Import .xlsx"), "orgs:staff_import", css="btn-outline-primary", icon="upload"),
        Link(gettext_lazy("Add staff member"), "orgs:staff_create"),
    )

    def get_queryset(self):
        # Grouped by unit along the (organization, sort_key) index: a page of a 60,000-row roster
        # reads 50 rows instead of sorting them all by the units' paths (the column still sorts so).
        queryset = super().get_queryset().order_by("organization_id", "sort_key", "id")
        if self.export:
            return queryset
        # The page shows neither when a row was recorded nor the unit's own dates.
        return queryset.defer(*TIMESTAMPS, *(f"organization__{f}" for f in TIMESTAMPS), "organization__valid_from",
                              "organization__valid_to")


class StaffMemberDetailView(ScopedDetailView):
    template_name = "orgs/staff_detail.html"
    model = StaffMember
    related = ("organization", "user")

    def get_context_data(self, **kwargs):
        return super().get_context_data(can_change=self.can("change", self.object), **kwargs)


class StaffMemberFormView(ServiceFormView):
    model = StaffMember
    form_class = StaffMemberForm
    success_message = gettext_lazy("Staff member saved.")

    def get_title(self):
        return _("Edit staff member") if self.object else _("Add staff member")

    def get_initial(self):
        organization = self.request.GET.get("organization")
        return {"organization": organization} if organization and organization.isdigit() else {}

    def save(self, form):
        return services.save_staff_member(form.instance, by=self.request.user)


class StaffMemberDeleteView(ConfirmView):
    model = StaffMember
    related = ("organization",)
    title = gettext_lazy("Delete staff member")
    question = gettext_lazy("Delete this staff member from the roster? The history keeps the record.")
    confirm_label = gettext_lazy("Delete")
    success_message = gettext_lazy("Staff member deleted.")

    def perform(self, obj):
        organization = obj.organization
        services.delete_staff_member(obj, by=self.request.user)
        return organization

    def get_success_url(self, obj, organization):
        return organization.get_absolute_url()


class StaffMemberHistoryView(ObjectHistoryView):
    model = StaffMember


class StaffImportView(ActionRequiredMixin, FormView):
    required_action = "change"
    template_name = "orgs/staff_import.html"
    form_class = StaffImportForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

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
