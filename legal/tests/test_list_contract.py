"""The register of legal documents keeps the house kit's list contract (core.testing)."""

from core.testing import ListPageContract
from legal.tests.factories import LegalDocumentFactory


class TestLegalDocumentList(ListPageContract):
    list_url_name = "legal:document_list"
    export_url_name = "legal:document_export"
    detail_url_name = "legal:document_detail"

    def add_rows(self, orgs, count):
        return LegalDocumentFactory.create_batch(count)
