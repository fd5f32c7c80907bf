"""Small real files of each kind, made on the spot, as uploads."""

from __future__ import annotations

import io
import zipfile

import docx
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook
from PIL import Image
from reportlab.pdfgen import canvas


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def pdf(text: str = "Kế hoạch") -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, text)
    page.save()
    return buffer.getvalue()


def image(fmt: str, color: str = "red") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), color).save(buffer, format=fmt)
    return buffer.getvalue()


def docx_file(text: str = "Báo cáo") -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_file() -> bytes:
    workbook = Workbook()
    workbook.active.append(["Chỉ tiêu", 100])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def zip_file(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            # ODF wants its mimetype entry first and stored uncompressed.
            archive.writestr(name, data, compress_type=zipfile.ZIP_STORED if name == "mimetype" else None)
    return buffer.getvalue()


def odf(mime_type: str) -> bytes:
    return zip_file({
        "mimetype": mime_type.encode(),
        "content.xml": b'<?xml version="1.0" encoding="UTF-8"?><office:document-content '
                       b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>',
        "META-INF/manifest.xml": b'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                                 b'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
    })


def damaged_entry(data: bytes) -> bytes:
    """The archive `data` with the compressed bytes of its [Content_Types].xml scrambled."""
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("[Content_Types].xml")
    # Past the local header (30 bytes, then the name and the extra field) lies the compressed data.
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    damaged = bytearray(data)
    damaged[start:start + 16] = b"\xff" * 16
    return bytes(damaged)


def docm_file() -> bytes:
    """A Word document with macros: a .docx archive whose main part is declared macro-enabled."""
    source = zipfile.ZipFile(io.BytesIO(docx_file()))
    entries = {info.filename: source.read(info) for info in source.infolist()}
    entries["[Content_Types].xml"] = entries["[Content_Types].xml"].replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        b"application/vnd.ms-word.document.macroEnabled.main+xml",
    )
    entries["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0" + b"\0" * 60
    return zip_file(entries)


DOCX_CONTENT_TYPES = (
    b'<Types><Override PartName="/word/document.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
# The start of a Windows program (MZ header) and plain text.
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\0" * 50 + b"This program cannot be run in DOS mode."
TEXT = "Kế hoạch công tác dân vận năm 2024\n".encode()
