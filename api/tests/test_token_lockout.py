"""Once an account is locked by repeated failures, the API token call says so, with the minutes."""

import pytest
from django.conf import settings
from django.urls import reverse

from orgs.demo import DEMO_PASSWORD

TOKEN_URL = reverse("api-token")


@pytest.fixture
def locked(client, users):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(TOKEN_URL, {"username": "focal", "password": "mat-khau-sai"})
    return "focal"


def test_a_locked_account_is_told_it_is_locked_and_for_how_long(client, locked):
    response = client.post(TOKEN_URL, {"username": locked, "password": DEMO_PASSWORD})
    assert response.status_code == 400
    body = response.json()
    assert "token" not in body
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    message = " ".join(body["non_field_errors"])
    assert "bị tạm khóa" in message and f"{minutes} phút" in message


def test_a_wrong_password_before_the_lock_is_not_called_a_lock(client, users):
    response = client.post(TOKEN_URL, {"username": "focal", "password": "mat-khau-sai"})
    assert response.status_code == 400
    assert "bị tạm khóa" not in " ".join(response.json()["non_field_errors"])
