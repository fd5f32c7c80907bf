import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from core.tables import Table
from scoring.models import Assessment, CriteriaSet


class CriteriaSetTable(Table):
    name = tables.Column(linkify=True, verbose_name=_("Name"))
    year = tables.Column(verbose_name=_("Year"))
    version = tables.Column(verbose_name=_("Version"))
    province = tables.Column(verbose_name=_("Province"), order_by=("province__path",))
    submission_due = tables.DateColumn(verbose_name=_("Self-assessments due"), format="d/m/Y")

    class Meta(Table.Meta):
        model = CriteriaSet
        fields = ("name", "year", "version", "province", "submission_due")
        attrs = {"class": "table table-sm table-hover align-middle", "id": "criteria-sets"}
        empty_text = _("No criteria sets.")


class AssessmentTable(Table):
    agency = tables.Column(linkify=lambda record: record.get_absolute_url(), verbose_name=_("Agency"),
                           order_by=("agency__path",))
    year = tables.Column(verbose_name=_("Year"))
    state = tables.Column(verbose_name=_("State"))
    total = tables.Column(verbose_name=_("Total"), attrs={"td": {"class": "text-end"}})
    grade = tables.Column(verbose_name=_("Grade"))

    class Meta(Table.Meta):
        model = Assessment
        fields = ("agency", "year", "state", "total", "grade")
        attrs = {"class": "table table-sm table-hover align-middle", "id": "assessments"}
        empty_text = _("No assessments.")
