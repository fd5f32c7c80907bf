"""The organization tree and the roster keep the house kit's list contract (core.testing)."""


from django.urls import reverse

from core.tables import export_rows
from core.testing import ListPageContract, read_export
from orgs.models import Organization, StaffMember


class TestStaffList(ListPageContract):
    list_url_name = "orgs:staff_list"
    export_url_name = "orgs:staff_export"
    detail_url_name = "orgs:staff_detail"
    history_url_name = "orgs:staff_history"

    def add_rows(self, orgs, count):
        return [StaffMember.objects.create(organization=orgs["TN.SXD.QLXD"], full_name=f"Nguyễn Văn Thử {i}",
                                           category="civil_servant") for i in range(count)]


class TestOrganizationTree(ListPageContract):
    list_url_name = "orgs:organization_list"
    export_url_name = "orgs:organization_export"
    detail_url_name = "orgs:organization_detail"
    history_url_name = "orgs:organization_history"
    role = "coordinator"

    def add_rows(self, orgs, count):
        # Agencies: the tree opens on the province and its direct children.
        start = Organization.objects.count()
        return [Organization.objects.create(code=f"TN.T{start + i}", name=f"Sở thử {start + i}", kind="agency",
                                            parent=orgs["TN"]) for i in range(count)]

    def test_the_export_has_the_columns_of_the_table(self, client_for, orgs, users):
        # The page shows the open part of the tree; the export has every organization it filters.
        self.add_rows(orgs, 2)
        units = [Organization.objects.create(code=f"TN.SXD.U{i}", name=f"Tổ thử {i}", kind="unit",
                                             parent=orgs["TN.SXD"]) for i in range(3)]
        client = client_for(self.role)
        headers, rows = read_export(client.get(reverse(self.export_url_name)).content)
        assert headers == export_rows(client.get(reverse(self.list_url_name)).context["table"])[0]
        codes = {row[0] for row in rows}
        assert {unit.code for unit in units} <= codes
        assert len(codes) == Organization.objects.visible_to(users["coordinator"]).active_on().count()
