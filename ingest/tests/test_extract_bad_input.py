"""Bad input gives a typed error with a Vietnamese message: no crash, no partial plan."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from ingest.parser import MAX_FILE_BYTES, ErrorCode, ExtractionError, extract_plan
from ingest.parser.__main__ import main
from ingest.tests.conftest import SEED_STEMS

VIETNAMESE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)


def assert_refused(path: Path, code: ErrorCode) -> None:
    with pytest.raises(ExtractionError) as caught:
        extract_plan(path)
    assert caught.value.code == code
    assert VIETNAMESE.search(caught.value.message_vi), caught.value.message_vi


def _pdf(path: Path, *, password: str | None = None, text: str | None = None) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=password)
    if text:
        c.drawString(72, 720, text)
    c.showPage()
    c.save()
    return path


def test_empty_file_is_refused(tmp_path):
    path = tmp_path / "ke-hoach.docx"
    path.write_bytes(b"")
    assert_refused(path, ErrorCode.EMPTY)


def test_missing_file_is_refused(tmp_path):
    assert_refused(tmp_path / "khong-co.pdf", ErrorCode.NOT_FOUND)


def test_truncated_docx_is_corrupt(tmp_path, seed_documents):
    data = seed_documents[SEED_STEMS[0]]["docx"].read_bytes()
    path = tmp_path / "ke-hoach.docx"
    path.write_bytes(data[: len(data) // 2])
    assert_refused(path, ErrorCode.CORRUPT)


def test_garbled_pdf_is_corrupt(tmp_path):
    path = tmp_path / "ke-hoach.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    assert_refused(path, ErrorCode.CORRUPT)


def test_password_protected_pdf_is_refused(tmp_path):
    assert_refused(_pdf(tmp_path / "mat-khau.pdf", password="bi-mat", text="Ke hoach"), ErrorCode.ENCRYPTED)


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "qua-lon.pdf"
    with path.open("wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing is written, nothing may be read
    assert_refused(path, ErrorCode.TOO_LARGE)


def test_zip_bomb_docx_is_refused(tmp_path):
    path = tmp_path / "bom.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(60):
                member.write(chunk)
    assert path.stat().st_size < 1024 * 1024
    assert_refused(path, ErrorCode.ZIP_BOMB)


def test_pdf_with_neither_text_nor_image_is_refused(tmp_path):
    assert_refused(_pdf(tmp_path / "trang.pdf"), ErrorCode.NO_TEXT)


def test_scan_of_a_blank_page_is_refused(tmp_path):
    path = tmp_path / "quet-trang.pdf"
    Image.new("L", (400, 560), 255).save(path, resolution=50)
    assert_refused(path, ErrorCode.NO_TEXT)


def test_image_file_is_unsupported(tmp_path):
    path = tmp_path / "anh.png"
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, format="PNG")
    path.write_bytes(buffer.getvalue())
    assert_refused(path, ErrorCode.UNSUPPORTED)


def test_spreadsheet_is_unsupported(tmp_path):
    path = tmp_path / "bang.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    assert_refused(path, ErrorCode.UNSUPPORTED)


def test_old_word_file_libreoffice_cannot_read_is_refused_as_corrupt(tmp_path):
    path = tmp_path / "cu.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    assert_refused(path, ErrorCode.CORRUPT)


def test_command_prints_the_message_on_stderr_and_exits_non_zero(tmp_path, capsys):
    path = tmp_path / "rong.txt"
    path.write_bytes(b"")
    assert main([str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "Tệp rỗng" in err


def test_command_prints_the_plan_as_json(seed_documents, capsys):
    assert main([str(seed_documents[SEED_STEMS[0]]["txt"])]) == 0
    out, _ = capsys.readouterr()
    assert '"document": {' in out and "Kế hoạch" in out  # indented, not ASCII-escaped
