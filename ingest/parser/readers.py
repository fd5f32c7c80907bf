"""Read a file's text: dispatch by content (magic bytes) and extension, with guards on bad input."""

from __future__ import annotations

from collections.abc import Callable
from os import PathLike
from pathlib import Path

from .docx_reader import read_docx
from .errors import ErrorCode, ExtractionError
from .pdf_reader import read_pdf

MAX_FILE_BYTES = 100 * 1024 * 1024
_SNIFF_BYTES = 4096
# Other formats users may pick by mistake; refused by content whatever their extension.
_FOREIGN_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"Rar!", b"7z\xbc\xaf", b"{\\rtf", b"II*\x00", b"MM\x00*")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .doc, and password-protected .docx
_TEXT_EXTENSIONS = {".txt", ".text", ".md", ""}

Progress = Callable[[int, int], None]


def sniff(path: Path) -> str:
    """'pdf', 'docx' or 'txt', from the first bytes first and the extension second."""
    with path.open("rb") as f:
        head = f.read(_SNIFF_BYTES)
    ext = path.suffix.lower()
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(_OLE_MAGIC):
        raise ExtractionError(
            ErrorCode.ENCRYPTED if ext == ".docx" else ErrorCode.UNSUPPORTED,
            "Tệp Word được đặt mật khẩu. Hãy gỡ mật khẩu rồi nhập lại." if ext == ".docx" else None,
        )
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


def read_txt(path: Path) -> str:
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Older Vietnamese text files are Windows-1258.
        return data.decode("cp1258", errors="replace")


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
        return read_pdf(p, progress, max_pages=max_pages)
    text = read_docx(p) if kind == "docx" else read_txt(p)
    if progress:
        progress(1, 1)
    return text
