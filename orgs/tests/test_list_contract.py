"""The organization tree and the roster keep the house kit's list contract (core.testing)."""

from core.testing import ListPageContract
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
        start = Organization.objects.count()
        return [Organization.objects.create(code=f"TN.SXD.T{start + i}", name=f"Tổ thử {start + i}", kind="unit",
                                            parent=orgs["TN.SXD"]) for i in range(count)]
