"""A signed PDF is reported with who signed and when; a byte changed after signing shows as altered."""

from attachments.signatures import read_signatures
from attachments.tests.signed_pdf import TEXT, plain_pdf, signed_pdf, throwaway_signer


def test_a_signed_pdf_reports_its_signer_and_time_and_is_intact():
    (report,) = read_signatures(signed_pdf("Nguyễn Văn A"))
    assert report.signer == "Nguyễn Văn A, Sở Xây dựng tỉnh Tây Ninh"
    assert report.signed_at is not None
    assert report.intact and report.covers_whole_file and not report.altered
    assert report.trusted is None  # no root certificates configured: the chain is not checked


def test_a_byte_changed_after_signing_is_reported_as_altered():
    data = signed_pdf()
    assert data.count(TEXT) == 1
    changed = data.replace(TEXT, TEXT.replace(b"05", b"06"))
    (report,) = read_signatures(changed)
    assert report.altered and not report.intact


def test_an_unsigned_pdf_has_no_signature():
    assert read_signatures(plain_pdf()) == []


def test_the_chain_is_checked_against_the_operators_roots(settings, tmp_path):
    signer = throwaway_signer("Lê Quang Minh")
    ours, other = tmp_path / "root.der", tmp_path / "other.der"
    ours.write_bytes(signer.signing_cert.dump())
    other.write_bytes(throwaway_signer("Người khác").signing_cert.dump())
    data = signed_pdf(signer=signer)
    settings.SIGNATURE_TRUST_ROOTS = [str(ours)]
    assert read_signatures(data)[0].trusted is True
    settings.SIGNATURE_TRUST_ROOTS = [str(other)]
    assert read_signatures(data)[0].trusted is False
