import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from core.tables import Table
from indicators.models import MonthlyCount


class MonthlyCountTable(Table):
    month = tables.DateColumn(format="m/Y", verbose_name=_("Month"), linkify=True)
    organization = tables.Column(verbose_name=_("Organization"), order_by=("organization__path",))
    measure = tables.Column(verbose_name=_("Measure"))
    numerator = tables.Column(verbose_name=_("Numerator"), attrs={"td": {"class": "text-end"}})
    denominator = tables.Column(verbose_name=_("Denominator"), attrs={"td": {"class": "text-end"}}, default="")

    class Meta(Table.Meta):
        model = MonthlyCount
        fields = ("month", "organization", "measure", "numerator", "denominator")
        attrs = {"class": "table table-sm table-hover align-middle", "id": "monthly-counts"}
        empty_text = _("No monthly counts.")
