"""The document register (sổ đăng ký văn bản): one number sequence per issuing organization and year.

Nghị định 30/2020/NĐ-CP: every organization with its own registry office (văn thư) numbers the
documents it issues in one sequence per calendar year, across document types. A unit without a
registry of its own issues under its agency's register. Plans take their numbers here; reports,
letters and decisions will too (the record is linked generically).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.history import HistoricalRecords
from orgs.models import Organization
from orgs.scoping import Scope, ScopedQuerySet


class DocumentRegisterQuerySet(ScopedQuerySet):
    scope = Scope(path="organization__path")


class DocumentRegister(models.Model):
    organization = models.OneToOneField(
        Organization, verbose_name=_("organization"), on_delete=models.PROTECT, related_name="document_register"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    objects = DocumentRegisterQuerySet.as_manager()

    class Meta:
        verbose_name = _("document register")
        verbose_name_plural = _("document registers")

    def __str__(self) -> str:
        return str(_("Document register of %(org)s") % {"org": self.organization.name})


class RegisteredDocumentQuerySet(ScopedQuerySet):
    scope = Scope(path="register__organization__path")


class RegisteredDocument(models.Model):
    register = models.ForeignKey(
        DocumentRegister, verbose_name=_("register"), on_delete=models.PROTECT, related_name="documents"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveIntegerField(_("number"))
    type_code = models.CharField(_("document type"), max_length=10, help_text=_("e.g. KH, QĐ, BC, CV"))
    symbol = models.CharField(_("symbol"), max_length=40, help_text=_("e.g. KH-SXD"))
    date = models.DateField(_("date"))
    title = models.CharField(_("summary"), max_length=500)
    issuer = models.ForeignKey(
        Organization, verbose_name=_("issued by"), on_delete=models.PROTECT, related_name="registered_documents"
    )
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    record = GenericForeignKey("content_type", "object_id")
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    registered_at = models.DateTimeField(_("registered at"), default=timezone.now)

    history = HistoricalRecords()
    objects = RegisteredDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("registered document")
        verbose_name_plural = _("registered documents")
        ordering = ["register", "-year", "-number"]
        constraints = [
            # Nghị định 30/2020, art. 15: one sequence per register and calendar year, across types.
            models.UniqueConstraint(fields=["register", "year", "number"], name="registered_number_unique_per_year"),
            models.UniqueConstraint(fields=["content_type", "object_id"], name="registered_record_once"),
        ]
        indexes = [models.Index(fields=["register", "year", "date"], name="registered_year_date_idx")]

    def __str__(self) -> str:
        return self.number_symbol

    def get_absolute_url(self) -> str:
        """The record's page, from its type and key without reading it (the register's list links every row).

        A record is numbered when it is issued and never deleted after (only drafts are, and they carry no
        number). Every record's URL needs its key alone; one that needed more would read it, not break."""
        if self.content_type_id is None or self.object_id is None:
            return ""
        model = ContentType.objects.get_for_id(self.content_type_id).model_class()
        if model is None or not hasattr(model, "get_absolute_url"):
            return ""
        return model.from_db(self._state.db, [model._meta.pk.attname], [self.object_id]).get_absolute_url()

    @property
    def number_symbol(self) -> str:
        return f"{self.number:02d}/{self.symbol}"
