"""Read a file's text: dispatch by content (magic bytes) and extension, with guards on bad input."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from os import PathLike
from pathlib import Path

from .docx_reader import read_docx
from .errors import ErrorCode, ExtractionError
from .legacy import TCVN3, VNI, common_share, fix_legacy, to_unicode
from .office import converted_to_docx
from .pdf_reader import read_pdf

MAX_FILE_BYTES = 100 * 1024 * 1024
_SNIFF_BYTES = 4096
# Other formats users may pick by mistake; refused by content whatever their extension.
_FOREIGN_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"Rar!", b"7z\xbc\xaf", b"{\\rtf", b"II*\x00", b"MM\x00*")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .doc, and password-protected .docx
# Share of the words of a text that are everyday Vietnamese words, below which a decoding is wrong.
_MIN_COMMON_SHARE = 0.05
# Share of the characters of a converted document that must be Latin text.
_READABLE_SHARE = 0.8
_TEXT_EXTENSIONS = {".txt", ".text", ".md", ""}

Progress = Callable[[int, int], None]


def sniff(path: Path) -> str:
    """'pdf', 'docx', 'odt', 'doc' or 'txt', from the first bytes first and the extension second."""
    with path.open("rb") as f:
        head = f.read(_SNIFF_BYTES)
    ext = path.suffix.lower()
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if head[30:38] == b"mimetype":  # OpenDocument: the mimetype is the archive's first entry
            if head[38:90].startswith(b"application/vnd.oasis.opendocument.text"):
                return "odt"
            raise ExtractionError(ErrorCode.UNSUPPORTED)
        return "docx"
    if head.startswith(_OLE_MAGIC):
        if ext == ".docx":  # a .docx with a password is an OLE container
            raise ExtractionError(ErrorCode.ENCRYPTED, "Tệp Word được đặt mật khẩu. Hãy gỡ mật khẩu rồi nhập lại.")
        return "doc"
    if ext in (".doc", ".odt"):
        raise ExtractionError(ErrorCode.CORRUPT, kind="Word (.doc)" if ext == ".doc" else "ODT")
    if ext == ".pdf":
        raise ExtractionError(ErrorCode.CORRUPT, kind="PDF")
    if ext == ".docx":
        raise ExtractionError(ErrorCode.CORRUPT, kind="DOCX")
    if head.startswith(_FOREIGN_MAGIC):
        raise ExtractionError(ErrorCode.UNSUPPORTED)
    if _looks_textual(head):
        return "txt"
    raise ExtractionError(ErrorCode.CORRUPT if ext in _TEXT_EXTENSIONS else ErrorCode.UNSUPPORTED, kind="văn bản")


def _looks_textual(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls <= len(head) // 100


def _readable(text: str) -> bool:
    """Mostly Latin letters (Vietnamese included), digits, spaces and punctuation."""
    sample = text[:20000]
    latin = sum(1 for c in sample if c.isascii() or "\u00c0" <= c <= "\u1ef9" or unicodedata.category(c)[0] in "PZ")
    return latin >= _READABLE_SHARE * len(sample)


def read_txt(path: Path) -> str:
    """UTF-8 or UTF-16; else the legacy Vietnamese encoding (TCVN3, VNI, Windows-1258) the text
    reads best in; a text that reads in none of them is refused."""
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return fix_legacy(data.decode("utf-16"))
    try:
        return fix_legacy(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    windows = data.decode("cp1252", errors="replace")  # legacy fonts were typed on Windows
    candidates = {
        TCVN3: to_unicode(windows, TCVN3),
        VNI: to_unicode(windows, VNI),
        "cp1258": unicodedata.normalize("NFC", data.decode("cp1258", errors="replace")),
    }
    shares = {name: common_share(text) for name, text in candidates.items()}
    best = max(shares, key=shares.__getitem__)
    if shares[best] < _MIN_COMMON_SHARE:
        raise ExtractionError(ErrorCode.UNKNOWN_ENCODING)
    return candidates[best]


def check_file(path: str | PathLike[str]) -> Path:
    """Existence, emptiness and size, checked before a byte of content is read."""
    p = Path(path)
    if not p.is_file():
        raise ExtractionError(ErrorCode.NOT_FOUND)
    size = p.stat().st_size
    if size == 0:
        raise ExtractionError(ErrorCode.EMPTY)
    if size > MAX_FILE_BYTES:
        raise ExtractionError(ErrorCode.TOO_LARGE, limit_mb=MAX_FILE_BYTES // (1024 * 1024))
    return p


def read_text(path: str | PathLike[str], progress: Progress | None = None, *, max_pages: int | None = None) -> str:
    """The file's text, paragraphs separated by blank lines where the format tells them.

    A PDF of more than `max_pages` pages is refused before a page is read."""
    p = check_file(path)
    kind = sniff(p)
    if kind == "pdf":
        return fix_legacy(read_pdf(p, progress, max_pages=max_pages))
    if kind in ("doc", "odt"):
        label = "Word (.doc)" if kind == "doc" else "ODT"
        with converted_to_docx(p, label) as converted:
            text = fix_legacy(read_docx(converted))
        if not _readable(text):  # LibreOffice imports a damaged file as text of random characters
            raise ExtractionError(ErrorCode.CORRUPT, kind=label)
    elif kind == "docx":
        text = fix_legacy(read_docx(p))
    else:
        text = read_txt(p)
    if progress:
        progress(1, 1)
    return text
