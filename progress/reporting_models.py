"""Periodic reports (CYCLE.md §4): reporting periods per province, year, kind and level; one report
per organization and period; exemptions; the log of every step a report goes through."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.history import HistoricalRecords
from core.periods import Period, PeriodKind, next_working_day
from core.reversing import reverse_pk
from orgs.models import Organization
from orgs.scoping import Action, Scope, ScopedQuerySet


class ReportLevel(models.TextChoices):
    UNIT = "unit", _("Units to their agency")
    AGENCY = "agency", _("Agencies to the province")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Being written")
    SUBMITTED = "submitted", _("Sent, awaiting review")
    RETURNED = "returned", _("Returned for changes")
    ACCEPTED = "accepted", _("Accepted")


REPORT_KINDS = [(PeriodKind.HALF.value, PeriodKind.HALF.label), (PeriodKind.YEAR.value, PeriodKind.YEAR.label)]


class ReportingPeriodQuerySet(ScopedQuerySet):
    # Set by the coordinator on the province's node; read by everyone in the province.
    scope = Scope(path="province__path", shared_below=models.Q(), shared_from="province")


class ReportingPeriod(models.Model):
    province = models.ForeignKey(Organization, verbose_name=_("province"), on_delete=models.PROTECT,
                                 related_name="reporting_periods")
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("kind"), max_length=12, choices=REPORT_KINDS)
    n = models.PositiveSmallIntegerField(_("number in the year"), default=1)
    level = models.CharField(_("level"), max_length=8, choices=ReportLevel.choices)
    data_start = models.DateField(_("data from"))
    data_end = models.DateField(_("data to"))
    cut_off = models.DateField(_("data cut-off"), help_text=_(
        "Figures after this day are estimated when the report is due before the period ends."))
    due_date = models.DateField(_("due date"), help_text=_("A day off moves it to the next working day."))
    closed = models.BooleanField(_("closed"), default=False)

    history = HistoricalRecords()
    objects = ReportingPeriodQuerySet.as_manager()

    class Meta:
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        ordering = ["-year", "-kind", "n", "level"]
        constraints = [
            models.UniqueConstraint(fields=["province", "year", "kind", "n", "level"],
                                    name="reporting_period_unique"),
            models.CheckConstraint(condition=models.Q(data_end__gte=models.F("data_start")),
                                   name="reporting_period_data_order",
                                   violation_error_message=_("The data period ends before it starts.")),
        ]

    def __str__(self) -> str:
        return f"{self.period.label} — {self.get_level_display()}"

    def get_absolute_url(self) -> str:
        return reverse_pk("progress:period_detail", self.pk)

    @property
    def period(self) -> Period:
        return Period(self.year, PeriodKind(self.kind), self.n, due=self.effective_due)

    @property
    def effective_due(self) -> dt.date:
        """The due date as it falls: a day off moves it to the next working day."""
        return next_working_day(self.due_date)

    @property
    def estimated_after_cut_off(self) -> bool:
        return self.cut_off < self.data_end


class ReportExemption(models.Model):
    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="exemptions")
    organization = models.ForeignKey(Organization, verbose_name=_("organization"), on_delete=models.PROTECT,
                                     related_name="report_exemptions")
    reason = models.TextField(_("reason"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("exemption from reporting")
        verbose_name_plural = _("exemptions from reporting")
        constraints = [models.UniqueConstraint(fields=["period", "organization"], name="report_exemption_unique")]

    def __str__(self) -> str:
        return f"{self.organization} — {self.reason[:60]}"


class ReportQuerySet(ScopedQuerySet):
    # Read by the author's side and by the receiver's; written by the author's side, and only while
    # it is a draft or returned in an open period (a submitted, accepted or closed report is locked,
    # its evidence with it).
    scope = Scope(path=("organization__path", "receiver__path"),
                  paths={Action.CHANGE: ("organization__path",)},
                  changeable=models.Q(status__in=("draft", "returned"), period__closed=False))


class Report(models.Model):
    period = models.ForeignKey(ReportingPeriod, verbose_name=_("reporting period"), on_delete=models.PROTECT,
                               related_name="reports")
    organization = models.ForeignKey(Organization, verbose_name=_("reporting organization"),
                                     on_delete=models.PROTECT, related_name="reports")
    receiver = models.ForeignKey(Organization, verbose_name=_("sent to"), on_delete=models.PROTECT,
                                 related_name="received_reports")
    status = models.CharField(_("status"), max_length=10, choices=ReportStatus.choices,
                              default=ReportStatus.DRAFT, db_index=True)
    results = models.TextField(_("results"), blank=True)
    limits = models.TextField(_("limits and causes"), blank=True)
    proposals = models.TextField(_("proposals"), blank=True)
    # The first submission decides timeliness; a resubmission after a return does not move it.
    first_submitted_on = models.DateField(_("first submitted on"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    # An agency's report to the province is entered in its document register when first submitted
    # (progress.numbering); the register holds the number, symbol and date (no column here).
    registrations = GenericRelation("registry.RegisteredDocument")

    history = HistoricalRecords()
    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("periodic report")
        verbose_name_plural = _("periodic reports")
        ordering = ["-period__year", "period__kind", "organization__path"]
        constraints = [models.UniqueConstraint(fields=["period", "organization"], name="report_unique_per_period")]

    def __str__(self) -> str:
        return f"{self.organization.display_name} — {self.period.period.label}"

    def get_absolute_url(self) -> str:
        return reverse_pk("progress:report_detail", self.pk)

    @property
    def locked(self) -> bool:
        return self.status == ReportStatus.ACCEPTED or self.period.closed

    @property
    def registration(self):
        """Its entry in the document register (prefetch `registrations` for a list), or None."""
        entries = list(self.registrations.all())
        return entries[0] if entries else None


class ReportStep(models.Model):
    """One step of a report's way (submitted, returned with its comment, accepted, unlocked)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="steps")
    action = models.CharField(_("action"), max_length=10)
    from_status = models.CharField(max_length=10, choices=ReportStatus.choices)
    to_status = models.CharField(max_length=10, choices=ReportStatus.choices)
    comment = models.TextField(_("comment"), blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("report step")
        verbose_name_plural = _("report steps")

    def __str__(self) -> str:
        return f"{self.action}: {self.from_status} → {self.to_status}"


class DigestSent(models.Model):
    """A user's daily digest was sent on `day` (so a second run that day sends nothing again)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    items = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="digest_once_a_day")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.day:%d/%m/%Y}"
