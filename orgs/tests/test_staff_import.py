"""Importing a roster from .xlsx (all or nothing, unless asked) and exporting it to .xlsx."""

from __future__ import annotations

import datetime as dt
import io
import re
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from core.testing import read_export, read_export_cells
from orgs.models import StaffCategory, StaffMember
from orgs.staff_import import COLUMNS
from orgs.tests.factories import StaffMemberFactory

HEADERS = ["Họ và tên", "Chức vụ", "Phân loại", "Đơn vị", "Email", "Từ ngày", "Đến ngày"]
IMPORT_URL = reverse("orgs:staff_import")


def xlsx(rows, headers=HEADERS, name="danh-sach.xlsx") -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def post_import(client, root, upload, *, save_valid_rows=False):
    data = {"organization": root.pk, "file": upload}
    if save_valid_rows:
        data["save_valid_rows"] = "on"
    return client.post(IMPORT_URL, data)


def report_rows(response) -> dict[int, tuple[str, str]]:
    """The validation report as the user reads it: row number -> (valid/error, text of the row)."""
    html = response.content.decode()
    rows = re.findall(r'<tr class="table-(success|danger)">(.*?)</tr>', html, flags=re.S)
    result = {}
    for state, cells in rows:
        text = " ".join(unescape(re.sub(r"<[^>]+>", " ", cells)).split())
        number = int(text.split()[0])
        result[number] = ("valid" if state == "success" else "error", text)
    return result


def text_of(response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


GOOD_ROWS = [
    ["Nguyễn Văn An", "Chuyên viên", "Công chức", "Phòng Quản lý hoạt động xây dựng", "an@sxd.vn", "01/02/2020", None],
    ["Trần Thị Bình", "Kế toán", "Viên chức", "TN.SXD.TTKD", "", dt.date(2018, 5, 15), "31/12/2030"],
    ["Lê Văn Cường", "Bảo vệ", "người lao động", "Văn phòng Sở Xây dựng", None, "2021-03-01", None],
]


@pytest.fixture
def focal(client_for):
    return client_for("focal")


def test_a_valid_file_imports_every_row_into_its_unit(focal, orgs):
    before = StaffMember.objects.count()
    response = post_import(focal, orgs["TN.SXD"], xlsx(GOOD_ROWS))
    assert response.status_code == 200
    assert "Đã nhập 3 cán bộ." in text_of(response)
    assert StaffMember.objects.count() == before + 3
    an = StaffMember.objects.get(full_name="Nguyễn Văn An")
    assert an.organization == orgs["TN.SXD.QLXD"]
    assert an.category == StaffCategory.CIVIL_SERVANT
    assert an.active_from == dt.date(2020, 2, 1)
    binh = StaffMember.objects.get(full_name="Trần Thị Bình")
    assert (binh.organization, binh.category) == (orgs["TN.SXD.TTKD"], StaffCategory.PUBLIC_EMPLOYEE)
    assert (binh.active_from, binh.active_to) == (dt.date(2018, 5, 15), dt.date(2030, 12, 31))
    cuong = StaffMember.objects.get(full_name="Lê Văn Cường")
    assert (cuong.organization, cuong.category) == (orgs["TN.SXD.VP"], StaffCategory.WORKER)


def test_a_row_without_unit_goes_to_the_chosen_organization(focal, orgs):
    row = ["Phạm Thị Dung", "Chuyên viên", "Công chức", None, None, None, None]
    post_import(focal, orgs["TN.SXD.QHKT"], xlsx([row]))
    assert StaffMember.objects.get(full_name="Phạm Thị Dung").organization == orgs["TN.SXD.QHKT"]


BAD_ROWS = [
    GOOD_ROWS[0],
    [None, "Chuyên viên", "Công chức", "TN.SXD.QLXD", None, None, None],
    ["Hồ Văn Em", "Chuyên viên", "Cộng tác viên", "TN.SXD.QLXD", None, None, None],
    ["Đỗ Thị Giang", "Chuyên viên", "Công chức", "TN.SXD.QLXD", None, "31/02/2024", None],
    ["Vũ Văn Hải", "Chuyên viên", "Công chức", "Phòng Không Tồn Tại", None, None, None],
    ["Ngô Thị Khánh", "Chuyên viên", "Viên chức", "Thư viện tỉnh Tây Ninh", None, None, None],
    GOOD_ROWS[1],
]


def test_one_bad_row_saves_nothing_and_each_bad_row_says_why_in_vietnamese(focal, orgs):
    before = StaffMember.objects.count()
    response = post_import(focal, orgs["TN.SXD"], xlsx(BAD_ROWS))
    assert StaffMember.objects.count() == before
    page = text_of(response)
    assert "Chưa nhập dòng nào: hãy sửa các dòng lỗi bên dưới rồi thử lại." in page
    assert "2 dòng hợp lệ, 5 dòng lỗi, đã lưu 0 dòng." in page
    rows = report_rows(response)
    # Spreadsheet row numbers, the header being row 1.
    assert {number: state for number, (state, _text) in rows.items()} == {
        2: "valid", 3: "error", 4: "error", 5: "error", 6: "error", 7: "error", 8: "valid",
    }
    assert "Chưa nhập Họ và tên." in rows[3][1]
    assert "Phân loại: “Cộng tác viên” không thuộc: Cán bộ, Công chức, Viên chức, Người lao động." in rows[4][1]
    assert "Từ ngày: “31/02/2024” không phải ngày hợp lệ (dd/mm/yyyy)." in rows[5][1]
    assert "Đơn vị: “Phòng Không Tồn Tại” không phải đơn vị trực thuộc Sở Xây dựng tỉnh Tây Ninh." in rows[6][1]
    # A unit of Sở Văn hóa, Thể thao và Du lịch is not one of Sở Xây dựng's.
    assert "Đơn vị: “Thư viện tỉnh Tây Ninh” không phải đơn vị trực thuộc Sở Xây dựng tỉnh Tây Ninh." in rows[7][1]


def test_ticking_import_valid_rows_saves_only_the_valid_ones(focal, orgs):
    before = StaffMember.objects.count()
    response = post_import(focal, orgs["TN.SXD"], xlsx(BAD_ROWS), save_valid_rows=True)
    assert StaffMember.objects.count() == before + 2
    assert set(StaffMember.objects.filter(full_name__in=[row[0] for row in BAD_ROWS if row[0]])
               .values_list("full_name", flat=True)) == {"Nguyễn Văn An", "Trần Thị Bình"}
    page = text_of(response)
    assert "Đã nhập 2 cán bộ." in page
    assert "2 dòng hợp lệ, 5 dòng lỗi, đã lưu 2 dòng." in page


def _bytes_upload(name, content):
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        pytest.param(lambda: _bytes_upload("danh-sach.csv", b"Ho va ten,Phan loai\nAn,Cong chuc\n"),
                     "Chỉ nhập được tệp .xlsx.", id="not-xlsx-name"),
        pytest.param(lambda: _bytes_upload("danh-sach.xlsx", b"Ho va ten,Phan loai\nAn,Cong chuc\n"),
                     "Tệp không phải bảng tính .xlsx hợp lệ.", id="not-xlsx-content"),
        pytest.param(lambda: _bytes_upload("danh-sach.xlsx", b""), "Tập tin được gửi là rỗng.", id="zero-bytes"),
        pytest.param(lambda: xlsx([]), "Tệp không có dòng dữ liệu nào.", id="header-only"),
        pytest.param(lambda: xlsx([["An", "Chuyên viên"]], headers=["Họ và tên", "Chức vụ"]),
                     "Thiếu cột: Phân loại.", id="missing-column"),
    ],
)
def test_an_unreadable_file_gets_a_clear_vietnamese_message_and_saves_nothing(focal, orgs, upload, message):
    before = StaffMember.objects.count()
    response = post_import(focal, orgs["TN.SXD"], upload())
    assert response.status_code == 200
    assert message in text_of(response)
    assert StaffMember.objects.count() == before


