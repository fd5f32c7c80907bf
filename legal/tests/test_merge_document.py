"""Merging a waiting document into one already in a register: citations move to the document kept,
the merged one is deleted, both recorded in history; wrong choices are refused and change nothing."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from core.locking import VERSION_FIELD, version_of
from legal.models import LegalDocument
from legal.services import merge_document, register_document
from plans import services as plan_services


def _merge(client, document, into):
    """The merge page's form sent as read (with the version the page was opened at)."""
    return client.post(reverse("legal:document_merge", args=[document.pk]),
                       {"into": into.pk, VERSION_FIELD: version_of(document)})


@pytest.fixture
def citing_plan(orgs, users):
    """A draft of Sở Xây dựng citing "859/KH-UBND" misspelt as a document of its own."""
    return plan_services.create_plan(organization=orgs["TN.SXD"], year=2032, by=users["focal"],
                                     cited=["16/CT-TTg", "92/KH-BDVTU"], place="Tây Ninh", title="Kế hoạch thử")


def test_merging_moves_the_citations_and_deletes_the_merged_document(client_for, citing_plan):
    waiting = citing_plan.basis_documents.get(number="92/KH-BDVTU")
    kept = LegalDocument.objects.get(number="859/KH-UBND")
    response = _merge(client_for("coordinator"), waiting, kept)
    assert response.status_code == 302 and response["Location"] == kept.get_absolute_url()
    assert set(citing_plan.basis_documents.values_list("number", flat=True)) == {"16/CT-TTg", "859/KH-UBND"}
    assert not LegalDocument.objects.filter(pk=waiting.pk).exists()


def test_the_merge_is_recorded_in_the_history_of_both_and_of_the_plan(client_for, citing_plan):
    waiting = citing_plan.basis_documents.get(number="92/KH-BDVTU")
    kept = LegalDocument.objects.get(number="859/KH-UBND")
    _merge(client_for("coordinator"), waiting, kept)
    assert "92/KH-BDVTU" in kept.history.first().history_change_reason
    gone = LegalDocument.history.filter(id=waiting.pk).first()
    assert gone.history_type == "-" and gone.history_change_reason == "merged"
    assert gone.history_user.username == "coordinator"
    assert citing_plan.history.first().history_change_reason == "merged"
    page = client_for("coordinator").get(reverse("legal:document_history", args=[waiting.pk]))
    assert page.status_code == 200


def test_blank_fields_of_the_kept_document_are_filled_from_the_merged_one(orgs, users):
    waiting = register_document("93/KH-BDVTU", organization=orgs["TN.SXD"], by=users["focal"], title="Tên đầy đủ")
    kept = register_document("93/KH-BDVTU", organization=orgs["TN"], by=users["coordinator"])
    merge_document(waiting, into=kept, by=users["coordinator"])
    kept.refresh_from_db()
    assert kept.title == "Tên đầy đủ"


def test_a_document_is_merged_only_by_its_provinces_coordinator(client_for, client, hcm_coordinator, waiting):
    kept = LegalDocument.objects.get(number="859/KH-UBND")
    assert _merge(client_for("focal"), waiting, kept).status_code == 404
    client.force_login(hcm_coordinator)
    assert client.get(reverse("legal:document_merge", args=[waiting.pk])).status_code == 404
    assert LegalDocument.objects.filter(pk=waiting.pk).exists()


def test_the_merge_offers_the_national_and_the_provinces_confirmed_documents_same_number_first(
        client_for, orgs, users, waiting):
    twin = register_document("88/KH-BDVTU", organization=orgs["TN.SVHTTDL"], by=users["other-focal"])
    confirmed_twin = register_document("88/KH-BDVTU", organization=orgs["TN"], by=users["coordinator"])
    choices = client_for("coordinator").get(reverse("legal:document_merge", args=[waiting.pk])).context[
        "form"].fields["into"].queryset
    assert choices.first() == confirmed_twin
    assert choices.filter(number="16/CT-TTg").exists() and choices.filter(number="859/KH-UBND").exists()
    assert not choices.filter(number="04-CTr/BĐVTU-BCSĐUBNDTP").exists()  # Hồ Chí Minh City's
    assert not choices.filter(pk__in=[waiting.pk, twin.pk]).exists()  # waiting ones are confirmed first


def test_merging_into_another_provinces_document_is_refused_and_changes_nothing(client_for, orgs, waiting):
    theirs = LegalDocument.objects.get(number="04-CTr/BĐVTU-BCSĐUBNDTP")
    response = _merge(client_for("coordinator"), waiting, theirs)
    assert response.status_code == 400 and "into" in response.context["form"].errors
    assert LegalDocument.objects.filter(pk=waiting.pk).exists()


@pytest.mark.parametrize(("into", "message"), [
    ("itself", "Choose another document to keep."),
    ("other province", "A document can only be merged into a national one or one confirmed in its province's "
                       "register."),
    ("waiting", "A document can only be merged into a national one or one confirmed in its province's "
                "register."),
])
def test_the_merge_rule_refuses_wrong_choices_with_a_reason(orgs, users, waiting, into, message):
    target = {
        "itself": lambda: waiting,
        "other province": lambda: LegalDocument.objects.get(number="04-CTr/BĐVTU-BCSĐUBNDTP"),
        "waiting": lambda: register_document("88/KH-BDVTU", organization=orgs["TN.SVHTTDL"], by=users["other-focal"]),
    }[into]()
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        merge_document(waiting, into=target, by=users["coordinator"])
    assert refused.value.messages == [message]
    assert LegalDocument.objects.filter(pk=waiting.pk).exists()


def test_a_confirmed_document_is_not_merged(users):
    document = LegalDocument.objects.get(number="05/CT-UBND")
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        merge_document(document, into=LegalDocument.objects.get(number="859/KH-UBND"), by=users["coordinator"])
    assert refused.value.messages == ["Only a document waiting for confirmation can be merged into another."]
