import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from core.tables import DateColumn, Table, link, td
from service.models import DossierStat, Letter, ServicePoint, Survey

NUMBER = {"td": {"class": "text-end"}}


class MonthColumn(DateColumn):
    """mm/yyyy: the month a row counts."""

    def render(self, value, **kwargs):
        return value.strftime("%m/%Y") if value else self.default


class DossierStatTable(Table):
    month = MonthColumn(verbose_name=_("Month"), linkify=True)
    organization = tables.Column(verbose_name=_("Organization"), order_by=("organization__path",))
    procedure_field = tables.Column(verbose_name=_("Procedure field"))
    received_online = tables.Column(verbose_name=_("Received online"), attrs=NUMBER)
    received_direct = tables.Column(verbose_name=_("Received in person or by post"), attrs=NUMBER)
    carried_over = tables.Column(verbose_name=_("Carried over"), attrs=NUMBER)
    settled_early = tables.Column(verbose_name=_("Settled early"), attrs=NUMBER)
    settled_on_time = tables.Column(verbose_name=_("Settled on time"), attrs=NUMBER)
    settled_late = tables.Column(verbose_name=_("Settled late"), attrs=NUMBER)
    pending_within = tables.Column(verbose_name=_("Pending within the deadline"), attrs=NUMBER)
    pending_overdue = tables.Column(verbose_name=_("Pending past the deadline"), attrs=NUMBER)

    class Meta(Table.Meta):
        model = DossierStat
        fields = ("month", "organization", "procedure_field", "received_online", "received_direct", "carried_over",
                  "settled_early", "settled_on_time", "settled_late", "pending_within", "pending_overdue")
        attrs = {"class": "table table-sm table-hover align-middle", "id": "dossier-stats"}
        empty_text = _("No dossier statistics.")


class LetterTable(Table):
    date = DateColumn(verbose_name=_("Date"))
    kind = tables.Column(verbose_name=_("Kind"))
    dossier_code = tables.Column(verbose_name=_("Dossier code"), linkify=True)
    applicant = tables.Column(verbose_name=_("Applicant"))
    organization = tables.Column(verbose_name=_("Organization"), order_by=("organization__path",))
    new_due_date = DateColumn(verbose_name=_("New return date"))

    class Meta(Table.Meta):
        model = Letter
        fields = ("date", "kind", "dossier_code", "applicant", "organization", "new_due_date")
        attrs = {"class": "table table-sm table-hover align-middle", "id": "letters"}
        empty_text = _("No letters.")

    # The page's hot path (core.tables.Table.fast_cells): the same cells without per-cell machinery.
    fast_cells = {
        "date": lambda t, r: td(r.date.strftime("%d/%m/%Y")),
        "kind": lambda t, r: td(t.label(r, "kind")),
        "dossier_code": lambda t, r: td(link(t.url("service:letter_detail", r.pk), r.dossier_code)
                                        if r.dossier_code else t.default),
        "applicant": lambda t, r: td(r.applicant),
        "organization": lambda t, r: td(r.organization.name),
        "new_due_date": lambda t, r: td(r.new_due_date.strftime("%d/%m/%Y") if r.new_due_date else t.default),
    }


class SurveyTable(Table):
    title = tables.Column(verbose_name=_("Title"), linkify=True)
    year = tables.Column(verbose_name=_("Year"))
    province = tables.Column(verbose_name=_("Province"))

    class Meta(Table.Meta):
        model = Survey
        fields = ("title", "year", "province")
        attrs = {"class": "table table-sm table-hover align-middle", "id": "surveys"}
        empty_text = _("No surveys.")


class ServicePointTable(Table):
    name = tables.Column(verbose_name=_("Name"), linkify=True)
    organization = tables.Column(verbose_name=_("Organization"), order_by=("organization__path",))
    active = tables.BooleanColumn(verbose_name=_("In use"))

    class Meta(Table.Meta):
        model = ServicePoint
        fields = ("name", "organization", "active")
        attrs = {"class": "table table-sm table-hover align-middle", "id": "service-points"}
        empty_text = _("No service points.")
