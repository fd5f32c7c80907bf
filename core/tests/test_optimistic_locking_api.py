"""API updates are optimistic-locked: GET answers an ETag, PUT and PATCH need it in If-Match
(428 without it, 412 when stale, in Vietnamese and naming the other change)."""

import json

import pytest
from django.test import Client
from rest_framework.authtoken.models import Token

from core.history import person_name
from orgs import services
from orgs.models import StaffMember

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(users):
    token, _ = Token.objects.get_or_create(user=users["unit"])
    return Client(HTTP_AUTHORIZATION=f"Token {token.key}")


@pytest.fixture
def staff():
    return StaffMember.objects.filter(organization__code="TN.SXD.QLXD", user__isnull=True).order_by("pk").first()


def url_of(staff):
    return f"/api/staff/{staff.pk}/"


def send(client, method, url, data, **headers):
    return getattr(client, method)(url, json.dumps(data), content_type="application/json", **headers)


def test_get_answers_an_etag_and_a_patch_with_it_succeeds_with_the_next(api, staff):
    read = api.get(url_of(staff))
    etag = read.headers["ETag"]
    assert etag.startswith('"') and etag.endswith('"')
    response = send(api, "patch", url_of(staff), {"position": "Phó phòng"}, HTTP_IF_MATCH=etag)
    assert response.status_code == 200
    assert response.headers["ETag"] not in ("", etag)
    assert response.headers["ETag"] == api.get(url_of(staff)).headers["ETag"]


@pytest.mark.parametrize("method", ["patch", "put"])
def test_an_update_without_if_match_answers_428_in_vietnamese(api, staff, method):
    body = api.get(url_of(staff)).json()
    response = send(api, method, url_of(staff), {**body, "position": "Phó phòng"})
    assert response.status_code == 428
    assert "If-Match" in response.json()["detail"] and "phiên bản" in response.json()["detail"]
    staff.refresh_from_db()
    assert staff.position != "Phó phòng"


@pytest.mark.parametrize("method", ["patch", "put"])
def test_an_update_based_on_a_stale_etag_answers_412_naming_the_other_change(api, staff, users, method):
    read = api.get(url_of(staff))
    other = StaffMember.objects.get(pk=staff.pk)
    other.position = "Trưởng phòng (mới)"
    services.save_staff_member(other, by=users["focal"])
    response = send(api, method, url_of(staff), {**read.json(), "position": "Phó phòng"},
                    HTTP_IF_MATCH=read.headers["ETag"])
    assert response.status_code == 412
    detail = response.json()["detail"]
    assert "Người khác đã sửa bản ghi này" in detail and person_name(users["focal"]) in detail
    assert "«Trưởng phòng (mới)»" in detail
    staff.refresh_from_db()
    assert staff.position == "Trưởng phòng (mới)"


def test_an_object_out_of_reach_answers_404_before_any_precondition(api):
    outside = StaffMember.objects.exclude(organization__code="TN.SXD.QLXD").order_by("pk").first()
    assert send(api, "patch", url_of(outside), {"position": "x"}).status_code == 404
