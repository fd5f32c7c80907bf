import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from core.tables import DateColumn, Table
from emulation.models import Commendation, Exemplar, Movement


class MovementTable(Table):
    year = tables.Column(verbose_name=_("Year"))
    name = tables.Column(verbose_name=_("Movement"), linkify=True)
    organization = tables.Column(verbose_name=_("Launched by"), order_by=("organization__path",))

    class Meta(Table.Meta):
        model = Movement
        fields = ("year", "name", "organization")
        attrs = {"class": "table table-sm table-hover align-middle", "id": "movements"}
        empty_text = _("No emulation movements.")


class ExemplarTable(Table):
    name = tables.Column(linkify=True, verbose_name=_("Name"))
    kind = tables.Column(verbose_name=_("Kind"))
    organization = tables.Column(verbose_name=_("Nominating unit"), order_by=("organization__path",))
    year = tables.Column(verbose_name=_("Year"))
    field = tables.Column(verbose_name=_("Field"))
    status = tables.Column(verbose_name=_("Status"))
    recognised_on = DateColumn(verbose_name=_("Recognised on"))

    class Meta(Table.Meta):
        model = Exemplar
        fields = ("name", "kind", "organization", "year", "field", "status", "recognised_on")
        attrs = {"class": "table table-sm table-hover align-middle", "id": "exemplars"}
        empty_text = _("No nominations.")


class CommendationTable(Table):
    decision_date = DateColumn(verbose_name=_("Decision date"))
    decision_number = tables.Column(verbose_name=_("Decision number"))
    recipient = tables.Column(linkify=True, verbose_name=_("Recipient"))
    award = tables.Column(verbose_name=_("Award"))
    level = tables.Column(verbose_name=_("Award level"))
    organization = tables.Column(verbose_name=_("Unit"), order_by=("organization__path",))

    class Meta(Table.Meta):
        model = Commendation
        fields = ("decision_date", "decision_number", "recipient", "award", "level", "organization")
        attrs = {"class": "table table-sm table-hover align-middle", "id": "commendations"}
        empty_text = _("No commendations.")
