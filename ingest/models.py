"""A plan document uploaded to be turned into a draft plan, and where that stands."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.history import HistoricalRecords
from core.reversing import reverse_pk
from orgs.models import Organization
from orgs.scoping import ScopedQuerySet


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting")
    RUNNING = "running", _("Reading")
    DONE = "done", _("Ready for review")
    FAILED = "failed", _("Failed")
    CREATED = "created", _("Plan created")


class UnitRole(models.TextChoices):
    """How a content area names a unit: in charge of it, or helping."""

    LEAD = "lead", _("Lead")
    SUPPORT = "support", _("Support")


class PlanImportQuerySet(ScopedQuerySet):
    pass


class ImportOutcome(models.TextChoices):
    """What a reviewed import became: the organization's new plan, or the text of the plan it already had."""

    NEW = "new", _("A new draft plan")
    REVISION = "revision", _("A draft revision of the issued plan")
    REPLACEMENT = "replacement", _("The new text of the draft")


class PlanImport(models.Model):
    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), on_delete=models.PROTECT, related_name="plan_imports"
    )
    file = models.FileField(_("file"), upload_to="imports/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size"), default=0)
    status = models.CharField(
        _("status"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.QUEUED, db_index=True
    )
    pages_done = models.PositiveIntegerField(default=0)
    pages_total = models.PositiveIntegerField(default=0)
    error = models.TextField(_("error"), blank=True)
    text = models.TextField(_("document text"), blank=True)
    result = models.JSONField(_("extracted structure"), null=True, blank=True)
    # Several imports may end in one plan: a later document can replace the text of a draft an earlier made.
    plan = models.ForeignKey(
        "plans.Plan", verbose_name=_("plan"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="source_imports",
    )
    outcome = models.CharField(_("outcome"), max_length=12, choices=ImportOutcome.choices, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # When a worker began reading it: a reading older than the parse limits allow has lost its worker.
    started_at = models.DateTimeField(null=True, blank=True, editable=False)

    history = HistoricalRecords(excluded_fields=["pages_done", "pages_total", "text", "result", "started_at"])
    objects = PlanImportQuerySet.as_manager()

    class Meta:
        verbose_name = _("plan import")
        verbose_name_plural = _("plan imports")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse_pk("ingest:import_detail", self.pk)

    @property
    def percent(self) -> int:
        if self.status in (ImportStatus.DONE, ImportStatus.CREATED):
            return 100
        return int(100 * self.pages_done / self.pages_total) if self.pages_total else 0

    @property
    def in_progress(self) -> bool:
        return self.status in (ImportStatus.QUEUED, ImportStatus.RUNNING)
