"""The document register keeps the house kit's list contract (core.testing)."""

import datetime as dt

from core.testing import ListPageContract
from registry.services import register_for


class TestDocumentRegister(ListPageContract):
    list_url_name = "registry:document_list"
    export_url_name = "registry:document_export"

    def add_rows(self, orgs, count):
        register = register_for(orgs["TN.SXD"])
        start = register.documents.filter(year=2025).count()
        return [register.documents.create(year=2025, number=start + i + 1, type_code="CV", symbol="SXD-VP",
                                          date=dt.date(2025, 5, 1), title=f"Công văn {start + i}",
                                          issuer=orgs["TN.SXD"]) for i in range(count)]
