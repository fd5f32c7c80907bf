"""The petitions' and receptions' tables (pages and .xlsx): the personal columns filled only for the rows the
user handles (each reading logged), empty for everyone else."""

import django_tables2 as tables
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from citizens import deadlines, privacy
from citizens.models import PersonalDataReading, Petition, Reception
from core.tables import DateColumn, DateTimeColumn, Table

HIDDEN = "—"


class _PrivateTable(Table):
    """`user` and `where` (page or export) given by the view; the visible rows read once, on the first cell."""

    def __init__(self, *args, user=None, where="page", **kwargs):
        self.user, self.where, self._visible = user, where, None
        super().__init__(*args, **kwargs)

    def shown_records(self) -> list:
        rows = self.page.object_list if getattr(self, "page", None) else self.rows
        return [row.record for row in rows]

    def visible(self, record) -> bool:
        if self._visible is None:
            self._visible = self.find_visible(self.shown_records())
        return record.pk in self._visible

    def private(self, record, name: str) -> str:
        return getattr(record, name) if self.visible(record) else HIDDEN


class PetitionTable(_PrivateTable):
    code = tables.Column(linkify=True, verbose_name=_("Code"))
    received_on = DateColumn(verbose_name=_("Received on"))
    kind = tables.Column(verbose_name=_("Kind"))
    subject = tables.Column(verbose_name=pgettext_lazy("petition", "Subject"))
    organization = tables.Column(verbose_name=_("Handling unit"), order_by=("organization__path",))
    state = tables.Column(verbose_name=_("State"))
    due = tables.Column(empty_values=(), orderable=False, verbose_name=_("Deadline"))
    petitioner_name = tables.Column(empty_values=(), orderable=False, verbose_name=_("Petitioner"))
    petitioner_address = tables.Column(empty_values=(), orderable=False, verbose_name=_("Address"))
    petitioner_phone = tables.Column(empty_values=(), orderable=False, verbose_name=_("Phone"))
    petitioner_id_number = tables.Column(empty_values=(), orderable=False, verbose_name=_("Identity number"))

    class Meta(Table.Meta):
        model = Petition
        fields = ("code", "received_on", "kind", "subject", "organization", "state", "due", "petitioner_name",
                  "petitioner_address", "petitioner_phone", "petitioner_id_number")
        attrs = {"class": "table table-sm table-hover align-middle", "id": "petitions"}
        empty_text = _("No petitions.")

    def find_visible(self, records):
        return privacy.visible_petitions(self.user, records, where=self.where)

    def render_due(self, record):
        if "_rules" not in self.__dict__:
            self._rules = deadlines.load_rules()
        due = deadlines.current_due(record, rules=self._rules)
        if due is None:
            return HIDDEN
        if due.due < timezone.localdate():
            return format_html('<span class="text-danger fw-semibold">{} ({})</span>', f"{due.due:%d/%m/%Y}",
                               _("overdue"))
        return f"{due.due:%d/%m/%Y}"

    def value_due(self, record):
        if "_rules" not in self.__dict__:
            self._rules = deadlines.load_rules()
        due = deadlines.current_due(record, rules=self._rules)
        return due.due if due else None

    def render_petitioner_name(self, record):
        return self.private(record, "petitioner_name")

    def render_petitioner_address(self, record):
        return self.private(record, "petitioner_address")

    def render_petitioner_phone(self, record):
        return self.private(record, "petitioner_phone")

    def render_petitioner_id_number(self, record):
        return self.private(record, "petitioner_id_number")


class ReceptionTable(_PrivateTable):
    """The citizen-reception book (Mẫu 03/TCD, NĐ 154/2026) in its columns."""

    date = DateColumn(verbose_name=_("Reception date"), linkify=True)
    citizen = tables.Column(empty_values=(), orderable=False, verbose_name=_("Full name, address"))
    citizen_id_number = tables.Column(empty_values=(), orderable=False, verbose_name=_("Identity card / passport"))
    matter = tables.Column(verbose_name=_("Content"))
    kind = tables.Column(verbose_name=_("Kind of petition"))
    people = tables.Column(verbose_name=_("People with the same matter"))
    already_settled_by = tables.Column(verbose_name=_("Body that has settled it"))
    competent = tables.BooleanColumn(verbose_name=_("Within competence"), yesno="x,")
    guided_to = tables.Column(verbose_name=_("Guided to"))
    accepted_by = tables.Column(verbose_name=_("Accepted by"))
    follow_up = tables.Column(verbose_name=_("Follow-up of the result"))
    notes = tables.Column(verbose_name=_("Notes"))
    host = tables.Column(verbose_name=_("Received by"))
    organization = tables.Column(verbose_name=_("Receiving organization"), order_by=("organization__path",))

    class Meta(Table.Meta):
        model = Reception
        fields = ("date", "citizen", "citizen_id_number", "matter", "kind", "people", "already_settled_by",
                  "competent", "guided_to", "accepted_by", "follow_up", "notes", "host", "organization")
        attrs = {"class": "table table-sm table-hover align-middle", "id": "receptions"}
        empty_text = _("No receptions.")

    def find_visible(self, records):
        return privacy.visible_receptions(self.user, records, where=self.where)

    def render_citizen(self, record):
        if not self.visible(record):
            return HIDDEN
        return ", ".join(part for part in (record.citizen_name, record.citizen_address) if part) or HIDDEN

    def render_citizen_id_number(self, record):
        return self.private(record, "citizen_id_number")


WHERE = {"page": _("Page"), "export": _("Export .xlsx"), "api": "API", "form": _("Edit form"),
         "notice": _("Printed document")}


class ReadingTable(Table):
    at = DateTimeColumn(verbose_name=_("Read at"))
    user = tables.Column(verbose_name=_("User"))
    where = tables.Column(verbose_name=_("Where"))
    petition = tables.Column(linkify=True, verbose_name=_("Petition"))
    reception = tables.Column(linkify=True, verbose_name=_("Reception"))

    class Meta(Table.Meta):
        model = PersonalDataReading
        fields = ("at", "user", "where", "petition", "reception")
        empty_text = _("No readings.")

    def render_where(self, value):
        return WHERE.get(value, value)
