"""The leader's page (one agency) and the coordinator's page (every agency the user sees), each chart
beside the table of its figures and exported as .xlsx through the kit.

Who sees what: a dashboard is an agency's or the province's, so it needs an agency in the user's view
reach. The coordinator sees every agency of the province on the province page and may open any of them
on the agency page; an agency's focal office, leader and inspector see their agency (the province page
then holds its one row). A unit's editor and a viewer hold no agency: both pages answer 403 and the menu
entry takes them to their inbox (the home page).
"""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import localize
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from core.access import scoped
from core.filters import MAX_YEAR, MIN_YEAR
from core.registry import dashboard_panels
from core.xlsx import xlsx_response
from dashboard import services
from progress import reporting
from progress.reporting_models import ReportingPeriod


class DashboardMixin(LoginRequiredMixin):
    @cached_property
    def agencies(self):
        agencies = services.visible_agencies(self.request.user)
        if not agencies:
            raise PermissionDenied(_("Dashboards are for agencies and the province."))
        return agencies

    def choice(self, name: str) -> int | None:
        value = self.request.GET.get(name)
        if not value:
            return None
        if not value.isdigit():
            raise Http404
        return int(value)


class DashboardIndex(LoginRequiredMixin, View):
    """The page that fits the user: the province's when they see several agencies, else their agency's;
    a unit's editor or a viewer goes to their inbox."""

    def get(self, request):
        agencies = services.visible_agencies(request.user)
        if len(agencies) > 1:
            return HttpResponseRedirect(reverse("dashboard:province"))
        if agencies:
            return HttpResponseRedirect(reverse("dashboard:agency"))
        return HttpResponseRedirect(reverse("home"))


class AgencyDashboard(DashboardMixin, TemplateView):
    template_name = "dashboard/agency.html"
    export = False

    def get(self, request, *args, **kwargs):
        wanted = self.choice("organization")
        agency = next((a for a in self.agencies if a.pk == wanted), None) if wanted else self.agencies[0]
        if agency is None:
            raise Http404
        years = services.plan_years(agency)
        year = self.choice("year") or (years[0] if years else timezone.localdate().year)
        page = services.agency_page(agency, year, request.user)
        if self.export:
            return xlsx_response(f"bang-dieu-khien-{agency.pk}-{year}.xlsx", agency.display_name,
                                 *targets_sheet(page))
        return self.render_to_response(self.get_context_data(
            title=_("Dashboard: %(agency)s") % {"agency": agency.display_name}, page=page,
            agencies=self.agencies, years=years, chart=agency_chart(page),
            panels=panel_slots({"organization": agency.pk, "year": year})))


class ProvinceDashboard(DashboardMixin, TemplateView):
    template_name = "dashboard/province.html"
    export = False

    def get(self, request, *args, **kwargs):
        agencies = self.agencies
        visible = scoped(ReportingPeriod, request.user, "view").select_related("province")
        periods = list(visible)
        wanted = self.choice("period")
        if wanted:
            period = next((p for p in periods if p.pk == wanted), None)
            if period is None:
                raise Http404
        else:
            # The same default as the completeness page: the latest period that concerns the user.
            period = reporting.default_period(visible, request.user)
        year = self.choice("year") or (period.year if period else timezone.localdate().year)
        agencies = services.existing_in(agencies, year)
        rows = services.province_rows(agencies, period, year)
        if self.export:
            return xlsx_response(f"tong-hop-tinh-{year}.xlsx", _("Province overview %(year)s") % {"year": year},
                                 *province_sheet(rows))
        return self.render_to_response(self.get_context_data(
            title=_("Province overview"), rows=rows, period=period, periods=periods, year=year,
            chart=province_chart(rows), table_rows=province_table_rows(rows, year),
            panels=panel_slots({"year": year})))


def panel_slots(query: dict) -> list[str]:
    """A slot per register's panel (core.registry.dashboard_panels), in registration order, which the page
    fills once shown (htmx, `PanelView`): the registers' figures never slow the dashboard or add to its
    queries, and one register's panel failing leaves the rest of the page whole."""
    return [format_html(
        '<section class="mb-4 dashboard-panel" id="panel-{}" hx-get="{}?{}" hx-trigger="load" hx-swap="outerHTML">'
        '<p class="text-muted small mb-0">{}</p></section>',
        key, reverse("dashboard:panel", args=[key]), urlencode(query), _("Loading…"))
        for key, _panel in dashboard_panels.items()]


