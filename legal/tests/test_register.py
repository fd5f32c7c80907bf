"""The register of cited documents: one row per number and register, however the number is spelled."""

import datetime as dt

from legal.models import LegalDocument, LegalDocumentKind, kind_from_number, normalize_number
from legal.services import register_document


def test_numbers_are_normalized():
    assert normalize_number("114- KL/TW") == normalize_number("114-KL/TW")
    assert normalize_number(" 16/CT–TTg ") == "16/CT-TTG"


def test_kind_is_read_from_the_number():
    assert kind_from_number("859/KH-UBND") == LegalDocumentKind.PLAN
    assert kind_from_number("23-QĐ/TW") == LegalDocumentKind.DECISION
    assert kind_from_number("10/2022/QH15") == LegalDocumentKind.LAW
    assert kind_from_number("59/2023/NĐ-CP") == LegalDocumentKind.DECREE
    assert kind_from_number("16/CT-TTg") == LegalDocumentKind.DIRECTIVE


def test_register_deduplicates_and_fills_blanks(orgs, users):
    first = register_document("777/QĐ-UBND", organization=orgs["TN.SXD"], by=users["focal"])
    again = register_document("777/ QĐ-UBND", organization=orgs["TN.SXD"], by=users["focal"],
                              date=dt.date(2024, 1, 2), issuer="UBND tỉnh")
    assert first.pk == again.pk and LegalDocument.objects.filter(normalized_number="777/QĐ-UBND").count() == 1
    again.refresh_from_db()
    assert again.date == dt.date(2024, 1, 2) and again.issuer == "UBND tỉnh"


def test_a_national_number_cited_by_two_provinces_is_one_shared_document(orgs, users):
    ours = register_document("99/2031/NĐ-CP", organization=orgs["TN.SXD"], by=users["focal"])
    theirs = register_document("99/2031/NĐ-CP", organization=orgs["HCM.SVHTT"], by=None)
    assert ours.pk == theirs.pk and ours.province is None and ours.confirmed


def test_register_page_lists_documents_and_only_visible_citing_plans(client_for):
    page = client_for("other-focal").get("/legal/", {"number": "16/CT"})
    assert [d.number for d in page.context["object_list"]] == ["16/CT-TTg"]
    document = LegalDocument.objects.get(number="05/CT-UBND")  # cited by Sở Xây dựng's 2024 plan only
    assert not client_for("other-focal").get(f"/legal/{document.pk}/").context["plans"].exists()
    assert client_for("focal").get(f"/legal/{document.pk}/").context["plans"].filter(
        organization__code="TN.SXD").exists()
