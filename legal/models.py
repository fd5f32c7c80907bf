"""The register of cited documents (directives, laws, decrees, plans), one row per number."""

import re
import unicodedata

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.history import HistoricalRecords
from orgs.scoping import Scope, ScopedQuerySet


class LegalDocumentKind(models.TextChoices):
    RESOLUTION = "NQ", _("Resolution")
    DECISION = "QĐ", _("Decision")
    DIRECTIVE = "CT", _("Directive")
    CONCLUSION = "KL", _("Conclusion")
    PLAN = "KH", _("Plan")
    PROGRAMME = "CTr", _("Programme")
    REGULATION = "QC", _("Regulation")
    LAW = "Luật", _("Law")
    DECREE = "NĐ", _("Decree")
    CIRCULAR = "TT", _("Circular")
    GUIDANCE = "HD", _("Guidance")
    OFFICIAL_LETTER = "CV", _("Official letter")
    OTHER = "other", _("Other")


def normalize_number(number: str) -> str:
    """One spelling per number: no spaces, NFC, upper case, unified dashes ("114- KL/TW" = "114-KL/TW")."""
    text = unicodedata.normalize("NFC", number or "")
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    text = re.sub(r"\s+", "", text)
    return text.upper()


def kind_from_number(number: str) -> str:
    """The type code inside a number: 859/KH-UBND → KH, 23-QĐ/TW → QĐ, 10/2022/QH15 → Luật."""
    normalized = normalize_number(number)
    if re.search(r"/QH\d+$", normalized):
        return LegalDocumentKind.LAW
    if "NĐ-CP" in normalized:
        return LegalDocumentKind.DECREE
    match = re.search(r"(?:/|-)([A-ZĐ]+[a-z]*)(?:[-/])", unicodedata.normalize("NFC", number.replace(" ", "")))
    code = match.group(1) if match else ""
    for kind in LegalDocumentKind:
        if kind.value.upper() == code.upper():
            return kind
    return LegalDocumentKind.OTHER


class LegalDocumentQuerySet(ScopedQuerySet):
    # Public texts: every signed-in user reads the register; it is written by plan services.
    scope = Scope(path=(), public=True)


class LegalDocument(models.Model):
    number = models.CharField(_("number"), max_length=80, help_text=_("As written, e.g. 16/CT-TTg."))
    normalized_number = models.CharField(max_length=80, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=10, choices=LegalDocumentKind.choices, db_index=True)
    issuer = models.CharField(_("issuer"), max_length=255, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    title = models.TextField(_("title"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()
    objects = LegalDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("legal document")
        verbose_name_plural = _("legal documents")
        ordering = ["-date", "number"]

    def __str__(self) -> str:
        return self.number

    def save(self, *args, **kwargs):
        self.normalized_number = normalize_number(self.number)
        if not self.kind:
            self.kind = kind_from_number(self.number)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("legal:document_detail", args=[self.pk])
