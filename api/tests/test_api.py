"""The REST API: tokens, scoped and paginated lists, writes through the same rules as the pages."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.test import Client
from django.urls import reverse

from orgs.demo import DEMO_PASSWORD
from orgs.models import Organization, StaffMember

pytestmark = pytest.mark.django_db

TOKEN_URL = reverse("api-token")
STAFF_URL = reverse("staff-list")


def staff_url(staff) -> str:
    return reverse("staff-detail", args=[staff.pk])


def get_token(client, username, password=DEMO_PASSWORD):
    return client.post(TOKEN_URL, {"username": username, "password": password})


@pytest.fixture
def api_as(client):
    """A client that authenticates every request with the user's API token, as scripts do."""

    def make(username):
        token = get_token(client, username).json()["token"]
        return Client(HTTP_AUTHORIZATION=f"Token {token}")

    return make


def patch(client, url, data):
    """A PATCH based on the version the client reads first (its ETag, sent back in If-Match)."""
    version = client.get(url).headers.get("ETag", '"0"')
    return client.patch(url, json.dumps(data), content_type="application/json", HTTP_IF_MATCH=version)


def staff_in(code):
    return StaffMember.objects.filter(organization__code=code, user__isnull=True).order_by("pk").first()


def test_a_username_and_password_get_a_token(client, users):
    response = get_token(client, "focal")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"token"}
    assert body["token"] == users["focal"].auth_token.key


def test_a_wrong_password_gets_no_token(client):
    response = get_token(client, "focal", "mat-khau-sai")
    assert response.status_code == 400
    assert "token" not in response.json()


def test_a_request_with_the_token_header_is_the_user(api_as, client):
    assert client.get(STAFF_URL).status_code == 401
    assert api_as("focal").get(STAFF_URL).status_code == 200
    assert Client(HTTP_AUTHORIZATION="Token 0000000000000000000000000000000000000000").get(STAFF_URL).status_code == 401


def test_lists_are_paginated_with_count_and_results(api_as, users):
    body = api_as("focal").get(STAFF_URL).json()
    assert {"count", "next", "previous", "results"} <= set(body)
    assert body["count"] == StaffMember.objects.visible_to(users["focal"]).count()
    assert len(body["results"]) == 25
    assert body["next"].endswith("?page=2")
    organizations = api_as("focal").get(reverse("organization-list")).json()
    assert organizations["count"] == Organization.objects.visible_to(users["focal"]).count()
    assert {"id", "code", "name", "kind", "parent"} <= set(organizations["results"][0])


def test_other_focal_never_sees_so_xay_dung_staff_in_the_list(api_as, orgs):
    client = api_as("other-focal")
    sxd_units = {org.pk for code, org in orgs.items() if code.startswith("TN.SXD")}
    seen = []
    url = STAFF_URL
    while url:
        body = client.get(url).json()
        seen += [row["organization"] for row in body["results"]]
        url = body["next"]
    assert seen, "other-focal should see the roster of its own agency"
    assert not sxd_units & set(seen)
    assert len(seen) == StaffMember.objects.filter(organization__code__startswith="TN.SVHTTDL").count()


def test_a_staff_member_of_another_agency_answers_404(api_as):
    sxd_staff = staff_in("TN.SXD.QLXD")
    assert api_as("other-focal").get(staff_url(sxd_staff)).status_code == 404
    assert api_as("focal").get(staff_url(sxd_staff)).json()["full_name"] == sxd_staff.full_name


def test_a_unit_editor_patches_own_unit_and_history_names_the_user(api_as, users):
    staff = staff_in("TN.SXD.QLXD")
    response = patch(api_as("unit"), staff_url(staff), {"position": "Chuyên viên chính"})
    assert response.status_code == 200
    assert response.json()["position"] == "Chuyên viên chính"
    staff.refresh_from_db()
    assert staff.position == "Chuyên viên chính"
    record = staff.history.order_by("-history_date").first()
    assert (record.position, record.history_user) == ("Chuyên viên chính", users["unit"])


def test_a_service_that_ends_before_it_starts_is_refused_in_vietnamese(api_as):
    staff = staff_in("TN.SXD.QLXD")
    response = patch(api_as("unit"), staff_url(staff), {"active_from": "2024-07-01", "active_to": "2024-06-30"})
    assert response.status_code == 400
    assert "Ngày thôi làm việc không được trước ngày bắt đầu làm việc." in json.dumps(response.json(),
                                                                                     ensure_ascii=False)
    staff.refresh_from_db()
    assert staff.active_to != dt.date(2024, 6, 30)


def test_a_unit_editor_cannot_patch_another_unit(api_as):
    staff = staff_in("TN.SXD.VP")
    assert patch(api_as("unit"), staff_url(staff), {"position": "Giám đốc"}).status_code == 404
    staff.refresh_from_db()
    assert staff.position != "Giám đốc"


def test_moving_a_staff_member_to_another_agency_is_refused(api_as, orgs):
    staff = staff_in("TN.SXD.QLXD")
    # focal cannot even see Sở VHTTDL's units: the unit "does not exist" for it.
    response = patch(api_as("focal"), staff_url(staff), {"organization": orgs["TN.SVHTTDL.QLVH"].pk})
    assert response.status_code == 400
    assert "organization" in response.json()
    staff.refresh_from_db()
    assert staff.organization == orgs["TN.SXD.QLXD"]


def test_the_coordinator_cannot_move_own_staff_into_an_agency_it_only_reads(api_as, orgs):
    staff = staff_in("TN.SNV.VP")
    response = patch(api_as("coordinator"), staff_url(staff), {"organization": orgs["TN.SXD.QLXD"].pk})
    assert response.status_code == 403
    staff.refresh_from_db()
    assert staff.organization == orgs["TN.SNV.VP"]


def test_a_read_only_leader_cannot_create_staff(api_as, orgs):
    before = StaffMember.objects.count()
    response = api_as("leader").post(
        STAFF_URL, {"full_name": "Nguyễn Văn Mới", "category": "civil_servant", "organization": orgs["TN.SXD.QLXD"].pk}
    )
    assert response.status_code == 403
    assert StaffMember.objects.count() == before


def test_the_focal_office_creates_staff_in_its_agency(api_as, orgs):
    response = api_as("focal").post(
        STAFF_URL, {"full_name": "Nguyễn Văn Mới", "category": "civil_servant", "organization": orgs["TN.SXD.QLXD"].pk}
    )
    assert response.status_code == 201
    assert StaffMember.objects.get(pk=response.json()["id"]).organization == orgs["TN.SXD.QLXD"]


def test_the_schema_is_openapi_3_and_lists_the_endpoints(api_as):
    response = api_as("focal").get(reverse("api-schema"), {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert {"/api/organizations/", "/api/organizations/{id}/", "/api/staff/", "/api/staff/{id}/",
            "/api/token/"} <= set(schema["paths"])


def test_the_interactive_docs_are_served_without_a_cdn(client_for):
    response = client_for("focal").get(reverse("api-docs"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui" in html
    assert "/static/drf_spectacular_sidecar/" in html
    assert "cdn.jsdelivr" not in html and "unpkg" not in html
