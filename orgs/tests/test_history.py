"""Every change is kept: who changed a staff member, renames and merges of organizations."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from core.locking import VERSION_FIELD, version_of
from orgs import services
from orgs.models import Organization, OrganizationChange, OrganizationChangeKind, StaffMember


def text_of(response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def staff_form_data(staff: StaffMember, **changes) -> dict:
    data = {
        "full_name": staff.full_name,
        "position": staff.position,
        "category": staff.category,
        "organization": staff.organization_id,
        "email": staff.email,
        "active_from": staff.active_from.strftime("%d/%m/%Y") if staff.active_from else "",
        "active_to": staff.active_to.strftime("%d/%m/%Y") if staff.active_to else "",
        VERSION_FIELD: version_of(staff),
    }
    data.update(changes)
    return data


def organization_form_data(org: Organization, **changes) -> dict:
    data = {
        "code": org.code,
        "symbol": org.symbol,
        "name": org.name,
        "short_name": org.short_name,
        "kind": org.kind,
        "parent": org.parent_id or "",
        "valid_from": org.valid_from.strftime("%d/%m/%Y") if org.valid_from else "",
        "valid_to": org.valid_to.strftime("%d/%m/%Y") if org.valid_to else "",
        "effective_date": "",
        "decision": "",
        VERSION_FIELD: version_of(org),
    }
    if org.is_focal_office:
        data["is_focal_office"] = "on"
    data.update(changes)
    return data


@pytest.fixture
def staff(orgs):
    return StaffMember.objects.filter(organization=orgs["TN.SXD.QLXD"], user__isnull=True).order_by("pk").first()


def test_editing_a_staff_member_shows_who_when_before_and_after_on_the_history_page(client_for, staff):
    client = client_for("focal")
    old_position = staff.position
    response = client.post(reverse("orgs:staff_update", args=[staff.pk]),
                           staff_form_data(staff, position="Phó Chánh Văn phòng", email="moi@sxd.vn"))
    assert response.status_code == 302

    record = staff.history.order_by("-history_date").first()
    assert record.history_user.username == "focal"
    assert (record.position, record.email) == ("Phó Chánh Văn phòng", "moi@sxd.vn")

    page = text_of(client.get(reverse("orgs:staff_history", args=[staff.pk])))
    assert "Lịch sử thay đổi" in page
    assert "Thời gian Người thực hiện Thao tác Nội dung thay đổi" in page
    # Newest first: the edit, by focal, today (Asia/Ho_Chi_Minh), with each field before → after.
    today = timezone.localdate().strftime("%d/%m/%Y")
    newest = page.split("Nội dung thay đổi", 1)[1]
    assert newest.lstrip().startswith(today)
    # The demo roster was created without a user: "hệ thống" (the system).
    edit, creation, _rest = newest.partition("hệ thống tạo mới")
    assert creation
    assert " Trần Văn Hùng sửa " in edit
    assert f"Chức vụ : {old_position} → Phó Chánh Văn phòng" in edit
    assert "Email : — → moi@sxd.vn" in edit


def test_a_staff_history_is_hidden_from_another_agency(client_for, staff):
    assert client_for("other-focal").get(reverse("orgs:staff_history", args=[staff.pk])).status_code == 404


def test_renaming_an_organization_records_the_old_and_new_name_for_its_date(client_for, orgs, users):
    division = orgs["TN.SXD.QHKT"]
    old_name = division.name
    new_name = "Phòng Quy hoạch, Kiến trúc và Phát triển đô thị"
    response = client_for("focal").post(
        reverse("orgs:organization_update", args=[division.pk]),
        organization_form_data(division, name=new_name, effective_date="01/07/2025", decision="QĐ 15/QĐ-SXD"),
    )
    assert response.status_code == 302

    change = OrganizationChange.objects.get(organization=division, kind=OrganizationChangeKind.RENAME)
    assert (change.old_name, change.new_name, change.date) == (old_name, new_name, dt.date(2025, 7, 1))
    assert (change.decision, change.recorded_by) == ("QĐ 15/QĐ-SXD", users["focal"])

    division.refresh_from_db()
    assert division.name == new_name
    # Plans of the first half of 2025 still read under the name the division bore then.
    assert division.name_on(dt.date(2025, 6, 30)) == old_name
    assert division.name_on(dt.date(2025, 7, 1)) == new_name
    assert division.name_on(timezone.localdate()) == new_name

    page = text_of(client_for("focal").get(division.get_absolute_url()))
    assert f"01/07/2025: Đổi tên — từ “{old_name}” thành “{new_name}” (QĐ 15/QĐ-SXD)" in page
    history = text_of(client_for("focal").get(reverse("orgs:organization_history", args=[division.pk])))
    assert f"Trần Văn Hùng sửa Đổi tên Tên đầy đủ : {old_name} → {new_name}" in history


def test_merging_through_the_merge_page_closes_the_source_the_day_before(client_for, orgs, users):
    source, target = orgs["TN.SXD.QHKT"], orgs["TN.SXD.QLXD"]
    client = client_for("focal")
    response = client.post(reverse("orgs:organization_merge", args=[source.pk]),
                           {"into": target.pk, "date": "01/07/2025", "decision": "QĐ 20/QĐ-SXD",
                            VERSION_FIELD: version_of(source)})
    assert response.status_code == 302

    source.refresh_from_db()
    assert source.valid_to == dt.date(2025, 6, 30)
    assert source.successor == target
    change = OrganizationChange.objects.get(organization=source, kind=OrganizationChangeKind.MERGE)
    assert (change.result, change.date, change.recorded_by) == (target, dt.date(2025, 7, 1), users["focal"])

    source_page = text_of(client.get(source.get_absolute_url()))
    assert "không còn hoạt động" in source_page
    assert f"hợp nhất vào {target.name}" in source_page
    assert "– 30/06/2025" in source_page
    assert "01/07/2025: Hợp nhất" in source_page
    target_page = text_of(client.get(target.get_absolute_url()))
    assert f"01/07/2025: tiếp nhận {source.name}" in target_page


@pytest.mark.parametrize("into_code", ["TN.SXD.QHKT", "TN.SXD"], ids=["into-itself", "different-kind"])
def test_an_illegal_merge_on_the_page_is_refused_and_changes_nothing(client_for, orgs, into_code):
    source = orgs["TN.SXD.QHKT"]
    response = client_for("focal").post(reverse("orgs:organization_merge", args=[source.pk]),
                                        {"into": orgs[into_code].pk, "date": "01/07/2025"})
    assert response.status_code == 400
    assert "Hãy chọn một lựa chọn hợp lệ." in text_of(response)
    source.refresh_from_db()
    assert (source.valid_to, source.successor) == (None, None)
    assert not OrganizationChange.objects.filter(organization=source, kind=OrganizationChangeKind.MERGE).exists()


@pytest.mark.parametrize(
    ("into_code", "message"),
    [
        ("TN.SXD.QHKT", "Không thể hợp nhất một đơn vị vào chính nó."),
        ("TN.SXD", "Chỉ hợp nhất được các đơn vị cùng loại."),
    ],
    ids=["into-itself", "different-kind"],
)
def test_the_merge_rule_refuses_illegal_merges_with_a_vietnamese_reason(orgs, users, into_code, message):
    source = orgs["TN.SXD.QHKT"]
    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        services.merge_organizations([source], into=orgs[into_code], date=dt.date(2025, 7, 1), by=users["focal"])
    assert refused.value.messages == [message]
    source.refresh_from_db()
    assert (source.valid_to, source.successor) == (None, None)
