from django.db import models

from core.history import HistoricalRecords
from core.reversing import reverse_pk
from orgs.models import Organization
from orgs.scoping import ScopedQuerySet


class NoteQuerySet(ScopedQuerySet):
    pass  # rows sit where their organization is (the default Scope)


class Note(models.Model):
    organization = models.ForeignKey(Organization, verbose_name="đơn vị", on_delete=models.PROTECT,
                                     related_name="+")
    date = models.DateField("ngày")
    subject = models.CharField("nội dung", max_length=200)

    history = HistoricalRecords()
    objects = NoteQuerySet.as_manager()

    class Meta:
        verbose_name = "ghi chép"
        verbose_name_plural = "ghi chép"
        ordering = ["-date", "id"]

    def __str__(self) -> str:
        return self.subject

    def get_absolute_url(self) -> str:
        return reverse_pk("example_register:note_detail", self.pk)
