"""Digital signatures inside PDF attachments (the government CA signs most official PDFs).

Who signed, when, and whether the file was changed after signing. Whether the signer's certificate
chains to a trusted root is checked only against the roots the operator supplies
(`SIGNATURE_TRUST_ROOTS`); without them the chain is reported as not checked.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from functools import cache
from io import BytesIO
from pathlib import Path

from django.conf import settings
from django.core.cache import cache as django_cache

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SignatureReport:
    signer: str  # the certificate's subject, as people read it
    signed_at: dt.datetime | None  # the time the signer's software reported
    intact: bool  # the signed bytes are unchanged and the signature matches them
    covers_whole_file: bool  # nothing was added after signing (other than further signatures)
    trusted: bool | None  # chains to an operator-supplied root; None when no roots are configured

    @property
    def altered(self) -> bool:
        return not (self.intact and self.covers_whole_file)


@cache
def _trust_roots(paths: tuple[str, ...]) -> list:
    from asn1crypto import pem, x509

    roots = []
    for path in paths:
        data = Path(path).read_bytes()
        blobs = [der for _type, _headers, der in pem.unarmor(data, multiple=True)] if pem.detect(data) else [data]
        roots += [x509.Certificate.load(der) for der in blobs]
    return roots


def read_signatures(data: bytes) -> list[SignatureReport]:
    """Every signature of the PDF `data`, in order; a PDF that cannot be read reports none."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    paths = tuple(settings.SIGNATURE_TRUST_ROOTS)
    try:
        reader = PdfFileReader(BytesIO(data), strict=False)
        signatures = list(reader.embedded_signatures)
    except Exception:  # a damaged or unusual file: it carries no signature we can read
        logger.info("PDF signatures could not be read", exc_info=True)
        return []
    reports = []
    for signature in signatures:
        context = ValidationContext(trust_roots=_trust_roots(paths), allow_fetching=False)
        try:
            status = validate_pdf_signature(signature, context)
        except Exception:
            logger.info("A PDF signature could not be validated", exc_info=True)
            reports.append(SignatureReport(signer="", signed_at=None, intact=False, covers_whole_file=False,
                                           trusted=None))
            continue
        reports.append(SignatureReport(
            signer=_person(status.signing_cert),
            signed_at=status.signer_reported_dt,
            intact=bool(status.intact and status.valid),
            covers_whole_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE or _only_signatures_after(status),
            trusted=bool(status.trusted) if paths else None,
        ))
    return reports


def _person(certificate) -> str:
    """ "Nguyễn Văn A, Sở Xây dựng tỉnh Tây Ninh": the subject's name and organization, without field labels."""
    if certificate is None:
        return ""
    subject = certificate.subject.native
    parts = [subject.get("common_name"), subject.get("organization_name")]
    parts = [part if isinstance(part, str) else ", ".join(part) for part in parts if part]
    return ", ".join(parts) or certificate.subject.human_friendly


def _only_signatures_after(status) -> bool:
    from pyhanko.sign.diff_analysis import ModificationLevel

    level = getattr(status, "modification_level", None)
    return level is not None and level <= ModificationLevel.FORM_FILLING


def signatures_of(attachment) -> list[SignatureReport]:
    """The signatures of a PDF attachment, read once per stored content."""
    if attachment.extension != "pdf":
        return []
    key = f"pdf-signatures:{attachment.sha256}:{len(settings.SIGNATURE_TRUST_ROOTS)}"
    reports = django_cache.get(key)
    if reports is None:
        with attachment.file.open("rb") as handle:
            reports = read_signatures(handle.read())
        django_cache.set(key, reports, 24 * 3600)
    return reports
