"""The petitions' pages: the list (its queries pinned, for readers and for handlers), recording a petition and
taking its steps through the forms."""

import pytest
from django.urls import reverse

from citizens.models import Petition, PetitionKind, PetitionState
from citizens.tests.factories import PetitionFactory, handler_of
from core.testing import ListPageContract

pytestmark = pytest.mark.django_db


class TestPetitionList(ListPageContract):
    list_url_name = "citizens:petition_list"
    export_url_name = "citizens:petition_export"
    detail_url_name = "citizens:petition_detail"
    history_url_name = "citizens:petition_history"

    def add_rows(self, orgs, count):
        return [PetitionFactory(organization=orgs["TN.SXD.QLXD"]) for _i in range(count)]


class TestPetitionListForTheLeader(TestPetitionList):
    """The leader reads the personal data: one more query for the page's rows, one to log the readings."""

    role = "leader"
    max_queries = 17


def test_a_handler_records_a_petition_and_the_citizen_gets_its_code_and_secret(client, orgs):
    client.force_login(handler_of(orgs["TN.SXD.QLXD"]))
    response = client.post(reverse("citizens:petition_create"), {
        "organization": orgs["TN.SXD.QLXD"].pk, "kind": PetitionKind.DENUNCIATION, "channel": "post",
        "received_on": "03/03/2025", "subject": "Tố cáo cán bộ", "complexity": "normal",
        "petitioner_name": "Vũ Văn Tố"}, follow=True)
    petition = Petition.objects.get(subject="Tố cáo cán bộ")
    assert response.status_code == 200 and petition.code in response.content.decode()
    assert petition.created_by.username == "handler" and petition.state == PetitionState.RECEIVED


def test_a_step_form_moves_the_petition_and_a_refused_step_says_why(client, orgs):
    petition = PetitionFactory(organization=orgs["TN.SXD.QLXD"])
    client.force_login(handler_of(orgs["TN.SXD.QLXD"]))
    url = reverse("citizens:petition_step", args=[petition.pk])
    client.post(url, {"transition": "accept", "date": "05/03/2025"})
    petition.refresh_from_db()
    assert petition.state == PetitionState.ACCEPTED
    page = client.post(url, {"transition": "decide", "reason": "Kết luận"}, follow=True).content.decode()
    petition.refresh_from_db()
    assert petition.state == PetitionState.ACCEPTED and "không thể chuyển sang bước" in page


def test_those_who_do_not_handle_see_no_step_form(client_for, orgs):
    petition = PetitionFactory(organization=orgs["TN.SXD.QLXD"])
    page = client_for("focal").get(petition.get_absolute_url()).content.decode()
    assert 'id="step-form"' not in page and 'id="petitioner-hidden"' in page


@pytest.mark.parametrize("username", ["focal", "leader"])
def test_the_api_lists_run_a_fixed_number_of_queries(client_for, orgs, username, django_assert_max_num_queries):
    from citizens.tests.factories import ReceptionFactory

    client = client_for(username)
    for url, make in (("/api/petitions/", lambda: PetitionFactory(organization=orgs["TN.SXD.QLXD"])),
                      ("/api/receptions/", lambda: ReceptionFactory(organization=orgs["TN.SXD.QLXD"]))):
        make()
        with django_assert_max_num_queries(12) as few:
            client.get(url)
        for _i in range(15):
            make()
        with django_assert_max_num_queries(len(few.captured_queries)):
            assert client.get(url).status_code == 200
