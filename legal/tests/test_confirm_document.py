"""The coordinator confirms a waiting document into the province's register: everyone in the
province then sees it; nobody else may confirm, and a number the register has is merged instead."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from core.history import ChangeReason
from legal.services import confirm_document, register_document


def test_the_queue_lists_the_provinces_waiting_documents_for_the_coordinator(client_for, waiting):
    page = client_for("coordinator").get(reverse("legal:waiting_list"))
    assert page.status_code == 200 and waiting in page.context["object_list"]
    assert all(not document.confirmed for document in page.context["object_list"])


def test_the_queue_is_the_coordinators_only(client_for, client, hcm_coordinator, waiting):
    assert client_for("focal").get(reverse("legal:waiting_list")).status_code == 403
    client.force_login(hcm_coordinator)
    assert waiting not in client.get(reverse("legal:waiting_list")).context["object_list"]


def test_confirming_makes_it_visible_to_the_whole_province(client_for, waiting):
    assert client_for("other-focal").get(reverse("legal:document_detail", args=[waiting.pk])).status_code == 404
    response = client_for("coordinator").post(reverse("legal:document_confirm", args=[waiting.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("legal:waiting_list")
    waiting.refresh_from_db()
    assert waiting.confirmed
    assert waiting.history.first().history_change_reason == ChangeReason.CONFIRMED
    for role in ("other-focal", "focal"):
        assert client_for(role).get(reverse("legal:document_detail", args=[waiting.pk])).status_code == 200, role


def test_the_confirmation_asks_first(client_for, waiting):
    page = client_for("coordinator").get(reverse("legal:document_confirm", args=[waiting.pk]))
    assert page.status_code == 200 and b'method="post"' in page.content
    waiting.refresh_from_db()
    assert not waiting.confirmed


def test_neither_the_agency_nor_another_province_confirms(client_for, client, hcm_coordinator, waiting, users):
    assert client_for("focal").post(reverse("legal:document_confirm", args=[waiting.pk])).status_code == 404
    client.force_login(hcm_coordinator)
    assert client.post(reverse("legal:document_confirm", args=[waiting.pk])).status_code == 404
    with pytest.raises(PermissionDenied):
        confirm_document(waiting, by=users["focal"])
    waiting.refresh_from_db()
    assert not waiting.confirmed


def test_a_number_already_in_the_register_is_refused_with_a_reason(client_for, orgs, users):
    duplicate = register_document("05/CT-UBND", organization=orgs["TN.SVHTTDL"], by=users["other-focal"])
    assert duplicate.confirmed  # found in the register: no second row is added
    waiting_one = register_document("91/KH-BDVTU", organization=orgs["TN.SXD"], by=users["focal"])
    register_document("91/KH-BDVTU", organization=orgs["TN"], by=users["coordinator"])
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        confirm_document(waiting_one, by=users["coordinator"])
    assert refused.value.messages == [
        "The province's register already has 91/KH-BDVTU: merge this document into it instead."]
    response = client_for("coordinator").post(reverse("legal:document_confirm", args=[waiting_one.pk]), follow=True)
    waiting_one.refresh_from_db()
    assert not waiting_one.confirmed and len(list(response.context["messages"])) == 1


def test_the_coordinators_inbox_counts_the_waiting_documents(client_for, waiting):
    from core.registry import inbox_for

    coordinator = client_for("coordinator").get("/").context["user"]
    items = [item for item in inbox_for(coordinator) if item.url == reverse("legal:waiting_list")]
    assert len(items) == 1 and items[0].count >= 1
    focal = client_for("focal").get("/").context["user"]
    assert not [item for item in inbox_for(focal) if item.url == reverse("legal:waiting_list")]
