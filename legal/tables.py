import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from core.tables import DateColumn, Table
from legal.models import LegalDocument


class LegalDocumentTable(Table):
    number = tables.Column(linkify=True, verbose_name=_("Number"), attrs={"td": {"class": "text-nowrap"}})
    kind = tables.Column(verbose_name=_("Kind"))
    date = DateColumn(verbose_name=_("Date"))
    issuer = tables.Column(verbose_name=_("Issuer"))
    title = tables.Column(verbose_name=_("Title"))

    class Meta(Table.Meta):
        model = LegalDocument
        fields = ("number", "kind", "date", "issuer", "title")
        attrs = {"class": "table table-sm table-hover align-middle", "id": "documents"}
        empty_text = _("No documents.")
