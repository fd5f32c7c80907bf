"""Reading an uploaded document runs in a child process held to a memory, CPU-time and page limit:
a hostile file fails its import with a message naming the limit, and the worker goes on."""

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ingest.models import ImportStatus, PlanImport
from ingest.parser import pdf_reader, read_text
from ingest.parser.errors import ErrorCode, ExtractionError
from ingest.tests import hostile
from ingest.tests.factories import TEXT


@pytest.fixture
def coordinator(client_for, media, immediate_tasks):
    return client_for("coordinator")


def upload(client, orgs, name, content) -> PlanImport:
    client.post("/imports/new/", {"organization": orgs["TN.SNV"].pk, "file": SimpleUploadedFile(name, content)})
    return PlanImport.objects.order_by("-pk").first()


def test_nested_form_xobjects_stop_at_the_memory_limit(coordinator, orgs, settings):
    settings.PARSE_MEMORY_LIMIT_MB = 200
    content = hostile.nested_forms()
    assert len(content) < 4000
    started = time.monotonic()
    plan_import = upload(coordinator, orgs, "long-nhau.pdf", content)
    assert time.monotonic() - started < 20
    assert plan_import.status == ImportStatus.FAILED
    assert "giới hạn bộ nhớ 200 MB" in plan_import.error
    # The worker (here the test process) lives on and reads the next file.
    following = upload(coordinator, orgs, "ke-hoach.txt", TEXT.encode())
    assert following.status == ImportStatus.DONE


def test_nested_form_xobjects_stop_at_the_cpu_limit(coordinator, orgs, settings):
    settings.PARSE_CPU_SECONDS = 1
    plan_import = upload(coordinator, orgs, "long-nhau.pdf", hostile.nested_forms())
    assert plan_import.status == ImportStatus.FAILED
    assert "giới hạn 1 giây xử lý" in plan_import.error


def test_a_pdf_of_more_pages_than_the_cap_is_refused_before_reading(coordinator, orgs, settings):
    settings.PARSE_MAX_PAGES = 300
    plan_import = upload(coordinator, orgs, "nhieu-trang.pdf", hostile.many_pages(301))
    assert plan_import.status == ImportStatus.FAILED
    assert "301 trang, vượt giới hạn 300 trang" in plan_import.error
    assert plan_import.pages_done == 0


def test_a_huge_page_is_rendered_within_the_pixel_cap(coordinator, orgs):
    content = hostile.huge_page()
    assert len(content) < 700
    width = height = 14400
    scale = pdf_reader.render_scale(width, height)
    assert (width * scale) * (height * scale) <= pdf_reader.OCR_MAX_PIXELS
    assert pdf_reader.render_scale(595, 842) == pdf_reader.OCR_DPI / 72  # an A4 page keeps its resolution
    plan_import = upload(coordinator, orgs, "trang-lon.pdf", content)
    assert plan_import.status == ImportStatus.FAILED
    assert "Tesseract" not in plan_import.error
    assert "không có lớp văn bản" in plan_import.error


def test_tesseract_refusing_an_image_is_not_reported_as_missing(tmp_path, monkeypatch):
    refusing = tmp_path / "tesseract"
    refusing.write_text("#!/bin/sh\necho 'Image too large: (40000, 40000)' >&2\nexit 1\n")
    refusing.chmod(0o755)
    monkeypatch.setattr(pdf_reader, "TESSERACT", str(refusing))
    pdf = tmp_path / "trang-lon.pdf"
    pdf.write_bytes(hostile.huge_page())
    with pytest.raises(ExtractionError) as caught:
        read_text(pdf)
    assert caught.value.code == ErrorCode.OCR_FAILED
    assert "Image too large" in caught.value.message_vi and "trang 1" in caught.value.message_vi
    assert "chưa cài" not in caught.value.message_vi


def test_a_missing_tesseract_is_reported_as_missing(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_reader, "TESSERACT", str(tmp_path / "khong-co"))
    pdf = tmp_path / "trang-lon.pdf"
    pdf.write_bytes(hostile.huge_page(1000))
    with pytest.raises(ExtractionError) as caught:
        read_text(pdf)
    assert caught.value.code == ErrorCode.OCR_UNAVAILABLE
