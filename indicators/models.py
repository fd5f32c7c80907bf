"""Monthly counts: the figures of registers that are not in the system yet (dossiers settled on time,
satisfaction, petitions, receptions, disclosures, conferences, good models), entered per organization
and month with their evidence until the issue that builds each register replaces them."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from core.history import HistoricalRecords
from core.reversing import reverse_pk
from orgs.models import Organization
from orgs.scoping import ScopedQuerySet
from plans.models import Measure, Target

# Rates: a numerator out of a denominator each month; counts: a number each month, no denominator.
MONTHLY_RATES = (
    Measure.DOSSIERS_ON_TIME_RATE, Measure.SATISFACTION_RATE, Measure.PETITIONS_ON_TIME_RATE,
    Measure.RECEPTION_DAYS_RATE, Measure.DISCLOSURES_ON_TIME_RATE,
)
MONTHLY_COUNTS = (Measure.STAFF_CONFERENCE_HELD, Measure.GOOD_MODELS_COUNT)
MONTHLY_CHOICES = [(kind.value, kind.label) for kind in (*MONTHLY_RATES, *MONTHLY_COUNTS)]


class MonthlyCountQuerySet(ScopedQuerySet):
    pass  # a count sits where its organization is


class MonthlyCount(models.Model):
    organization = models.ForeignKey(Organization, verbose_name=_("organization"), on_delete=models.PROTECT,
                                     related_name="monthly_counts")
    # The first day of the month counted.
    month = models.DateField(_("month"), db_index=True)
    measure = models.CharField(_("measure"), max_length=40, choices=MONTHLY_CHOICES)
    numerator = models.PositiveIntegerField(_("numerator"), help_text=_("E.g. dossiers settled on time."))
    denominator = models.PositiveIntegerField(
        _("denominator"), null=True, blank=True,
        help_text=_("E.g. dossiers settled in the month; empty for a count."))
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    history = HistoricalRecords()
    objects = MonthlyCountQuerySet.as_manager()

    class Meta:
        verbose_name = _("monthly count")
        verbose_name_plural = _("monthly counts")
        ordering = ["-month", "organization__path", "measure"]
        indexes = [models.Index(fields=["measure", "month"], name="monthly_measure_month_idx")]
        constraints = [
            models.UniqueConstraint(fields=["organization", "month", "measure"], name="monthly_one_per_org_month",
                                    violation_error_message=_("This organization already has this count for the "
                                                              "month.")),
            models.CheckConstraint(condition=Q(month__day=1), name="monthly_first_of_month"),
            models.CheckConstraint(
                condition=Q(denominator__isnull=True) | Q(numerator__lte=F("denominator")),
                name="monthly_numerator_within_denominator",
                violation_error_message=_("The numerator cannot exceed the denominator.")),
        ]

    def __str__(self) -> str:
        return f"{self.get_measure_display()} — {self.month:%m/%Y}"

    def get_absolute_url(self) -> str:
        return reverse_pk("indicators:count_detail", self.pk)

    @property
    def is_rate(self) -> bool:
        return self.measure in MONTHLY_RATES


class MeasuredTarget(models.Model):
    """The state of a target's materialized figures (MeasuredValue): when they were computed, when the
    records its measure reads last changed, and whether a refresh waits in the worker's queue. The figures
    are fresh when computed after the last change (indicators.services.is_fresh)."""

    target = models.OneToOneField(Target, primary_key=True, on_delete=models.CASCADE, related_name="measured")
    is_count = models.BooleanField(default=False)
    # When the computation the stored figures come from started (None: never computed).
    computed_at = models.DateTimeField(null=True, blank=True)
    # The last time records the measure reads changed (after that change was committed).
    changed_at = models.DateTimeField(null=True, blank=True)
    # A refresh is enqueued and has not started yet: further changes enqueue nothing more.
    pending = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("measured target")
        verbose_name_plural = _("measured targets")

    def __str__(self) -> str:
        return str(self.target_id)


class MeasuredValue(models.Model):
    """A target's figure for one organization (the records that sit exactly there, not below) and one period
    of its plan's year, as its measure computed it: province-wide pages add these up instead of computing."""

    # Read through the unique (target, period, organization) index: no index of its own.
    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="measured_values", db_index=False)
    period = models.CharField(_("period"), max_length=10)  # Period.key
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    numerator = models.PositiveBigIntegerField(_("numerator"))
    denominator = models.PositiveBigIntegerField(_("denominator"), null=True, blank=True)
    computed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("measured value")
        verbose_name_plural = _("measured values")
        constraints = [models.UniqueConstraint(fields=["target", "period", "organization"],
                                               name="measured_value_one_per_org")]

    def __str__(self) -> str:
        return f"{self.target_id} {self.period} {self.organization_id}"
