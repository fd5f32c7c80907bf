"""Internal inspections (kiểm tra công vụ; kiểm tra việc thực hiện kế hoạch): scope, team, period, findings and
how each violation was handled, remedies with owners and deadlines, the conclusion. And the public indices
(PAR Index, PCI, PAPI, SIPAS, DDCI, ICT Index) by which the province and its agencies are ranked each year."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.history import HistoricalRecords
from core.reversing import reverse_pk
from orgs.models import Organization, StaffMember
from orgs.scoping import Scope, ScopedQuerySet


class InspectionKind(models.TextChoices):
    STAFF_DISCIPLINE = "staff_discipline", _("Staff discipline")
    PLAN_IMPLEMENTATION = "plan_implementation", _("Implementation of the plan")


class InspectionStatus(models.TextChoices):
    UNDER_WAY = "under_way", _("Under way")
    CONCLUDED = "concluded", _("Concluded")


class InspectionQuerySet(ScopedQuerySet):
    # Read and changed by the inspecting organization's people and the inspected unit's.
    scope = Scope(path=("organization__path", "subject__path"),
                  paths={"change": ("organization__path",)})


class Inspection(models.Model):
    organization = models.ForeignKey(Organization, verbose_name=_("inspecting organization"),
                                     on_delete=models.PROTECT, related_name="inspections")
    subject = models.ForeignKey(Organization, verbose_name=_("inspected unit"), on_delete=models.PROTECT,
                                related_name="inspections_received")
    kind = models.CharField(_("kind"), max_length=20, choices=InspectionKind.choices)
    title = models.CharField(_("title"), max_length=300)
    decision_number = models.CharField(_("decision number"), max_length=60, blank=True)
    scope = models.TextField(_("scope"))
    team = models.TextField(_("inspection team"), help_text=_("One member a line: name, position, role in the team."))
    period_start = models.DateField(_("inspected from"))
    period_end = models.DateField(_("inspected until"))
    status = models.CharField(_("status"), max_length=12, choices=InspectionStatus.choices,
                              default=InspectionStatus.UNDER_WAY)
    conclusion = models.TextField(_("conclusion"), blank=True)
    concluded_on = models.DateField(_("concluded on"), null=True, blank=True, db_index=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    history = HistoricalRecords()
    objects = InspectionQuerySet.as_manager()

    class Meta:
        verbose_name = _("inspection")
        verbose_name_plural = _("inspections")
        ordering = ["-period_end", "-id"]
        indexes = [models.Index(fields=["organization", "period_end"], name="inspection_org_end_idx"),
                   models.Index(fields=["subject", "period_end"], name="inspection_subject_end_idx")]
        constraints = [
            models.CheckConstraint(condition=Q(period_end__gte=models.F("period_start")),
                                   name="inspection_period_order",
                                   violation_error_message=_("The period ends before it starts.")),
            models.CheckConstraint(condition=~Q(status="concluded") | Q(concluded_on__isnull=False),
                                   name="inspection_concluded_dated",
                                   violation_error_message=_("A concluded inspection has its conclusion's date.")),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse_pk("inspections:inspection_detail", self.pk)


class Handling(models.TextChoices):
    """How a violation was handled (discipline of civil servants: Luật CBCC, NĐ 112/2020 as amended)."""

    PENDING = "pending", _("Not yet handled")
    REMINDED = "reminded", _("Reminded")
    CRITICIZED = "criticized", _("Criticized in a review")
    REPRIMAND = "reprimand", _("Discipline: reprimand")
    WARNING = "warning", _("Discipline: warning")
    DEMOTION = "demotion", _("Discipline: demotion or removal from post")
    DISMISSAL = "dismissal", _("Discipline: dismissal")
    TRANSFERRED = "transferred", _("Transferred to the competent authority")


DISCIPLINES = (Handling.REPRIMAND, Handling.WARNING, Handling.DEMOTION, Handling.DISMISSAL)


class FindingQuerySet(ScopedQuerySet):
    scope = Scope(path=("inspection__organization__path", "inspection__subject__path"),
                  paths={"change": ("inspection__organization__path",)})

    def open(self):
        """Violations not yet closed: they hold the nominations of their person or unit."""
        return self.filter(is_violation=True, closed_on__isnull=True)


class Finding(models.Model):
    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="findings")
    text = models.TextField(_("finding"))
    is_violation = models.BooleanField(_("violation"), default=False)
    person = models.ForeignKey(StaffMember, verbose_name=_("person concerned"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="inspection_findings")
    handling = models.CharField(_("handling"), max_length=12, choices=Handling.choices, default=Handling.PENDING)
    handling_note = models.TextField(_("how it was handled"), blank=True)
    # A violation stays open (and holds commendations) until closed: handled, and its discipline's term over.
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    history = HistoricalRecords()
    objects = FindingQuerySet.as_manager()

    class Meta:
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        ordering = ["inspection", "id"]

    def __str__(self) -> str:
        return self.text[:80]


class RemedyQuerySet(ScopedQuerySet):
    scope = Scope(path=("inspection__organization__path", "owner__path"),
                  paths={"change": ("inspection__organization__path", "owner__path")})

    def open(self):
        return self.filter(done_on__isnull=True)


class Remedy(models.Model):
    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="remedies")
    finding = models.ForeignKey(Finding, verbose_name=_("finding"), null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="remedies")
    action = models.TextField(_("remedy"))
    owner = models.ForeignKey(Organization, verbose_name=_("responsible unit"), on_delete=models.PROTECT,
                              related_name="inspection_remedies")
    due_date = models.DateField(_("deadline"), db_index=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    result = models.TextField(_("result"), blank=True)

    history = HistoricalRecords()
    objects = RemedyQuerySet.as_manager()

    class Meta:
        verbose_name = _("remedy")
        verbose_name_plural = _("remedies")
        ordering = ["due_date", "id"]

    def __str__(self) -> str:
        return self.action[:80]

    def get_absolute_url(self) -> str:
        return self.inspection.get_absolute_url()

    @property
    def is_late(self) -> bool:
        return self.done_on is None and self.due_date < timezone.localdate()


class PublicIndex(models.TextChoices):
    PAR = "par", "PAR Index"
    PCI = "pci", "PCI"
    PAPI = "papi", "PAPI"
    SIPAS = "sipas", "SIPAS"
    DDCI = "ddci", "DDCI"
    ICT = "ict", "ICT Index"


class IndexScoreQuerySet(ScopedQuerySet):
    # The province's scores are read by everyone in the province; an agency's by its own people and above.
    scope = Scope(shared_below=Q())


class IndexScore(models.Model):
    organization = models.ForeignKey(Organization, verbose_name=_("province or agency"), on_delete=models.PROTECT,
                                     related_name="index_scores")
    index = models.CharField(_("index"), max_length=8, choices=PublicIndex.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    score = models.DecimalField(_("score"), max_digits=7, decimal_places=2)
    rank = models.PositiveSmallIntegerField(_("rank"), null=True, blank=True)
    ranked_among = models.PositiveSmallIntegerField(_("ranked among"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)

    history = HistoricalRecords()
    objects = IndexScoreQuerySet.as_manager()

    class Meta:
        verbose_name = _("index score")
        verbose_name_plural = _("index scores")
        ordering = ["-year", "index", "organization__path"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "index", "year"], name="index_score_once_a_year",
                                    violation_error_message=_("This index is already recorded for that year.")),
            models.CheckConstraint(condition=Q(rank__isnull=True) | Q(ranked_among__isnull=True)
                                   | Q(rank__lte=models.F("ranked_among")), name="index_rank_within",
                                   violation_error_message=_("The rank cannot exceed the number ranked.")),
        ]

    def __str__(self) -> str:
        return f"{self.get_index_display()} {self.year} — {self.organization}"

    def get_absolute_url(self) -> str:
        return reverse_pk("inspections:score_detail", self.pk)
