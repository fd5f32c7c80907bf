"""The register of cited documents (directives, laws, decrees, plans).

National documents (the National Assembly's, the Government's, ministries', central Party
bodies') form one catalogue shared by every province, one row per number. A province's own
documents belong to it: "859/KH-UBND" of two provinces are two rows. A document a plan editor
adds waits, seen by the organization that added it, until the province's coordinator confirms
it into the province's register or merges it into one already there.
"""

import re
import unicodedata

from django.db import models
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core.history import HistoricalRecords
from core.reversing import reverse_pk
from orgs.scoping import Action, Scope, ScopedQuerySet

# A province's node is its People's Committee ("Ủy ban nhân dân tỉnh Tây Ninh"); its register is the province's.
PROVINCE_NODE_PREFIX = "Ủy ban nhân dân "


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
    # National documents are read by every user; a province's confirmed ones by everyone in it; an
    # unconfirmed one by those who reach the organization that added it (its province's coordinator
    # among them) and those of the organizations below it (its agency's units). The coordinator
    # curates the province's documents.
    scope = Scope(
        path="added_by__path",
        paths={Action.CURATE: ("province__path",)},
        public=Q(province__isnull=True),
        shared_in_province=Q(confirmed=True),
        province_field="province",
        shared_below=Q(confirmed=False),
        shared_from="added_by",
    )

    def national(self):
        return self.filter(province__isnull=True)

    def citable_by(self, organization):
        """What a plan of `organization` may cite: the national catalogue, its province's register and
        what it, or an organization above it, added and is waiting for confirmation."""
        ids = [int(part) for part in organization.path.strip("/").split("/") if part]
        return self.filter(
            Q(province__isnull=True) | Q(province_id=ids[0], confirmed=True) | Q(confirmed=False, added_by_id__in=ids)
        )

    def waiting(self):
        """Provincial documents added by plan editors and not yet confirmed or merged."""
        return self.filter(province__isnull=False, confirmed=False)


class LegalDocument(models.Model):
    number = models.CharField(_("number"), max_length=80, help_text=_("As written, e.g. 16/CT-TTg."))
    normalized_number = models.CharField(max_length=80, editable=False)
    kind = models.CharField(_("kind"), max_length=10, choices=LegalDocumentKind.choices, db_index=True)
    issuer = models.CharField(_("issuer"), max_length=255, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    title = models.TextField(_("title"), blank=True)
    # None: the national catalogue; else the province (the tree's root) whose register holds it.
    province = models.ForeignKey(
        "orgs.Organization", verbose_name=_("province"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+", limit_choices_to={"kind": "province"},
    )
    added_by = models.ForeignKey(
        "orgs.Organization", verbose_name=_("added by"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    confirmed = models.BooleanField(_("confirmed"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()
    objects = LegalDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("legal document")
        verbose_name_plural = _("legal documents")
        ordering = ["-date", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["normalized_number"], condition=Q(province__isnull=True), name="legal_national_number_unique",
                violation_error_message=_("The national catalogue already has a document with this number."),
            ),
            models.UniqueConstraint(
                fields=["province", "normalized_number"], condition=Q(province__isnull=False, confirmed=True),
                name="legal_provincial_number_unique",
                violation_error_message=_("The province's register already has a document with this number."),
            ),
            models.UniqueConstraint(
                fields=["added_by", "normalized_number"], condition=Q(confirmed=False),
                name="legal_waiting_number_unique",
                violation_error_message=_("This organization has already added a document with this number."),
            ),
            models.CheckConstraint(
                condition=Q(province__isnull=False) | Q(confirmed=True), name="legal_national_confirmed",
                violation_error_message=_("A national document needs no confirmation."),
            ),
            models.CheckConstraint(
                condition=Q(confirmed=True) | Q(added_by__isnull=False), name="legal_waiting_has_owner",
                violation_error_message=_("A document waiting for confirmation must name who added it."),
            ),
        ]
        indexes = [models.Index(fields=["province", "confirmed"], name="legal_province_confirmed")]

    def __str__(self) -> str:
        return self.number

    def save(self, *args, **kwargs):
        self.normalized_number = normalize_number(self.number)
        if not self.kind:
            self.kind = kind_from_number(self.number)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse_pk("legal:document_detail", self.pk)

    @property
    def is_national(self) -> bool:
        return self.province_id is None

    @property
    def scope_label(self) -> str:
        """Where it belongs, as the register shows it: the national catalogue or the province."""
        if self.province_id is None:
            return str(_("National"))
        return capfirst(self.province.name.removeprefix(PROVINCE_NODE_PREFIX).strip())

    @property
    def status_label(self) -> str:
        return str(_("Confirmed") if self.confirmed else _("Waiting for confirmation"))
