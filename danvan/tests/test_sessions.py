"""The session store (danvan.sessions) reads a live session, and neither an expired nor an unknown one."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.utils import timezone

from danvan.sessions import SessionStore

pytestmark = pytest.mark.django_db


def test_a_saved_session_reads_back_what_was_stored():
    store = SessionStore()
    store["answer"] = {"plan": 42, "text": "Kế hoạch dân vận"}
    store.save()

    assert SessionStore(store.session_key)["answer"] == {"plan": 42, "text": "Kế hoạch dân vận"}


def test_an_expired_session_reads_as_empty_and_gets_a_new_key():
    store = SessionStore()
    store["answer"] = 1
    store.save()
    Session.objects.filter(session_key=store.session_key).update(expire_date=timezone.now() - dt.timedelta(seconds=1))

    again = SessionStore(store.session_key)
    assert "answer" not in again
    assert again.session_key is None


def test_an_unknown_session_reads_as_empty():
    assert dict(SessionStore("x" * 32).items()) == {}


def test_a_signed_in_request_uses_the_session_and_a_signed_out_one_does_not(client):
    user = get_user_model().objects.create_user("phien", password="mat-khau-dai-2026")
    client.force_login(user)
    assert client.get("/accounts/me/").status_code == 200

    client.logout()
    response = client.get("/accounts/me/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
