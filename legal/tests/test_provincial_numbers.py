"""Uniqueness by register and number: a province's "859/KH-UBND" is not another province's."""

import pytest
from django.db import IntegrityError, transaction

from legal.models import LegalDocument
from legal.services import register_document


def test_two_provinces_with_the_same_number_have_two_documents(orgs):
    tay_ninh = LegalDocument.objects.get(number="859/KH-UBND")
    hcm = register_document("859/KH-UBND", organization=orgs["HCM"], issuer="UBND Thành phố Hồ Chí Minh")
    assert hcm.pk != tay_ninh.pk
    assert (tay_ninh.province, hcm.province) == (orgs["TN"], orgs["HCM"])
    assert LegalDocument.objects.filter(normalized_number="859/KH-UBND").count() == 2


def test_each_province_finds_its_own_document_by_the_number(orgs, users):
    hcm = register_document("859/KH-UBND", organization=orgs["HCM"])
    assert register_document("859/ KH-UBND", organization=orgs["HCM.SVHTT"]).pk == hcm.pk
    tay_ninh = register_document("859/KH-UBND", organization=orgs["TN.SXD"], by=users["focal"])
    assert tay_ninh.number == "859/KH-UBND" and tay_ninh.province == orgs["TN"] and tay_ninh.confirmed


def test_a_national_document_is_one_shared_row(orgs, users):
    national = LegalDocument.objects.get(number="16/CT-TTg")
    assert national.province is None
    assert register_document("16/CT-TTg", organization=orgs["HCM.SVHTT"]).pk == national.pk
    assert register_document("16/CT-TTG", organization=orgs["TN.SXD"], by=users["focal"]).pk == national.pk


def test_the_database_refuses_a_second_row_for_a_number_of_one_register(orgs):
    with pytest.raises(IntegrityError), transaction.atomic():
        LegalDocument.objects.create(number="859/KH-UBND", province=orgs["TN"])
    with pytest.raises(IntegrityError), transaction.atomic():
        LegalDocument.objects.create(number="16/CT-TTg")


def test_the_demo_documents_sit_in_their_registers(orgs):
    registers = dict(LegalDocument.objects.filter(confirmed=True).values_list("number", "province__code"))
    assert registers["23-QĐ/TW"] is None and registers["10/2022/QH15"] is None
    assert registers["859/KH-UBND"] == "TN" and registers["04-CTr/BĐVTU-BCSĐUBNDTP"] == "HCM"
