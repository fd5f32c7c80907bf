"""Annual plans: sections, targets and assignments, cascading province → agency → unit."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.history import HistoricalRecords
from core.periods import Period, PeriodKind
from core.reversing import reverse_pk
from legal.models import LegalDocument
from orgs.models import Organization
from orgs.scoping import Action, Scope, ScopedQuerySet


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved")
    ISSUED = "issued", _("Issued")
    REPLACED = "replaced", _("Replaced by a revision")


class SigningAuthority(models.TextChoices):
    NONE = "", _("(signs in own name)")
    TM = "TM.", "TM."
    KT = "KT.", "KT."
    Q = "Q.", "Q."
    TL = "TL.", "TL."
    TUQ = "TUQ.", "TUQ."


# Issued plans (and those a revision replaced) are read by the organizations below theirs.
PUBLISHED = (PlanStatus.ISSUED, PlanStatus.REPLACED)


class PlanQuerySet(ScopedQuerySet):
    scope = Scope(shared_below=Q(status__in=PUBLISHED))


class PlanPartQuerySet(ScopedQuerySet):
    """A plan's parts are seen and changed exactly where their plan is."""

    scope = Scope(
        path="plan__organization__path", shared_below=Q(plan__status__in=PUBLISHED), shared_from="plan__organization",
        via="plan",
    )


class ActivityQuerySet(ScopedQuerySet):
    scope = Scope(
        path="content_area__plan__organization__path",
        shared_below=Q(content_area__plan__status__in=PUBLISHED),
        shared_from="content_area__plan__organization",
        via="content_area",
    )


# Plans are written for years in this range; a year outside it is a typing error (and 32767 broke
# every page that computes dates within the plan's year).
MIN_PLAN_YEAR, MAX_PLAN_YEAR = 2000, 2100
# An organization issues far fewer documents a year than this.
MAX_PLAN_NUMBER = 99999


class PlanKind(models.TextChoices):
    # One annual mobilization plan per organization and year; thematic plans may be many and span years.
    ANNUAL = "annual", _("Annual mobilization plan")
    THEMATIC = "thematic", _("Thematic plan")


class ProgressRollup(models.TextChoices):
    """How a plan's and its content areas' progress roll up from their assignments' last percentages."""

    PLAIN = "plain", _("Plain average of assignments")
    WEIGHTED = "weighted", _("Average weighted by each assignment's weight")


def number_symbol(number: int | None, symbol: str) -> str:
    """ "Số, ký hiệu" as printed: numbers below 10 are padded (05/KH-SXD)."""
    padded = f"{number:02d}" if number else "    "
    return f"{padded}/{symbol}"


