import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from core.tables import DateColumn, Table
from inspections.models import IndexScore, Inspection


class InspectionTable(Table):
    period_end = DateColumn(verbose_name=_("Inspected until"))
    title = tables.Column(linkify=True, verbose_name=_("Inspection"))
    kind = tables.Column(verbose_name=_("Kind"))
    organization = tables.Column(verbose_name=_("Inspecting organization"), order_by=("organization__path",))
    subject = tables.Column(verbose_name=_("Inspected unit"), order_by=("subject__path",))
    status = tables.Column(verbose_name=_("Status"))
    concluded_on = DateColumn(verbose_name=_("Concluded on"))

    class Meta(Table.Meta):
        model = Inspection
        fields = ("period_end", "title", "kind", "organization", "subject", "status", "concluded_on")
        attrs = {"class": "table table-sm table-hover align-middle", "id": "inspections"}
        empty_text = _("No inspections.")


class IndexScoreTable(Table):
    year = tables.Column(verbose_name=_("Year"))
    index = tables.Column(verbose_name=_("Index"), linkify=True)
    organization = tables.Column(verbose_name=_("Province or agency"), order_by=("organization__path",))
    score = tables.Column(verbose_name=_("Score"), attrs={"td": {"class": "text-end"}})
    rank = tables.Column(verbose_name=_("Rank"), attrs={"td": {"class": "text-end"}})
    ranked_among = tables.Column(verbose_name=_("Ranked among"), attrs={"td": {"class": "text-end"}})
    source = tables.Column(verbose_name=_("Source"))

    class Meta(Table.Meta):
        model = IndexScore
        fields = ("year", "index", "organization", "score", "rank", "ranked_among", "source")
        attrs = {"class": "table table-sm table-hover align-middle", "id": "index-scores"}
        empty_text = _("No index scores.")
