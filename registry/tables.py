import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from core.tables import DateColumn, Table, link, td
from registry.models import RegisteredDocument


class RegisteredDocumentTable(Table):
    number_symbol = tables.Column(linkify=lambda record: record.get_absolute_url() or None, verbose_name=_("Number"),
                                  order_by=("year", "number"), attrs={"td": {"class": "text-nowrap"}})
    date = DateColumn(verbose_name=_("Date"))
    type_code = tables.Column(verbose_name=_("Document type"))
    title = tables.Column(verbose_name=_("Summary"))
    issuer = tables.Column(verbose_name=_("Issued by"))
    register = tables.Column(verbose_name=_("Register"), accessor="register__organization__name")

    # The page's hot path (core.tables.Table.fast_cells): the same cells without per-cell machinery.
    fast_cells = {
        "number_symbol": lambda t, r: td(t.number_link(r), "text-nowrap"),
        "date": lambda t, r: td(r.date.strftime("%d/%m/%Y")),
        "type_code": lambda t, r: td(r.type_code or t.default),
        "title": lambda t, r: td(r.title or t.default),
        "issuer": lambda t, r: td(r.issuer.name),
        "register": lambda t, r: td(r.register.organization.name),
    }

    @staticmethod
    def number_link(record) -> str:
        url = record.get_absolute_url()
        return link(url, record.number_symbol) if url else record.number_symbol

    class Meta(Table.Meta):
        model = RegisteredDocument
        fields = ("number_symbol", "date", "type_code", "title", "issuer", "register")
        attrs = {"class": "table table-sm table-hover align-middle", "id": "registered-documents"}
        empty_text = _("No documents registered.")
