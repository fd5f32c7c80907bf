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
    register = tables.Column(accessor="scope_label", verbose_name=_("Catalogue"), order_by=("province__path",))
    status = tables.Column(accessor="status_label", verbose_name=_("Status"), order_by=("confirmed",))

    class Meta(Table.Meta):
        model = LegalDocument
        fields = ("number", "kind", "date", "issuer", "title", "register", "status")
        attrs = {"class": "table table-sm table-hover align-middle", "id": "documents"}
        empty_text = _("No documents.")


class WaitingDocumentTable(Table):
    """The coordinator's queue: documents plan editors added, each with its two ways out."""

    number = tables.Column(linkify=True, verbose_name=_("Number"), attrs={"td": {"class": "text-nowrap"}})
    kind = tables.Column(verbose_name=_("Kind"))
    date = DateColumn(verbose_name=_("Date"))
    issuer = tables.Column(verbose_name=_("Issuer"))
    title = tables.Column(verbose_name=_("Title"))
    added_by = tables.Column(accessor="added_by__name", verbose_name=_("Added by"), order_by=("added_by__path",))
    actions = tables.TemplateColumn(template_name="legal/waiting_actions.html", verbose_name=_("Action"),
                                    orderable=False, exclude_from_export=True)

    class Meta(Table.Meta):
        model = LegalDocument
        fields = ("number", "kind", "date", "issuer", "title", "added_by", "actions")
        attrs = {"class": "table table-sm table-hover align-middle", "id": "waiting-documents"}
        empty_text = _("No document is waiting for confirmation.")
