"""Petitioners' personal data reach only the people handling the petition: every page, export and endpoint
shows the petition to the others without them; each reading is logged for the coordinator."""

import datetime as dt
import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from openpyxl import load_workbook

from citizens import services
from citizens.models import PersonalDataReading, Petition, PetitionKind, PetitionState
from citizens.tests.factories import PetitionFactory, ReceptionFactory, handler_of

pytestmark = pytest.mark.django_db
PERSONAL = ("Trần Thị Bí Mật", "Lý Thường Kiệt", "0912345678", "072301009999")
CITIZEN = ("Lê Văn Công Dân", "Hẻm 3", "072301001111")
# Roles that see the unit's records but do not handle its petitions.
OTHERS_WHO_SEE = ("focal", "unit", "inspector", "coordinator")


@pytest.fixture
def petition(orgs):
    return PetitionFactory(organization=orgs["TN.SXD.QLXD"], code="PAPRIVATE1", subject="Khiếu nại về cấp phép")


@pytest.fixture
def reception(orgs):
    return ReceptionFactory(organization=orgs["TN.SXD.QLXD"])


@pytest.fixture
def handler(orgs):
    return handler_of(orgs["TN.SXD.QLXD"])


def text_of(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if response["Content-Type"].endswith("spreadsheetml.sheet"):
        sheet = load_workbook(io.BytesIO(content)).active
        return "\n".join(str(value) for row in sheet.iter_rows(values_only=True) for value in row if value)
    if content[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return "".join(archive.read(name).decode("utf-8", "ignore") for name in archive.namelist()
                           if name.endswith(".xml"))
    return content.decode()


def petition_urls(petition):
    return [reverse("citizens:petition_list"), reverse("citizens:petition_export"),
            reverse("citizens:petition_detail", args=[petition.pk]),
            reverse("citizens:petition_history", args=[petition.pk]),
            "/api/petitions/", f"/api/petitions/{petition.pk}/"]


def reception_urls(reception):
    return [reverse("citizens:reception_list"), reverse("citizens:reception_export"),
            reverse("citizens:reception_book_docx"), reverse("citizens:reception_detail", args=[reception.pk]),
            reverse("citizens:reception_history", args=[reception.pk]),
            "/api/receptions/", f"/api/receptions/{reception.pk}/"]


@pytest.mark.parametrize("role", OTHERS_WHO_SEE)
def test_no_page_export_or_endpoint_shows_the_petitioner_to_those_who_do_not_handle(client_for, role, petition):
    client = client_for(role)
    for url in petition_urls(petition):
        response = client.get(url)
        assert response.status_code == 200, url
        text = text_of(response)
        assert "PAPRIVATE1" in text or "history" in url, url
        for value in PERSONAL:
            assert value not in text, (url, value)
    assert not PersonalDataReading.objects.exists()


@pytest.mark.parametrize("role", OTHERS_WHO_SEE)
def test_no_page_export_or_endpoint_shows_a_received_citizen_to_those_who_do_not_handle(client_for, role,
                                                                                      reception):
    client = client_for(role)
    for url in reception_urls(reception):
        response = client.get(url)
        assert response.status_code == 200, url
        text = text_of(response)
        for value in CITIZEN:
            assert value not in text, (url, value)


@pytest.mark.parametrize("username", ["handler", "leader"])
def test_the_units_handler_and_the_agencys_leader_read_them_and_each_reading_is_logged(
        client, users, username, handler, petition):
    user = handler if username == "handler" else users[username]
    client.force_login(user)
    for url in petition_urls(petition):
        if "history" in url:
            continue
        text = text_of(client.get(url))
        for value in PERSONAL:
            assert value in text, (url, value)
    readings = PersonalDataReading.objects.filter(user=user, petition=petition)
    assert sorted(readings.values_list("where", flat=True)) == ["api", "api", "export", "page", "page"]


def test_the_history_of_a_petition_keeps_no_personal_data(client, handler, petition):
    client.force_login(handler)
    services.update_petition(Petition.objects.get(pk=petition.pk), by=handler)
    text = text_of(client.get(reverse("citizens:petition_history", args=[petition.pk])))
    for value in PERSONAL:
        assert value not in text


def test_the_handler_reads_receptions_of_the_unit(client, handler, reception):
    client.force_login(handler)
    for url in reception_urls(reception):
        if "history" in url:
            continue
        text = text_of(client.get(url))
        assert "Lê Văn Công Dân" in text, url


def test_a_handler_of_another_unit_does_not_read_them(client, orgs, petition):
    other = handler_of(orgs["TN.SXD.VP"], username="handler-vp")
    client.force_login(other)
    assert client.get(reverse("citizens:petition_detail", args=[petition.pk])).status_code == 404
    assert "PAPRIVATE1" not in client.get("/api/petitions/").content.decode()


def test_a_denunciations_petitioner_is_hidden_from_the_denounced_person_even_a_handler(client, orgs, handler):
    denunciation = PetitionFactory(organization=orgs["TN.SXD.QLXD"], kind=PetitionKind.DENUNCIATION,
                                   code="PADENOUNCE", denounced="Cán bộ A", denounced_user=handler)
    client.force_login(handler)
    for url in petition_urls(denunciation):
        text = text_of(client.get(url))
        for value in PERSONAL:
            assert value not in text, (url, value)
    assert 'id="step-form"' not in client.get(denunciation.get_absolute_url()).content.decode()
    with pytest.raises(PermissionDenied):
        services.advance(denunciation, "accept", by=handler)


def test_the_coordinator_reviews_the_log_and_the_others_may_not(client_for, users, handler, petition, client):
    client.force_login(handler)
    client.get(reverse("citizens:petition_detail", args=[petition.pk]))
    page = client_for("coordinator").get(reverse("citizens:reading_list"))
    assert page.status_code == 200 and "handler" in page.content.decode() and "PAPRIVATE1" in page.content.decode()
    assert client_for("focal").get(reverse("citizens:reading_list")).status_code == 403


def test_closed_petitions_lose_their_personal_data_after_the_retention_period(orgs, settings):
    settings.PETITION_RETENTION_DAYS = 365
    old = PetitionFactory(organization=orgs["TN.SXD.QLXD"], state=PetitionState.CLOSED, closed_on=dt.date(2024, 1, 5))
    recent = PetitionFactory(organization=orgs["TN.SXD.QLXD"], state=PetitionState.CLOSED,
                             closed_on=dt.date(2025, 6, 1))
    still_open = PetitionFactory(organization=orgs["TN.SXD.QLXD"], received_on=dt.date(2023, 1, 5))
    assert services.erase_personal_data(today=dt.date(2025, 7, 1)) == 1
    old.refresh_from_db()
    assert (old.petitioner_name, old.petitioner_phone, old.petitioner_id_number) == ("", "", "")
    assert old.subject and old.personal_data_erased_on == dt.date(2025, 7, 1)
    for kept in (recent, still_open):
        kept.refresh_from_db()
        assert kept.petitioner_name == "Trần Thị Bí Mật"


def test_the_scheduler_runs_the_erasure_daily():
    from citizens.tasks import erase_petitioners_personal_data
    from core.scheduler import JOBS, discover

    discover()
    assert JOBS["erase-petitioners-personal-data"].task is erase_petitioners_personal_data
