"""The list of plan imports keeps the house kit's list contract (core.testing)."""

from core.testing import ListPageContract
from ingest.models import ImportStatus, PlanImport


class TestImportList(ListPageContract):
    list_url_name = "ingest:import_list"
    detail_url_name = "ingest:import_detail"

    def add_rows(self, orgs, count):
        return [PlanImport.objects.create(organization=orgs["TN.SXD"], file=f"imports/thu-{i}.txt",
                                          original_name=f"thu-{i}.txt", status=ImportStatus.FAILED)
                for i in range(count)]
