"""Bad files get a clear Vietnamese message and leave no plan behind."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ingest.models import ImportStatus, PlanImport
from plans.models import Plan


@pytest.fixture
def coordinator(client_for, media, immediate_tasks):
    return client_for("coordinator")


def post(client, orgs, name, content):
    return client.post("/imports/new/", {"organization": orgs["TN.SNV"].pk, "file": SimpleUploadedFile(name, content)})


def zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (300 * 1024 * 1024))
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("hong.docx", b"PK\x03\x04 not really a zip", "bị hỏng"),
        ("hong.pdf", b"%PDF-1.4\n garbage", "bị hỏng"),
        ("bom.docx", zip_bomb(), "giải nén bất thường"),
        ("trang.txt", b"   \n\n  ", "rỗng"),
    ],
    ids=["corrupt-docx", "corrupt-pdf", "zip-bomb", "blank-text"],
)
def test_an_unreadable_file_fails_with_a_vietnamese_message(coordinator, orgs, name, content, message):
    response = post(coordinator, orgs, name, content)
    plan_import = PlanImport.objects.get()
    assert response.status_code == 302
    assert plan_import.status == ImportStatus.FAILED and message in plan_import.error
    page = coordinator.get(plan_import.get_absolute_url()).content.decode()
    assert message in page and 'id="review-form"' not in page
    # A failed import cannot be turned into a plan.
    assert coordinator.post(plan_import.get_absolute_url(), {"year": 2024}).status_code == 302
    assert not Plan.objects.filter(organization=orgs["TN.SNV"]).exists()


def test_a_password_protected_pdf_fails_with_a_vietnamese_message(coordinator, orgs):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    document = canvas.Canvas(buffer, pagesize=A4, encrypt="bi-mat")
    document.drawString(100, 700, "KE HOACH")
    document.save()
    post(coordinator, orgs, "mat-khau.pdf", buffer.getvalue())
    plan_import = PlanImport.objects.get()
    assert plan_import.status == ImportStatus.FAILED and "mật khẩu" in plan_import.error
    assert not Plan.objects.filter(organization=orgs["TN.SNV"]).exists()


def test_a_blank_scan_fails_with_a_vietnamese_message(coordinator, orgs):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (1240, 1754), "white").save(buffer, "PDF", resolution=150)
    post(coordinator, orgs, "quet.pdf", buffer.getvalue())
    plan_import = PlanImport.objects.get()
    assert plan_import.status == ImportStatus.FAILED and "không có lớp văn bản" in plan_import.error


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("ke-hoach.exe", b"MZ....", "Chỉ nhận tệp .docx, .doc, .odt, .pdf hoặc .txt"),
        ("rong.docx", b"", "rỗng"),
    ],
    ids=["wrong-type", "empty"],
)
def test_a_file_of_the_wrong_kind_is_refused_at_upload(coordinator, orgs, name, content, message):
    response = post(coordinator, orgs, name, content)
    assert response.status_code == 200 and message in response.content.decode()
    assert not PlanImport.objects.exists()


def test_a_file_over_the_limit_is_refused_at_upload(coordinator, orgs, settings):
    settings.MAX_PLAN_IMPORT_SIZE = 1024 * 1024
    response = post(coordinator, orgs, "lon.pdf", b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 1))
    assert "lớn hơn 1 MB" in response.content.decode()
    assert not PlanImport.objects.exists()


def test_one_may_import_only_for_an_organization_one_edits(client_for, orgs, media, immediate_tasks):
    response = post(client_for("focal"), orgs, "kh.txt", b"KE HOACH")
    assert response.status_code == 200 and not PlanImport.objects.exists()
    assert client_for("leader").get("/imports/new/").status_code == 403


def test_a_100_mb_file_is_refused_and_nothing_is_kept(coordinator, orgs, media):
    big = b"%PDF-1.4\n" + b"0" * (100 * 1024 * 1024)
    response = post(coordinator, orgs, "rat-lon.pdf", big)
    # Larger than any upload the app accepts: refused before the body is read (danvan/errors.py).
    assert response.status_code == 413
    assert "tối đa 25 MB" in response.content.decode()
    assert not PlanImport.objects.exists()
    assert not media.exists() or not any(path.is_file() for path in media.rglob("*"))
