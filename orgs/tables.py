import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from orgs.models import StaffMember


class StaffMemberTable(tables.Table):
    full_name = tables.Column(linkify=True, verbose_name=_("full name"))
    organization = tables.Column(
        linkify=True, verbose_name=_("unit"), order_by=("organization__path", "full_name")
    )
    category = tables.Column(verbose_name=_("category"))
    active_from = tables.DateColumn(verbose_name=_("active from"))
    active_to = tables.DateColumn(verbose_name=_("active to"))

    class Meta:
        model = StaffMember
        fields = ("full_name", "position", "category", "organization", "active_from", "active_to")
        attrs = {"class": "table table-sm table-hover align-middle"}
        empty_text = _("No staff members.")
