"""What a file is, read from its content (never from its name): the types attachments accept."""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from typing import IO

import filetype
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class FileKind:
    extension: str
    mime_type: str


PDF = FileKind("pdf", "application/pdf")
JPG = FileKind("jpg", "image/jpeg")
PNG = FileKind("png", "image/png")
DOCX = FileKind("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
XLSX = FileKind("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
ODT = FileKind("odt", "application/vnd.oasis.opendocument.text")
ODS = FileKind("ods", "application/vnd.oasis.opendocument.spreadsheet")

# Recognized by their signature (the `filetype` library).
_BY_SIGNATURE = {kind.mime_type: kind for kind in (PDF, JPG, PNG)}
# OOXML: the main part's content type declared in [Content_Types].xml. Macro-enabled variants
# (.docm, .xlsm) and templates declare other types and are refused.
_OOXML_MAIN_TYPES = {
    DOCX: ("word/", b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
    XLSX: ("xl/", b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
}
# ODF: the `mimetype` entry holds the type.
_ODF_TYPES = {kind.mime_type.encode(): kind for kind in (ODT, ODS)}

# How many leading bytes the signature check needs (the `filetype` library reads up to 8 KB).
HEAD_SIZE = 8192
_ZIP_SIGNATURE = b"PK\x03\x04"
# Limits on the archive's directory: no legitimate office document comes near them.
MAX_ZIP_ENTRIES = 5000
MAX_ZIP_UNCOMPRESSED = 200 * 1024 * 1024
MAX_ZIP_RATIO = 100
_RATIO_MIN_BYTES = 10 * 1024 * 1024
# The entries read to know the type are small; a large one is not an office document.
MAX_MANIFEST_SIZE = 1024 * 1024


def unsupported() -> ValidationError:
    return ValidationError(
        _(
            "Only PDF, Word (.docx), Excel (.xlsx), OpenDocument, JPG or PNG files are accepted; "
            "the content of this file is none of these."
        ),
        code="unsupported_type",
    )


def detect(head: bytes, file: IO[bytes]) -> FileKind:
    """The kind of `file` (whose first bytes are `head`); ValidationError when it is not accepted."""
    if head.startswith(_ZIP_SIGNATURE):
        return _detect_zip(file)
    guessed = filetype.guess(head)
    kind = _BY_SIGNATURE.get(guessed.mime) if guessed else None
    if kind is None:
        raise unsupported()
    return kind


def _detect_zip(file: IO[bytes]) -> FileKind:
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            infos = archive.infolist()
            _check_limits(infos)
            entries = {info.filename: info for info in infos}
            if "mimetype" in entries:
                kind = _ODF_TYPES.get(_read_small(archive, entries["mimetype"]).strip())
            elif "[Content_Types].xml" in entries:
                kind = _ooxml_kind(_read_small(archive, entries["[Content_Types].xml"]), entries)
            else:
                kind = None
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, ValueError, EOFError, OSError) as exc:
        # Damaged, encrypted or compressed in an unknown way: not a document we can vouch for.
        raise unsupported() from exc
    finally:
        file.seek(0)
    if kind is None:
        raise unsupported()
    return kind


def _check_limits(infos: list[zipfile.ZipInfo]) -> None:
    bomb = len(infos) > MAX_ZIP_ENTRIES or sum(info.file_size for info in infos) > MAX_ZIP_UNCOMPRESSED or any(
        info.file_size > _RATIO_MIN_BYTES and info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1)
        for info in infos
    )
    if bomb:
        raise ValidationError(_("The file expands to more data than allowed."), code="zip_bomb")


def _read_small(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    if info.file_size > MAX_MANIFEST_SIZE:
        return b""
    with archive.open(info) as entry:
        # The declared size may lie: never read past the limit.
        return entry.read(MAX_MANIFEST_SIZE + 1)[:MAX_MANIFEST_SIZE]


def _ooxml_kind(content_types: bytes, entries: dict[str, zipfile.ZipInfo]) -> FileKind | None:
    if any(name.lower().endswith("vbaproject.bin") for name in entries):
        return None
    for kind, (folder, main_type) in _OOXML_MAIN_TYPES.items():
        if main_type in content_types and any(name.startswith(folder) for name in entries):
            return kind
    return None
