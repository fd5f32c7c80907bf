"""A plan's targets with their live values, a target's drill-down and records, and the monthly counts
(list, export, form, import, history) on the house kit."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, FormView

from core.access import scoped
from core.history import ObjectHistoryView
from core.periods import Period, PeriodKind
from core.views import (
    ActionRequiredMixin,
    ConfirmView,
    Link,
    ScopedDetailView,
    ScopedListView,
    ScopedMixin,
    ServiceFormView,
)
from indicators import services
from indicators.filters import MonthlyCountFilter
from indicators.forms import MonthlyCountForm, MonthlyCountImportForm
from indicators.models import MonthlyCount
from indicators.tables import MonthlyCountTable
from orgs.models import Organization
from plans.models import Plan, Target

# The records listed under a target; the rest are counted, and found on the register's own page.
RECORDS_SHOWN = 50


def reach_within(user, root: Organization):
    """The organizations of `root`'s subtree that `user` may view, by path."""
    return scoped(Organization, user, "view").filter(path__startswith=root.path).order_by("path")


class MeasuredMixin(ScopedMixin):
    """?organization= (default: the plan's organization, or the highest the user sees under it) and
    ?period= (a period key; default: the plan's year). An organization out of reach answers 404."""

    def choose(self, plan: Plan):
        reach = reach_within(self.request.user, plan.organization)
        wanted = self.request.GET.get("organization")
        if wanted:
            if not wanted.isdigit():
                raise Http404
            organization = reach.filter(pk=int(wanted)).first()
        else:
            organization = reach.filter(pk=plan.organization_id).first() or reach.first()
        if organization is None:
            raise Http404
        default = Period(plan.year, PeriodKind.YEAR)
        try:
            period = services.parse_period(self.request.GET.get("period"), default)
        except ValidationError:
            raise Http404 from None
        return organization, period

    def period_choices(self, plan: Plan) -> list[Period]:
        return services.periods_of(plan.year)


def computed_at(readings) -> object | None:
    """When the oldest of the figures shown was computed (None: all of them computed just now)."""
    return min((r.computed_at for r in readings if r.computed_at), default=None)


class PlanTargetsView(MeasuredMixin, DetailView):
    template_name = "indicators/plan_targets.html"
    model, related = Plan, ("organization",)

    def get_context_data(self, **kwargs):
        plan = self.object
        organization, period = self.choose(plan)
        targets = list(plan.targets.select_related("plan").prefetch_related("documents", "plan__basis_documents"))
        readings = services.readings(targets, organization, period)
        return super().get_context_data(
            plan=plan, organization=organization, period=period, readings=readings,
            computed_at=computed_at(readings),
            periods=self.period_choices(plan),
            organizations=reach_within(self.request.user, plan.organization), **kwargs)


class TargetDetailView(MeasuredMixin, DetailView):
    template_name = "indicators/target_detail.html"
    model, related = Target, ("plan__organization",)
    prefetch = ("documents", "plan__basis_documents")

    def get_context_data(self, **kwargs):
        target = self.object
        organization, period = self.choose(target.plan)
        reading = services.read(target, organization, period)
        children = list(reach_within(self.request.user, organization).filter(parent=organization))
        records, total = [], 0
        if reading.figure is not None:
            visible = reading.figure.records.filter(
                pk__in=scoped(reading.figure.records.model, self.request.user, "view").values("pk"))
            total = visible.count()
            records = [services.record_row(record) for record in visible[:RECORDS_SHOWN]]
        return super().get_context_data(
            target=target, plan=target.plan, reading=reading, rows=services.drill_down(reading, children),
            records=records, records_total=total, records_cut=total > len(records), computed_at=reading.computed_at,
            documents=services.documents_of(target) if target.measure in services.STUDY_MEASURES else [],
            organization=organization, period=period, periods=self.period_choices(target.plan),
            organizations=reach_within(self.request.user, target.plan.organization),
            ancestors=reach_within(self.request.user, target.plan.organization).filter(
                pk__in=organization.ancestor_ids), **kwargs)


class CountList(ScopedListView):
    model, filterset_class = MonthlyCount, MonthlyCountFilter
    related = ("organization",)
    title = gettext_lazy("Monthly counts")
    export_url_name, export_filename = "indicators:count_export", "so-lieu-hang-thang.xlsx"
    links = (Link(gettext_lazy("Enter a monthly count"), "indicators:count_create"),
             Link(gettext_lazy("Import .xlsx"), "indicators:count_import", css="btn-outline-primary",
                  icon="upload"))

    table_class = MonthlyCountTable


class CountDetail(ScopedDetailView):
    template_name = "indicators/count_detail.html"
    model, related = MonthlyCount, ("organization", "created_by")
    detail_fields = ("organization", "measure", "numerator", "denominator", "note")
    update_url_name, history_url_name = "indicators:count_update", "indicators:count_history"


class CountEdit(ServiceFormView):
    model, form_class = MonthlyCount, MonthlyCountForm
    success_message = gettext_lazy("Monthly count saved.")

    def get_title(self):
        return _("Edit monthly count") if self.object else _("Enter a monthly count")

    def save(self, form):
        return services.save_monthly_count(form.instance, by=self.request.user)


class CountDelete(ConfirmView):
    model = MonthlyCount
    title = gettext_lazy("Delete monthly count")
    question = gettext_lazy("Delete this monthly count? The history keeps the record.")
    confirm_label = gettext_lazy("Delete")
    success_message = gettext_lazy("Monthly count deleted.")
    service = services.delete_monthly_count
    success_url_name = "indicators:count_list"


class CountImport(ActionRequiredMixin, FormView):
    """Monthly counts from a sheet, with a row-by-row report; nothing is saved if a row is wrong."""

    template_name = "indicators/count_import.html"
    form_class = MonthlyCountImportForm
    required_action = "change"

    def form_valid(self, form):
        report = services.import_monthly_counts(form.cleaned_data["file"], by=self.request.user)
        if report.saved:
            messages.success(self.request, _("%(count)s monthly counts saved.") % {"count": report.saved})
        return self.render_to_response(self.get_context_data(form=form, report=report),
                                       status=400 if report.bad_rows or report.file_errors else 200)


class CountHistory(ObjectHistoryView):
    model = MonthlyCount
