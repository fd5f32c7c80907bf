import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from core.tables import DateTimeColumn, Table
from ingest.models import PlanImport


class PlanImportTable(Table):
    original_name = tables.Column(linkify=True, verbose_name=_("File"))
    organization = tables.Column(verbose_name=_("Organization"))
    status = tables.Column(verbose_name=_("Status"))
    created_at = DateTimeColumn(verbose_name=_("Uploaded"))
    created_by = tables.Column(verbose_name=_("Uploaded by"))
    plan = tables.Column(linkify=True, verbose_name=_("Plan"))

    class Meta(Table.Meta):
        model = PlanImport
        fields = ("original_name", "organization", "status", "created_at", "created_by", "plan")
        attrs = {"class": "table table-sm table-hover align-middle", "id": "imports"}
        empty_text = _("No imports yet.")
