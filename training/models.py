"""Study sessions (học tập, quán triệt): who studied which documents, when; attendance feeds the
"100% of staff studied" targets."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.history import HistoricalRecords
from core.reversing import reverse_pk
from legal.models import LegalDocument
from orgs.models import Organization, StaffMember
from orgs.scoping import ScopedQuerySet


class StudySessionQuerySet(ScopedQuerySet):
    pass  # a session sits where its organizing unit is


class StudySession(models.Model):
    organization = models.ForeignKey(Organization, verbose_name=_("organizing unit"), on_delete=models.PROTECT,
                                     related_name="study_sessions")
    date = models.DateField(_("date"), db_index=True)
    title = models.CharField(_("content"), max_length=500)
    place = models.CharField(_("venue"), max_length=200, blank=True)
    documents = models.ManyToManyField(LegalDocument, verbose_name=_("documents studied"), blank=True,
                                       related_name="study_sessions")
    attendees = models.ManyToManyField(StaffMember, verbose_name=_("attendees"), blank=True,
                                       related_name="study_sessions")
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    history = HistoricalRecords(m2m_fields=[documents, attendees])
    objects = StudySessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("study session")
        verbose_name_plural = _("study sessions")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["organization", "date"], name="study_org_date_idx")]

    def __str__(self) -> str:
        return f"{self.title} ({self.date:%d/%m/%Y})"

    def get_absolute_url(self) -> str:
        return reverse_pk("training:session_detail", self.pk)
