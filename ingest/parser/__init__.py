"""Plan extraction from .docx, .doc, .odt, .pdf (text layer or scanned) and .txt (Unicode, TCVN3 or
VNI); plain Python, no Django.

extract_plan(path, progress=None) -> dict   # the JSON of ingest/parser/SCHEMA.md
read_text(path, progress=None) -> str       # the file's text only
ExtractionError(code, message_vi)           # bad input, with a message for the user
"""

from . import office
from .errors import ErrorCode, ExtractionError
from .extract import extract_from_text, extract_plan
from .readers import MAX_FILE_BYTES, read_text

__all__ = [
    "MAX_FILE_BYTES",
    "ErrorCode",
    "ExtractionError",
    "extract_from_text",
    "extract_plan",
    "office",
    "read_text",
]
