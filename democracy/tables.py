import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from core.tables import DateColumn, Table
from democracy.models import Disclosure, FollowUpAction, InspectionBoard, Meeting
from democracy.services import is_late_conference, vote_of


class DisclosureTable(Table):
    title = tables.Column(linkify=True, verbose_name=_("Content disclosed"))
    subject = tables.Column(verbose_name=_("Subject"))
    organization = tables.Column(verbose_name=_("Organization"), order_by=("organization__path",))
    decision = tables.Column(verbose_name=_("Decision"))
    decision_date = DateColumn(verbose_name=_("Decided on"))
    method = tables.Column(verbose_name=_("How"))
    posted_from = DateColumn(verbose_name=_("From"))
    posted_to = DateColumn(verbose_name=_("Until"))
    due_date = DateColumn(verbose_name=_("Due by"))
    on_time = tables.Column(verbose_name=_("Timing"), order_by=("on_time",))

    class Meta(Table.Meta):
        model = Disclosure
        fields = ("title", "subject", "organization", "decision", "decision_date", "method", "posted_from",
                  "posted_to", "due_date", "on_time")
        attrs = {"class": "table table-sm table-hover align-middle", "id": "disclosures"}
        empty_text = _("No disclosures.")
        row_attrs = {"class": lambda record: "" if record.on_time else "table-warning"}

    def render_on_time(self, record):
        if record.late:
            return _("Late")
        if record.short:
            return _("Posted too briefly")
        return _("On time")

    def value_on_time(self, record):
        return str(self.render_on_time(record))


class MeetingTable(Table):
    date = DateColumn(verbose_name=_("Date"))
    title = tables.Column(linkify=True, verbose_name=_("Title"))
    kind = tables.Column(verbose_name=_("Kind"))
    organization = tables.Column(verbose_name=_("Organization"), order_by=("organization__path",))
    attendee_count = tables.Column(verbose_name=_("Attendees"), attrs={"td": {"class": "text-end"}})
    roster_size = tables.Column(verbose_name=_("Staff"), attrs={"td": {"class": "text-end"}})
    status = tables.Column(verbose_name=_("Check"), empty_values=(), orderable=False)

    class Meta(Table.Meta):
        model = Meeting
        fields = ("date", "title", "kind", "organization", "attendee_count", "roster_size", "status")
        attrs = {"class": "table table-sm table-hover align-middle", "id": "meetings"}
        empty_text = _("No conferences or dialogues.")

    def render_attendee_count(self, record, value):
        return value if record.is_conference else "—"

    def render_roster_size(self, record, value):
        return value if record.is_conference else "—"

    def render_status(self, record):
        if not record.is_conference:
            return "—"
        notes = []
        if is_late_conference(record):
            notes.append(str(_("Late")))
        vote = vote_of(record, record.attendee_count)
        notes.append(str(_("Quorum met") if vote.quorum else _("No quorum")))
        if record.votes_for is not None:
            notes.append(str(_("Resolution adopted") if vote.adopted else _("Resolution not adopted")))
        return "; ".join(notes)

    def value_status(self, record):
        return self.render_status(record)


class FollowUpActionTable(Table):
    description = tables.Column(linkify=True, verbose_name=_("Action"))
    meeting = tables.Column(verbose_name=_("Meeting"), linkify=False, order_by=("meeting__date",))
    owner_unit = tables.Column(verbose_name=_("Responsible unit"), order_by=("owner_unit__path",))
    owner = tables.Column(verbose_name=_("Responsible person"))
    due_date = DateColumn(verbose_name=_("Due date"))
    done_on = DateColumn(verbose_name=_("Done on"))

    class Meta(Table.Meta):
        model = FollowUpAction
        fields = ("description", "meeting", "owner_unit", "owner", "due_date", "done_on")
        attrs = {"class": "table table-sm table-hover align-middle", "id": "follow-up-actions"}
        empty_text = _("No follow-up actions.")
        row_attrs = {"class": lambda record: "table-danger" if record.is_overdue else ""}


class InspectionBoardTable(Table):
    organization = tables.Column(linkify=lambda record: record.get_absolute_url(), verbose_name=_("Agency"),
                                 order_by=("organization__path",))
    elected_on = DateColumn(verbose_name=_("Elected on"))
    term_end = DateColumn(verbose_name=_("Term ends"))
    head = tables.Column(verbose_name=_("Head of the board"))
    member_count = tables.Column(verbose_name=_("Members"), attrs={"td": {"class": "text-end"}})

    class Meta(Table.Meta):
        model = InspectionBoard
        fields = ("organization", "elected_on", "term_end", "head", "member_count")
        attrs = {"class": "table table-sm table-hover align-middle", "id": "inspection-boards"}
        empty_text = _("No inspection boards.")
