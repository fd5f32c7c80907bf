import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.history import person_name
from core.tables import DateTimeColumn, Table
from orgs.models import Membership


class MembershipTable(Table):
    person = tables.Column(verbose_name=_("Person"), accessor="user__last_name", order_by=(
        "user__last_name", "user__first_name"))
    username = tables.Column(verbose_name=_("Username"), accessor="user__username")
    role = tables.Column(verbose_name=_("Role"))
    organization = tables.Column(verbose_name=_("Organization"), order_by=("organization__path",))
    last_login = DateTimeColumn(verbose_name=_("Last login"), accessor="user__last_login")
    active = tables.BooleanColumn(verbose_name=pgettext_lazy("account", "Open"), accessor="user__is_active")

    class Meta(Table.Meta):
        model = Membership
        fields = ("person", "username", "role", "organization", "last_login", "active")
        attrs = {"class": "table table-sm table-hover align-middle", "id": "accounts"}
        empty_text = _("No accounts.")

    def render_person(self, record):
        return format_html('<a href="{}">{}</a>', reverse("accounts:account_detail", args=[record.user_id]),
                           person_name(record.user))

    def value_person(self, record):
        return person_name(record.user)
