"""The data migration: documents registered before registers were scoped go to the province whose
plans cite them; one number cited in two provinces becomes two documents, national ones stay shared."""

import importlib

from django.apps import apps

from legal.models import LegalDocument
from plans.models import Plan

migration = importlib.import_module("legal.migrations.0003_documents_to_their_provinces")


def _as_before_scoping():
    # One catalogue, as the register was: no province, everything confirmed, nobody named.
    LegalDocument.objects.update(province=None, confirmed=True, added_by=None)


def test_provincial_documents_go_to_the_province_that_cites_them_and_national_ones_stay(orgs):
    _as_before_scoping()
    migration.assign_provinces(apps, None)
    registers = dict(LegalDocument.objects.values_list("number", "province__code"))
    assert registers["859/KH-UBND"] == "TN" and registers["04-CTr/BĐVTU-BCSĐUBNDTP"] == "HCM"
    assert registers["16/CT-TTg"] is None and registers["23-QĐ/TW"] is None


def test_a_number_cited_in_two_provinces_becomes_one_document_in_each(orgs):
    hcm_plan = Plan.objects.get(organization=orgs["HCM.SVHTT"], year=2023, revision_of=None)
    shared = LegalDocument.objects.get(number="859/KH-UBND")
    hcm_plan.basis_documents.add(shared)
    _as_before_scoping()
    migration.assign_provinces(apps, None)
    copies = LegalDocument.objects.filter(normalized_number="859/KH-UBND")
    assert set(copies.values_list("province__code", flat=True)) == {"TN", "HCM"}
    assert hcm_plan.basis_documents.get(number="859/KH-UBND").province == orgs["HCM"]
    tay_ninh_plan = Plan.objects.get(organization=orgs["TN.SXD"], year=2024, revision_of=None)
    assert tay_ninh_plan.basis_documents.get(number="859/KH-UBND").province == orgs["TN"]
