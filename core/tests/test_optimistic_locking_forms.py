"""An edit form carries the version it was based on: a save based on a stale version is refused,
the other person's change is shown (who, when, before → after), and the user's input stays."""

import re
from html import unescape

import pytest

from core.history import person_name
from core.locking import VERSION_FIELD
from orgs import services
from orgs.models import StaffMember

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def hidden_version(response) -> str:
    match = re.search(rf'name="{VERSION_FIELD}" value="([^"]*)"', response.content.decode())
    assert match, "the edit form carries no version"
    return match.group(1)


def value_of(response, name) -> str:
    return unescape(re.search(rf'name="{name}" value="([^"]*)"', response.content.decode()).group(1))


@pytest.fixture
def staff():
    return StaffMember.objects.filter(organization__code="TN.SXD.QLXD", user__isnull=True).order_by("pk").first()


def form_data(staff, **changes):
    data = {
        "full_name": staff.full_name, "position": staff.position, "category": staff.category,
        "organization": staff.organization_id, "email": staff.email,
        "active_from": staff.active_from.strftime("%d/%m/%Y") if staff.active_from else "",
        "active_to": staff.active_to.strftime("%d/%m/%Y") if staff.active_to else "",
    }
    return {**data, **changes}


def test_a_save_based_on_a_stale_version_is_refused_showing_the_other_change_and_keeping_the_input(
        client_for, users, staff):
    url = f"/staff/{staff.pk}/edit/"
    client = client_for("focal")
    opened = client.get(url)
    version = hidden_version(opened)
    before = staff.position
    # Someone else saves first.
    other = StaffMember.objects.get(pk=staff.pk)
    other.position = "Trưởng phòng (mới)"
    services.save_staff_member(other, by=users["unit"])

    response = client.post(url, form_data(staff, full_name="Tên tôi sửa", position="Phó phòng",
                                          **{VERSION_FIELD: version}))
    assert response.status_code == 400
    page = text_of(response)
    assert "Người khác đã sửa bản ghi này sau khi bạn mở nó; thay đổi của bạn chưa được lưu." in page
    assert person_name(users["unit"]) in page
    assert f"đã sửa chức vụ: «{before or '—'}» → «Trưởng phòng (mới)»" in page
    # Nothing of the user's input is lost, and nothing of it is saved.
    assert value_of(response, "full_name") == "Tên tôi sửa" and value_of(response, "position") == "Phó phòng"
    staff.refresh_from_db()
    assert staff.position == "Trưởng phòng (mới)" and staff.full_name != "Tên tôi sửa"
    # The form now carries the version the user has been shown: saving again keeps theirs.
    resubmitted = client.post(url, form_data(staff, full_name="Tên tôi sửa", position="Phó phòng",
                                             **{VERSION_FIELD: hidden_version(response)}))
    assert resubmitted.status_code == 302
    staff.refresh_from_db()
    assert (staff.full_name, staff.position) == ("Tên tôi sửa", "Phó phòng")


def test_a_save_without_a_version_is_refused_and_saves_nothing(client_for, staff):
    response = client_for("focal").post(f"/staff/{staff.pk}/edit/", form_data(staff, position="Phó phòng"))
    assert response.status_code == 400
    assert "thay đổi của bạn chưa được lưu" in text_of(response)
    staff.refresh_from_db()
    assert staff.position != "Phó phòng"


def test_a_save_based_on_the_current_version_succeeds(client_for, staff):
    url = f"/staff/{staff.pk}/edit/"
    client = client_for("focal")
    version = hidden_version(client.get(url))
    response = client.post(url, form_data(staff, position="Phó phòng", **{VERSION_FIELD: version}))
    assert response.status_code == 302
    staff.refresh_from_db()
    assert staff.position == "Phó phòng"
    # Its version is spent: the same form sent twice is refused the second time.
    again = client.post(url, form_data(staff, position="Chuyên viên", **{VERSION_FIELD: version}))
    assert again.status_code == 400


def test_a_create_form_carries_no_version(client_for):
    assert f'name="{VERSION_FIELD}"' not in client_for("focal").get("/staff/new/").content.decode()