class Plan(models.Model):
    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), on_delete=models.PROTECT, related_name="plans"
    )
    year = models.PositiveSmallIntegerField(
        _("year"), db_index=True, validators=[MinValueValidator(MIN_PLAN_YEAR), MaxValueValidator(MAX_PLAN_YEAR)]
    )
    kind = models.CharField(_("kind of plan"), max_length=10, choices=PlanKind.choices, default=PlanKind.ANNUAL)
    year_to = models.PositiveSmallIntegerField(
        _("to year"), null=True, blank=True,
        validators=[MinValueValidator(MIN_PLAN_YEAR), MaxValueValidator(MAX_PLAN_YEAR)],
        help_text=_("Last year of a multi-year plan (e.g. 2030 for 2026–2030); empty for one year."),
    )
    progress_rollup = models.CharField(
        _("progress roll-up"), max_length=10, choices=ProgressRollup.choices, default=ProgressRollup.PLAIN
    )
    number = models.PositiveIntegerField(
        _("number"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(MAX_PLAN_NUMBER)]
    )
    symbol = models.CharField(_("symbol"), max_length=40, help_text=_("e.g. KH-SXD"))
    place = models.CharField(_("place"), max_length=80)
    date = models.DateField(_("date of issue"), null=True, blank=True)
    lower_plans_due = models.DateField(
        _("lower plans due by"), null=True, blank=True,
        help_text=_("The date by which the organizations below must issue their own plans."),
    )
    title = models.CharField(_("title"), max_length=500)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("superior plan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    basis_documents = models.ManyToManyField(
        LegalDocument, verbose_name=_("legal basis"), blank=True, related_name="plans"
    )
    introduction = models.TextField(_("introduction"), blank=True)
    purposes = models.TextField(_("purposes and requirements"), blank=True)
    closing = models.TextField(_("closing sentence"), blank=True)
    recipients = models.TextField(_("recipients"), blank=True, help_text=_("One per line."))
    archive = models.CharField(_("archived at"), max_length=120, default="VT", help_text=_("e.g. VT, VP"))
    signer_authority = models.CharField(
        _("signing authority"), max_length=5, choices=SigningAuthority.choices, blank=True
    )
    signer_principal = models.CharField(
        _("on behalf of"), max_length=120, blank=True, help_text=_("e.g. GIÁM ĐỐC in KT. GIÁM ĐỐC")
    )
    signer_title = models.CharField(_("signer title"), max_length=120, blank=True)
    signer_name = models.CharField(_("signer name"), max_length=120, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT, db_index=True
    )
    revision_of = models.OneToOneField(
        "self",
        verbose_name=_("replaces"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="revised_by",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    issued_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"], m2m_fields=[basis_documents])
    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["-year", "organization__path", "-id"]
        indexes = [
            models.Index(fields=["organization", "year", "status"], name="plan_org_year_status_idx"),
            models.Index(fields=["year", "status"], name="plan_year_status_idx"),
        ]
        constraints = [
            # One original annual plan per organization and year; changes are revisions of it.
            models.UniqueConstraint(
                fields=["organization", "year"],
                condition=Q(revision_of__isnull=True, kind="annual"),
                name="plan_one_per_org_year",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number_symbol} — {self.title}"

    def get_absolute_url(self) -> str:
        return reverse_pk("plans:plan_detail", self.pk)

    @property
    def number_symbol(self) -> str:
        return number_symbol(self.number, self.symbol)

    @property
    def is_editable(self) -> bool:
        return self.status == PlanStatus.DRAFT

    @property
    def period_label(self) -> str:
        """ "2026" or "2026–2030", as the plan's title writes its period."""
        return f"{self.year}–{self.year_to}" if self.year_to and self.year_to != self.year else str(self.year)

    def clean(self) -> None:
        super().clean()
        if self.year_to is not None and self.year is not None:
            if self.year_to < self.year:
                raise ValidationError({"year_to": _("The last year cannot come before the first.")})
            if self.kind == PlanKind.ANNUAL and self.year_to != self.year:
                raise ValidationError({"year_to": _("An annual plan covers one year.")})

    @property
    def recipient_list(self) -> list[str]:
        return [line.strip().lstrip("-").strip().rstrip(";") for line in self.recipients.splitlines() if line.strip()]


class ContentArea(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="content_areas")
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    title = models.CharField(_("title"), max_length=500)
    description = models.TextField(_("description"), blank=True)
    source = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="derived",
        verbose_name=_("superior content area"),
    )

    history = HistoricalRecords()
    objects = PlanPartQuerySet.as_manager()

    class Meta:
        verbose_name = _("content area")
        verbose_name_plural = _("content areas")
        ordering = ["plan", "order", "id"]

    def __str__(self) -> str:
        return f"{self.order}. {self.title}"


class Activity(models.Model):
    content_area = models.ForeignKey(ContentArea, on_delete=models.CASCADE, related_name="activities")
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    text = models.TextField(_("activity"))

    history = HistoricalRecords()
    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["content_area", "order", "id"]

    def __str__(self) -> str:
        return self.text[:80]


class TargetKind(models.TextChoices):
    STAFF_SHARE = "staff_share", _("Share of staff")
    UNIT_SHARE = "unit_share", _("Share of units")
    REGISTER_RATE = "register_rate", _("Rate measured by a register")
    COUNT = "count", _("Count")
    GRADE = "grade", _("Grade")


class Comparator(models.TextChoices):
    GTE = "gte", "≥"
    GT = "gt", ">"
    EQ = "eq", "="
    LTE = "lte", "≤"


class Measure(models.TextChoices):
    """How a target will be computed from the registers (the indicators app computes them)."""

    NONE = "", _("(entered by hand)")
    AGENCY_PLAN_ISSUED_ON_TIME = "agency_plan_issued_on_time", _("Agency plan issued on time")
    STAFF_STUDY_RATE = "staff_study_rate", _("Share of staff who studied the directives")
    UNITS_PLAN_RATE = "units_plan_rate", _("Share of units that issued a plan")
    RECEPTION_DAYS_RATE = "reception_days_rate", _("Citizen reception days held as required")
    PETITIONS_ON_TIME_RATE = "petitions_on_time_rate", _("Petitions settled on time")
    DOSSIERS_ON_TIME_RATE = "dossiers_on_time_rate", _("Dossiers settled on time")
    SATISFACTION_RATE = "satisfaction_rate", _("Citizen satisfaction")
    DISCLOSURES_ON_TIME_RATE = "disclosures_on_time_rate", _("Disclosures made on time")
    STUDY_SESSIONS_HELD = "study_sessions_held", _("Study sessions held")
    ASSIGNMENTS_DONE_RATE = "assignments_done_rate", _("Share of assignments completed")
    STAFF_CONFERENCE_HELD = "staff_conference_held", _("Staff conference held")
    GOOD_MODELS_COUNT = "good_models_count", _("Good models registered")
    EXEMPLARS_COUNT = "exemplars_count", _("Good models and exemplary people recognised")
    COMMENDATIONS_COUNT = "commendations_count", _("Commendations decided")
    LATE_DOSSIERS_APOLOGY_RATE = "late_dossiers_apology_rate", _("Late dossiers with an apology letter")
    REMEDIES_ON_TIME_RATE = "remedies_on_time_rate", _("Inspection remedies done on time")
    PETITIONS_BACKLOG = "petitions_backlog", _("Petitions still being handled")
    ASSESSMENT_GRADE = "assessment_grade", _("Grade of the annual assessment")


class Target(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="targets")
    content_area = models.ForeignKey(
        ContentArea, verbose_name=_("content area"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="targets",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    text = models.TextField(_("text as written"))
    kind = models.CharField(_("kind"), max_length=20, choices=TargetKind.choices, db_index=True)
    comparator = models.CharField(_("comparator"), max_length=3, choices=Comparator.choices, default=Comparator.GTE)
    baseline = models.DecimalField(_("baseline"), max_digits=12, decimal_places=2, null=True, blank=True)
    target_value = models.DecimalField(_("target value"), max_digits=12, decimal_places=2, null=True, blank=True)
    unit_of_measure = models.CharField(_("unit of measure"), max_length=30, blank=True, default="%")
    grade = models.CharField(_("grade to reach"), max_length=60, blank=True)
    measure = models.CharField(_("measure"), max_length=40, choices=Measure.choices, blank=True)
    # The documents whose study the target counts ("100% ... học tập Chỉ thị 16"); none: the plan's basis.
    documents = models.ManyToManyField(
        LegalDocument, verbose_name=_("documents it cites"), blank=True, related_name="targets",
        help_text=_("For a study target: the documents whose study counts. Empty: the plan's legal basis."),
    )
    parent_target = models.ForeignKey(
        "self", verbose_name=_("superior target"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="derived",
    )

    history = HistoricalRecords()
    objects = PlanPartQuerySet.as_manager()

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["plan", "order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="grade") | Q(target_value__isnull=False), name="target_value_unless_grade"
            ),
            models.CheckConstraint(condition=~Q(kind="grade") | ~Q(grade=""), name="target_grade_for_grade"),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def goal(self) -> str:
        if self.kind == TargetKind.GRADE:
            return self.grade
        value = f"{self.target_value.normalize():f}" if self.target_value is not None else ""
        return f"{self.get_comparator_display()} {value}{self.unit_of_measure}"


class Recurrence(models.TextChoices):
    NONE = "", _("Once")
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    SEMIANNUAL = "semiannual", _("Every six months")
    ANNUAL = "annual", _("Annually")


class AssignmentStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


# Shown, never stored: a late assignment is one not done past its due date.
OVERDUE_LABEL = _("Overdue")

RECURRENCE_PERIODS = {
    Recurrence.MONTHLY: PeriodKind.MONTH,
    Recurrence.QUARTERLY: PeriodKind.QUARTER,
    Recurrence.SEMIANNUAL: PeriodKind.HALF,
    Recurrence.ANNUAL: PeriodKind.YEAR,
}


class AssignmentQuerySet(PlanPartQuerySet):
    # The lead unit's editors record its progress.
    scope = Scope(
        path="plan__organization__path",
        paths={Action.CHANGE: ("plan__organization__path", "lead_unit__path")},
        shared_below=Q(plan__status__in=PUBLISHED),
        shared_from="plan__organization",
        via="plan",
    )

    def charging(self, organizations):
        return self.filter(Q(lead_unit__in=organizations) | Q(support_units__in=organizations)).distinct()


class Assignment(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="assignments")
    content_area = models.ForeignKey(
        ContentArea, verbose_name=_("content area"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="assignments",
    )
    lead_unit = models.ForeignKey(
        Organization, verbose_name=_("lead unit"), on_delete=models.PROTECT, related_name="led_assignments"
    )
    support_units = models.ManyToManyField(
        Organization, verbose_name=_("supporting units"), blank=True, related_name="supported_assignments"
    )
    task = models.TextField(_("task"))
    due_date = models.DateField(_("due date"), null=True, blank=True, db_index=True)
    recurrence = models.CharField(_("recurrence"), max_length=12, choices=Recurrence.choices, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=AssignmentStatus.choices, default=AssignmentStatus.NOT_STARTED,
        db_index=True,
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    weight = models.PositiveSmallIntegerField(
        _("weight"), default=1, validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Counts in the plan's weighted progress."),
    )
    # As the plan writes them: "Quý II năm 2026", "hằng năm, trước ngày 15/11", "thường xuyên".
    timing = models.CharField(_("timing as written"), max_length=300, blank=True)
    # Groups ("các cơ quan, đơn vị có liên quan") and bodies outside the organization tree.
    other_units = models.CharField(_("other units (as written)"), max_length=500, blank=True)

    history = HistoricalRecords(m2m_fields=[support_units])
    objects = AssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["plan", "order", "id"]
        indexes = [models.Index(fields=["lead_unit", "due_date"], name="assignment_lead_due_idx")]
        constraints = [
            models.CheckConstraint(condition=Q(weight__gte=1), name="assignment_weight_positive",
                                   violation_error_message=_("A weight is a whole number of at least 1.")),
        ]

    def __str__(self) -> str:
        return self.task[:80]

    def next_due_date(self, today: dt.date | None = None) -> dt.date | None:
        """The fixed due date; for a schedule, its first due date (if given) until then, afterwards
        the end of the current period within the plan's year."""
        if not self.recurrence:
            return self.due_date
        today = today or timezone.localdate()
        if self.due_date and today <= self.due_date:
            return self.due_date
        year = self.plan.year
        reference = today if today.year == year else dt.date(year, 1, 1) if today.year < year else dt.date(year, 12, 31)
        if self.due_date and reference <= self.due_date:
            return self.due_date
        return Period.containing(reference, RECURRENCE_PERIODS[self.recurrence]).end

    def is_overdue(self, today: dt.date | None = None) -> bool:
        today = today or timezone.localdate()
        due = self.next_due_date(today)
        return self.status != AssignmentStatus.DONE and due is not None and due < today

    @property
    def display_status(self) -> str:
        """The chosen status, and beside it (never instead of it) whether it is late."""
        status = self.get_status_display()
        return f"{status} ({str(OVERDUE_LABEL).lower()})" if self.is_overdue() else status


class CommentKind(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted for approval")
    RETURNED = "returned", _("Returned for changes")
    WITHDRAWN = "withdrawn", _("Withdrawn by its drafters")
    APPROVED = "approved", _("Approved")
    ISSUED = "issued", _("Issued")


class PlanComment(models.Model):
    """One message of a plan's review thread: who moved the plan, how, and what they wrote."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="comments")
    kind = models.CharField(_("step"), max_length=12, choices=CommentKind.choices)
    text = models.TextField(_("comment"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("written at"), default=timezone.now)

    objects = PlanPartQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["plan", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:60]}"
