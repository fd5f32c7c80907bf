"""The register of legal documents keeps the house kit's list contract (core.testing)."""

from core.testing import ListPageContract
from legal.models import LegalDocument
from legal.tests.factories import LegalDocumentFactory


class TestLegalDocumentList(ListPageContract):
    list_url_name = "legal:document_list"
    export_url_name = "legal:document_export"
    detail_url_name = "legal:document_detail"

    def add_rows(self, orgs, count):
        return LegalDocumentFactory.create_batch(count)


class TestWaitingDocumentList(ListPageContract):
    """The coordinator's queue, with documents added by different agencies."""

    list_url_name = "legal:waiting_list"
    detail_url_name = "legal:document_detail"
    history_url_name = "legal:document_history"
    role = "coordinator"

    def add_rows(self, orgs, count):
        agencies = [orgs["TN.SXD"], orgs["TN.SVHTTDL"], orgs["TN.SXD.VP"]]
        return [
            LegalDocumentFactory(number=f"{n}/2031/KH-BDVTU", province=orgs["TN"], confirmed=False,
                                 added_by=agencies[n % len(agencies)])
            for n in range(LegalDocument.objects.count() + 1, LegalDocument.objects.count() + count + 1)
        ]
