"""The emulation movement ("Dân vận khéo" and others): movements per year, the exemplars units nominate
(good models and exemplary people), and the commendations they receive (Luật Thi đua, khen thưởng 2022;
Nghị định 152/2025/NĐ-CP)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.history import HistoricalRecords
from core.reversing import reverse_pk
from orgs.models import Organization, StaffMember
from orgs.scoping import Scope, ScopedQuerySet


class MovementQuerySet(ScopedQuerySet):
    # A movement the province or an agency launches is read by everyone below it.
    scope = Scope(shared_below=Q())


class Movement(models.Model):
    organization = models.ForeignKey(Organization, verbose_name=_("launched by"), on_delete=models.PROTECT,
                                     related_name="movements")
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    name = models.CharField(_("name"), max_length=300)
    description = models.TextField(_("description"), blank=True)

    history = HistoricalRecords()
    objects = MovementQuerySet.as_manager()

    class Meta:
        verbose_name = _("emulation movement")
        verbose_name_plural = _("emulation movements")
        ordering = ["-year", "name"]
        constraints = [models.UniqueConstraint(fields=["organization", "year", "name"], name="movement_unique")]

    def __str__(self) -> str:
        return f"{self.name} ({self.year})"

    def get_absolute_url(self) -> str:
        return reverse_pk("emulation:movement_detail", self.pk)


class ExemplarKind(models.TextChoices):
    MODEL = "model", _("Good model")
    PERSON = "person", _("Exemplary person")


class Field(models.TextChoices):
    """The area a "Dân vận khéo" model works in."""

    ECONOMY = "economy", _("Economy")
    CULTURE_SOCIETY = "culture_society", _("Culture and society")
    DEFENCE_SECURITY = "defence_security", _("Defence and security")
    POLITICAL_SYSTEM = "political_system", _("Building the political system")


class ExemplarStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    NOMINATED = "nominated", _("Nominated")
    REVIEWED = "reviewed", _("Reviewed by the focal office")
    RETURNED = "returned", _("Returned")
    APPROVED = "approved", _("Approved")
    COMMENDED = "commended", _("Commended")
    REJECTED = "rejected", _("Rejected")


# Exemplars counted as recognised (the good-models measure, the dashboards).
RECOGNISED = (ExemplarStatus.APPROVED, ExemplarStatus.COMMENDED)


class ExemplarQuerySet(ScopedQuerySet):
    # An exemplar sits where the nominating unit is; once decided it is no longer changed.
    scope = Scope(changeable=Q(status__in=[ExemplarStatus.DRAFT, ExemplarStatus.RETURNED]))


class Exemplar(models.Model):
    organization = models.ForeignKey(Organization, verbose_name=_("nominating unit"), on_delete=models.PROTECT,
                                     related_name="exemplars")
    movement = models.ForeignKey(Movement, verbose_name=_("movement"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="exemplars")
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("kind"), max_length=10, choices=ExemplarKind.choices, default=ExemplarKind.MODEL)
    name = models.CharField(_("name"), max_length=300)
    person = models.ForeignKey(StaffMember, verbose_name=_("person"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="exemplars")
    field = models.CharField(_("field"), max_length=20, choices=Field.choices, blank=True)
    description = models.TextField(_("description"))
    results = models.TextField(_("results"), blank=True)
    status = models.CharField(_("status"), max_length=12, choices=ExemplarStatus.choices,
                              default=ExemplarStatus.DRAFT)
    # The day it was recognised (approved by the leader): the measures count it in that period.
    recognised_on = models.DateField(_("recognised on"), null=True, blank=True)
    last_note = models.TextField(_("last comment"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    history = HistoricalRecords()
    objects = ExemplarQuerySet.as_manager()

    class Meta:
        verbose_name = _("exemplar")
        verbose_name_plural = _("exemplars")
        ordering = ["-year", "-id"]
        indexes = [models.Index(fields=["organization", "year"], name="exemplar_org_year_idx"),
                   models.Index(fields=["status", "year"], name="exemplar_status_year_idx")]
        constraints = [models.CheckConstraint(condition=~Q(kind="person") | Q(person__isnull=False),
                                              name="exemplar_person_named",
                                              violation_error_message=_("Name the exemplary person."))]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse_pk("emulation:exemplar_detail", self.pk)


class AwardKind(models.TextChoices):
    """Luật TĐKT 2022: a title (danh hiệu thi đua) or a form of commendation (hình thức khen thưởng)."""

    TITLE = "title", _("Emulation title")
    FORM = "form", _("Form of commendation")


class AwardLevel(models.TextChoices):
    GRASSROOTS = "grassroots", pgettext_lazy("award level", "Grassroots")
    PROVINCE = "province", pgettext_lazy("award level", "Ministry or province")
    NATIONAL = "national", pgettext_lazy("award level", "Government")
    STATE = "state", pgettext_lazy("award level", "State")


class Award(models.TextChoices):
    EMULATION_FIGHTER_NATIONAL = "cstd_national", _("National emulation fighter")
    EMULATION_FIGHTER_PROVINCE = "cstd_province", _("Ministry or province emulation fighter")
    EMULATION_FIGHTER_GRASSROOTS = "cstd_grassroots", _("Grassroots emulation fighter")
    ADVANCED_WORKER = "advanced_worker", _("Advanced worker")
    GOVERNMENT_FLAG = "flag_government", _("Government emulation flag")
    PROVINCE_FLAG = "flag_province", _("Ministry or province emulation flag")
    EXCELLENT_COLLECTIVE = "excellent_collective", _("Excellent labour collective")
    ADVANCED_COLLECTIVE = "advanced_collective", _("Advanced labour collective")
    ORDER = "order", _("Order (Huân chương)")
    MEDAL = "medal", _("Medal (Huy chương)")
    PM_CERTIFICATE = "pm_certificate", _("Prime Minister's certificate of merit")
    PROVINCE_CERTIFICATE = "province_certificate", _("Ministry or province certificate of merit")
    COMMEMORATIVE_MEDAL = "commemorative_medal", _("Commemorative medal")
    CERTIFICATE = "certificate", _("Certificate of merit (Giấy khen)")


# Each award's kind and level (Luật TĐKT 2022 Đ.23-28, Đ.71-75; NĐ 152/2025): the level is never typed.
AWARDS: dict[str, tuple[str, str]] = {
    Award.EMULATION_FIGHTER_NATIONAL: (AwardKind.TITLE, AwardLevel.NATIONAL),
    Award.EMULATION_FIGHTER_PROVINCE: (AwardKind.TITLE, AwardLevel.PROVINCE),
    Award.EMULATION_FIGHTER_GRASSROOTS: (AwardKind.TITLE, AwardLevel.GRASSROOTS),
    Award.ADVANCED_WORKER: (AwardKind.TITLE, AwardLevel.GRASSROOTS),
    Award.GOVERNMENT_FLAG: (AwardKind.TITLE, AwardLevel.NATIONAL),
    Award.PROVINCE_FLAG: (AwardKind.TITLE, AwardLevel.PROVINCE),
    Award.EXCELLENT_COLLECTIVE: (AwardKind.TITLE, AwardLevel.PROVINCE),
    Award.ADVANCED_COLLECTIVE: (AwardKind.TITLE, AwardLevel.GRASSROOTS),
    Award.ORDER: (AwardKind.FORM, AwardLevel.STATE),
    Award.MEDAL: (AwardKind.FORM, AwardLevel.STATE),
    Award.PM_CERTIFICATE: (AwardKind.FORM, AwardLevel.NATIONAL),
    Award.PROVINCE_CERTIFICATE: (AwardKind.FORM, AwardLevel.PROVINCE),
    Award.COMMEMORATIVE_MEDAL: (AwardKind.FORM, AwardLevel.PROVINCE),
    Award.CERTIFICATE: (AwardKind.FORM, AwardLevel.GRASSROOTS),
}


class AwardType(models.TextChoices):
    """Loại hình khen thưởng."""

    MERIT = "merit", _("For merit")
    AD_HOC = "ad_hoc", _("Ad hoc")
    MOVEMENT = "movement", _("For a movement or theme")
    DEDICATION = "dedication", _("For dedication")
    SENIORITY = "seniority", _("For seniority")
    FOREIGN = "foreign", _("For foreign relations")


class CommendationQuerySet(ScopedQuerySet):
    pass  # a commendation sits where its recipient's unit is


class Commendation(models.Model):
    organization = models.ForeignKey(Organization, verbose_name=_("unit"), on_delete=models.PROTECT,
                                     related_name="commendations")
    exemplar = models.ForeignKey(Exemplar, verbose_name=_("exemplar"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="commendations")
    recipient = models.CharField(_("recipient"), max_length=300)
    award = models.CharField(_("award"), max_length=30, choices=Award.choices)
    kind = models.CharField(_("kind"), max_length=10, choices=AwardKind.choices, editable=False)
    level = models.CharField(_("award level"), max_length=12, choices=AwardLevel.choices, editable=False, db_index=True)
    award_type = models.CharField(_("type of award"), max_length=12, choices=AwardType.choices,
                                  default=AwardType.MOVEMENT)
    decision_number = models.CharField(_("decision number"), max_length=60)
    decision_date = models.DateField(_("decision date"), db_index=True)
    golden_book_number = models.CharField(_("golden book number"), max_length=30, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords()
    objects = CommendationQuerySet.as_manager()

    class Meta:
        verbose_name = _("commendation")
        verbose_name_plural = _("commendations")
        ordering = ["-decision_date", "-id"]
        indexes = [models.Index(fields=["organization", "decision_date"], name="commendation_org_date_idx")]

    def __str__(self) -> str:
        return f"{self.get_award_display()} — {self.recipient}"

    def save(self, *args, **kwargs):
        self.kind, self.level = AWARDS[self.award]
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse_pk("emulation:commendation_detail", self.pk)
