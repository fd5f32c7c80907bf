"""Citizen reception (tiếp công dân) and petitions (đơn thư) with their statutory deadlines.

Deadlines come from `DeadlineRule` rows (data, one per law, kind, step, variant and effective
date), so a change in the law is a new row. Petitioners' personal data sit on the petition and
are shown only to its handlers (citizens.privacy); closed petitions lose them after the
retention period, keeping the anonymous record.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.history import HistoricalRecords
from core.reversing import reverse_pk
from orgs.models import Organization
from orgs.scoping import Scope, ScopedQuerySet


class PetitionKind(models.TextChoices):
    COMPLAINT = "complaint", _("Complaint")
    DENUNCIATION = "denunciation", _("Denunciation")
    RECOMMENDATION = "recommendation", _("Recommendation")
    FEEDBACK = "feedback", _("Feedback")


class Channel(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    POST = "post", _("By post")
    ONLINE = "online", _("Online")
    RECEPTION = "reception", _("At a reception session")
    TRANSFERRED = "transferred", _("Transferred by another body")


class Step(models.TextChoices):
    """The legal steps a rule gives a time limit to."""

    ACCEPT = "accept", _("Accept or refuse")
    TRANSFER = "transfer", _("Transfer to the competent body")
    SETTLE = "settle", _("Settle")
    SETTLE_SECOND = "settle_second", _("Settle a second-time complaint")
    EXTENSION = "extension", _("Extension")
    SECOND_COMPLAINT = "second_complaint", _("Complain a second time")


class Area(models.TextChoices):
    ANY = "any", _("Any area")
    NORMAL = "normal", _("Normal area")
    REMOTE = "remote", _("Remote or disadvantaged area")


class Complexity(models.TextChoices):
    NORMAL = "normal", _("Normal")
    COMPLEX = "complex", _("Complex")
    VERY_COMPLEX = "very_complex", _("Especially complex")


class DeadlineRule(models.Model):
    """One time limit of one law: `days` calendar or working days for `step` of `kind`, from `effective_from`."""

    law = models.CharField(_("law"), max_length=100)
    article = models.CharField(_("article"), max_length=50, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=PetitionKind.choices)
    step = models.CharField(_("step"), max_length=20, choices=Step.choices)
    area = models.CharField(_("area"), max_length=10, choices=Area.choices, default=Area.ANY)
    complexity = models.CharField(_("complexity"), max_length=15, choices=Complexity.choices,
                                  default=Complexity.NORMAL)
    effective_from = models.DateField(_("effective from"))
    days = models.PositiveSmallIntegerField(_("days"))
    working_days = models.BooleanField(_("working days"), default=False)
    # How many times the step may be taken (extensions); 0 for no limit.
    max_times = models.PositiveSmallIntegerField(_("at most, times"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("deadline rule")
        verbose_name_plural = _("deadline rules")
        ordering = ["kind", "step", "area", "complexity", "-effective_from"]
        constraints = [models.UniqueConstraint(fields=["kind", "step", "area", "complexity", "effective_from"],
                                               name="citizens_rule_unique")]

    def __str__(self) -> str:
        unit = _("working days") if self.working_days else _("days")
        return f"{self.get_kind_display()} — {self.get_step_display()}: {self.days} {unit} ({self.law})"


class PetitionState(models.TextChoices):
    RECEIVED = "received", _("Received")
    ACCEPTED = "accepted", pgettext_lazy("petition", "Accepted")
    REFUSED = "refused", _("Refused")
    SETTLING = "settling", _("Being settled")
    DECIDED = "decided", _("Decided")
    TRANSFERRED = "transferred", _("Transferred")
    CLOSED = "closed", pgettext_lazy("petition", "Closed")


OPEN_STATES = (PetitionState.RECEIVED, PetitionState.ACCEPTED, PetitionState.SETTLING)


class PetitionQuerySet(ScopedQuerySet):
    pass  # a petition sits where its handling unit is


class Petition(models.Model):
    code = models.CharField(_("code"), max_length=20, unique=True)
    # The hash of the secret the citizen follows the petition with (never the secret itself).
    secret_hash = models.CharField(max_length=128, blank=True, editable=False)
    organization = models.ForeignKey(Organization, verbose_name=_("handling unit"), on_delete=models.PROTECT,
                                     related_name="petitions")
    kind = models.CharField(_("kind"), max_length=20, choices=PetitionKind.choices)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices, default=Channel.IN_PERSON)
    received_on = models.DateField(_("received on"), db_index=True)
    subject = models.CharField(pgettext_lazy("petition", "subject"), max_length=300)
    content = models.TextField(_("content"), blank=True)
    state = models.CharField(_("state"), max_length=15, choices=PetitionState.choices,
                             default=PetitionState.RECEIVED, db_index=True)
    remote_area = models.BooleanField(_("remote or disadvantaged area"), default=False)
    complexity = models.CharField(_("complexity"), max_length=15, choices=Complexity.choices,
                                  default=Complexity.NORMAL)
    first_petition = models.ForeignKey("self", verbose_name=_("first-time complaint"), null=True, blank=True,
                                       on_delete=models.PROTECT, related_name="second_petitions")
    reception = models.ForeignKey("Reception", verbose_name=_("opened at reception"), null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="petitions")
    # A denunciation's denounced person or unit; an account named here never sees the petitioner.
    denounced = models.CharField(_("denounced person or unit"), max_length=300, blank=True)
    denounced_user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("denounced user"), null=True,
                                       blank=True, on_delete=models.SET_NULL, related_name="+")
    accepted_on = models.DateField(_("accepted on"), null=True, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    extensions = models.PositiveSmallIntegerField(_("extensions"), default=0)
    outcome = models.TextField(pgettext_lazy("petition", "outcome"), blank=True)
    transferred_to = models.CharField(_("transferred to"), max_length=300, blank=True)
    # Personal data (shown only to handlers; erased after the retention period once closed).
    petitioner_name = models.CharField(_("petitioner"), max_length=200, blank=True)
    petitioner_address = models.CharField(_("address"), max_length=300, blank=True)
    petitioner_phone = models.CharField(_("phone"), max_length=30, blank=True)
    petitioner_id_number = models.CharField(_("identity number"), max_length=20, blank=True)
    consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    personal_data_erased_on = models.DateField(_("personal data erased on"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    history = HistoricalRecords(excluded_fields=["secret_hash", "petitioner_name", "petitioner_address",
                                                 "petitioner_phone", "petitioner_id_number"])
    objects = PetitionQuerySet.as_manager()

    class Meta:
        verbose_name = _("petition")
        verbose_name_plural = _("petitions")
        ordering = ["-received_on", "-id"]
        indexes = [models.Index(fields=["organization", "received_on"], name="petition_org_received_idx"),
                   models.Index(fields=["state", "closed_on"], name="petition_state_closed_idx")]
        constraints = [models.CheckConstraint(
            condition=Q(first_petition__isnull=True) | Q(kind=PetitionKind.COMPLAINT),
            name="petition_second_time_is_complaint")]

    def __str__(self) -> str:
        return f"{self.code} — {self.subject}"

    def get_absolute_url(self) -> str:
        return reverse_pk("citizens:petition_detail", self.pk)

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def second_time(self) -> bool:
        return self.first_petition_id is not None


class PetitionEvent(models.Model):
    """One step taken: what, when, why, by whom (the petition's legal trail, shown to the citizen without names)."""

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="events")
    transition = models.CharField(_("step"), max_length=20)
    state = models.CharField(_("state"), max_length=15, choices=PetitionState.choices)
    date = models.DateField(_("date"))
    reason = models.TextField(_("reason"), blank=True)
    notice = models.ForeignKey("registry.RegisteredDocument", verbose_name=_("notice"), null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                           related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "id"]

    def __str__(self) -> str:
        return f"{self.transition} {self.date:%d/%m/%Y}"


