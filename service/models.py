"""Service quality: dossier statistics per organization and month (Biểu 06/VPCP/KSTT), apology and
thank-you letters for dossiers, and the satisfaction survey citizens answer at a service point."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.lookups import Exact
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.history import HistoricalRecords
from core.reversing import reverse_pk
from orgs.models import Organization
from orgs.scoping import Scope, ScopedQuerySet


class DossierStatQuerySet(ScopedQuerySet):
    pass  # a month's figures sit where their organization is


class DossierStat(models.Model):
    """One month of an organization's dossiers in the columns of the official report, for one procedure field
    (blank: all fields together). Received = online + in person + carried over = settled + pending."""

    organization = models.ForeignKey(Organization, verbose_name=_("organization"), on_delete=models.PROTECT,
                                     related_name="dossier_stats")
    month = models.DateField(_("month"), help_text=_("The first day of the month counted."))
    procedure_field = models.CharField(_("procedure field"), max_length=200, blank=True)
    received_online = models.PositiveIntegerField(_("received online"), default=0)
    received_direct = models.PositiveIntegerField(_("received in person or by post"), default=0)
    carried_over = models.PositiveIntegerField(_("carried over"), default=0)
    settled_early = models.PositiveIntegerField(_("settled early"), default=0)
    settled_on_time = models.PositiveIntegerField(_("settled on time"), default=0)
    settled_late = models.PositiveIntegerField(_("settled late"), default=0)
    pending_within = models.PositiveIntegerField(_("pending within the deadline"), default=0)
    pending_overdue = models.PositiveIntegerField(_("pending past the deadline"), default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    history = HistoricalRecords()
    objects = DossierStatQuerySet.as_manager()

    class Meta:
        verbose_name = _("dossier statistics")
        verbose_name_plural = _("dossier statistics")
        ordering = ["-month", "organization__path", "procedure_field"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "month", "procedure_field"],
                                    name="service_stat_org_month_field_uniq"),
            models.CheckConstraint(
                condition=Q(month__day=1), name="service_stat_month_first_day"),
            models.CheckConstraint(
                condition=Exact(F("received_online") + F("received_direct") + F("carried_over"),
                                F("settled_early") + F("settled_on_time") + F("settled_late")
                                + F("pending_within") + F("pending_overdue")),
                name="service_stat_received_equals_settled_plus_pending"),
        ]
        indexes = [models.Index(fields=["organization", "month"], name="service_stat_org_month_idx")]

    def __str__(self) -> str:
        field = f" — {self.procedure_field}" if self.procedure_field else ""
        return f"{self.organization} {self.month:%m/%Y}{field}"

    def get_absolute_url(self) -> str:
        return reverse_pk("service:stat_detail", self.pk)

    @property
    def received(self) -> int:
        return self.received_online + self.received_direct + self.carried_over

    @property
    def settled(self) -> int:
        return self.settled_early + self.settled_on_time + self.settled_late

    @property
    def pending(self) -> int:
        return self.pending_within + self.pending_overdue

    @property
    def late(self) -> int:
        return self.settled_late + self.pending_overdue


class LetterKind(models.TextChoices):
    APOLOGY = "apology", _("Apology letter")
    THANKS = "thanks", _("Thank-you letter")


class LetterQuerySet(ScopedQuerySet):
    pass


class Letter(models.Model):
    """A letter about one dossier: the apology slip (Mẫu 04, numbered …/PXL in its own yearly book) for a
    dossier that will be late, or a thank-you letter numbered from the organization's document register."""

    organization = models.ForeignKey(Organization, verbose_name=_("organization"), on_delete=models.PROTECT,
                                     related_name="service_letters")
    kind = models.CharField(_("kind"), max_length=10, choices=LetterKind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    # The apology slip's number in its yearly book; a thank-you letter's number lives in the register.
    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    date = models.DateField(_("date of the letter"))
    dossier_code = models.CharField(_("dossier code"), max_length=40)
    applicant = models.CharField(_("applicant"), max_length=200)
    applicant_id = models.CharField(_("identification number"), max_length=40, blank=True)
    procedure = models.CharField(_("administrative procedure"), max_length=500)
    received_on = models.DateField(_("received on"))
    due_at = models.DateTimeField(_("promised return"))
    reason = models.TextField(_("reason for the delay"), blank=True)
    new_due_date = models.DateField(_("new return date"), null=True, blank=True)
    signer_title = models.CharField(_("signer's title"), max_length=100, blank=True)
    signer_name = models.CharField(_("signer"), max_length=100, blank=True)
    body = models.TextField(_("text of the letter"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    history = HistoricalRecords()
    objects = LetterQuerySet.as_manager()

    class Meta:
        verbose_name = _("letter to an applicant")
        verbose_name_plural = _("letters to applicants")
        ordering = ["-date", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "year", "number"], condition=Q(kind="apology"),
                                    name="service_apology_number_uniq"),
            # The new date is set once: one apology per dossier.
            models.UniqueConstraint(fields=["organization", "dossier_code"], condition=Q(kind="apology"),
                                    name="service_one_apology_per_dossier"),
        ]
        indexes = [models.Index(fields=["organization", "date"], name="service_letter_org_date_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.dossier_code}"

    def get_absolute_url(self) -> str:
        return reverse_pk("service:letter_detail", self.pk)


class SurveyQuerySet(ScopedQuerySet):
    # The coordinator keeps the province's questionnaire; everyone in the province reads it.
    scope = Scope(path="province__path", shared_below=Q(), shared_from="province")


class Survey(models.Model):
    province = models.ForeignKey(Organization, verbose_name=_("province"), on_delete=models.PROTECT,
                                 related_name="surveys")
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=300)
    introduction = models.TextField(_("introduction"), blank=True)

    history = HistoricalRecords()
    objects = SurveyQuerySet.as_manager()

    class Meta:
        verbose_name = _("satisfaction survey")
        verbose_name_plural = _("satisfaction surveys")
        ordering = ["-year", "province__path"]
        constraints = [models.UniqueConstraint(fields=["province", "year"], name="service_survey_province_year")]

    def __str__(self) -> str:
        return f"{self.title} ({self.year})"

    def get_absolute_url(self) -> str:
        return reverse_pk("service:survey_detail", self.pk)


class Factor(models.TextChoices):
    """The five factors of the SIPAS method of 2017 (QĐ 2640/QĐ-BNV)."""

    ACCESS = "access", _("Access to the service")
    PROCEDURE = "procedure", _("The administrative procedure")
    STAFF = "staff", _("The civil servants")
    RESULT = "result", _("The result")
    FEEDBACK = "feedback", _("Handling of feedback")


class QuestionQuerySet(ScopedQuerySet):
    scope = Scope(path="survey__province__path", shared_below=Q(), shared_from="survey__province")


class Question(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    factor = models.CharField(_("factor"), max_length=10, choices=Factor.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    text = models.CharField(_("question"), max_length=500)

    history = HistoricalRecords()
    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["survey", "order", "id"]

    def __str__(self) -> str:
        return self.text


class ServicePointQuerySet(ScopedQuerySet):
    pass


def new_token() -> str:
    return secrets.token_urlsafe(12)


class ServicePoint(models.Model):
    """Where citizens are served: the one-stop counter, a desk. Its QR code opens the public survey."""

    organization = models.ForeignKey(Organization, verbose_name=_("organization"), on_delete=models.PROTECT,
                                     related_name="service_points")
    name = models.CharField(_("name"), max_length=200)
    token = models.CharField(_("survey code"), max_length=32, unique=True, default=new_token, editable=False)
    active = models.BooleanField(_("in use"), default=True)

    history = HistoricalRecords()
    objects = ServicePointQuerySet.as_manager()

    class Meta:
        verbose_name = _("service point")
        verbose_name_plural = _("service points")
        ordering = ["organization__path", "name"]

    def __str__(self) -> str:
        return f"{self.name} — {self.organization}"

    def get_absolute_url(self) -> str:
        return reverse_pk("service:point_detail", self.pk)

    def get_survey_path(self) -> str:
        return reverse("service:public_survey", args=[self.token])


class SurveyResponseQuerySet(ScopedQuerySet):
    pass  # a response sits where its service point's organization is


class SurveyResponse(models.Model):
    """One citizen's answers at a service point; `average` is the mean of their 1–5 answers."""

    survey = models.ForeignKey(Survey, on_delete=models.PROTECT, related_name="responses")
    service_point = models.ForeignKey(ServicePoint, on_delete=models.PROTECT, related_name="responses")
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="survey_responses")
    submitted_on = models.DateField(_("answered on"), db_index=True)
    average = models.DecimalField(_("average score"), max_digits=4, decimal_places=2)
    comment = models.TextField(_("comments"), blank=True)

    objects = SurveyResponseQuerySet.as_manager()

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        ordering = ["-submitted_on", "-id"]
        indexes = [models.Index(fields=["organization", "submitted_on"], name="service_resp_org_day_idx")]

    def __str__(self) -> str:
        return f"{self.service_point.name} {self.submitted_on:%d/%m/%Y}"


class Answer(models.Model):
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    factor = models.CharField(max_length=10, choices=Factor.choices)
    value = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(value__gte=1) & Q(value__lte=5), name="service_answer_1_to_5"),
            models.UniqueConstraint(fields=["response", "question"], name="service_answer_once"),
        ]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.value}"
