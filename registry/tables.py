import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from core.tables import DateColumn, Table
from registry.models import RegisteredDocument


class RegisteredDocumentTable(Table):
    number_symbol = tables.Column(linkify=lambda record: record.get_absolute_url() or None, verbose_name=_("Number"),
                                  order_by=("year", "number"), attrs={"td": {"class": "text-nowrap"}})
    date = DateColumn(verbose_name=_("Date"))
    type_code = tables.Column(verbose_name=_("Document type"))
    title = tables.Column(verbose_name=_("Summary"))
    issuer = tables.Column(verbose_name=_("Issued by"))
    register = tables.Column(verbose_name=_("Register"), accessor="register__organization__name")

    class Meta(Table.Meta):
        model = RegisteredDocument
        fields = ("number_symbol", "date", "type_code", "title", "issuer", "register")
        attrs = {"class": "table table-sm table-hover align-middle", "id": "registered-documents"}
        empty_text = _("No documents registered.")
