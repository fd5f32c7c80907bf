"""A scanned plan (pages as images, no text layer) is read through Tesseract.

Needs Debian's tesseract-ocr, tesseract-ocr-vie and poppler-utils (pdftoppm), installed by the setup."""

from __future__ import annotations

import subprocess

import pytest
from PIL import Image

from ingest.parser import extract_plan, read_text


@pytest.fixture(scope="module")
def scanned_pdf(seed_documents, tmp_path_factory):
    """The first two pages of a seed's PDF rasterized at 150 dpi and wrapped back without text."""
    source = seed_documents["svhtt-hcm-2023"]["pdf"]
    directory = tmp_path_factory.mktemp("scan")
    subprocess.run(
        ["pdftoppm", "-r", "150", "-gray", "-png", "-f", "1", "-l", "2", str(source), str(directory / "page")],
        check=True,
    )
    images = [Image.open(p).convert("L") for p in sorted(directory.glob("page-*.png"))]
    path = directory / "scan.pdf"
    images[0].save(path, save_all=True, append_images=images[1:], resolution=150)
    return path


def test_scan_has_no_text_layer(scanned_pdf):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(scanned_pdf))
    assert all(pdf[i].get_textpage().count_chars() == 0 for i in range(len(pdf)))


def test_scanned_plan_gives_number_date_and_title(scanned_pdf):
    calls = []
    plan = extract_plan(scanned_pdf, progress=lambda done, total: calls.append((done, total)))
    assert plan["document"]["number"] == "878/KH-SVHTT"
    assert plan["document"]["date"] == "2023-03-07"
    assert plan["document"]["place"] == "Thành phố Hồ Chí Minh"
    assert plan["document"]["title"] == "Thực hiện công tác dân vận của chính quyền năm 2023"
    assert plan["basis"] == ["04-CTr/BĐVTU-BCSĐUBNDTP"]
    assert calls[-1] == (2, 2)


def test_scanned_text_keeps_vietnamese_diacritics(scanned_pdf):
    assert "Độc lập - Tự do - Hạnh phúc" in read_text(scanned_pdf)


def test_a_scan_reads_within_the_default_parse_limits(scanned_pdf):
    """The memory limit watches resident memory: Tesseract's and PDFium's threads reserve far more
    address space than they use, and must not trip it."""
    from django.conf import settings

    from ingest.parser.sandbox import Limits, read_text_limited

    limits = Limits(memory_mb=settings.PARSE_MEMORY_LIMIT_MB, cpu_seconds=settings.PARSE_CPU_SECONDS,
                    max_pages=settings.PARSE_MAX_PAGES)
    assert "Độc lập - Tự do - Hạnh phúc" in read_text_limited(scanned_pdf, limits=limits)
