import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.tables import DateTimeColumn, Table
from exports.models import ExportJob, ExportStatus


class ExportJobTable(Table):
    created_at = DateTimeColumn(verbose_name=_("Requested at"))
    title = tables.Column(verbose_name=_("List"), linkify=True)
    status = tables.Column(verbose_name=_("Status"))
    rows_total = tables.Column(verbose_name=_("Rows"))
    download = tables.Column(verbose_name="", orderable=False, empty_values=(), exclude_from_export=True)

    class Meta(Table.Meta):
        model = ExportJob
        fields = ("created_at", "title", "status", "rows_total")

    def render_download(self, record):
        if record.status != ExportStatus.DONE:
            return ""
        from django.urls import reverse

        return format_html('<a href="{}">{}</a>', reverse("exports:export_download", args=[record.pk]), _("Download"))
