"""Writing .xlsx tables (openpyxl): every export of the site goes through here.

Sheets are written in openpyxl's write-only mode, row by row, so a large export holds one
row in memory at a time. Text is always written as text: a value that starts with "=", "+",
"-" or "@" is stored as a string cell with Excel's quote prefix (what a typed apostrophe
does), so opening the file never turns a name or a note into a formula (OWASP CSV injection).
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal

from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Characters that make a spreadsheet read a cell as a formula (OWASP), tab and CR included.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# Column widths are estimated from the headers and this many first rows.
WIDTH_SAMPLE = 200
MAX_WIDTH = 60
# The table's header row: below the title, the date of export and a blank line.
HEADER_ROW = 4
# `progress(rows_written)` is called every this many rows.
PROGRESS_EVERY = 500


def _value(value):
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, bool | int | float | Decimal | dt.date) or value is None:
        return value
    return str(value)


def text_cell(sheet, value: str) -> WriteOnlyCell:
    """A cell that holds `value` as text, whatever its first character."""
    cell = WriteOnlyCell(sheet)
    cell.value = value
    cell.data_type = "s"
    if value.startswith(FORMULA_TRIGGERS):
        cell.quotePrefix = True
    return cell


def _cell(sheet, value):
    value = _value(value)
    if isinstance(value, str):
        return text_cell(sheet, value)
    cell = WriteOnlyCell(sheet, value)
    if isinstance(value, dt.datetime):
        cell.number_format = "DD/MM/YYYY HH:MM"
    elif isinstance(value, dt.date):
        cell.number_format = "DD/MM/YYYY"
    return cell


def write_workbook(
    stream,
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence],
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write one sheet ready to print: the title, the date of export, then the table with a
    numbered first column (STT) and bold headers that repeat on every printed page. Returns the
    number of rows."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31] or "Sheet")
    rows = iter(rows)
    sample = [[_value(value) for value in row] for row in itertools.islice(rows, WIDTH_SAMPLE)]
    headers = [_("No."), *headers]
    widths = [len(str(header)) for header in headers]
    for number, row in enumerate(sample, start=1):
        for index, value in enumerate([number, *row][: len(widths)]):
            widths[index] = max(widths[index], min(len(str(value if value is not None else "")), MAX_WIDTH))
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width + 2
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    heading = text_cell(sheet, str(title).upper())
    heading.font = Font(bold=True, size=14)
    dated = text_cell(sheet, _("Exported on %(date)s") % {"date": f"{timezone.localdate():%d/%m/%Y}"})
    dated.font = Font(italic=True)
    sheet.append([heading])
    sheet.append([dated])
    sheet.append([])
    header_cells = []
    for header in headers:
        cell = text_cell(sheet, str(header))
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        header_cells.append(cell)
    sheet.append(header_cells)
    count = 0
    for row in itertools.chain(sample, rows):
        count += 1
        sheet.append([count, *(_cell(sheet, value) for value in row)])
        if progress and count % PROGRESS_EVERY == 0:
            progress(count)
    workbook.save(stream)
    if progress:
        progress(count)
    return count


def build_workbook(title: str, headers: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    buffer = io.BytesIO()
    write_workbook(buffer, title, headers, rows)
    return buffer.getvalue()


def xlsx_response(filename: str, title: str, headers: Sequence[str], rows: Iterable[Sequence]) -> HttpResponse:
    response = HttpResponse(build_workbook(title, headers, rows), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
