"""A small PDF signed with a throwaway certificate made for the test (cryptography + pyHanko)."""

from __future__ import annotations

import datetime as dt
import io

from asn1crypto import keys, x509
from cryptography import x509 as cx509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from pyhanko_certvalidator.registry import SimpleCertificateStore

TEXT = b"KE HOACH SO 05/KH-SXD"


def plain_pdf() -> bytes:
    """One A4 page with a line of text, the cross-reference table computed."""
    stream = b"BT /F1 14 Tf 72 760 Td (" + TEXT + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def throwaway_signer(name: str = "Nguyễn Văn A") -> signers.SimpleSigner:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = cx509.Name([cx509.NameAttribute(NameOID.COMMON_NAME, name),
                          cx509.NameAttribute(NameOID.ORGANIZATION_NAME, "Sở Xây dựng tỉnh Tây Ninh")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        cx509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
        .serial_number(cx509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(cx509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                      data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                      crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert = x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))
    private = keys.PrivateKeyInfo.load(key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    return signers.SimpleSigner(signing_cert=cert, signing_key=private, cert_registry=SimpleCertificateStore())


def signed_pdf(name: str = "Nguyễn Văn A", signer: signers.SimpleSigner | None = None) -> bytes:
    writer = IncrementalPdfFileWriter(io.BytesIO(plain_pdf()))
    meta = signers.PdfSignatureMetadata(field_name="ChuKy1")
    return signers.sign_pdf(writer, meta, signer=signer or throwaway_signer(name)).getvalue()
