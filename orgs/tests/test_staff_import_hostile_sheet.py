"""A spreadsheet is measured before it is parsed: millions of shared strings packed in a small
.xlsx are refused fast, and a formula in a cell is imported as its text, never evaluated."""

from __future__ import annotations

import io
import time
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from documents import xlsx as xlsx_module
from orgs.models import StaffMember
from orgs.tests.test_staff_import import HEADERS, post_import, text_of, xlsx

SST = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
SST_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"


def with_shared_strings(count: int, *, declared: int | None = None) -> bytes:
    """A valid roster (headers only) with a sharedStrings part listing `count` strings, deflated:
    about 100 KB a million."""
    workbook = Workbook()
    workbook.active.append(HEADERS)
    buffer = io.BytesIO()
    workbook.save(buffer)
    declared = count if declared is None else declared
    strings = (
        f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        f'2006/main" count="{declared}" uniqueCount="{declared}">'.encode()
        + b"<si><t>x</t></si>" * count
        + b"</sst>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>", f'<Override PartName="/xl/sharedStrings.xml" ContentType="{SST}"/></Types>'.encode()
                )
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    f'<Relationship Id="rIdS" Type="{SST_REL}" Target="sharedStrings.xml"/></Relationships>'.encode(),
                )
            target.writestr(info, data)
        target.writestr("xl/sharedStrings.xml", strings)
    return out.getvalue()


@pytest.fixture
def focal(client_for):
    return client_for("focal")


def test_millions_of_shared_strings_are_refused_before_parsing(focal, orgs):
    content = with_shared_strings(2_000_000)
    assert len(content) < 300_000
    before = StaffMember.objects.count()
    started = time.monotonic()
    response = post_import(focal, orgs["TN.SXD"], SimpleUploadedFile("danh-sach.xlsx", content))
    assert time.monotonic() - started < 5
    assert "Tệp chứa hơn 500.000 chuỗi văn bản khác nhau" in text_of(response)
    assert StaffMember.objects.count() == before


def test_shared_strings_are_counted_not_taken_from_the_declared_count():
    content = with_shared_strings(1_200_345, declared=3)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert xlsx_module.count_shared_strings(archive, stop_after=10**9) == 1_200_345
    assert load_workbook(io.BytesIO(with_shared_strings(3)), read_only=True).active.max_column == len(HEADERS)


def test_a_formula_is_imported_as_its_text(focal, orgs):
    formula = '=HYPERLINK("https://evil.example","Bấm vào")'
    response = post_import(focal, orgs["TN.SXD"], xlsx([[formula, "Chuyên viên", "Công chức", "", "", "", ""]]))
    assert response.status_code in (200, 302)
    assert StaffMember.objects.filter(full_name=formula).exists()
