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


class RecordLink(GenericForeignKey):
    """A registered document's record. Prefetched (the register's list links each row to it), a record is read
    with its keys only, which is all its URL needs: a plan's full row is some thirty columns of long texts."""

    def get_prefetch_querysets(self, instances, querysets=None):
        if querysets is None:
            models_ = {self.get_content_type(id=i.content_type_id).model_class() for i in instances
                       if i.content_type_id is not None}
            querysets = [_keys_only(model) for model in models_ if model is not None]
        return super().get_prefetch_querysets(instances, querysets)


def _keys_only(model: type[models.Model]) -> models.QuerySet:
    keys = [f.name for f in model._meta.concrete_fields if f.primary_key or f.is_relation]
    return model._base_manager.only(*keys).order_by()


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
    record = RecordLink("content_type", "object_id")
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
        record = self.record
        return record.get_absolute_url() if record is not None and hasattr(record, "get_absolute_url") else ""

    @property
    def number_symbol(self) -> str:
        return f"{self.number:02d}/{self.symbol}"
