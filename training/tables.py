import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from core.tables import DateColumn, Table
from training.models import StudySession


class StudySessionTable(Table):
    date = DateColumn(verbose_name=_("Date"))
    title = tables.Column(linkify=True, verbose_name=_("Content"))
    organization = tables.Column(verbose_name=_("Organizing unit"), order_by=("organization__path",))
    documents = tables.ManyToManyColumn(verbose_name=_("Documents studied"), orderable=False,
                                        transform=lambda document: document.number)
    attendee_count = tables.Column(verbose_name=_("Attendees"), attrs={"td": {"class": "text-end"}})

    class Meta(Table.Meta):
        model = StudySession
        fields = ("date", "title", "organization", "documents", "attendee_count")
        attrs = {"class": "table table-sm table-hover align-middle", "id": "study-sessions"}
        empty_text = _("No study sessions.")
