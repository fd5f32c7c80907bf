"""Dossier figures from a sheet laid out as the official report: the columns are found and mapped, each row
is checked and reported, and nothing is saved while a row is bad unless the valid rows are kept."""

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import Workbook

from service import services
from service.models import DossierStat

pytestmark = pytest.mark.django_db
GROUPS = ["STT", "Lĩnh vực", "Nhận giải quyết", None, None, None, "Đã giải quyết", None, None, None,
          "Đang giải quyết", None, None]
COLUMNS = ["", "", "Tổng", "Trực tuyến", "Trực tiếp, bưu chính", "Từ kỳ trước", "Tổng", "Trước hạn", "Đúng hạn",
           "Quá hạn", "Tổng", "Trong hạn", "Quá hạn"]


def report(*rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC"])
    sheet.append(GROUPS)
    sheet.append(COLUMNS)
    for number, (field, online, direct, carried, early, on_time, late, within, overdue) in enumerate(rows, 1):
        total = online + direct + carried if isinstance(online, int) else None
        sheet.append([number, field, total, online, direct, carried, early + on_time + late,
                      early, on_time, late, within + overdue, within, overdue])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


GOOD = ("Hoạt động xây dựng", 10, 5, 0, 3, 9, 1, 2, 0)
ALSO_GOOD = ("Nhà ở", 4, 0, 1, 0, 4, 1, 0, 0)
UNBALANCED = ("Quy hoạch", 10, 0, 0, 1, 1, 1, 0, 0)  # 10 received, 3 handled
NOT_A_NUMBER = ("Hạ tầng", "mười", 0, 0, 0, 0, 0, 0, 0)
MONTH = dt.date(2025, 3, 1)


def test_the_report_columns_are_found_under_their_groups():
    sheet = services.read_sheet(report(GOOD))
    mapping = services.guess_mapping(sheet.headers)
    assert mapping == {"procedure_field": 1, "month": None, "received_online": 3, "received_direct": 4,
                       "carried_over": 5, "settled_early": 7, "settled_on_time": 8, "settled_late": 9,
                       "pending_within": 11, "pending_overdue": 12}


def _import(orgs, users, content, **options):
    mapping = services.guess_mapping(services.read_sheet(content).headers)
    return services.import_stats(orgs["TN.SXD"], content, mapping, by=users["focal"], month=MONTH, **options)


def test_a_good_sheet_saves_every_row(orgs, users):
    result = _import(orgs, users, report(GOOD, ALSO_GOOD))
    assert result.saved == 2 and not result.bad_rows
    stat = DossierStat.objects.get(organization=orgs["TN.SXD"], month=MONTH, procedure_field="Hoạt động xây dựng")
    assert (stat.received_online, stat.settled_on_time, stat.settled_late, stat.pending_within) == (10, 9, 1, 2)


def test_a_bad_row_saves_nothing_and_is_reported_with_its_reason(orgs, users):
    result = _import(orgs, users, report(GOOD, UNBALANCED, NOT_A_NUMBER))
    assert result.saved == 0 and not DossierStat.objects.filter(organization=orgs["TN.SXD"]).exists()
    assert [row.number for row in result.bad_rows] == [5, 6]
    assert "10" in result.bad_rows[0].errors[0] and "mười" in result.bad_rows[1].errors[0]


def test_the_valid_rows_are_saved_when_the_user_keeps_them(orgs, users):
    result = _import(orgs, users, report(GOOD, UNBALANCED), keep_valid=True)
    assert result.saved == 1
    assert list(DossierStat.objects.filter(organization=orgs["TN.SXD"]).values_list("procedure_field", flat=True)) \
        == ["Hoạt động xây dựng"]


def test_a_month_already_recorded_is_not_imported_twice(orgs, users):
    _import(orgs, users, report(GOOD))
    again = _import(orgs, users, report(GOOD))
    assert again.saved == 0 and again.bad_rows


def test_the_page_previews_then_imports_with_the_confirmed_mapping(client_for, orgs):
    client = client_for("focal")
    url = reverse("service:stat_import")
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("bao-cao.xlsx", report(GOOD, UNBALANCED))
    preview = client.post(url, {"organization": orgs["TN.SXD"].pk, "month": "01/03/2025", "file": upload,
                                "preview": "1"})
    assert preview.status_code == 400 and "import-preview" in preview.content.decode()
    assert not DossierStat.objects.filter(organization=orgs["TN.SXD"]).exists()
    form = preview.context["form"]
    data = {name: form[name].value() or "" for name in form.fields if name != "file"}
    data.update(keep_valid="on", confirm="1")
    saved = client.post(url, data)
    assert saved.status_code == 302
    assert DossierStat.objects.filter(organization=orgs["TN.SXD"]).count() == 1


def test_a_month_entered_by_hand_must_balance(orgs, users):
    stat = DossierStat(organization=orgs["TN.SXD"], month=MONTH, received_online=5, settled_on_time=4)
    with pytest.raises(ValidationError):
        services.save_stat(stat, by=users["focal"])
    stat.pending_within = 1
    services.save_stat(stat, by=users["focal"])
    assert stat.history.first().history_user == users["focal"]
