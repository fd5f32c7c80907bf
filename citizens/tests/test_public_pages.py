"""Citizens without an account: the directory, feedback that becomes a petition, following it by code and
secret; and what the public forms refuse (floods, oversize input, robots), with nothing of anyone's account."""

import pytest
from django.core.cache import caches
from django.urls import reverse

from citizens import services
from citizens.models import Channel, DirectoryEntry, Petition, PetitionKind, PetitionState
from citizens.public import FeedbackForm
from citizens.tests.factories import handler_of
from core.testing import public_form_data

pytestmark = pytest.mark.django_db
SCRIPT = "<script>alert('x')</script>"


@pytest.fixture(autouse=True)
def fresh_counts():
    caches["ratelimit"].clear()
    yield
    caches["ratelimit"].clear()


@pytest.fixture
def agency(orgs):
    DirectoryEntry.objects.create(organization=orgs["TN.SXD"], hotline="0276 3822 111",
                                  duties="Tiếp nhận phản ánh về xây dựng")
    DirectoryEntry.objects.create(organization=orgs["TN.SXD.QLXD"], hotline="0276 3822 222",
                                  duties="Cấp phép xây dựng")
    return orgs["TN.SXD"]


def feedback_url(agency):
    return reverse("citizens:public_feedback", args=[agency.pk])


def valid(orgs, **fields):
    return public_form_data(FeedbackForm, **({
        "organization": orgs["TN.SXD.QLXD"].pk, "name": "Phạm Thị Dân", "address": "Ấp 2, Tân Biên",
        "phone": "0987000111", "subject": "Công trình lấn chiếm vỉa hè", "content": "Đề nghị kiểm tra",
        "consent": "on"} | fields))


def send(client, orgs, agency, **fields):
    return client.post(feedback_url(agency), valid(orgs, **fields))


def follow(client, code, secret):
    return client.get(reverse("citizens:public_follow"), {"code": code, "secret": secret})


def test_the_directory_lists_each_agency_its_units_duties_and_hotline(client, agency):
    assert "0276 3822 111" in client.get(reverse("citizens:public_directory")).content.decode()
    page = client.get(reverse("citizens:public_agency", args=[agency.pk])).content.decode()
    assert "Cấp phép xây dựng" in page and "0276 3822 222" in page and feedback_url(agency) in page


def test_feedback_with_consent_becomes_a_petition_of_kind_feedback_followed_by_code(client, orgs, agency):
    page = client.get(feedback_url(agency)).content.decode()
    assert "13/2023" in page
    response = send(client, orgs, agency)
    assert response.status_code == 200
    petition = Petition.objects.get(subject="Công trình lấn chiếm vỉa hè")
    assert (petition.kind, petition.channel, petition.state) == (
        PetitionKind.FEEDBACK, Channel.ONLINE, PetitionState.RECEIVED)
    assert petition.organization == orgs["TN.SXD.QLXD"] and petition.consent_at is not None
    secret = response.context["secret"]
    assert petition.code in response.content.decode() and secret in response.content.decode()
    followed = follow(client, petition.code, secret)
    text = followed.content.decode()
    assert followed.status_code == 200 and 'id="petition-state"' in text
    for personal in ("Phạm Thị Dân", "Tân Biên", "0987000111"):
        assert personal not in text


def test_without_consent_nothing_is_recorded(client, orgs, agency):
    response = client.post(feedback_url(agency), valid(orgs, consent=""))
    assert response.status_code == 200 and "consent" in response.context["form"].errors
    assert not Petition.objects.filter(kind=PetitionKind.FEEDBACK, subject="Công trình lấn chiếm vỉa hè").exists()


def test_a_wrong_secret_answers_as_if_the_code_did_not_exist(client, orgs, agency):
    secret = send(client, orgs, agency).context["secret"]
    petition = Petition.objects.get(subject="Công trình lấn chiếm vỉa hè")
    wrong = follow(client, petition.code, "WRONGSECRET")
    unknown = follow(client, "PAZZZZZZZZ", "WRONGSECRET")
    assert wrong.status_code == unknown.status_code == 404
    assert wrong.content.decode().replace(petition.code, "CODE") == unknown.content.decode().replace(
        "PAZZZZZZZZ", "CODE")
    assert follow(client, petition.code.lower(), secret.lower()).status_code == 200


def test_feedback_over_the_rate_gets_429_and_records_nothing(client, orgs, agency, settings):
    settings.PUBLIC_FORM_RATE = "2/m"
    for _i in range(2):
        assert send(client, orgs, agency).status_code == 200
    response = send(client, orgs, agency, subject="Lần thứ ba")
    assert response.status_code == 429
    assert not Petition.objects.filter(subject="Lần thứ ba").exists()


def test_lookups_are_rate_limited_too(client):
    for _i in range(20):
        assert follow(client, "PAZZZZZZZZ", "X").status_code == 404
    assert follow(client, "PAZZZZZZZZ", "X").status_code == 429


def test_oversize_input_is_refused(client, orgs, agency, settings):
    response = send(client, orgs, agency, content="x" * 4001)
    assert response.status_code == 200 and "content" in response.context["form"].errors
    settings.PUBLIC_MAX_BODY_BYTES = 1000
    assert send(client, orgs, agency, content="y" * 2000).status_code == 413
    assert not Petition.objects.filter(content__startswith="x").exists()


def test_a_robot_filling_the_honeypot_records_nothing(client, orgs, agency):
    response = send(client, orgs, agency, website="http://spam.example")
    assert response.status_code == 200 and response.context["form"].non_field_errors()
    assert not Petition.objects.filter(subject="Công trình lấn chiếm vỉa hè").exists()


def test_a_script_typed_in_the_form_is_shown_inert_to_the_citizen_and_the_handler(client, orgs, agency):
    refused = client.post(feedback_url(agency), valid(orgs, subject=SCRIPT, consent=""))
    assert SCRIPT not in refused.content.decode() and "&lt;script&gt;" in refused.content.decode()
    send(client, orgs, agency, subject=SCRIPT, name=SCRIPT)
    petition = Petition.objects.get(subject=SCRIPT)
    client.force_login(handler_of(orgs["TN.SXD.QLXD"]))
    page = client.get(petition.get_absolute_url()).content.decode()
    assert SCRIPT not in page and "&lt;script&gt;" in page


@pytest.mark.parametrize("url_name", ["public_directory", "public_follow"])
def test_public_pages_show_nothing_of_a_signed_in_account(client_for, url_name, users):
    page = client_for("focal").get(reverse(f"citizens:{url_name}")).content.decode()
    user = users["focal"]
    for account_data in (user.username, user.get_full_name(), "logout", "csrfmiddlewaretoken\" value=\"x"):
        assert account_data and account_data not in page


def test_public_agency_and_feedback_pages_show_nothing_of_a_signed_in_account(client_for, users, agency):
    user = users["focal"]
    for url in (reverse("citizens:public_agency", args=[agency.pk]), feedback_url(agency)):
        page = client_for("focal").get(url).content.decode()
        assert user.get_full_name() not in page and "logout" not in page


def test_the_follow_page_shows_steps_without_the_handlers_names(client, orgs, agency):
    secret = send(client, orgs, agency).context["secret"]
    petition = Petition.objects.get(subject="Công trình lấn chiếm vỉa hè")
    handler = handler_of(orgs["TN.SXD.QLXD"])
    handler.first_name, handler.last_name = "Cán Bộ", "Xử Lý"
    handler.save()
    services.advance(petition, "accept", by=handler)
    text = follow(client, petition.code, secret).content.decode()
    assert "Xử Lý" not in text and "handler" not in text
