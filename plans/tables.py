import django_tables2 as tables
from django.middleware.csrf import get_token
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from core.tables import DateColumn, Table, link, td
from plans.models import OVERDUE_LABEL, Assignment, AssignmentStatus, Plan, PlanStatus

STATUS_BADGES = {PlanStatus.ISSUED: "success", PlanStatus.DRAFT: "secondary"}


class PlanTable(Table):
    number_symbol = tables.Column(verbose_name=_("Number"), order_by=("number",), empty_values=(),
                                  attrs={"td": {"class": "text-nowrap"}})
    title = tables.Column(linkify=True, verbose_name=_("Title"))
    organization = tables.Column(verbose_name=_("Organization"), order_by=("organization__path",))
    year = tables.Column(verbose_name=_("Year"), accessor="period_label", order_by=("year",))
    status = tables.Column(verbose_name=_("Status"))
    date = DateColumn(verbose_name=_("Date of issue"))
    parent = tables.Column(verbose_name=_("Superior plan"), accessor="parent__number_symbol", visible=False)

    class Meta(Table.Meta):
        model = Plan
        fields = ("number_symbol", "title", "organization", "year", "status", "date", "parent")
        attrs = {"class": "table table-sm table-hover align-middle", "id": "plans"}
        empty_text = _("No plans.")

    # The page's hot path (core.tables.Table.fast_cells): the same cells without per-cell machinery.
    fast_cells = {
        "number_symbol": lambda t, r: td(t.render_number_symbol(r), "text-nowrap"),
        "title": lambda t, r: td(link(t.url("plans:plan_detail", r.pk), r.title)),
        "organization": lambda t, r: td(r.organization.name),
        "year": lambda t, r: td(r.period_label),
        "status": lambda t, r: td(format_html('<span class="badge text-bg-{}">{}</span>',
                                              STATUS_BADGES.get(r.status, "warning"), t.label(r, "status"))),
        "date": lambda t, r: td(r.date.strftime("%d/%m/%Y") if r.date else t.default),
    }

    def render_number_symbol(self, record):
        if record.number:
            return record.number_symbol
        return format_html('<span class="text-muted">…/{}</span>', record.symbol)

    def value_number_symbol(self, record):
        return record.number_symbol if record.number else ""

    def render_status(self, record):
        badge = STATUS_BADGES.get(record.status, "warning")
        return format_html('<span class="badge text-bg-{}">{}</span>', badge, record.get_status_display())

    def value_status(self, record):
        return record.get_status_display()


