"""A document a plan editor adds waits for the coordinator: until then only the organization that
added it (with the units below it) and its province's coordinator see it; other agencies and
provinces do not."""

from django.urls import reverse

from legal.models import LegalDocument
from legal.services import register_document

# Sở Xây dựng's readers, those of its units, and the province's coordinator.
SEE_IT = ("focal", "leader", "inspector", "unit", "viewer", "coordinator")
# Another agency of the province (Sở VHTTDL).
DO_NOT = ("other-focal",)


def _listed(client, document) -> bool:
    page = client.get(reverse("legal:document_list"), {"number": document.number})
    return document in page.context["object_list"]


def _in_api(client, document) -> bool:
    listed = client.get("/api/legal-documents/", {"number": document.number}).json()["results"]
    return any(row["id"] == document.pk for row in listed)


def test_a_plan_editor_adds_a_waiting_document_of_the_province_owned_by_the_plans_organization(waiting, orgs):
    assert (waiting.province, waiting.added_by, waiting.confirmed) == (orgs["TN"], orgs["TN.SXD"], False)


def test_the_organization_that_added_it_and_the_coordinator_see_it(client_for, waiting):
    for role in SEE_IT:
        client = client_for(role)
        assert _listed(client, waiting), role
        assert client.get(reverse("legal:document_detail", args=[waiting.pk])).status_code == 200, role
        assert _in_api(client, waiting), role


def test_other_agencies_of_the_province_do_not_see_it(client_for, waiting):
    for role in DO_NOT:
        client = client_for(role)
        assert not _listed(client, waiting), role
        assert client.get(reverse("legal:document_detail", args=[waiting.pk])).status_code == 404, role
        assert client.get(f"/api/legal-documents/{waiting.pk}/").status_code == 404, role
        assert not _in_api(client, waiting), role


def test_another_province_does_not_see_it(client, hcm_coordinator, waiting):
    client.force_login(hcm_coordinator)
    assert not _listed(client, waiting)
    assert client.get(reverse("legal:document_detail", args=[waiting.pk])).status_code == 404
    assert client.get(f"/api/legal-documents/{waiting.pk}/").status_code == 404


def test_another_province_does_not_see_a_provinces_confirmed_documents(client, hcm_coordinator):
    client.force_login(hcm_coordinator)
    tay_ninh = LegalDocument.objects.get(number="859/KH-UBND")
    assert not _listed(client, tay_ninh)
    assert client.get(reverse("legal:document_detail", args=[tay_ninh.pk])).status_code == 404
    assert _listed(client, LegalDocument.objects.get(number="16/CT-TTg"))


def test_the_organization_finds_its_waiting_document_again_and_another_agency_adds_its_own(waiting, orgs, users):
    assert register_document("88/KH-BDVTU", organization=orgs["TN.SXD"], by=users["focal"]).pk == waiting.pk
    theirs = register_document("88/KH-BDVTU", organization=orgs["TN.SVHTTDL"], by=users["other-focal"])
    assert theirs.pk != waiting.pk and theirs.added_by == orgs["TN.SVHTTDL"] and not theirs.confirmed


def test_a_unit_cites_what_its_agency_added_without_adding_it_again(waiting, orgs, users):
    assert register_document("88/KH-BDVTU", organization=orgs["TN.SXD.QLXD"], by=users["unit"]).pk == waiting.pk


def test_the_coordinator_adds_straight_into_the_register(orgs, users):
    document = register_document("89/KH-BDVTU", organization=orgs["TN"], by=users["coordinator"])
    assert document.confirmed and document.province == orgs["TN"]


def test_the_api_says_where_a_document_belongs(client_for, waiting):
    row = client_for("focal").get(f"/api/legal-documents/{waiting.pk}/").json()
    assert (row["level"], row["province"], row["confirmed"]) == ("provincial", waiting.province_id, False)
    national = LegalDocument.objects.get(number="16/CT-TTg")
    row = client_for("focal").get(f"/api/legal-documents/{national.pk}/").json()
    assert (row["level"], row["province"], row["confirmed"]) == ("national", None, True)


def test_a_plan_saved_by_its_editor_cites_the_waiting_document(orgs, users):
    from plans import services as plan_services

    plan = plan_services.create_plan(organization=orgs["TN.SXD"], year=2032, by=users["focal"],
                                     cited=["16/CT-TTg", "859/KH-UBND", "90/KH-BDVTU"], place="Tây Ninh",
                                     title="Kế hoạch thử")
    cited = {d.number: d for d in plan.basis_documents.all()}
    assert cited["16/CT-TTg"].province is None and cited["859/KH-UBND"].confirmed
    assert not cited["90/KH-BDVTU"].confirmed and cited["90/KH-BDVTU"].added_by == orgs["TN.SXD"]


def test_the_register_and_the_api_filter_by_catalogue_and_status(client_for, waiting):
    client = client_for("focal")
    national = client.get("/api/legal-documents/", {"register": "national"}).json()["results"]
    assert national and all(row["level"] == "national" for row in national)
    waiting_rows = client.get("/api/legal-documents/", {"status": "waiting"}).json()["results"]
    assert waiting.pk in {row["id"] for row in waiting_rows} and not any(row["confirmed"] for row in waiting_rows)
    page = client.get(reverse("legal:document_list"), {"register": "provincial", "status": "confirmed"})
    shown = page.context["object_list"]
    assert shown and all(d.province_id and d.confirmed for d in shown)


def test_a_targets_document_picker_offers_only_what_its_plan_may_cite(orgs, waiting):
    from plans.forms import TargetForm
    from plans.models import Plan

    theirs = Plan.objects.filter(organization=orgs["TN.SVHTTDL"]).first()
    offered = TargetForm(plan=theirs).fields["documents"].queryset
    assert offered.filter(number="16/CT-TTg").exists() and offered.filter(number="859/KH-UBND").exists()
    assert not offered.filter(pk=waiting.pk).exists()  # Sở Xây dựng's, waiting
    assert not offered.filter(number="04-CTr/BĐVTU-BCSĐUBNDTP").exists()  # Hồ Chí Minh City's
    ours = Plan.objects.filter(organization=orgs["TN.SXD"]).first()
    assert TargetForm(plan=ours).fields["documents"].queryset.filter(pk=waiting.pk).exists()