class ReadingQuerySet(ScopedQuerySet):
    scope = Scope(path=("petition__organization__path", "reception__organization__path"))


class PersonalDataReading(models.Model):
    """Who read a petitioner's personal data, where and when (the log the coordinator reviews)."""

    petition = models.ForeignKey(Petition, verbose_name=_("petition"), null=True, blank=True,
                                 on_delete=models.CASCADE, related_name="readings")
    reception = models.ForeignKey("Reception", verbose_name=_("reception"), null=True, blank=True,
                                  on_delete=models.CASCADE, related_name="readings")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE,
                             related_name="+")
    at = models.DateTimeField(_("read at"), auto_now_add=True, db_index=True)
    where = models.CharField(_("where"), max_length=20)

    objects = ReadingQuerySet.as_manager()

    class Meta:
        verbose_name = _("personal data reading")
        verbose_name_plural = _("personal data readings")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.user} {self.at:%d/%m/%Y %H:%M}"


class ReceptionKind(models.TextChoices):
    REGULAR = "regular", _("Regular")
    AD_HOC = "ad_hoc", _("Ad hoc")
    ONLINE = "online", _("Online")


class ReceptionQuerySet(ScopedQuerySet):
    pass


class Reception(models.Model):
    """A row of the citizen-reception book (Mẫu 03/TCD): one citizen (or group) received in a session."""

    organization = models.ForeignKey(Organization, verbose_name=_("receiving organization"),
                                     on_delete=models.PROTECT, related_name="receptions")
    date = models.DateField(_("reception date"), db_index=True)
    session_kind = models.CharField(_("session"), max_length=10, choices=ReceptionKind.choices,
                                    default=ReceptionKind.REGULAR)
    head_session = models.BooleanField(_("received by the head"), default=False,
                                       help_text=_("Counts towards the head's legal minimum of reception days."))
    host = models.CharField(_("received by"), max_length=200)
    citizen_name = models.CharField(_("full name"), max_length=200, blank=True)
    citizen_address = models.CharField(_("address"), max_length=300, blank=True)
    citizen_id_number = models.CharField(_("identity number"), max_length=20, blank=True)
    matter = models.TextField(_("content"), blank=True)
    kind = models.CharField(_("kind of petition"), max_length=20, choices=PetitionKind.choices, blank=True)
    people = models.PositiveSmallIntegerField(_("people with the same matter"), default=1)
    already_settled_by = models.CharField(_("body that has settled it"), max_length=300, blank=True)
    competent = models.BooleanField(_("within competence"), default=True)
    guided_to = models.CharField(_("guided to (document number)"), max_length=300, blank=True)
    accepted_by = models.CharField(_("accepted by (transfer document number)"), max_length=300, blank=True)
    outcome = models.TextField(pgettext_lazy("petition", "outcome"), blank=True)
    follow_up = models.TextField(_("follow-up of the result"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    refused = models.BooleanField(_("reception refused"), default=False)
    refusal_reason = models.TextField(_("reason for refusing"), blank=True)
    documents_received = models.TextField(
        _("documents received"), blank=True,
        help_text=_("One per line: name | pages | condition (the receipt of documents lists them)."))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    history = HistoricalRecords(excluded_fields=["citizen_name", "citizen_address", "citizen_id_number"])
    objects = ReceptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("citizen reception")
        verbose_name_plural = _("citizen receptions")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["organization", "date"], name="reception_org_date_idx")]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} — {self.host}"

    def get_absolute_url(self) -> str:
        return reverse_pk("citizens:reception_detail", self.pk)

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.refused and not self.refusal_reason.strip():
            raise ValidationError({"refusal_reason": _("Give the reason for refusing the reception.")})

    @property
    def refusal_notice_due(self):
        """The refusal notice goes out within 3 working days (Mẫu 01/TCD)."""
        from core.periods import add_working_days

        return add_working_days(self.date, 3) if self.refused else None

    def document_rows(self) -> list[list[str]]:
        rows = []
        for line in self.documents_received.splitlines():
            parts = [part.strip() for part in line.split("|")]
            if parts and parts[0]:
                rows.append((parts + ["", ""])[:3])
        return rows


class DirectoryEntry(models.Model):
    """What the public directory says of an organization: its duties towards citizens and how to reach it."""

    organization = models.OneToOneField(Organization, verbose_name=_("organization"), on_delete=models.CASCADE,
                                        related_name="directory_entry")
    duties = models.TextField(_("duties"), blank=True)
    hotline = models.CharField(_("hotline"), max_length=50, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("directory entry")
        verbose_name_plural = _("directory entries")

    def __str__(self) -> str:
        return str(self.organization)
