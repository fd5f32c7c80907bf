"""Progress on assignments: what a unit reports, when, how far, with its evidence (attachments)."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.history import HistoricalRecords
from core.reversing import reverse_pk
from orgs.scoping import Action, Scope, ScopedQuerySet
from plans.models import PUBLISHED, Assignment, AssignmentStatus, Plan
from training.models import StudySession


class ProgressUpdateQuerySet(ScopedQuerySet):
    # Seen where the assignment's plan is; recorded by the plan's editors and the lead unit's.
    scope = Scope(
        path="assignment__plan__organization__path",
        paths={Action.CHANGE: ("assignment__plan__organization__path", "assignment__lead_unit__path")},
        shared_below=models.Q(assignment__plan__status__in=PUBLISHED),
        shared_from="assignment__plan__organization",
        via="assignment",
    )


class ProgressUpdate(models.Model):
    assignment = models.ForeignKey(Assignment, verbose_name=_("assignment"), on_delete=models.CASCADE,
                                   related_name="progress_updates")
    date = models.DateField(_("date"))
    text = models.TextField(_("what was done"))
    percent = models.PositiveSmallIntegerField(_("percent done"), validators=[MaxValueValidator(100)])
    status = models.CharField(_("status"), max_length=12, choices=AssignmentStatus.choices)
    sessions = models.ManyToManyField(StudySession, verbose_name=_("study sessions"), blank=True,
                                      related_name="progress_updates")
    plans = models.ManyToManyField(Plan, verbose_name=_("plans"), blank=True, related_name="progress_updates")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(m2m_fields=[sessions, plans])
    objects = ProgressUpdateQuerySet.as_manager()

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["assignment", "date"], name="progress_assignment_date_idx")]
        constraints = [models.CheckConstraint(condition=models.Q(percent__lte=100), name="progress_percent_max",
                                              violation_error_message=_("A percentage is at most 100."))]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} — {self.percent}%"

    def get_absolute_url(self) -> str:
        return reverse_pk("progress:assignment_progress", self.assignment_id)


from progress.reporting_models import (  # noqa: E402,F401  (periodic reports live in their own module)
    DigestSent,
    Report,
    ReportExemption,
    ReportingPeriod,
    ReportStep,
)