class AssignmentTable(Table):
    """A unit's assignments across plans; the status form is on the page only, for those who may change it."""

    due = tables.Column(verbose_name=_("Due date"), orderable=False, empty_values=(),
                        attrs={"td": {"class": "text-nowrap"}})
    task = tables.Column(verbose_name=_("Task"), orderable=False, linkify=("progress:assignment_progress",
                                                                          {"pk": tables.A("pk")}))
    plan = tables.Column(verbose_name=_("Plan"), orderable=False)
    lead_unit = tables.Column(verbose_name=_("Lead unit"), orderable=False)
    support_units = tables.ManyToManyColumn(verbose_name=_("Supporting units"), orderable=False, visible=False)
    display_status = tables.Column(verbose_name=_("Status"), orderable=False, empty_values=())
    update = tables.Column(verbose_name="", orderable=False, empty_values=(), exclude_from_export=True)
    export_sequence = ("plan", "task", "lead_unit", "support_units", "due", "display_status")

    class Meta(Table.Meta):
        model = Assignment
        fields = ("due", "task", "plan", "lead_unit", "support_units", "display_status", "update")
        attrs = {"class": "table table-sm align-middle", "id": "my-assignments"}
        row_attrs = {"class": lambda record: "table-danger" if record.is_overdue() else ""}
        empty_text = _("Nothing is assigned to your units.")

    # The page's hot path (core.tables.Table.fast_cells): the same cells without per-cell machinery.
    fast_cells = {
        "due": lambda t, r: td(t.render_due(r), "text-nowrap"),
        "task": lambda t, r: td(link(t.url("progress:assignment_progress", r.pk), r.task)),
        "plan": lambda t, r: td(t.render_plan(r)),
        "lead_unit": lambda t, r: td(r.lead_unit.name),
        "display_status": lambda t, r: td(t.render_display_status(r)),
        "update": lambda t, r: td(t.render_update(r)),
    }

    @staticmethod
    def fast_row_class(record):
        return "table-danger" if record.is_overdue() else ""

    def render_due(self, record):
        due = record.next_due_date()
        text = due.strftime("%d/%m/%Y") if due else "—"
        if record.recurrence:
            return format_html('{} <span class="small text-muted">({})</span>', text, record.get_recurrence_display())
        return text

    def value_due(self, record):
        return record.next_due_date()

    def render_plan(self, record):
        return format_html('<a href="{}">{}</a> <span class="small text-muted">{}</span>',
                           self.url("plans:plan_detail", record.plan_id), record.plan.number_symbol,
                           record.plan.organization.display_name)

    def value_plan(self, record):
        return record.plan.number_symbol

    def render_display_status(self, record):
        if record.is_overdue():
            return format_html('{} <span class="badge text-bg-danger">{}</span>', record.get_status_display(),
                               OVERDUE_LABEL)
        return record.get_status_display()

    def value_display_status(self, record):
        return record.display_status

    def render_update(self, record):
        if not getattr(record, "can_update", False):
            return ""
        choices = ((value, " selected" if record.status == value else "", label)
                   for value, label in AssignmentStatus.choices)
        options = format_html_join("", '<option value="{}"{}>{}</option>', choices)
        return format_html(
            '<form method="post" action="{}" class="d-flex gap-1 status-form">'
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
            '<input type="hidden" name="next" value="{}">'
            '<select name="status" class="form-select form-select-sm" aria-label="{}">{}</select>'
            '<button class="btn btn-sm btn-outline-primary" type="submit">{}</button></form>',
            self.url("plans:assignment_status", record.pk), get_token(self.request), self.request.path,
            _("Status"), options, _("Update"),
        )


class CoverageTable(Table):
    organization = tables.Column(verbose_name=_("Organization"), orderable=False)
    plan = tables.Column(verbose_name=_("Plan"), orderable=False, empty_values=())
    status = tables.Column(verbose_name=_("Status"), accessor="plan__status", orderable=False, empty_values=())
    date = DateColumn(verbose_name=_("Date of issue"), accessor="plan__date", orderable=False)

    class Meta(Table.Meta):
        attrs = {"class": "table table-sm align-middle", "id": "coverage"}
        row_attrs = {"class": lambda record: CoverageTable.fast_row_class(record)}
        empty_text = _("No organizations.")

    @staticmethod
    def fast_row_class(record) -> str:
        return "table-danger" if record.late else "" if record.plan else "table-warning"

    # Up to 200 rows (every agency of a province): the cells without per-cell machinery.
    fast_cells = {
        "organization": lambda t, r: td(r.organization),
        "plan": lambda t, r: td(t.render_plan(r)),
        "status": lambda t, r: td(r.plan.get_status_display() if r.plan else "—"),
        "date": lambda t, r: td(r.plan.date.strftime("%d/%m/%Y") if r.plan and r.plan.date else "—"),
        "late": lambda t, r: td(t.render_late(r)),
    }

    late = tables.Column(verbose_name=_("Late"), orderable=False, empty_values=())

    def render_late(self, record):
        if not record.late:
            return ""
        return format_html('<span class="badge text-bg-danger">{}</span> <span class="small">{}</span>',
                           _("Late"), _("due %(date)s") % {"date": f"{record.due:%d/%m/%Y}"})

    def value_late(self, record):
        return _("Late") if record.late else ""

    def render_plan(self, record):
        if record.plan is None:
            return _("No plan yet")
        # An unnumbered draft reads "…/KH-…", as in the plans list.
        plan = record.plan
        return format_html('<a href="{}">{}</a>', self.url("plans:plan_detail", plan.pk),
                           plan.number_symbol if plan.number else f"…/{plan.symbol}")

    def value_plan(self, record):
        return record.plan.number_symbol if record.plan else ""

    def render_status(self, record):
        return record.plan.get_status_display() if record.plan else "—"

    def value_status(self, record):
        return record.plan.get_status_display() if record.plan else _("No plan yet")
