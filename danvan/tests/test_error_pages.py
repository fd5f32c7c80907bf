"""Errors answer their status with a Vietnamese page in the site layout, or JSON under /api/."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, RequestFactory

from danvan.errors import server_error
from orgs.views import HomeView

MB = 1024 * 1024
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("production_errors")]


@pytest.fixture
def production_errors(settings):
    settings.DEBUG = False


def title_of(response):
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1).strip()


def test_unknown_page_answers_404_in_vietnamese(client_for):
    response = client_for("focal").get("/no-such-page/")
    assert response.status_code == 404
    assert title_of(response) == "Không tìm thấy · DanVan"
    assert "Trang không tồn tại hoặc bạn không có quyền xem." in response.content.decode()
    # The site layout, with the user's menu.
    assert "Đăng xuất" in response.content.decode()


def test_page_needing_a_right_held_nowhere_answers_403_in_vietnamese(client_for):
    response = client_for("viewer").get("/staff/new/")
    assert response.status_code == 403
    assert title_of(response) == "Không có quyền truy cập · DanVan"
    assert "Bạn không có quyền mở trang này." in response.content.decode()


def test_bad_request_answers_400_in_vietnamese(client):
    response = client.get("/accounts/login/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert title_of(response) == "Yêu cầu không hợp lệ · DanVan"
    assert "Hệ thống không hiểu được yêu cầu." in response.content.decode()


def test_server_error_answers_500_in_vietnamese(users, monkeypatch):
    def broken(self, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(HomeView, "get_context_data", broken)
    client = Client(raise_request_exception=False)
    client.force_login(users["focal"])
    response = client.get("/")
    assert response.status_code == 500
    assert title_of(response) == "Lỗi máy chủ · DanVan"
    assert "Hệ thống đang gặp sự cố." in response.content.decode()


def test_server_error_page_renders_without_the_database_or_the_user_menu(django_assert_num_queries):
    request = RequestFactory().get("/")
    with django_assert_num_queries(0):
        response = server_error(request)
    page = response.content.decode()
    assert response.status_code == 500
    assert "Lỗi máy chủ" in page
    assert "Đăng xuất" not in page


def test_oversize_form_answers_413_with_the_limit_in_megabytes(client_for, orgs, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1 * MB
    data = {"full_name": "x" * (MB + 1), "category": "civil_servant", "organization": orgs["TN.SXD.QLXD"].pk}
    response = client_for("focal").post("/staff/new/", data)
    assert response.status_code == 413
    assert title_of(response) == "Yêu cầu quá lớn · DanVan"
    assert "Mỗi biểu mẫu chỉ được gửi tối đa 1 MB dữ liệu, không kể tệp đính kèm." in response.content.decode()


def test_upload_larger_than_any_accepted_file_answers_413_before_it_is_read(client_for, orgs, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1 * MB
    settings.MAX_IMPORT_FILE_SIZE = 1 * MB
    settings.MAX_PLAN_IMPORT_SIZE = 1 * MB
    upload = SimpleUploadedFile("roster.xlsx", b"\0" * (2 * MB + 1))
    response = client_for("focal").post("/staff/import/", {"organization": orgs["TN.SXD"].pk, "file": upload})
    assert response.status_code == 413
    assert "Mỗi yêu cầu gửi lên chỉ được tối đa 2 MB, kể cả tệp đính kèm." in response.content.decode()


def test_api_answers_json_for_an_unknown_path_and_an_object_out_of_reach(client_for):
    client = client_for("focal")
    for url in ("/api/no-such-endpoint/", "/api/staff/999999999/"):
        response = client.get(url)
        assert response.status_code == 404
        assert response["Content-Type"] == "application/json"
        assert "detail" in response.json()


def test_api_answers_json_when_a_right_is_missing(client_for, orgs):
    response = client_for("leader").post(
        "/api/staff/",
        {"full_name": "Nguyễn Văn Mới", "category": "civil_servant", "organization": orgs["TN.SXD.QLXD"].pk},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert response["Content-Type"] == "application/json"
    assert "detail" in response.json()
