"""A register written on the house kit in a few lines per file gets list, detail, form, export,
history and API, scoped, with its service's rules on the form and in the API."""

import datetime as dt

from django.urls import reverse

from core.testing import ListPageContract

from ..models import Note


class TestNoteList(ListPageContract):
    list_url_name = "example_register:note_list"
    export_url_name = "example_register:note_export"
    detail_url_name = "example_register:note_detail"
    history_url_name = "example_register:note_history"
    role = "focal"

    def add_rows(self, orgs, count):
        return [Note.objects.create(organization=orgs["TN.SXD.QLXD"], date=dt.date(2025, 1, 1 + i % 28),
                                    subject=f"Ghi chép {i}") for i in range(count)]


def test_the_form_saves_through_the_service_and_records_who(client_for, orgs, users):
    response = client_for("unit").post(reverse("example_register:note_create"), {
        "organization": orgs["TN.SXD.QLXD"].pk, "date": "02/03/2025", "subject": "Họp giao ban"})
    note = Note.objects.get(subject="Họp giao ban")
    assert response.status_code == 302 and response["Location"] == note.get_absolute_url()
    assert note.history.first().history_user == users["unit"]


def test_a_service_refusal_lands_on_the_form_and_saves_nothing(client_for, orgs):
    response = client_for("unit").post(reverse("example_register:note_create"), {
        "organization": orgs["TN.SXD.QLXD"].pk, "date": "02/03/2025", "subject": "cấm"})
    assert response.status_code == 400
    assert response.context["form"].errors["subject"] == ["Nội dung này không được ghi."]
    assert not Note.objects.filter(subject="cấm").exists()


def test_another_agency_neither_reads_nor_changes_a_note(client_for, orgs):
    note = Note.objects.create(organization=orgs["TN.SXD.QLXD"], date=dt.date(2025, 1, 1), subject="Riêng")
    client = client_for("other-focal")
    for name in ("note_detail", "note_update", "note_history", "note_delete"):
        assert client.get(reverse(f"example_register:{name}", args=[note.pk])).status_code == 404
    assert "Riêng" not in client.get(reverse("example_register:note_list")).content.decode()


def test_the_api_writes_through_the_service_and_answers_its_refusal_in_vietnamese(client_for, orgs):
    client = client_for("unit")
    url = reverse("example-note-list")
    created = client.post(url, {"organization": orgs["TN.SXD.QLXD"].pk, "date": "2025-04-01", "subject": "API"},
                          content_type="application/json")
    assert created.status_code == 201
    refused = client.post(url, {"organization": orgs["TN.SXD.QLXD"].pk, "date": "2025-04-01", "subject": "cấm"},
                          content_type="application/json")
    assert refused.status_code == 400 and refused.json() == {"subject": ["Nội dung này không được ghi."]}
    leader = client_for("leader")
    note = Note.objects.get(subject="API")
    # The leader reads the note but may not change it: the write scope does not hold it.
    assert leader.get(reverse("example-note-detail", args=[note.pk])).status_code == 200
    assert leader.patch(reverse("example-note-detail", args=[note.pk]), {"subject": "Sửa"},
                        content_type="application/json").status_code == 404


def test_delete_asks_first_and_then_removes_with_history(client_for, orgs, users):
    note = Note.objects.create(organization=orgs["TN.SXD.QLXD"], date=dt.date(2025, 1, 1), subject="Xóa tôi")
    client = client_for("focal")
    url = reverse("example_register:note_delete", args=[note.pk])
    assert "Xóa ghi chép này?" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    assert not Note.objects.filter(pk=note.pk).exists()
    assert Note.history.filter(id=note.pk, history_type="-").get().history_user == users["focal"]
