"""Logging in: a Vietnamese page, a home for the user's organization, a lock after repeated failures."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.conf import settings
from django.urls import reverse

from orgs.demo import DEMO_PASSWORD

pytestmark = pytest.mark.django_db

LOGIN_URL = reverse("login")
HOME_URL = reverse("home")
WRONG_PASSWORD_MESSAGE = (
    "Sai tên đăng nhập hoặc mật khẩu. Lưu ý: đăng nhập sai nhiều lần sẽ bị tạm khóa tài khoản."
)


def text_of(response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def log_in(client, username, password=DEMO_PASSWORD, **extra):
    return client.post(LOGIN_URL, {"username": username, "password": password}, **extra)


@pytest.fixture
def lock_out(client):
    """Fail the limit of logins for a username, as a user mistyping their password would."""

    def fail(username):
        for _attempt in range(settings.AXES_FAILURE_LIMIT):
            log_in(client, username, "mat-khau-sai")

    return fail


def test_login_page_is_in_vietnamese(client):
    response = client.get(LOGIN_URL)
    assert response.status_code == 200
    assert '<html lang="vi">' in response.content.decode()
    page = text_of(response)
    assert "Đăng nhập DanVan" in page
    assert "Tên đăng nhập" in page and "Mật khẩu" in page


def test_a_page_asks_an_anonymous_visitor_to_log_in_first(client):
    response = client.get(reverse("orgs:staff_list"))
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN_URL}?next={reverse('orgs:staff_list')}"


def test_the_right_password_lands_on_the_home_page_of_the_users_organization(client):
    response = log_in(client, "focal", follow=True)
    assert response.redirect_chain == [(HOME_URL, 302)]
    page = text_of(response)
    assert "Xin chào, Trần Văn Hùng" in page
    assert "Đầu mối (Văn phòng)" in page
    assert "Văn phòng Sở Xây dựng" in page
    assert "Sở Xây dựng tỉnh Tây Ninh" in page


def test_the_home_page_names_the_unit_of_a_unit_editor(client_for):
    page = text_of(client_for("unit").get(HOME_URL))
    assert "Cán bộ đơn vị" in page
    assert "Phòng Quản lý hoạt động xây dựng" in page
    assert "Văn phòng Sở Xây dựng" not in page


def test_a_wrong_password_is_refused_in_vietnamese(client):
    response = log_in(client, "focal", "mat-khau-sai")
    assert response.status_code == 200
    assert WRONG_PASSWORD_MESSAGE in text_of(response)
    assert client.get(HOME_URL).status_code == 302


def test_after_repeated_failures_even_the_right_password_meets_the_lock(client, lock_out):
    lock_out("focal")
    response = log_in(client, "focal")
    assert response.status_code == 429
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    page = text_of(response)
    assert "Tài khoản tạm thời bị khóa" in page
    assert f"Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {minutes} phút" in page
    assert client.get(HOME_URL).status_code == 302


def test_one_failure_fewer_than_the_limit_still_lets_the_user_in(client):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, "focal", "mat-khau-sai")
    assert log_in(client, "focal")["Location"] == HOME_URL


def test_a_locked_account_does_not_lock_anyone_else(client, lock_out):
    lock_out("focal")
    assert log_in(client, "leader")["Location"] == HOME_URL
