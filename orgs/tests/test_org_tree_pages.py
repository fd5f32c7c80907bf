"""The organization tree pages: what each role sees, who may add units, errors in Vietnamese."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.urls import reverse

from core.locking import VERSION_FIELD, version_of
from core.testing import read_export
from orgs.models import Organization, OrganizationChange, OrganizationChangeKind

TREE_URL = reverse("orgs:organization_list")
CREATE_URL = reverse("orgs:organization_create")


def text_of(response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def tree_rows(response) -> list[tuple[int, str]]:
    """(indentation depth, organization name) for each row of the tree, top to bottom."""
    rows = re.findall(
        r'<td[^>]*class="tree-cell tree-depth-(\d+)"[^>]*>.*?<a href="/orgs/\d+/"[^>]*>(.*?)</a>',
        response.content.decode(),
        flags=re.S,
    )
    return [(int(depth), unescape(name)) for depth, name in rows]


def new_unit(parent, **changes) -> dict:
    data = {
        "code": "TN.TEST.TO1",
        "symbol": "TCT",
        "name": "Tổ công tác dân vận",
        "short_name": "Tổ CTDV",
        "kind": "unit",
        "parent": parent.pk,
        "valid_from": "01/07/2025",
        "valid_to": "",
        "effective_date": "",
        "decision": "",
    }
    data.update(changes)
    return data


def test_the_focal_tree_shows_so_xay_dung_with_its_units_indented_and_nothing_else(client_for, orgs):
    rows = tree_rows(client_for("focal").get(TREE_URL))
    names = [name for _indent, name in rows]
    assert names[0] == "Sở Xây dựng tỉnh Tây Ninh"
    agency_indent = rows[0][0]
    units = {org.name for code, org in orgs.items() if code.startswith("TN.SXD.")}
    assert set(names[1:]) == units
    assert all(indent > agency_indent for indent, _name in rows[1:])
    page = text_of(client_for("focal").get(TREE_URL))
    for other in ("Sở Văn hóa, Thể thao và Du lịch tỉnh Tây Ninh", "Sở Nội vụ tỉnh Tây Ninh",
                  "Ủy ban nhân dân tỉnh Tây Ninh", "Thành phố Hồ Chí Minh"):
        assert other not in page


def test_the_coordinator_tree_shows_the_province_above_its_agencies_and_opens_them_on_demand(client_for, orgs):
    client = client_for("coordinator")
    rows = tree_rows(client.get(TREE_URL))
    indent = dict((name, depth) for depth, name in rows)
    assert rows[0][1] == "Ủy ban nhân dân tỉnh Tây Ninh"
    assert indent["Ủy ban nhân dân tỉnh Tây Ninh"] < indent["Sở Nội vụ tỉnh Tây Ninh"]
    assert "Văn phòng Sở Nội vụ" not in indent
    assert not any("Hồ Chí Minh" in name for name in indent)
    opened = tree_rows(client.get(reverse("orgs:organization_children", args=[orgs["TN.SNV"].pk])))
    assert (indent["Sở Nội vụ tỉnh Tây Ninh"] + 1, "Văn phòng Sở Nội vụ") in opened


def test_a_merged_organization_is_hidden_unless_the_filter_asks_for_it(client_for):
    client = client_for("coordinator")
    merged = "Sở Giao thông vận tải tỉnh Tây Ninh"
    assert merged not in [name for _i, name in tree_rows(client.get(TREE_URL))]
    inactive = [name for _i, name in tree_rows(client.get(TREE_URL, {"active": "false"}))]
    assert merged in inactive
    assert "Sở Xây dựng tỉnh Tây Ninh" not in inactive
    everything = text_of(client.get(TREE_URL, {"active": ""}))
    assert merged in everything and "→ Sở Xây dựng tỉnh Tây Ninh" in everything
    assert "01/04/2008 – 28/02/2025" in everything


def test_the_coordinator_adds_a_unit_under_any_agency_of_the_province(client_for, orgs, users):
    parent = orgs["TN.SVHTTDL"]
    response = client_for("coordinator").post(CREATE_URL, new_unit(parent))
    created = Organization.objects.get(code="TN.TEST.TO1")
    assert response.status_code == 302 and response["Location"] == created.get_absolute_url()
    assert created.parent == parent and created.path.startswith(parent.path)
    establish = created.changes.get()
    assert (establish.kind, establish.recorded_by) == (OrganizationChangeKind.ESTABLISH, users["coordinator"])
    detail = text_of(client_for("coordinator").get(created.get_absolute_url()))
    assert "Đã thêm cơ quan, đơn vị." in detail


def test_focal_cannot_add_a_unit_under_another_agency(client_for, orgs):
    client = client_for("focal")
    form_page = client.get(CREATE_URL).content.decode()
    assert "Sở Văn hóa, Thể thao và Du lịch tỉnh Tây Ninh" not in form_page
    response = client.post(CREATE_URL, new_unit(orgs["TN.SVHTTDL"]))
    assert response.status_code == 400
    assert "Hãy chọn một lựa chọn hợp lệ." in text_of(response)
    assert not Organization.objects.filter(code="TN.TEST.TO1").exists()


def test_focal_adds_a_unit_inside_its_own_agency(client_for, orgs):
    response = client_for("focal").post(CREATE_URL, new_unit(orgs["TN.SXD"]))
    assert response.status_code == 302
    assert Organization.objects.get(code="TN.TEST.TO1").parent == orgs["TN.SXD"]


def test_a_unit_editor_is_denied_the_create_page_in_vietnamese(client_for):
    response = client_for("unit").get(CREATE_URL)
    assert response.status_code == 403
    assert "Bạn không có quyền mở trang này." in text_of(response)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": "", "code": ""}, "Trường này là bắt buộc."),
        ({"valid_from": "31/02/2025"}, "Nhập một ngày hợp lệ."),
        ({"code": "TN.SXD.QLXD"}, "Cơ quan, đơn vị có Mã đã tồn tại."),
        ({"kind": "agency"}, "Không thể đặt loại “Cơ quan” trực thuộc cơ quan này."),
        ({"valid_from": "01/07/2025", "valid_to": "30/06/2025"},
         "Ngày hết hiệu lực không được trước ngày bắt đầu hiệu lực."),
    ],
    ids=["required", "bad-date", "duplicate-code", "wrong-kind", "ends-before-it-starts"],
)
def test_an_invalid_new_organization_is_refused_in_vietnamese(client_for, orgs, changes, message):
    before = Organization.objects.count()
    response = client_for("focal").post(CREATE_URL, new_unit(orgs["TN.SXD"], **changes))
    assert response.status_code == 400
    assert message in text_of(response)
    assert Organization.objects.count() == before


def _edit_data(org, **changes) -> dict:
    data = new_unit(org.parent, code=org.code, symbol=org.symbol, name=org.name, short_name=org.short_name,
                    kind=org.kind, valid_from=org.valid_from.strftime("%d/%m/%Y"))
    data[VERSION_FIELD] = version_of(org)
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": ""}, "Trường này là bắt buộc."),
        ({"parent": "self"}, "Không thể đặt một đơn vị trực thuộc chính nó."),
        ({"kind": "province"}, "Tỉnh, thành phố không trực thuộc cơ quan nào."),
    ],
    ids=["required", "under-itself", "wrong-kind"],
)
def test_an_invalid_edit_is_refused_in_vietnamese_and_changes_nothing(client_for, orgs, changes, message):
    division = orgs["TN.SXD.QLXD"]
    if changes.get("parent") == "self":
        changes = {**changes, "parent": division.pk}
    response = client_for("focal").post(reverse("orgs:organization_update", args=[division.pk]),
                                        _edit_data(division, **changes))
    assert response.status_code == 400
    assert message in text_of(response)
    fresh = Organization.objects.get(pk=division.pk)
    assert (fresh.name, fresh.kind, fresh.parent_id, fresh.path) == (division.name, division.kind,
                                                                      division.parent_id, division.path)
    assert not OrganizationChange.objects.filter(organization=division, kind=OrganizationChangeKind.RENAME).exists()


def test_dates_read_dd_mm_yyyy_on_pages_and_in_forms(client_for, orgs):
    client = client_for("focal")
    division = orgs["TN.SXD.QLXD"]
    assert "01/04/2008" in text_of(client.get(TREE_URL))
    assert "01/04/2008 – …" in text_of(client.get(division.get_absolute_url()))
    form = client.get(reverse("orgs:organization_update", args=[division.pk])).content.decode()
    assert 'value="01/04/2008"' in form
    assert "2008-04-01" not in form


def test_the_organization_form_and_export_name_an_organization_not_a_person(client_for):
    client = client_for("focal")
    form = text_of(client.get(CREATE_URL))
    assert "Tên đầy đủ" in form
    assert "Họ và tên" not in form
    response = client.get(reverse("orgs:organization_export"))
    headers, _rows = read_export(response.content)
    assert headers == ["Mã", "Ký hiệu", "Tên đầy đủ", "Tên viết tắt", "Loại", "Loại hình", "Cơ quan cấp trên",
                             "Hiệu lực từ", "Hiệu lực đến"]
