"""Public forms refuse robots, floods and oversize input with a Vietnamese message and save nothing;
what a citizen typed is shown inert; the client's address is the connection's unless trusted proxies
stand in front."""

import time

import pytest
from django.core import signing
from django.core.cache import caches
from django.test import RequestFactory

from core import public
from core.testing import public_form_data
from core.tests import public_urls
from core.tests.public_urls import FeedbackForm

pytestmark = [pytest.mark.django_db, pytest.mark.urls("core.tests.public_urls")]
URL = "/public/feedback/"


@pytest.fixture(autouse=True)
def fresh_counts():
    caches["ratelimit"].clear()
    public_urls.SENT.clear()
    yield
    caches["ratelimit"].clear()


def valid(**fields):
    return public_form_data(FeedbackForm, **({"name": "Nguyễn Văn A", "content": "Đường làng hỏng", "consent": "on"}
                                             | fields))


def test_a_person_who_agrees_to_the_notice_sends_the_form(client):
    page = client.get(URL).content.decode()
    assert 'id="personal-data-notice"' in page and "13/2023" in page
    assert client.post(URL, valid()).content == b"ok"
    assert public_urls.SENT[0]["content"] == "Đường làng hỏng"


def test_without_consent_nothing_is_sent(client):
    data = valid()
    del data["consent"]
    response = client.post(URL, data)
    assert response.status_code == 200 and not public_urls.SENT
    assert "Cần sự đồng ý của bạn" in response.content.decode()


def test_a_filled_honeypot_is_refused(client):
    response = client.post(URL, valid(website="http://spam.example"))
    assert response.status_code == 200 and not public_urls.SENT
    assert "Không gửi được biểu mẫu" in response.content.decode()


def test_a_form_sent_back_faster_than_a_person_reads_it_is_refused(client):
    data = valid()
    data[public.ISSUED] = signing.dumps(time.time(), salt=public.ISSUED_SALT)
    response = client.post(URL, data)
    assert not public_urls.SENT and "gửi quá nhanh" in response.content.decode()


@pytest.mark.parametrize("issued", ["missing", "forged", "stale"])
def test_a_missing_forged_or_stale_time_of_issue_is_refused(client, issued):
    data = valid()
    data[public.ISSUED] = {"missing": "", "forged": "forged",
                           "stale": signing.dumps(time.time() - 3 * 86400, salt=public.ISSUED_SALT)}[issued]
    response = client.post(URL, data)
    assert not public_urls.SENT and "Biểu mẫu đã hết hạn" in response.content.decode()


def test_text_longer_than_the_limit_is_refused_with_its_length(client):
    response = client.post(URL, valid() | {"content": "x" * 201})
    assert not public_urls.SENT and "Tối đa 200 ký tự (nội dung này có 201)" in response.content.decode()


def test_a_body_over_the_public_limit_answers_413(client, settings):
    settings.PUBLIC_MAX_BODY_BYTES = 1000
    response = client.post(URL, valid() | {"content": "x" * 2000})
    assert response.status_code == 413 and not public_urls.SENT
    assert "quá dài" in response.content.decode()


def test_a_script_typed_in_a_field_is_shown_inert(client):
    response = client.post(URL, valid(name="<script>alert(1)</script>", website="x"))
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_one_address_over_the_rate_gets_429_and_nothing_is_sent(client):
    for _ in range(3):
        assert client.post(URL, valid()).status_code == 200
    response = client.post(URL, valid())
    assert response.status_code == 429 and len(public_urls.SENT) == 3
    assert "Bạn đã gửi biểu mẫu này quá nhiều lần" in response.content.decode()
    # Another address still may send; reading the form is not counted.
    assert client.post(URL, valid(), REMOTE_ADDR="10.0.0.9").content == b"ok"
    assert client.get(URL).status_code == 200


def test_a_lookup_limits_reads_too(client):
    assert [client.get("/public/lookup/").status_code for _ in range(3)] == [200, 200, 429]


def test_the_counts_live_in_the_shared_database_cache(client):
    client.post(URL, valid())
    assert type(caches["ratelimit"]).__name__ == "DatabaseCache"


def test_the_address_is_the_connections_unless_proxies_are_trusted(settings):
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
    settings.PUBLIC_TRUSTED_PROXIES = 0
    assert public.client_address(request) == "10.0.0.1"
    settings.PUBLIC_TRUSTED_PROXIES = 1
    # The address the one trusted proxy saw; what the client wrote on the left does not count.
    assert public.client_address(request) == "203.0.113.7"
    settings.PUBLIC_TRUSTED_PROXIES = 3
    assert public.client_address(request) == "10.0.0.1"
