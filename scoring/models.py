"""Criteria sets, assessments, scores and their evidence, and the published ranking of a year.

A criteria set belongs to a province and a year and is read by everyone in the province; once an
assessment uses it, it is frozen (a change makes a new version). An assessment belongs to its agency:
nobody else but the province's coordinator sees it; after the ranking is published the other agencies
see the ranking (grades and totals), never the assessment or its evidence.
"""

from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.history import HistoricalRecords
from core.reversing import reverse_pk
from orgs.models import Organization
from orgs.scoping import Action, Scope, ScopedQuerySet

POINTS = {"max_digits": 7, "decimal_places": 2}


class CriteriaSetQuerySet(ScopedQuerySet):
    # The province's coordinator changes it; everyone in the province reads it.
    scope = Scope(path="province__path", shared_in_province=Q(), province_field="province")


class CriteriaSet(models.Model):
    province = models.ForeignKey(Organization, verbose_name=_("province"), on_delete=models.PROTECT,
                                 related_name="criteria_sets")
    year = models.PositiveSmallIntegerField(_("year"))
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    name = models.CharField(_("name"), max_length=500)
    max_total = models.DecimalField(_("maximum total"), **POINTS, default=Decimal(100))
    bonus_may_exceed_max = models.BooleanField(_("bonus may exceed the maximum"), default=False)
    # [{label, min_total, min_share_each?, no_zero?}, ...] from the top band down.
    grades = models.JSONField(_("grade bands"), default=list)
    # [{code, title}, ...]: any of them crossed forces the lowest band.
    red_lines = models.JSONField(_("red lines"), default=list)
    submission_due = models.DateField(_("self-assessments due"), null=True, blank=True)
    # Set when the first assessment uses it: from then on a change makes a new version.
    frozen_at = models.DateTimeField(_("frozen at"), null=True, blank=True)
    ranking_published_at = models.DateTimeField(_("ranking published at"), null=True, blank=True)

    history = HistoricalRecords()
    objects = CriteriaSetQuerySet.as_manager()

    class Meta:
        verbose_name = _("criteria set")
        verbose_name_plural = _("criteria sets")
        ordering = ["-year", "-version"]
        constraints = [models.UniqueConstraint(fields=["province", "year", "version"],
                                               name="criteria_set_one_version")]

    def __str__(self) -> str:
        return f"{self.name} ({self.year}, v{self.version})"

    def get_absolute_url(self) -> str:
        return reverse_pk("scoring:set_detail", self.pk)


class ItemKind(models.TextChoices):
    CRITERION = "criterion", _("Criterion")
    RESERVED = "reserved", _("Reserved for the superior")
    BONUS = "bonus", _("Bonus")
    PENALTY = "penalty", _("Penalty")


