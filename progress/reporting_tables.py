import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from core.tables import DateColumn, Table
from progress.reporting_models import Report, ReportingPeriod


class ReportTable(Table):
    organization = tables.Column(verbose_name=_("Reporting organization"),
                                 linkify=lambda record: record.get_absolute_url(),
                                 order_by=("organization__path",), accessor="organization__display_name")
    period = tables.Column(verbose_name=_("Reporting period"), accessor="period__period__label",
                           order_by=("period__year", "period__kind", "period__n"))
    level = tables.Column(verbose_name=_("Level"), accessor="period__get_level_display", orderable=False)
    receiver = tables.Column(verbose_name=_("Sent to"), accessor="receiver__display_name", orderable=False)
    status = tables.Column(verbose_name=_("Status"))
    due = DateColumn(verbose_name=_("Due date"), accessor="period__effective_due", orderable=False)
    first_submitted_on = DateColumn(verbose_name=_("First submitted on"))

    class Meta(Table.Meta):
        model = Report
        fields = ("organization", "period", "level", "receiver", "status", "due", "first_submitted_on")
        attrs = {"class": "table table-sm table-hover align-middle", "id": "reports"}
        empty_text = _("No reports.")


class PeriodTable(Table):
    label = tables.Column(verbose_name=_("Reporting period"), accessor="period__label", order_by=("year", "kind", "n"),
                          linkify=lambda record: record.get_absolute_url())
    level = tables.Column(verbose_name=_("Level"))
    data_start = DateColumn(verbose_name=_("Data from"))
    data_end = DateColumn(verbose_name=_("Data to"))
    cut_off = DateColumn(verbose_name=_("Data cut-off"))
    due = DateColumn(verbose_name=_("Due date"), accessor="effective_due", orderable=False)
    closed = tables.BooleanColumn(verbose_name=_("Closed"))

    class Meta(Table.Meta):
        model = ReportingPeriod
        fields = ("label", "level", "data_start", "data_end", "cut_off", "due", "closed")
        attrs = {"class": "table table-sm table-hover align-middle", "id": "reporting-periods"}
        empty_text = _("No reporting periods.")
