"""Plan extraction from .docx, .pdf (text layer or scanned) and .txt; plain Python, no Django.

extract_plan(path, progress=None) -> dict   # the JSON of ingest/parser/SCHEMA.md
read_text(path, progress=None) -> str       # the file's text only
ExtractionError(code, message_vi)           # bad input, with a message for the user
"""

from .errors import ErrorCode, ExtractionError
from .extract import extract_from_text, extract_plan
from .readers import MAX_FILE_BYTES, read_text

__all__ = [
    "MAX_FILE_BYTES",
    "ErrorCode",
    "ExtractionError",
    "extract_from_text",
    "extract_plan",
    "read_text",
]