class Criterion(models.Model):
    criteria_set = models.ForeignKey(CriteriaSet, on_delete=models.CASCADE, related_name="items")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    kind = models.CharField(_("kind"), max_length=10, choices=ItemKind.choices, default=ItemKind.CRITERION)
    code = models.CharField(_("code"), max_length=20)
    title = models.TextField(_("title"))
    max_points = models.DecimalField(_("maximum points"), **POINTS, validators=[MinValueValidator(0)])
    guidance = models.TextField(_("guidance"), blank=True)
    evidence = models.TextField(_("evidence expected"), blank=True)
    measure = models.CharField(_("measure"), max_length=60, blank=True)
    proposal = models.JSONField(_("proposal formula"), null=True, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["criteria_set", "order"]
        constraints = [models.UniqueConstraint(fields=["criteria_set", "code"], name="criterion_code_once")]

    def __str__(self) -> str:
        return f"{self.code}. {self.title}"


class Reviewer(models.Model):
    """A member of the province's review team: the agency and/or the top-level criterion whose scores they
    review (none: every agency, every criterion). Once a set has a team, only its members review its scores."""

    criteria_set = models.ForeignKey(CriteriaSet, on_delete=models.CASCADE, related_name="reviewers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("reviewer"), on_delete=models.CASCADE,
                             related_name="+")
    # PROTECT: a member of the team is no part of the agency's own record (its history's parts).
    agency = models.ForeignKey(Organization, verbose_name=_("agency"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    criterion = models.ForeignKey(Criterion, verbose_name=_("criterion group"), null=True, blank=True,
                                  on_delete=models.CASCADE, related_name="+")

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reviewer")
        verbose_name_plural = _("review team")
        ordering = ["criteria_set", "id"]

    def __str__(self) -> str:
        return str(self.user)

    def covers(self, agency_id: int, group_id: int) -> bool:
        return self.agency_id in (None, agency_id) and self.criterion_id in (None, group_id)


class AssessmentState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    UNDER_REVIEW = "under_review", _("Under review")
    RETURNED = "returned", _("Returned for explanation")
    FINALIZED = "finalized", _("Finalized")


def _assessment_scope(prefix: str = "") -> Scope:
    # The agency's own; the coordinator reads the province and, as its reviewer (who changes the province's
    # own node), changes its agencies' assessments too. Finalized: changed by no one. Which side may do what
    # is the services' to decide (scoring.services.TRANSITIONS).
    return Scope(path=f"{prefix}agency__path",
                 paths={Action.CHANGE: (f"{prefix}agency__path", f"{prefix}criteria_set__province__path")},
                 changeable=~Q(**{f"{prefix}state": AssessmentState.FINALIZED}))


class AssessmentQuerySet(ScopedQuerySet):
    scope = _assessment_scope()


class Assessment(models.Model):
    criteria_set = models.ForeignKey(CriteriaSet, verbose_name=_("criteria set"), on_delete=models.PROTECT,
                                     related_name="assessments")
    agency = models.ForeignKey(Organization, verbose_name=_("agency"), on_delete=models.PROTECT,
                               related_name="assessments")
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    state = models.CharField(_("state"), max_length=15, choices=AssessmentState.choices,
                             default=AssessmentState.DRAFT, db_index=True)
    not_eligible = models.BooleanField(_("not eligible"), default=False)
    not_eligible_reason = models.TextField(_("reason not eligible"), blank=True)
    # The red lines (codes) the reviewer found crossed.
    red_lines = models.JSONField(_("red lines crossed"), default=list, blank=True)
    # The coordinator reopened submission after the deadline, until this day.
    reopened_until = models.DateField(_("reopened until"), null=True, blank=True)
    return_note = models.TextField(_("note of the return"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    finalized_at = models.DateTimeField(_("finalized at"), null=True, blank=True)
    total = models.DecimalField(_("total"), **POINTS, null=True, blank=True)
    grade = models.CharField(_("grade"), max_length=100, blank=True)

    history = HistoricalRecords()
    objects = AssessmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["-year", "agency__path"]
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="assessment_one_per_agency_year")]
        indexes = [models.Index(fields=["year", "state"], name="assessment_year_state_idx")]

    def __str__(self) -> str:
        return f"{self.agency} — {self.year}"

    def get_absolute_url(self) -> str:
        return reverse_pk("scoring:assessment_detail", self.pk)


class ScoreQuerySet(ScopedQuerySet):
    scope = _assessment_scope("assessment__")


class Score(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="scores")
    proposed_points = models.DecimalField(_("proposed points"), **POINTS, null=True, blank=True)
    # What the measure read: "18/20 (90%)".
    proposed_basis = models.CharField(_("proposed from"), max_length=200, blank=True)
    self_points = models.DecimalField(_("self-score"), **POINTS, null=True, blank=True)
    explanation = models.TextField(_("explanation"), blank=True)
    review_points = models.DecimalField(_("reviewed score"), **POINTS, null=True, blank=True)
    review_reason = models.TextField(_("reason of the review"), blank=True)
    returned = models.BooleanField(_("returned for explanation"), default=False)
    agency_answer = models.TextField(_("agency's answer"), blank=True)

    history = HistoricalRecords()
    objects = ScoreQuerySet.as_manager()

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["assessment", "criterion__order"]
        constraints = [models.UniqueConstraint(fields=["assessment", "criterion"], name="score_once_per_criterion")]

    def __str__(self) -> str:
        return f"{self.criterion.code}: {self.final_points}"

    @property
    def final_points(self) -> Decimal | None:
        return self.review_points if self.review_points is not None else self.self_points


class EvidenceQuerySet(ScopedQuerySet):
    scope = _assessment_scope("score__assessment__")


class Evidence(models.Model):
    """A document backing a score: a link to a record (any register's, by content type and id), an
    address, or an uploaded file's address in attachments."""

    score = models.ForeignKey(Score, on_delete=models.CASCADE, related_name="evidence")
    title = models.CharField(_("title"), max_length=300)
    url = models.CharField(_("address"), max_length=500, blank=True)
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.SET_NULL)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    record = GenericForeignKey("content_type", "object_id")
    # Proposed with the score from the measure's records (not added by a person).
    proposed = models.BooleanField(default=False)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")

    history = HistoricalRecords()
    objects = EvidenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["score", "id"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="evidence_record_idx")]

    def __str__(self) -> str:
        return self.title
