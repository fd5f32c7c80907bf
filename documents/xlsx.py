"""Tables in and out of .xlsx (openpyxl), with the limits every upload must respect."""

from __future__ import annotations

import io
import itertools
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _
from openpyxl import load_workbook

# An .xlsx is a zip: refuse archives that inflate far beyond their size (zip bombs).
MAX_UNCOMPRESSED = 50 * 1024 * 1024
# Rows looked through for the header.
HEADER_SEARCH = 10
MAX_ROWS = 20000
# Cells of text are stored once in xl/sharedStrings.xml; openpyxl loads them all before the first
# row, even in read-only mode. A sheet of MAX_ROWS rows of a dozen columns needs fewer than this.
MAX_SHARED_STRINGS = 500_000
_SHARED_STRING = re.compile(rb"<(?:\w+:)?si[\s>/]")


class XlsxError(Exception):
    """A file that cannot be read as a spreadsheet; the message is for the user."""


def count_shared_strings(archive: zipfile.ZipFile, *, stop_after: int = MAX_SHARED_STRINGS) -> int:
    """The number of shared strings, counted while inflating the part in chunks (past `stop_after`,
    counting stops): the declared count may lie."""
    names = [name for name in archive.namelist() if name.lower().endswith("sharedstrings.xml")]
    count = 0
    for name in names:
        tail = b""
        with archive.open(name) as part:
            while chunk := part.read(1 << 20):
                window = tail + chunk
                count += len(_SHARED_STRING.findall(window))
                # Carry over the end of the chunk that cannot hold a whole tag, so none is counted twice.
                tail = window[-16:]
                count -= len(_SHARED_STRING.findall(tail))
                if count > stop_after:
                    return count
    return count


def read_rows(upload, *, required_headers: Sequence[str]) -> list[tuple[int, dict]]:
    """Rows of the first sheet as (row number, {header: value}), headers from the first row."""
    name = getattr(upload, "name", "") or ""
    if not name.lower().endswith(".xlsx"):
        raise XlsxError(_("Only .xlsx files can be imported."))
    size = getattr(upload, "size", None)
    if size is not None and size > settings.MAX_IMPORT_FILE_SIZE:
        raise XlsxError(
            _("The file is larger than %(limit)s MB.") % {"limit": settings.MAX_IMPORT_FILE_SIZE // (1024 * 1024)}
        )
    if size == 0:
        raise XlsxError(_("The file is empty."))
    data = upload.read()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNCOMPRESSED:
                raise XlsxError(_("The file expands to more data than allowed."))
            if count_shared_strings(archive) > MAX_SHARED_STRINGS:
                raise XlsxError(
                    _("The file holds more than %(count)s distinct texts.")
                    % {"count": f"{MAX_SHARED_STRINGS:,}".replace(",", ".")}
                )
        # Read-only: rows are streamed from the sheet's XML. Not data_only: a formula cell gives
        # its formula as text (never evaluated, nor a value cached by whoever wrote the file).
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except XlsxError:
        raise
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise XlsxError(_("The file is not a valid .xlsx spreadsheet.")) from exc
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    # The header is the first row naming the required columns: a sheet this site exported has a
    # title, the date and a blank line above it, one typed by hand usually has none.
    start = 0
    for header_row in itertools.islice(rows, HEADER_SEARCH):
        start += 1
        headers = [str(cell).strip() if cell is not None else "" for cell in header_row or ()]
        if all(header in headers for header in required_headers):
            break
    else:
        if start == 0:
            raise XlsxError(_("The file has no header row."))
        first = next(sheet.iter_rows(values_only=True, max_row=1), ())
        headers = [str(cell).strip() if cell is not None else "" for cell in first]
    missing = [header for header in required_headers if header not in headers]
    if missing:
        raise XlsxError(_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})
    result = []
    for number, row in enumerate(rows, start=start + 1):
        if number - 1 > MAX_ROWS:
            raise XlsxError(_("The file has more than %(count)s rows.") % {"count": MAX_ROWS})
        if row is None or all(cell in (None, "") for cell in row):
            continue
        values = {
            header: (cell.strip() if isinstance(cell, str) else cell)
            for header, cell in zip(headers, row, strict=False)
            if header
        }
        result.append((number, values))
    workbook.close()
    return result


@dataclass
class ImportReport:
    """What an imported sheet gave: its rows as checked (each with its `errors`) and the errors of the
    file itself. Each import extends it with what it counts (saved, added…)."""

    rows: list = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)

    @property
    def bad_rows(self) -> list:
        return [row for row in self.rows if row.errors]