def test_a_file_over_the_size_limit_is_refused(focal, orgs, settings):
    settings.MAX_IMPORT_FILE_SIZE = 1024 * 1024
    before = StaffMember.objects.count()
    response = post_import(focal, orgs["TN.SXD"], _bytes_upload("lon.xlsx", b"0" * (1024 * 1024 + 1)))
    assert "Tệp lớn hơn 1 MB." in text_of(response)
    assert StaffMember.objects.count() == before


def test_other_focal_cannot_import_into_a_unit_of_so_xay_dung(client_for, orgs):
    client = client_for("other-focal")
    form_page = client.get(IMPORT_URL).content.decode()
    assert "Phòng Quản lý hoạt động xây dựng" not in form_page
    assert "Thư viện tỉnh Tây Ninh" in form_page
    before = StaffMember.objects.count()
    response = post_import(client, orgs["TN.SXD.QLXD"], xlsx(GOOD_ROWS[:1]))
    assert "Hãy chọn một lựa chọn hợp lệ." in text_of(response)
    assert StaffMember.objects.count() == before


def _download(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"].startswith("attachment;")
    return response.content


def test_staff_export_holds_only_the_users_agency_under_vietnamese_headers(focal, orgs):
    headers, rows = read_export(_download(focal, reverse("orgs:staff_export")))
    # The export's columns are the import's, so an exported roster imports again as it is.
    assert headers == list(COLUMNS.values())
    unit, category = list(COLUMNS).index("unit"), list(COLUMNS).index("category")
    units = {row[unit] for row in rows}
    sxd_units = {org.name for code, org in orgs.items() if code.startswith("TN.SXD")}
    assert units <= sxd_units
    assert "Phòng Quản lý hoạt động xây dựng" in units
    assert not any("Văn hóa" in unit or "Thư viện" in unit for unit in units)
    assert len(rows) == StaffMember.objects.filter(organization__code__startswith="TN.SXD").count()
    assert {row[category] for row in rows} <= {"Cán bộ", "Công chức", "Viên chức", "Người lao động"}


def test_staff_export_writes_dates_as_dd_mm_yyyy(focal, orgs):
    StaffMemberFactory(organization=orgs["TN.SXD.QLXD"], full_name="Ngày Tháng Năm", active_from=dt.date(2019, 3, 4))
    _headers, cells = read_export_cells(_download(focal, reverse("orgs:staff_export") + "?q=Ngày Tháng Năm"))
    row = next(row for row in cells if row[0].value == "Ngày Tháng Năm")
    start = list(COLUMNS).index("active_from")
    assert row[start].value.date() == dt.date(2019, 3, 4)
    assert row[start].number_format == "DD/MM/YYYY"


def test_other_focal_export_has_no_so_xay_dung_staff(client_for):
    _headers, rows = read_export(_download(client_for("other-focal"), reverse("orgs:staff_export")))
    units = {row[list(COLUMNS).index("unit")] for row in rows}
    assert units and not any("Xây dựng" in unit for unit in units)
