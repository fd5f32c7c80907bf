import django_tables2 as tables

from core.tables import DateColumn, Table

from .models import Note


class NoteTable(Table):
    date = DateColumn(verbose_name="Ngày")
    subject = tables.Column(linkify=True, verbose_name="Nội dung")
    organization = tables.Column(verbose_name="Đơn vị")

    class Meta(Table.Meta):
        model = Note
        fields = ("date", "subject", "organization")