class PanelView(DashboardMixin, View):
    """One register's panel for the agency asked for (`organization`, among those the user sees) or for
    every agency the user sees, for `year`."""

    def get(self, request, key: str):
        panel = dashboard_panels.get(key)
        if panel is None:
            raise Http404
        agencies = self.agencies
        wanted = self.choice("organization")
        if wanted:
            agencies = [agency for agency in agencies if agency.pk == wanted]
            if not agencies:
                raise Http404
        year = self.choice("year") or timezone.localdate().year
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise Http404
        agencies = services.existing_in(agencies, year) if not wanted else agencies
        return HttpResponse(panel(request.user, agencies, year) or "")


def province_table_rows(rows: list[services.AgencyRow], year: int) -> str:
    """The rows of the province's table, drawn here rather than in the template: 120 agencies of ten cells
    each cost more to render through template tags than everything else on the page."""
    agency_url, dash = reverse("dashboard:agency"), "—"

    def number(value):
        return dash if value is None else localize(value)

    def row_html(row: services.AgencyRow):
        plan = (format_html('<a href="{}">{}</a>', row.plan.get_absolute_url(), row.plan_status) if row.plan
                else format_html('<span class="text-danger">{}</span>', _("No plan")))
        c = row.completeness
        if c is not None:
            figures = format_html_join("", '<td class="text-end" data-figure="{}">{}</td>', (
                ("expected", c.expected_count), ("actual", c.actual), ("on_time", c.on_time),
                ("completeness", number(c.completeness)), ("timeliness", number(c.timeliness))))
        else:
            figures = mark_safe(f'<td class="text-end">{dash}</td>' * 5)  # noqa: S308 (a constant)
        return format_html(
            '<tr data-agency="{}"><td><a href="{}?organization={}&amp;year={}">{}</a></td><td>{}</td>{}'
            '<td class="text-end">{}/{}</td><td class="text-end">{}</td><td class="text-end">{}</td></tr>',
            row.agency.code, agency_url, row.agency.pk, year, row.agency.display_name, plan, figures,
            row.met, row.measured, row.behind, number(row.met_share))

    if not rows:
        return format_html('<tr><td colspan="10" class="text-muted">{}</td></tr>', _("No agencies."))
    return mark_safe("".join(row_html(row) for row in rows))  # noqa: S308 (each row escaped by format_html)


def _value(value):
    return float(value) if value is not None else None


def agency_chart(page: services.AgencyPage) -> dict:
    """The targets by status, this year and last year: the chart's data (json_script)."""
    counts = page.status_counts
    return {
        "type": "bar",
        "labels": [str(label) for _status, label, _now, _last in counts],
        "colours": [status for status, _label, _now, _last in counts],
        "series": [
            {"label": str(page.year), "data": [now for _s, _l, now, _last in counts]},
            {"label": str(page.year - 1), "data": [last for _s, _l, _now, last in counts]},
        ],
    }


# The chart shows the agencies most behind; the table beside it lists them all.
CHART_AGENCIES = 15


def province_chart(rows: list[services.AgencyRow]) -> dict:
    """Per agency (most behind first): completeness, timeliness and the share of targets met, in %."""
    rows = rows[:CHART_AGENCIES]
    return {
        "type": "bar",
        "horizontal": True,
        "labels": [row.agency.display_name for row in rows],
        "series": [
            {"label": _("Targets met (%)"), "data": [_value(row.met_share) for row in rows]},
            {"label": _("Completeness rate"), "data": [
                _value(row.completeness.completeness) if row.completeness else None for row in rows]},
            {"label": _("Timeliness rate"), "data": [
                _value(row.completeness.timeliness) if row.completeness else None for row in rows]},
        ],
    }


def targets_sheet(page: services.AgencyPage):
    headers = [_("Target"), _("Current value"), _("Target value"), _("Status"),
               _("Last year's value"), _("Last year's target"), _("Last year's status")]
    lines = []
    for row in page.targets:
        reading, last = row.reading, row.last
        lines.append([row.target.text, _value(reading.value), row.target.goal, reading.status_label,
                      _value(last.value) if last else None, last.target.goal if last else "",
                      last.status_label if last else ""])
    return headers, lines


def province_sheet(rows: list[services.AgencyRow]):
    """The province overview: every agency's plan status, reports' completeness and timeliness, targets met."""
    headers = [_("Agency"), _("Plan status"), _("Expected reports"), _("Reports sent"), _("On time"),
               _("Completeness rate"), _("Timeliness rate"), _("Measured targets"), _("Targets met"),
               _("At risk or missed"), _("Targets met (%)")]
    lines = []
    for row in rows:
        c = row.completeness
        lines.append([row.agency.display_name, row.plan_status or _("No plan"),
                      c.expected_count if c else None, c.actual if c else None, c.on_time if c else None,
                      c.completeness if c else None, c.timeliness if c else None,
                      row.measured, row.met, row.behind, row.met_share])
    return headers, lines
